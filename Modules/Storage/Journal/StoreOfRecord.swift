import Crypto
import GRDB
import ShopDomain

/// A store of record for a hub's journal beside this file: the hub on PostgreSQL
/// (docs/decisions/0011-hub-on-postgresql.md). The file is then the hub's working copy: the same
/// handlers project into it and it can always be rebuilt from the journal. Every transaction that
/// appends to the journal (`apply`, `merge`) hands the store the entries it does not have yet,
/// after the projection and before its own commit; the store takes them in one transaction of its
/// own, and if that does not commit the file rolls back too, so a batch is in both or in neither
/// but for one case: the store committed and the file did not (a crash between the two commits).
/// Then the file is behind the store, and `catchUp()` brings it level through the same handlers.
public protocol StoreOfRecord: Sendable {
    /// The last apply position the store holds (0 for an empty journal).
    func lastSeq() throws -> Int64
    /// Stores `entries` (in apply order, `seq` following the store's last) in one transaction
    /// that either commits whole or throws; only if the store's entry at `anchor.seq` has
    /// `anchor.hash` (the two copies agree up to there; nil for an empty journal), else throws
    /// `StoreOfRecordError.diverged`.
    func record(_ entries: [JournalEntry], after anchor: (seq: Int64, hash: String)?) throws
    /// The entries after `seq` in apply order, leaving out one device's own (what a hub serves to
    /// pulls); `limit` nil for all of them.
    func entries(after seq: Int64, excluding device: DeviceID?, limit: Int?) throws -> [JournalEntry]
    /// `record` without waiting for it: sends `entries` to the store, which checks and writes
    /// them (not yet committed) while the caller goes on; the returned write's `commit()` waits
    /// for that and commits, throwing what `record` would; `cancel()` leaves nothing stored.
    func begin(_ entries: [JournalEntry], after anchor: (seq: Int64, hash: String)?) throws -> any StoreOfRecordWrite
}

/// A write `StoreOfRecord.begin` started: committed or cancelled exactly once (a cancel after
/// the commit does nothing).
public protocol StoreOfRecordWrite: AnyObject {
    func commit() throws
    func cancel()
}

extension StoreOfRecord {
    /// A store that cannot overlap its write with the caller's records the entries at `commit()`.
    public func begin(_ entries: [JournalEntry], after anchor: (seq: Int64, hash: String)?) throws -> any StoreOfRecordWrite {
        DeferredRecord(store: self, entries: entries, anchor: anchor)
    }
}

private final class DeferredRecord<Store: StoreOfRecord>: StoreOfRecordWrite {
    let store: Store
    let entries: [JournalEntry]
    let anchor: (seq: Int64, hash: String)?

    init(store: Store, entries: [JournalEntry], anchor: (seq: Int64, hash: String)?) {
        self.store = store
        self.entries = entries
        self.anchor = anchor
    }

    func commit() throws { try store.record(entries, after: anchor) }
    func cancel() {}
}

/// What `catchUp()` did.
public struct CatchUpReport: Sendable, Equatable {
    /// Entries the store held that the working copy lacked, now applied to it.
    public var adopted: Int = 0
    /// Entries the working copy held that the store lacked (written to the file without the
    /// store, e.g. by a `zhanggui` command at the hub), now in the store.
    public var recorded: Int = 0
}

/// A store of record that did not take or give what was asked (not reachable, refused, another
/// copy's journal): nothing was changed, and the hub says so to the device (a 503: sync again
/// later), not that its ops were bad.
public protocol StoreOfRecordFailure: ShopError {}

public enum StoreOfRecordError: Error, Sendable, Equatable, StoreOfRecordFailure {
    /// The store and the working copy hold different ops at one apply position.
    case diverged(seq: Int64)
    /// An entry from the store does not follow the working copy's journal.
    case notFollowing(seq: Int64, expected: Int64)
    /// The store holds entries the working copy lacks (its commit was lost after the store's):
    /// `catchUp()` first.
    case behind(store: Int64, copy: Int64)
}

