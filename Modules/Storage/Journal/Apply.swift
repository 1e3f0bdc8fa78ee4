import Foundation
import GRDB
import ShopDomain

extension ShopDatabase {
    /// Validates an op, appends it to the journal and updates the read tables, in one
    /// transaction: either all of it happens or none of it does.
    @discardableResult
    public func apply(_ draft: OpDraft) throws -> Op {
        try apply([draft])[0]
    }

    /// Applies several drafts in one transaction (a demo, an import): all or nothing. The lookups
    /// every op repeats (zone, policy, local device) are cached for its length (`ProjectionCache`).
    @discardableResult
    public func apply(_ drafts: [OpDraft]) throws -> [Op] {
        try apply(making: { _ in drafts })
    }

    /// Applies the drafts `make` writes from what the tables hold inside the write transaction
    /// itself, so no other connection's commit comes between what it read and what is applied
    /// (an import deciding which orders are new, issue 20: one transaction a chunk, not a read
    /// and a write). `make` may run twice (a hub whose store of record was ahead) and must not
    /// count anything itself; no drafts, nothing written.
    @discardableResult
    public func apply(making make: (Database) throws -> [OpDraft]) throws -> [Op] {
        try requireWritable()
        return try retryingBehind {
            try noticingDamage {
                do {
                    return try pool.write { db in
                        // Inside a `bulk`, the last apply's cache when nothing made it stale (`CarriedProjection`).
                        let cache = try CarriedProjection.cache(for: db, of: pool, localDevice: deviceID)
                        let ops = try ProjectionCache.$active.withValue(cache) { () throws -> [Op] in
                            let drafts = try make(db)
                            return drafts.isEmpty ? [] : try apply(drafts, db)
                        }
                        try CarriedProjection.keep(cache, db, of: pool)
                        return ops
                    }
                } catch {
                    CarriedProjection.drop(of: pool)
                    throw error
                }
            }
        }
    }

    private func apply(_ drafts: [OpDraft], _ db: Database) throws -> [Op] {
        let start = try storeOfRecord == nil ? 0 : JournalQueries.lastSeq(db)
        var head = try DeviceHead.fetch(db, device: deviceID)
        var sealed: [Op] = []
        sealed.reserveCapacity(drafts.count)
        let append = try JournalAppender(db)
        var actors = ActorCache()
        for draft in drafts {
            guard let handler = registry.handlers[draft.kind] else { throw StorageError.unknownOperationKind(draft.kind) }
            try authorize(draft.actor, handler.authorization, &actors, db)
            try append.beforeProjecting(handler)
            let physical = Int64((clock.now().timeIntervalSince1970 * 1000).rounded(.down))
            let op = Op(draft: draft, deviceID: deviceID, deviceSeq: head.lastSeq + 1,
                               hlc: HLC.tick(after: head.lastHLC, physicalMillis: physical), prevHash: head.lastHash)
            try handler.project(op, draft.value, db)
            try append(op)
            if handler.affectsAuthorization { actors.forget() }
            head = DeviceHead(device: deviceID, lastSeq: op.deviceSeq, lastHash: op.hash, lastHLC: op.hlc)
            sealed.append(op)
        }
        try append.flush()
        try head.save(db)
        try recordInStore(db, since: start)  // the store of record commits first, or nothing does
        return sealed
    }

    /// The actor must be an active staff member whose roles allow the op (DESIGN.md, Identity).
    func authorize(_ actor: StaffID, _ authorization: Authorization, _ actors: inout ActorCache, _ db: Database) throws {
        switch authorization {
        case .bootstrap:
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shop")!
            guard count == 0 else { throw StorageError.shopAlreadyCreated }
        case .anyStaff, .permission:
            guard let (staff, permissions) = try actors.staff(actor, db) else {
                throw StorageError.unknownStaff(actor.rawValue)
            }
            guard staff.active else { throw StorageError.inactiveStaff(name: staff.name) }
            if case .permission(let permission) = authorization, !permissions.contains(permission) {
                throw StorageError.notPermitted(name: staff.name, permission: permission, roles: staff.roles)
            }
        }
    }
}

/// Staff looked up while authorizing one batch, with what their roles grant together (what
/// `Staff.may` asks of each role); forgotten after an op that changes anyone's roles or status.
/// The last one asked for is answered without hashing its ID: a notebook's ops mostly come from
/// one person in a row.
struct ActorCache {
    typealias Entry = (staff: Staff, permissions: Set<Permission>)
    private var known: [StaffID: Entry] = [:]
    private var last: (id: StaffID, entry: Entry)?

    mutating func staff(_ id: StaffID, _ db: Database) throws -> Entry? {
        if let last, last.id == id { return last.entry }
        let entry: Entry
        if let cached = known[id] {
            entry = cached
        } else {
            guard let staff = try CoreQueries.staff(db, id: id) else { return nil }
            entry = (staff, staff.active ? staff.roles.reduce(into: []) { $0.formUnion($1.permissions) } : [])
            known[id] = entry
        }
        last = (id, entry)
        return entry
    }

