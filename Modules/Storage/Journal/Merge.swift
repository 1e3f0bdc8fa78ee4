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
    ///
    /// Each pass first works out which ops the batch appends, in which order (`MergePlan`: hashes,
    /// chains, duplicates, gaps — nothing a projection changes), then projects them. With a store
    /// of record the plan's entries are sent to it before the projection and checked there while
    /// the handlers run (`StoreOfRecord.begin`); the store commits after the projection and before
    /// this file, or neither does (docs/decisions/0011).
    private func merge(_ ops: [Op], _ hashes: HashCheck, _ db: Database) throws -> MergeReport {
        var report: MergeReport?
        for isolated in [false, true] {
            try db.inTransaction {
                let start = try storeOfRecord == nil ? 0 : JournalQueries.lastSeq(db)
                let plan = try MergePlan(ops, hashes, localDevice: deviceID, registry: registry, db)
                let write = try beginInStore(plan.apply, since: start, db)
                defer { write?.cancel() }  // nothing stored unless committed below
                do {
                    report = try ProjectionCache.$active.withValue(ProjectionCache(db, localDevice: deviceID)) {
                        try project(plan, db, isolated: isolated)
                    }
                    try finishInStore(write, since: start, appended: plan.apply.count, db)  // the store commits first, or nothing does
                    return .commit
                } catch OptimisticMerge.refused where !isolated {
                    report = nil
                    return .rollback
                }
            }
            if let report { return report }
        }
        return report!
    }

    /// Projects and appends the ops `plan` found, in its order; saves every device's new head.
    private func project(_ plan: MergePlan, _ db: Database, isolated: Bool) throws -> MergeReport {
        var report = plan.report
        let append = try JournalAppender(db)
        var actors = ActorCache()
        for (op, handler) in zip(plan.apply, plan.handlers) {
            try append.beforeProjecting(handler)
            if try projectMerged(op, handler, &actors, db, isolated: isolated) { report.conflicts += 1 }
            try append(op)
        }
        try append.flush()
        report.applied = plan.apply.count
        for head in plan.heads.values { try head.save(db) }
        return report
    }

    /// Ops this database holds from `device` after `seq`, in order: what a notebook exports.
    public func ops(from device: DeviceID, after seq: Int64 = 0) throws -> [Op] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM journal WHERE deviceID = ? AND deviceSeq > ? ORDER BY deviceSeq",
                             arguments: [device.rawValue, seq]).map { JournalEntry(row: $0).op }
        }
    }
}

/// Which of a batch's ops a merge appends, and in which order, before anything is projected:
/// each device's ops in sequence from its head (ops waiting for an earlier one are held, never
/// skipped over), duplicates (a known op ID with the same hash) counted, and the first op whose
/// hash, chain, op ID or kind is wrong refused. None of that depends on what the handlers do, so
/// the plan is known before they run — what a store of record is sent while they do.
struct MergePlan {
    /// The ops to append, in apply order.
    var apply: [Op] = []
    /// Each one's handler.
    var handlers: [OpHandler] = []
    /// Every device's head after the batch.
    var heads: [DeviceID: DeviceHead] = [:]
    /// Duplicates and held ops (`applied` and `conflicts` come with the projection).
    var report = MergeReport()

    init(_ ops: [Op], _ hashes: HashCheck, localDevice: DeviceID, registry: ModuleRegistry, _ db: Database) throws {
        apply.reserveCapacity(ops.count)
        handlers.reserveCapacity(ops.count)
        var stored: [DeviceID: Int64] = [:]  // each device's head in the file, before this batch
        var waiting: [DeviceID: [Int64: Op]] = [:]

        /// Plans `op` if it is the device's next; then any waiting ops that now follow.
        func offer(_ op: Op) throws {
            var head: DeviceHead
            if let planned = heads[op.deviceID] {
                head = planned
            } else {
                head = try DeviceHead.fetch(db, device: op.deviceID)
                heads[op.deviceID] = head
                stored[op.deviceID] = head.lastSeq
            }
            if op.deviceSeq <= head.lastSeq {
                let known: String?
                if op.deviceSeq > stored[op.deviceID] ?? 0 {  // one this batch appends
                    known = apply.last { $0.deviceID == op.deviceID && $0.deviceSeq == op.deviceSeq }?.hash
                } else {
                    known = try db.cachedStatement(MergePlan.knownHash).readFirst(op.deviceID.rawValue, op.deviceSeq) { $0.text(0) } ?? nil
                }
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
                apply.append(current)
                handlers.append(handler)
                head = DeviceHead(device: current.deviceID, lastSeq: current.deviceSeq, lastHash: current.hash, lastHLC: current.hlc)
                next = waiting.isEmpty ? nil : waiting[current.deviceID]?.removeValue(forKey: current.deviceSeq + 1)
            }
            heads[op.deviceID] = head
        }

        for (index, op) in ops.enumerated() {
            guard op.deviceID != localDevice else {  // our own op coming back: we have it
                report.duplicates += 1
                continue
            }
            guard hashes.valid[index] else { throw MergeError.badHash(op.id) }
            try offer(op)
        }
        report.held = waiting.values.flatMap(\.values).map(\.id).sorted { ($0.deviceID, $0.deviceSeq) < ($1.deviceID, $1.deviceSeq) }
    }

    private static let knownHash = FastSQL("SELECT hash FROM journal WHERE deviceID = ? AND deviceSeq = ?")
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