extension StoreOfRecordError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .diverged(let seq):
            language.pick(zh: "工作副本与中心存储在日志位置 \(seq) 上的操作不同，什么都没改：用 zhangguid store verify 查看哪边对",
                          en: "the working copy and the store of record hold different ops at journal position \(seq), nothing was changed: check them with zhangguid store verify")
        case .behind(let store, let copy):
            language.pick(zh: "工作副本（到 \(copy)）落后于中心存储（到 \(store)）：先追上",
                          en: "the working copy (up to \(copy)) is behind the store of record (up to \(store)): catch up first")
        case .notFollowing(let seq, let expected):
            language.pick(zh: "中心存储的日志位置 \(seq) 接不上工作副本（应为 \(expected)）",
                          en: "the store's journal position \(seq) does not follow the working copy's (expected \(expected))")
        }
    }
}

extension ShopDatabase {
    /// Inside a write transaction that appended to the journal after `start`, before it
    /// commits: the store takes every entry it does not hold yet, or the transaction rolls back.
    /// A store ahead of `start` means an earlier commit of this file was lost after the store's:
    /// `.behind`, and the caller catches up and tries again (`retryingBehind`).
    func recordInStore(_ db: Database, since start: Int64) throws {
        guard let store = storeOfRecord else { return }
        let after = try store.lastSeq()
        guard after <= start else { throw StoreOfRecordError.behind(store: after, copy: start) }
        let entries = try Row.fetchAll(db, sql: "SELECT * FROM journal WHERE seq > ? ORDER BY seq", arguments: [after])
            .map(JournalEntry.init(row:))
        guard !entries.isEmpty else { return }
        let anchor = after == 0 ? nil : try String.fetchOne(db, sql: "SELECT hash FROM journal WHERE seq = ?", arguments: [after])
            .map { (seq: after, hash: $0) }
        guard after == 0 || anchor != nil else { throw StoreOfRecordError.diverged(seq: after) }
        try store.record(entries, after: anchor)
    }

    /// Before a merge projects the entries its plan appends after `start`: when the store holds
    /// exactly the file's journal up to `start`, sends it those entries (`StoreOfRecord.begin`),
    /// so that the store checks and writes them while the handlers project. Nil without a store,
    /// without entries, or when the store is behind the file (then `finishInStore` sends what it
    /// lacks the plain way); a store ahead of the file is `.behind`, before anything is projected.
    func beginInStore(_ ops: [Op], since start: Int64, _ db: Database) throws -> (any StoreOfRecordWrite)? {
        guard let store = storeOfRecord, !ops.isEmpty else { return nil }
        let after = try store.lastSeq()
        guard after <= start else { throw StoreOfRecordError.behind(store: after, copy: start) }
        guard after == start else { return nil }
        let anchor = start == 0 ? nil : try String.fetchOne(db, sql: "SELECT hash FROM journal WHERE seq = ?", arguments: [start])
            .map { (seq: start, hash: $0) }
        guard start == 0 || anchor != nil else { throw StoreOfRecordError.diverged(seq: start) }
        var entries: [JournalEntry] = []
        entries.reserveCapacity(ops.count)
        for (offset, op) in ops.enumerated() { entries.append(JournalEntry(seq: start + 1 + Int64(offset), op: op)) }
        return try store.begin(entries, after: anchor)
    }

    /// After the projection, before the file commits: commits the store's write `beginInStore`
    /// started — only if the file appended exactly those entries at those positions — or, without
    /// one, records what the store lacks (`recordInStore`). Throws, and the file rolls back, if
    /// the store did not take them.
    func finishInStore(_ write: (any StoreOfRecordWrite)?, since start: Int64, appended count: Int, _ db: Database) throws {
        guard let write else { return try recordInStore(db, since: start) }
        guard try JournalQueries.lastSeq(db) == start + Int64(count) else { throw StoreOfRecordError.diverged(seq: start + 1) }
        try write.commit()
    }

