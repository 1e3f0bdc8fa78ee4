import ArgumentParser
import Foundation
import ShopDomain
import ShopModules
import Storage
import Sync

struct DeviceCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "device",
            abstract: L("中心机上登记的设备与令牌。", "Devices registered at the hub, and their tokens."),
            subcommands: [Register.self, List.self, Revoke.self]
        )
    }

    struct Register: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "register", abstract: L("登记一台设备，令牌只显示这一次（只存哈希）。",
                                                                       "Register a device; its token is shown this once (only its hash is kept)."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("设备名，如 仓库笔记本", "A name, e.g. warehouse-laptop"))) var name: String

        func run() throws {
            let database = try global.open()
            let (device, token) = try DeviceRegistry(database).register(name: name)
            if global.json { return Output.json(["token": token, "id": device.id, "name": device.name]) }
            Output.line(L("已登记 \(device.name)（\(device.id)）。令牌（只显示这一次，请妥善保存）：", "Registered \(device.name) (\(device.id)). Its token (shown once, keep it safe):"))
            Output.line(token)
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("已登记的设备与同步情况。", "Registered devices and how they sync."))
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let database = try global.open()
            let devices = try DeviceRegistry(database).list()
            if global.json { return Output.json(devices) }
            let zone = try database.zone()
            var table = TextTable([.init(L("编号", "ID")), .init(L("名称", "Name")), .init(L("设备", "Notebook")), .init(L("状态", "Status")),
                                   .init(L("已推送", "Ops pushed"), alignment: .right), .init(L("最近同步", "Last seen"))])
            for d in devices {
                let status = d.quarantinedAt != nil ? L("已隔离", "QUARANTINED") : d.revokedAt != nil ? L("已吊销", "revoked") : L("正常", "active")
                table.append(d.id, d.name, d.deviceID.map { String($0.prefix(8)) } ?? L("（未同步）", "(not yet)"), status, String(d.opsPushed),
                             d.lastSeenAt.map { zone.format($0) } ?? "")
            }
            Output.table(table)
        }
    }

    struct Revoke: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "revoke", abstract: L("吊销设备令牌：之后它的同步请求都被拒绝。", "Revoke a device's token: its sync requests are refused from then on."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("设备名或编号", "Device name or ID"))) var device: String

        func run() throws {
            let database = try global.open()
            let revoked = try DeviceRegistry(database).revoke(device)
            if !global.json { Output.line(L("已吊销 \(revoked.name)", "Revoked \(revoked.name)")) }
        }
    }
}

struct NotebookCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "notebook",
            abstract: L("离线笔记本：新建、导出到文件、在中心机导入。", "Offline notebooks: create, export to a file, import at the hub."),
            subcommands: [Init.self, Export.self, Import.self]
        )
    }

    struct Init: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "init", abstract: L("在这台电脑上新建一个空笔记本；第一次同步会取回店铺的全部历史。",
                                                                   "Create an empty notebook on this computer; its first sync brings the shop's history."))
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let database = try ShopDatabase.createNotebook(at: global.databasePath, modules: ShopModules.all, clock: try global.clock())
            if global.json { return Output.json(["path": database.path, "device": database.deviceID.rawValue]) }
            Output.line(L("已新建笔记本 \(database.path)（设备 \(database.deviceID.short)）。下一步：zhanggui sync --hub http://中心机:8765 --token 令牌",
                          "Created the notebook \(database.path) (device \(database.deviceID.short)). Next: zhanggui sync --hub http://HUB:8765 --token TOKEN"))
        }
    }

    struct Export: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "export", abstract: L("把中心还没确认的本机操作写到文件（U 盘带去中心机）。",
                                                                     "Write this notebook's ops the hub has not acknowledged to a file (carry it to the hub)."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("文件", "File"))) var file: String
        @Option(help: ArgumentHelp(L("从哪个序号之后导出（默认：中心已确认的之后）", "Export ops after this sequence number (default: after what the hub acknowledged)"))) var after: Int64?

        func run() throws {
            let database = try global.open()
            let header = try NotebookFile.export(database, to: file, after: after)
            if global.json { return Output.json(["file": file, "count": String(header.count), "first": String(header.first), "last": String(header.last)]) }
            Output.line(L("已导出 \(header.count) 条操作（序号 \(header.first)–\(header.last)）到 \(file)", "Exported \(header.count) ops (seq \(header.first)–\(header.last)) to \(file)"))
        }
    }

    struct Import: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "import", abstract: L("在中心机导入笔记本文件（与网络同步同一路径）。", "Import a notebook file at the hub (the same apply path as HTTP)."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("文件", "File"))) var file: String

        func run() throws {
            let database = try global.open()
            let result = try NotebookFile.importFile(file, into: HubService(database: database))
            let r = result.response
            if global.json {
                Output.json(ImportJSON(applied: r.applied, duplicates: r.duplicates, conflicts: r.conflicts, held: r.held.count,
                                       broken: result.broken?.message(in: .current)))
            } else {
                Output.line(L("导入 \(r.applied) 条新操作，\(r.duplicates) 条已有，\(r.conflicts) 条冲突待处理",
                              "Imported \(r.applied) new ops, \(r.duplicates) already here, \(r.conflicts) conflicts to resolve"))
            }
            if let broken = result.broken {
                FileHandle.standardError.write(Data((L("错误：", "error: ") + broken.message(in: .current) + "\n").utf8))
                throw CommandFailure()
            }
        }

        struct ImportJSON: Encodable {
            var applied, duplicates, conflicts, held: Int
            var broken: String?
        }
    }
}

