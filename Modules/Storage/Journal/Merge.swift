import GRDB
import ShopDomain

/// What merging a batch of another notebook's ops did.
public struct MergeReport: Sendable, Equatable {
    /// Newly applied.
    public var applied: Int = 0
    /// Already known with the same hash: harmless repeats.
    public var duplicates: Int = 0
    /// Held back because an earlier op of the same device is missing (a gap is never skipped).
    public var held: [OpID] = []
}

extension ShopDatabase {
    /// Applies ops made on other devices, each device's in sequence order, idempotently: a known
    /// op ID with the same hash is skipped; one with another hash means a cloned notebook and
    /// is refused. Every op's hash and chain are checked and its actor re-authorized here
    /// (DESIGN.md, Notebooks). All in one transaction.
    @discardableResult
    public func merge(_ ops: [Op]) throws -> MergeReport {
        try pool.write { db in
            var report = MergeReport()
            var heads: [DeviceID: DeviceHead] = [:]
            let append = try JournalAppender(db)
            var actors = ActorCache()
            for op in ops.sorted(by: { ($0.deviceID, $0.deviceSeq) < ($1.deviceID, $1.deviceSeq) }) {
                guard op.deviceID != deviceID else { throw MergeError.ownOp(op.id) }
                guard op.hasValidHash else { throw MergeError.badHash(op.id) }
                var head = try heads[op.deviceID] ?? DeviceHead.fetch(db, device: op.deviceID)
                if op.deviceSeq <= head.lastSeq {
                    let known = try String.fetchOne(db.cachedStatement(sql: "SELECT hash FROM journal WHERE deviceID = ? AND deviceSeq = ?"),
                                                    arguments: [op.deviceID.rawValue, op.deviceSeq])
                    guard known == op.hash else { throw MergeError.clonedNotebook(op.id) }
                    report.duplicates += 1
                    continue
                }
                guard op.deviceSeq == head.lastSeq + 1 else {
                    report.held.append(op.id)
                    continue
                }
                guard op.prevHash == head.lastHash else { throw MergeError.brokenChain(op.id) }
                guard let handler = registry.handlers[op.kind] else { throw StorageError.unknownOperationKind(op.kind) }
                try authorize(op.actor, handler.authorization, &actors, db)
                try handler.project(op, nil, db)
                try append(op)
                if handler.affectsAuthorization { actors.forget() }
                head = DeviceHead(device: op.deviceID, lastSeq: op.deviceSeq, lastHash: op.hash, lastHLC: op.hlc)
                heads[op.deviceID] = head
                report.applied += 1
            }
            for head in heads.values { try head.save(db) }
            return report
        }
    }

    /// Ops this database holds from `device` after `seq`, in order: what a notebook exports.
    public func ops(from device: DeviceID, after seq: Int64 = 0) throws -> [Op] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM journal WHERE deviceID = ? AND deviceSeq > ? ORDER BY deviceSeq",
                             arguments: [device.rawValue, seq]).map { JournalEntry(row: $0).op }
        }
    }
}

public enum MergeError: Error, Equatable, Sendable {
    case ownOp(OpID)
    case badHash(OpID)
    case brokenChain(OpID)
    case clonedNotebook(OpID)
}

extension MergeError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .ownOp(let id):
            language.pick(zh: "操作 \(id) 来自本设备自己", en: "op \(id) comes from this very device")
        case .badHash(let id):
            language.pick(zh: "操作 \(id) 的内容与哈希不符：文件被改过或损坏", en: "op \(id) does not match its hash: the file was edited or damaged")
        case .brokenChain(let id):
            language.pick(zh: "操作 \(id) 与本设备之前的操作接不上", en: "op \(id) does not follow the device's previous op")
        case .clonedNotebook(let id):
            language.pick(zh: "操作 \(id) 与已收到的同号操作内容不同：这台设备的数据库可能被复制过",
                          en: "op \(id) differs from the op already merged under that ID: the device's notebook may have been copied")
        }
    }
}
