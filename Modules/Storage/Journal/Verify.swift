import Crypto
import Foundation
import GRDB
import ShopDomain

/// Something wrong with the journal, naming the first op where it shows.
public enum JournalProblem: Sendable, Equatable {
    /// A device's sequence skips: ops were deleted.
    case gap(device: DeviceID, expected: Int64, found: Int64)
    /// The stored hash is not the hash of the op's content: the row was edited.
    case hashMismatch(OpID, kind: String)
    /// The op does not name its predecessor's hash: an op before it was replaced.
    case brokenChain(OpID, kind: String)
    /// The journal ends before the device's recorded head: its tail was cut off.
    case truncated(device: DeviceID, lastFound: Int64, head: Int64)
    /// The recorded head does not match the last op.
    case headMismatch(device: DeviceID, seq: Int64)
    /// Replaying the op into fresh tables failed.
    case replayFailed(OpID, kind: String, reason: String)
    /// A read table differs from what the journal rebuilds.
    case readTableDiffers(table: String)
    /// SQLite's `integrity_check` found the file itself damaged (issue 19).
    case damagedFile(path: String, detail: String)

    public func message(in language: Language) -> String {
        switch self {
        case .gap(let device, let expected, let found):
            language.pick(zh: "设备 \(device.short) 的操作序号跳号：应为 \(expected)，却是 \(found)（操作 \(device.short):\(expected) 被删除）",
                          en: "device \(device.short) skips from seq \(expected) to \(found): op \(device.short):\(expected) was deleted")
        case .hashMismatch(let id, let kind):
            language.pick(zh: "操作 \(id)（\(kind)）的内容与其哈希不符：这一行被改过",
                          en: "op \(id) (\(kind)) does not match its hash: the row was edited")
        case .brokenChain(let id, let kind):
            language.pick(zh: "操作 \(id)（\(kind)）记录的前一哈希与前一操作不符：之前的操作被替换过",
                          en: "op \(id) (\(kind)) does not name the previous op's hash: an earlier op was replaced")
        case .truncated(let device, let last, let head):
            language.pick(zh: "设备 \(device.short) 的日志到 \(last) 为止，但记录的最新序号是 \(head)：尾部被截断",
                          en: "device \(device.short)'s journal ends at seq \(last) but its head is \(head): the tail was cut off")
        case .headMismatch(let device, let seq):
            language.pick(zh: "设备 \(device.short) 的最新操作 \(seq) 与记录的哈希不符",
                          en: "device \(device.short)'s last op \(seq) does not match the recorded head hash")
        case .replayFailed(let id, let kind, let reason):
            language.pick(zh: "重放操作 \(id)（\(kind)）失败：\(reason)", en: "replaying op \(id) (\(kind)) failed: \(reason)")
        case .damagedFile(let path, let detail):
            StorageError.damaged(path: path, detail: detail).message(in: language)
        case .readTableDiffers(let table):
            language.pick(zh: "数据表 \(table) 与日志重建的结果不同：运行 zhanggui journal rebuild",
                          en: "read table \(table) differs from a rebuild from the journal: run zhanggui journal rebuild")
        }
    }
}

/// The journal's own rules over its entries in apply order: each device's sequence without gaps,
/// every op matching its hash and naming its predecessor's. One check for the file's journal
/// (`verify`) and the hub's PostgreSQL store (`zhangguid store verify`).
public struct JournalChainCheck: Sendable {
    public private(set) var problems: [JournalProblem] = []
    public private(set) var count = 0
    private(set) var last: [DeviceID: (seq: Int64, hash: String)] = [:]
    private(set) var broken: Set<DeviceID> = []

    public init() {}

    public mutating func add(_ entry: JournalEntry) {
        count += 1
        let op = entry.op
        guard !broken.contains(op.deviceID) else { return }
        let previous = last[op.deviceID] ?? (0, Op.genesisHash)
        if op.deviceSeq != previous.seq + 1 {
            problems.append(.gap(device: op.deviceID, expected: previous.seq + 1, found: op.deviceSeq))
            broken.insert(op.deviceID)
        } else if !op.hasValidHash {
            problems.append(.hashMismatch(op.id, kind: op.kind))
            broken.insert(op.deviceID)
        } else if op.prevHash != previous.hash {
            problems.append(.brokenChain(op.id, kind: op.kind))
            broken.insert(op.deviceID)
        }
        last[op.deviceID] = (op.deviceSeq, op.hash)
    }
}

/// What `journal verify` found.
public struct VerifyReport: Sendable {
    public var ops: Int
    public var devices: Int
    public var tables: Int
    public var problems: [JournalProblem]
    public var passed: Bool { problems.isEmpty }

    public init(ops: Int, devices: Int, tables: Int, problems: [JournalProblem]) {
        self.ops = ops
        self.devices = devices
        self.tables = tables
        self.problems = problems
    }
}