struct SyncCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "sync",
            abstract: L("与中心机同步：推送本机的新操作，拉取本机缺的操作。", "Sync with the hub: push this notebook's new ops, pull the ops it lacks."),
            subcommands: [Now.self, Status.self],
            defaultSubcommand: Now.self
        )
    }

    struct Now: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "now", abstract: L("同步一次（--watch：每隔几秒同步）。", "Sync once (--watch: every few seconds)."))
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("中心机地址", "The hub's address"), valueName: "url")) var hub: String?
        @Option(help: ArgumentHelp(L("设备令牌（或 ZHANGGUI_TOKEN）", "The device token (or ZHANGGUI_TOKEN)"))) var token: String?
        @Flag(help: ArgumentHelp(L("一直同步，直到按 Ctrl-C", "Keep syncing until Ctrl-C"))) var watch = false
        @Option(help: ArgumentHelp(L("--watch 的间隔秒数", "Seconds between rounds with --watch"))) var interval = 5

        func run() throws {
            let database = try global.open()
            let environment = ProcessInfo.processInfo.environment
            guard let hub = hub ?? environment["ZHANGGUI_HUB"] ?? (try? SyncClient.cursor(database).hub).flatMap({ $0.isEmpty ? nil : $0 }),
                  let url = URL(string: hub), url.scheme == "http" || url.scheme == "https" else {
                throw ValidationError(L("用 --hub http://主机:8765 给出中心机地址", "give the hub's address with --hub http://HOST:8765"))
            }
            guard let token = token ?? environment["ZHANGGUI_TOKEN"] else {
                throw ValidationError(L("用 --token 或 ZHANGGUI_TOKEN 给出设备令牌", "give the device token with --token or ZHANGGUI_TOKEN"))
            }
            let client = SyncClient(database: database, hub: hub, transport: HTTPTransport(base: url, token: token))
            repeat {
                do {
                    let result = try client.syncWaiting()
                    if global.json { Output.json(result) } else {
                        Output.line(L("已同步：推送 \(result.pushed) 条，拉取 \(result.pulled) 条，冲突 \(result.conflicts) 条",
                                      "Synced: pushed \(result.pushed), pulled \(result.pulled), conflicts \(result.conflicts)"))
                    }
                } catch let error as any ShopError where watch {
                    FileHandle.standardError.write(Data((L("错误：", "error: ") + error.message(in: .current) + "\n").utf8))
                }
                if watch { Thread.sleep(forTimeInterval: Double(max(1, interval))) }
            } while watch
        }
    }

    struct Status: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "status", abstract: L("待推送的操作和上次同步。", "Ops waiting to be pushed, and the last sync."))
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let database = try global.open()
            let (pending, cursor) = try SyncClient.status(database)
            if global.json { return Output.json(StatusJSON(pending: pending, cursor: cursor)) }
            Output.line(L("待推送：\(pending) 条", "Waiting to push: \(pending) ops"))
            Output.line(L("中心机：", "Hub: ") + (cursor.hub.isEmpty ? L("（从未同步）", "(never synced)") : cursor.hub))
            if let at = cursor.lastSyncAt {
                let zone = (try? database.zone()) ?? (try! ShopZone(ShopZone.defaultIdentifier))
                Output.line(L("上次同步：", "Last sync: ") + zone.format(at) + "  " + (cursor.lastResult ?? ""))
            }
        }

        struct StatusJSON: Encodable {
            var pending: Int
            var cursor: SyncClient.Cursor
        }
    }
}

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
