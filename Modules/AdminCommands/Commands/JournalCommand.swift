import ArgumentParser
import Foundation
import ShopDomain
import Storage

struct JournalCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "journal",
            abstract: L("操作日志：一切改动的唯一来源。", "The operation journal: the one source of every change."),
            subcommands: [List.self, Verify.self, Rebuild.self]
        )
    }
}

extension JournalCommand {
    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("列出最近的操作（最新在前）。", "List recent ops, newest first."))
        }

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp(L("最多几条", "How many at most"), valueName: "n"))
        var limit = 50

        @Option(help: ArgumentHelp(L("只看某类操作，如 staff 或 staff.added", "Only ops of a kind, e.g. staff or staff.added"), valueName: "kind"))
        var kind: String?

        func validate() throws {
            guard limit > 0 else { throw ValidationError(L("--limit 必须大于 0", "--limit must be above 0")) }
        }

        func run() throws {
            let database = try global.open()
            let entries = try database.journal(limit: limit, kind: kind)
            if global.json {
                Output.json(entries.map(EntryJSON.init))
                return
            }
            let zone = try database.zone()
            let names = try database.read { db in
                Dictionary(try CoreQueries.staffList(db).map { ($0.staff.id, $0.staff.name) }, uniquingKeysWith: { a, _ in a })
            }
            var table = TextTable([
                .init("#", alignment: .right), .init(L("操作", "Op")), .init(L("时间", "Time")),
                .init(L("操作人", "Actor")), .init(L("类型", "Kind")), .init(L("内容", "Payload"), maxWidth: 60),
            ])
            for entry in entries {
                let op = entry.op
                table.append(String(entry.seq), op.id.description, zone.format(Date(millis: op.hlc.wallMillis), seconds: true),
                             names[op.actor] ?? op.actor.short, op.kind, op.payload)
            }
            Output.table(table)
        }
    }

    struct Verify: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "verify",
                abstract: L("检查日志：序号连续、哈希链完整、数据表与重建一致。", "Check the journal: gapless sequences, intact hash chain, read tables equal a rebuild."),
                discussion: L("发现问题时列出第一条有问题的操作并以 1 退出。", "On a problem, names the first bad op and exits 1.")
            )
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            // The file's own integrity first (issue 19), before anything opens it for writing:
            // damage is reported, exit 1, and nothing is written into the file.
            let report: VerifyReport
            if let damage = try ShopDatabase.integrityProblem(at: global.databasePath, full: true) {
                report = VerifyReport(ops: 0, devices: 0, tables: 0, problems: [.damagedFile(path: global.databasePath, detail: damage)])
            } else {
                report = try global.open(checkIntegrity: false).verify()
            }
            if global.json {
                Output.json(ReportJSON(passed: report.passed, ops: report.ops, devices: report.devices, tables: report.tables,
                                       problems: report.problems.map { $0.message(in: .current) }))
            } else if report.passed {
                Output.line(L("日志完好：\(report.ops) 条操作，\(report.devices) 台设备，\(report.tables) 张数据表与重建一致。",
                              "Journal intact: \(report.ops) ops from \(report.devices) device(s); \(report.tables) read tables equal a rebuild."))
            } else {
                for problem in report.problems {
                    FileHandle.standardError.write(Data((L("错误：", "error: ") + problem.message(in: .current) + "\n").utf8))
                }
            }
            if !report.passed { throw CommandFailure() }
        }

        struct ReportJSON: Encodable {
            var passed: Bool
            var ops, devices, tables: Int
            var problems: [String]
        }
    }

    struct Rebuild: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "rebuild", abstract: L("清空数据表并从日志重放（全部成功或不改动）。", "Empty the read tables and replay the journal (all or nothing)."))
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let database = try global.open()
            let report = try database.rebuild()
            if global.json {
                Output.json(["ops": report.ops, "tables": report.tables.count])
            } else {
                Output.line(L("已重建 \(report.tables.count) 张数据表，重放 \(report.ops) 条操作。",
                              "Rebuilt \(report.tables.count) read tables from \(report.ops) ops."))
            }
        }
    }
}

/// An op in `--json` output.
struct EntryJSON: Encodable {
    var seq: Int64
    var id: String
    var device: String
    var deviceSeq: Int64
    var hlc: String
    var at: Date
    var actor: String
    var kind: String
    var version: Int
    var payload: JSONText
    var prevHash: String
    var hash: String

    init(_ entry: JournalEntry) {
        let op = entry.op
        seq = entry.seq
        id = "\(op.deviceID.rawValue):\(op.deviceSeq)"
        device = op.deviceID.rawValue
        deviceSeq = op.deviceSeq
        hlc = op.hlc.description
        at = Date(millis: op.hlc.wallMillis)
        actor = op.actor.rawValue
        kind = op.kind
        version = op.version
        payload = JSONText(op.payload)
        prevHash = op.prevHash
        hash = op.hash
    }
}

/// Embeds a JSON text as a JSON value rather than as a string.
struct JSONText: Encodable {
    let value: JSONValue

    init(_ text: String) {
        value = (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .string(text)
    }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}

enum JSONValue: Codable {
    case null, bool(Bool), int(Int64), double(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}
