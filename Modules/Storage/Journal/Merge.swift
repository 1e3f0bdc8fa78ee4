import Dispatch
import Foundation
import GRDB
import ShopDomain

/// What merging a batch of another notebook's ops did.
public struct MergeReport: Sendable, Equatable {
    /// Newly applied (including those parked as conflicts).
    public var applied: Int = 0
    /// Applied but parked in the conflict queue.
    public var conflicts: Int = 0
    /// Already known with the same hash: harmless repeats.
    public var duplicates: Int = 0
    /// Held back because an earlier op of the same device is missing (a gap is never skipped).
    public var held: [OpID] = []
}

extension ShopDatabase {
    /// Applies ops made on other devices, each device's in sequence order, idempotently: a known
    /// op ID with the same hash is skipped; one with another hash means a cloned notebook and
    /// is refused. Every op's hash and chain are checked and its actor re-authorized here
    /// (DESIGN.md, Notebooks). An op the rules refuse is still appended — nothing is dropped — and
    /// parked in the conflict queue. All in one transaction, with the lookups every op repeats
    /// (zone, policy, local device) cached for its length (`ProjectionCache`).
    @discardableResult
    public func merge(_ ops: [Op]) throws -> MergeReport {
        try requireWritable()
        let hashes = HashCheck(ops)  // before the write, outside the writer's lock
        return try retryingBehind {
            try noticingDamage { try pool.writeWithoutTransaction { db in try merge(ops, hashes, db) } }
        }
    }

    /// Merges optimistically first, without a savepoint per op (most batches park nothing). If
    /// the rules refuse an op, that transaction is rolled back and the batch merged again, in a
    /// new one, with each op in its own savepoint, so that only the refused op's partial effect is
    /// undone. The isolated pass starts from the state the optimistic one started from (or a later
    /// one, if another process wrote in between), so the result is that of merging op by op.
    /// Not a savepoint around the optimistic pass: while one is open SQLite keeps a copy of every
    /// page each statement first touches, for the whole batch (a multi-row journal insert alone
    /// spills it to a temporary file).
    private func merge(_ ops: [Op], _ hashes: HashCheck, _ db: Database) throws -> MergeReport {
        var report: MergeReport?
        var start: Int64 = 0
        try db.inTransaction {
            start = try storeOfRecord == nil ? 0 : JournalQueries.lastSeq(db)
            do {
                report = try ProjectionCache.$active.withValue(ProjectionCache(db, localDevice: deviceID)) {
                    try merge(ops, hashes, db, isolated: false)
                }
                try recordInStore(db, since: start)  // the store of record commits first, or nothing does
                return .commit
            } catch OptimisticMerge.refused {
                return .rollback
            }
        }
        if let report { return report }
        try db.inTransaction {
            start = try storeOfRecord == nil ? 0 : JournalQueries.lastSeq(db)
            report = try ProjectionCache.$active.withValue(ProjectionCache(db, localDevice: deviceID)) {
                try merge(ops, hashes, db, isolated: true)
            }
            try recordInStore(db, since: start)
            return .commit
        }
        return report!
    }

    private func merge(_ ops: [Op], _ hashes: HashCheck, _ db: Database, isolated: Bool) throws -> MergeReport {
        var report = MergeReport()
        var heads: [DeviceID: DeviceHead] = [:]
        var waiting: [DeviceID: [Int64: Op]] = [:]
        let append = try JournalAppender(db)
        var actors = ActorCache()

        /// Applies `op` if it is the device's next; then any waiting ops that now follow.
        func offer(_ op: Op) throws {
            let cached = heads[op.deviceID]
            var head = try cached ?? DeviceHead.fetch(db, device: op.deviceID)
            if cached == nil { heads[op.deviceID] = head }
            if op.deviceSeq <= head.lastSeq {
                try append.flush()  // the op may be one this batch appended
                let known = try db.cachedStatement(Self.knownHash).readFirst(op.deviceID.rawValue, op.deviceSeq) { $0.text(0) } ?? nil
                guard known == op.hash else { throw MergeError.clonedNotebook(op.id) }
                report.duplicates += 1
                return
            }
            guard op.deviceSeq == head.lastSeq + 1 else {
                waiting[op.deviceID, default: [:]][op.deviceSeq] = op
                return
            }
            var next: Op? = op
            while let current = next {
                guard current.prevHash == head.lastHash else { throw MergeError.brokenChain(current.id) }
                guard let handler = registry.handlers[current.kind] else { throw StorageError.unknownOperationKind(current.kind) }
                try append.beforeProjecting(handler)
                if try projectMerged(current, handler, &actors, db, isolated: isolated) { report.conflicts += 1 }
                try append(current)
                head = DeviceHead(device: current.deviceID, lastSeq: current.deviceSeq, lastHash: current.hash, lastHLC: current.hlc)
                report.applied += 1
                next = waiting.isEmpty ? nil : waiting[current.deviceID]?.removeValue(forKey: current.deviceSeq + 1)
            }
            heads[op.deviceID] = head
        }

        for (index, op) in ops.enumerated() {
            guard op.deviceID != deviceID else {  // our own op coming back: we have it
                report.duplicates += 1
                continue
            }
            guard hashes.valid[index] else { throw MergeError.badHash(op.id) }
            try offer(op)
        }
        try append.flush()
        report.held = waiting.values.flatMap(\.values).map(\.id).sorted { ($0.deviceID, $0.deviceSeq) < ($1.deviceID, $1.deviceSeq) }
        for head in heads.values { try head.save(db) }
        return report
    }

    private static let knownHash = FastSQL("SELECT hash FROM journal WHERE deviceID = ? AND deviceSeq = ?")

    /// Ops this database holds from `device` after `seq`, in order: what a notebook exports.
    public func ops(from device: DeviceID, after seq: Int64 = 0) throws -> [Op] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM journal WHERE deviceID = ? AND deviceSeq > ? ORDER BY deviceSeq",
                             arguments: [device.rawValue, seq]).map { JournalEntry(row: $0).op }
        }
    }
}

/// Whether each op of a batch matches its hash, worked out before the merge's write transaction,
/// a large batch split over every core (SHA-256 of each op's canonical form is a tenth of a
/// merge's work). The merge still goes through the ops in order and refuses the first bad one.
struct HashCheck: Sendable {
    let valid: [Bool]

    init(_ ops: [Op]) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard ops.count >= 256, cores > 1 else {
            valid = ops.map(\.hasValidHash)
            return
        }
        let chunk = (ops.count + cores - 1) / cores
        valid = [Bool](unsafeUninitializedCapacity: ops.count) { buffer, count in
            let results = UncheckedBuffer(buffer)  // each index written by one worker only
            DispatchQueue.concurrentPerform(iterations: cores) { part in
                for index in min(ops.count, part * chunk)..<min(ops.count, (part + 1) * chunk) {
                    results.buffer.baseAddress!.advanced(by: index).initialize(to: ops[index].hasValidHash)
                }
            }
            count = ops.count
        }
    }

    private struct UncheckedBuffer: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Bool>
        init(_ buffer: UnsafeMutableBufferPointer<Bool>) { self.buffer = buffer }
    }
}

/// An op the rules refused during a merge's optimistic pass: the batch is merged again, isolated.
enum OptimisticMerge: Error {
    case refused
}

public enum MergeError: Error, Equatable, Sendable {
    case badHash(OpID)
    case brokenChain(OpID)
    case clonedNotebook(OpID)
}

extension MergeError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
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