    /// Runs a journal write; if the store of record turns out ahead of this file, catches up
    /// and runs it once more (the write is idempotent for a merge, and an `apply` had not
    /// committed).
    func retryingBehind<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch StoreOfRecordError.behind {
            try catchUp()
            return try body()
        }
    }

    /// Brings the working copy and the store of record level, at a hub's start: entries the
    /// store holds after the file's last are applied to the file through the same handlers a
    /// rebuild replays (checked as a merge checks them: hash, chain, each at the next position),
    /// in one transaction; entries the file holds that the store lacks go to the store. The two
    /// must agree where both have entries (the last common position's hash), or nothing changes.
    @discardableResult
    public func catchUp() throws -> CatchUpReport {
        guard let store = storeOfRecord else { return CatchUpReport() }
        try requireWritable()
        var report = CatchUpReport()
        let remote = try store.lastSeq()
        try noticingDamage {
            try pool.write { db in
                let local = try JournalQueries.lastSeq(db)
                let common = min(local, remote)
                if common > 0 {
                    let mine = try String.fetchOne(db, sql: "SELECT hash FROM journal WHERE seq = ?", arguments: [common])
                    let theirs = try store.entries(after: common - 1, excluding: nil, limit: 1).first
                    guard let theirs, theirs.seq == common, theirs.op.hash == mine else { throw StoreOfRecordError.diverged(seq: common) }
                }
                if remote > local {
                    let entries = try store.entries(after: local, excluding: nil, limit: nil)
                    try adopt(entries, after: local, db)
                    report.adopted = entries.count
                } else if local > remote {
                    // Saved through `recordInStore` below, as any write's entries are.
                    report.recorded = Int(local - remote)
                }
                try recordInStore(db, since: max(local, remote))
            }
        }
        return report
    }

    /// Appends entries another copy of this journal holds, at the same positions, projecting
    /// each as a rebuild does (the same handlers, conflicts parked the same way).
    private func adopt(_ entries: [JournalEntry], after start: Int64, _ db: Database) throws {
        let append = try JournalAppender(db)
        var heads: [DeviceID: DeviceHead] = [:]
        var actors = ActorCache()
        var expected = start + 1
        for entry in entries {
            let op = entry.op
            guard entry.seq == expected else { throw StoreOfRecordError.notFollowing(seq: entry.seq, expected: expected) }
            guard op.hasValidHash else { throw MergeError.badHash(op.id) }
            var head = try heads[op.deviceID] ?? DeviceHead.fetch(db, device: op.deviceID)
            guard op.deviceSeq == head.lastSeq + 1, op.prevHash == head.lastHash else { throw MergeError.brokenChain(op.id) }
            guard let handler = registry.handlers[op.kind] else { throw StorageError.unknownOperationKind(op.kind) }
            try append.beforeProjecting(handler)
            try replay(op, into: db, actors: &actors)
            try append(op)
            head = DeviceHead(device: op.deviceID, lastSeq: op.deviceSeq, lastHash: op.hash, lastHLC: op.hlc)
            heads[op.deviceID] = head
            expected += 1
        }
        try append.flush()
        for head in heads.values { try head.save(db) }
        guard try JournalQueries.lastSeq(db) == start + Int64(entries.count) else {
            throw StoreOfRecordError.diverged(seq: start + 1)
        }
    }

    /// The journal's digest: what two copies of one hub's journal compare (`store copy`).
    public func journalDigest() throws -> JournalDigest {
        try read { db in
            var digest = JournalDigest()
            try JournalEntry.forEach(db) { digest.add($0) }
            return digest
        }
    }
}

/// A SHA-256 over every entry's position, op ID and hash in apply order: equal digests mean the
/// same ops in the same order (each op's hash covers its content and its device's chain).
public struct JournalDigest: Sendable, Equatable, CustomStringConvertible {
    private var hasher = SHA256()
    public private(set) var count = 0
    public private(set) var lastSeq: Int64 = 0

    public init() {}

    public mutating func add(_ entry: JournalEntry) {
        hasher.update(data: Array("\(entry.seq) \(entry.op.deviceID.rawValue) \(entry.op.deviceSeq) \(entry.op.hash)\n".utf8))
        count += 1
        lastSeq = entry.seq
    }

    /// The head hash, hex.
    public var hex: String { Array(hasher.finalize()).hexString }

    public var description: String { "\(count) ops, last seq \(lastSeq), head \(hex)" }

    public static func == (lhs: JournalDigest, rhs: JournalDigest) -> Bool {
        lhs.count == rhs.count && lhs.lastSeq == rhs.lastSeq && lhs.hex == rhs.hex
    }
}