extension ShopDatabase {
    /// Checks the journal: gapless sequences per device, an intact hash chain up to each device's
    /// head, and read tables equal to a rebuild from the journal. Problems name the first bad op.
    public func verify() throws -> VerifyReport {
        // The file's own integrity first (issue 19): on damage, nothing else is read from it.
        let damage: String?
        do {
            damage = try read { db in try FileState.check(db, "integrity_check") }
        } catch StorageError.damaged(_, let detail) {
            damage = detail
        }
        if let damage {
            self.damage.mark(damage)  // nothing more is written into it (issue 19)
            return VerifyReport(ops: 0, devices: 0, tables: registry.readTables.count, problems: [.damagedFile(path: path, detail: damage)])
        }
        return try read { db in
            var check = JournalChainCheck()
            try JournalEntry.forEach(db) { check.add($0) }
            var problems = check.problems
            let last = check.last
            let broken = check.broken
            let count = check.count
            let heads = try DeviceHead.all(db)
            for head in heads where !broken.contains(head.device) {
                let found = last[head.device] ?? (0, Op.genesisHash)
                if found.seq < head.lastSeq {
                    problems.append(.truncated(device: head.device, lastFound: found.seq, head: head.lastSeq))
                } else if found.seq == head.lastSeq && found.hash != head.lastHash {
                    problems.append(.headMismatch(device: head.device, seq: head.lastSeq))
                }
            }
            let tables = registry.readTables
            if problems.isEmpty {
                problems += try compareWithRebuild(db)
            }
            return VerifyReport(ops: count, devices: max(heads.count, last.count), tables: tables.count, problems: problems)
        }
    }

    /// Replays the journal into a fresh in-memory database and compares every read table.
    private func compareWithRebuild(_ db: Database) throws -> [JournalProblem] {
        let scratch = try DatabaseQueue()
        try registry.migrator().migrate(scratch)
        let devices = try Row.fetchAll(db, sql: "SELECT id, isLocal, createdAt FROM device")
        let replayFailure: JournalProblem? = try scratch.write { target in
            for device in devices {
                try target.execute(sql: "INSERT INTO device (id, isLocal, createdAt) VALUES (?, ?, ?)",
                                   arguments: [device["id"], device["isLocal"], device["createdAt"]])
            }
            var failure: JournalProblem?
            var actors = ActorCache()
            let append = try JournalAppender(target)  // the scratch journal grows as the replay goes, as it did
            try JournalEntry.forEach(db) { entry in
                guard failure == nil else { return }
                do {
                    if let handler = registry.handlers[entry.op.kind] { try append.beforeProjecting(handler) }
                    try replay(entry.op, into: target, actors: &actors)
                    try append(entry.op)
                } catch {
                    failure = .replayFailed(entry.op.id, kind: entry.op.kind, reason: describe(error))
                }
            }
            if failure == nil { try append.flush() }
            return failure
        }
        if let replayFailure { return [replayFailure] }
        return try scratch.read { rebuilt in
            try registry.readTables.compactMap { table in
                try TableDigest.of(table, in: db) == TableDigest.of(table, in: rebuilt) ? nil : .readTableDiffers(table: table)
            }
        }
    }

    /// Replays an op as it was first applied: a local op's projection (it was authorized when it
    /// was made), a merged op through the merge path, so the same ops are parked as conflicts again.
    func replay(_ op: Op, into db: Database, actors: inout ActorCache) throws {
        guard let handler = registry.handlers[op.kind] else { throw StorageError.unknownOperationKind(op.kind) }
        if try ProjectionContext.isLocal(op, db) {
            try handler.project(op, nil, db)
            if handler.affectsAuthorization { actors.forget() }
        } else {
            try projectMerged(op, handler, &actors, db)
        }
    }

    func describe(_ error: any Error) -> String {
        (error as? any ShopError)?.message(in: .en) ?? String(describing: error)
    }
}

/// A SHA-256 over a table's rows in primary-key-independent order: equal digests mean equal contents.
enum TableDigest {
    static func of(_ table: String, in db: Database) throws -> String {
        let columns = try db.columns(in: table).map(\.name)
        let order = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        var hasher = SHA256()
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(order) FROM \"\(table)\" ORDER BY \(order)")
        while let row = try cursor.next() {
            for value in row.databaseValues {
                let text: String = switch value.storage {
                case .null: "n;"
                case .int64(let n): "i\(n);"
                case .double(let d): "d\(d.bitPattern);"
                case .string(let s): "s\(s.utf8.count):\(s);"
                case .blob(let data): "b\(data.count):\(data.base64EncodedString());"
                }
                hasher.update(data: Data(text.utf8))
            }
            hasher.update(data: Data("\n".utf8))
        }
        return hasher.finalize().hexString
    }
}