    mutating func forget() {
        known.removeAll()
        last = nil
    }
}

/// The newest op of a device as this database knows it: the anchor that shows a truncated
/// journal tail. Journal metadata, not a read table: a rebuild never touches it.
struct DeviceHead: Equatable {
    var device: DeviceID
    var lastSeq: Int64
    var lastHash: String
    var lastHLC: HLC

    static func fetch(_ db: Database, device: DeviceID) throws -> DeviceHead {
        try db.cachedStatement(readHead).readFirst(device.rawValue) { row in
            DeviceHead(device: device, lastSeq: row.int64(0), lastHash: row.text(1) ?? "", lastHLC: row.text(2).flatMap(HLC.init) ?? .zero)
        } ?? DeviceHead(device: device, lastSeq: 0, lastHash: Op.genesisHash, lastHLC: .zero)
    }

    private static let readHead = FastSQL("SELECT lastSeq, lastHash, lastHlc FROM device_head WHERE deviceID = ?")
    private static let saveHead = FastSQL("""
        INSERT INTO device_head (deviceID, lastSeq, lastHash, lastHlc) VALUES (?, ?, ?, ?)
        ON CONFLICT(deviceID) DO UPDATE SET lastSeq = excluded.lastSeq, lastHash = excluded.lastHash, lastHlc = excluded.lastHlc
        """)

    static func all(_ db: Database) throws -> [DeviceHead] {
        try Row.fetchAll(db, sql: "SELECT deviceID, lastSeq, lastHash, lastHlc FROM device_head ORDER BY deviceID").map { row in
            DeviceHead(device: DeviceID(rawValue: row["deviceID"]), lastSeq: row["lastSeq"], lastHash: row["lastHash"],
                       lastHLC: HLC(row["lastHlc"] as String) ?? .zero)
        }
    }

    func save(_ db: Database) throws {
        try db.cachedStatement(Self.saveHead).executeFast(device.rawValue, lastSeq, lastHash, lastHLC)
    }
}

/// Appends sealed ops to the journal in groups: rows wait until `group` of them are pending and
/// then go in as one multi-row INSERT, which costs SQLite far less than as many single-row ones
/// (one statement run, one AUTOINCREMENT update, one statement journal). The rows are written in
/// the order given, so `seq` (the apply order a rebuild replays) is the same as one by one.
/// Pending rows are not in the table yet: a caller flushes before anything reads the journal
/// inside its transaction (`beforeProjecting` for a handler that `readsJournal`, a merge's lookup
/// of a known op) and at its end. Dropping an appender with rows pending loses them, which is
/// what a rollback does anyway.
final class JournalAppender {
    static let group = 50
    private let db: Database
    private let single: Statement
    private var pending: [Op] = []

    init(_ db: Database) throws {
        self.db = db
        single = try db.cachedStatement(Self.singleSQL)
        pending.reserveCapacity(Self.group)
    }

    private static let insert = "INSERT INTO journal (deviceID, deviceSeq, hlc, actor, kind, version, payload, prevHash, hash) VALUES "
    private static let singleSQL = FastSQL(insert + "(?, ?, ?, ?, ?, ?, ?, ?, ?)")
    private static let groupSQL = FastSQL(insert + Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?)", count: group).joined(separator: ", "))

    /// Queues `op`'s row; writes a group once it is full.
    func callAsFunction(_ op: Op) throws {
        pending.append(op)
        if pending.count == Self.group { try flush() }
    }

    /// Before `handler` projects: a handler that reads the journal sees every row appended so far.
    func beforeProjecting(_ handler: OpHandler) throws {
        if handler.readsJournal { try flush() }
    }

    /// Writes every pending row: a full group as one statement, fewer one by one.
    func flush() throws {
        guard !pending.isEmpty else { return }
        if pending.count == Self.group {
            try db.cachedStatement(Self.groupSQL).executeFast { bindings in
                for op in pending { Self.bind(op, &bindings) }
            }
        } else {
            for op in pending { try single.executeFast { Self.bind(op, &$0) } }
        }
        pending.removeAll(keepingCapacity: true)
    }

    private static func bind(_ op: Op, _ bindings: inout FastBindings) {
        bindings.bind(op.deviceID.rawValue)
        bindings.bind(op.deviceSeq)
        bindings.bind(op.hlc)
        bindings.bind(op.actor.rawValue)
        bindings.bind(op.kind)
        bindings.bind(op.version)
        bindings.bind(op.payload)
        bindings.bind(op.prevHash)
        bindings.bind(op.hash)
    }
}

extension ShopDatabase {
    /// Checks that `actor` may make ops of `kind`, as `apply` would, before a command does the
    /// work that leads to them (issue 19: an import is refused up front, whatever the file holds).
    public func authorize(_ actor: StaffID, toMake kind: String) throws {
        guard let handler = registry.handlers[kind] else { throw StorageError.unknownOperationKind(kind) }
        var actors = ActorCache()
        try read { db in try authorize(actor, handler.authorization, &actors, db) }
    }
}
