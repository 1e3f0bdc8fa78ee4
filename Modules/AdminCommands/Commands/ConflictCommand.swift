import ArgumentParser
import Foundation
import ShopDomain
import ShopActions
import Storage
import Sync

struct ConflictCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "conflict",
            abstract: L("同步冲突：合并时规则不允许的操作，等人来处理。", "Sync conflicts: merged ops the rules refused, waiting for a person."),
            subcommands: [List.self, Show.self, Resolve.self]
        )
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("未处理的冲突（--all 含已处理）。", "Open conflicts (--all: settled ones too)."))
        }

        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(L("包括已处理的", "Include settled ones"))) var all = false

        func run() throws {
            let session = try Session(global)
            let conflicts = try session.database.conflicts(includeResolved: all)
            if global.json { return Output.json(conflicts) }
            var table = TextTable([.init("#", alignment: .right), .init(L("操作", "Op")), .init(L("类型", "Kind")), .init(L("冲突", "Conflict")),
                                   .init(L("原因", "Reason"), maxWidth: 50), .init(L("状态", "Status"))])
            for c in conflicts {
                table.append(String(c.id), c.op, c.opKind, c.kind == "forbidden" ? L("越权", "forbidden") : L("被拒", "rejected"),
                             c.reason(in: .current), c.status == "open" ? L("待处理", "open") : L("已处理", "settled"))
            }
            Output.table(table)
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: L("一个冲突的两边：当前状态与被拒的操作。", "Both sides of a conflict: the state as merged and the refused op."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("冲突编号", "Conflict number"))) var id: Int64

        func run() throws {
            let session = try Session(global)
            guard let c = try session.database.conflicts(includeResolved: true).first(where: { $0.id == id }) else {
                throw ConflictError.unknown(String(id))
            }
            if global.json { return Output.json(c) }
            var table = TextTable(L("项目", "Field"), L("内容", "Value"))
            table.append(L("操作", "Op"), "\(c.op)  \(c.opKind)")
            table.append(L("操作人", "Actor"), (try? session.read { db in try CoreQueries.staff(db, id: StaffID(rawValue: c.actor))?.name }) ?? c.actor)
            table.append(L("时间", "When"), session.time(c.raisedAt))
            table.append(L("A 当前（保留合并后的状态）", "A current (keep the state as merged)"), c.reason(in: .current))
            table.append(L("B 操作（现在执行它）", "B op (apply it now)"), c.payload)
            table.append(L("状态", "Status"), c.status + (c.resolution.map { "  " + $0 } ?? ""))
            Output.table(table)
        }
    }

    struct Resolve: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "resolve", abstract: L("处理冲突：--keep current（A）或 --keep op（B）；结果作为操作同步到各设备。",
                                                                      "Settle a conflict: --keep current (A) or --keep op (B); the resolution is an op every device pulls."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("冲突编号", "Conflict number"))) var id: Int64
        @Option(help: ArgumentHelp("current|op (A|B)")) var keep: String
        @Option(help: ArgumentHelp(L("说明", "Note"))) var note: String?

        func run() throws {
            let session = try Session(global)
            let keepValue: ConflictResolved.Keep
            switch keep.lowercased() {
            case "current", "a": keepValue = .current
            case "op", "b": keepValue = .op
            default: throw ValidationError(L("--keep 只能是 current（A）或 op（B）", "--keep must be current (A) or op (B)"))
            }
            guard let c = try session.database.conflicts(includeResolved: true).first(where: { $0.id == id }) else {
                throw ConflictError.unknown(String(id))
            }
            try session.apply(ConflictResolved(device: DeviceID(rawValue: c.device), seq: c.seq, keep: keepValue, note: note), as: actor)
            if !global.json { Output.line(L("冲突 \(id) 已处理：\(keepValue.rawValue)", "Conflict \(id) settled: \(keepValue.rawValue)")) }
        }
    }
}
