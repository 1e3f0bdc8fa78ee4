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
        try pool.write { db in
            try ProjectionCache.$active.withValue(ProjectionCache(db, localDevice: deviceID)) { try apply(drafts, db) }
        }
    }

    private func apply(_ drafts: [OpDraft], _ db: Database) throws -> [Op] {
        var head = try DeviceHead.fetch(db, device: deviceID)
        var sealed: [Op] = []
        sealed.reserveCapacity(drafts.count)
        let append = try JournalAppender(db)
        var actors = ActorCache()
        for draft in drafts {
            guard let handler = registry.handlers[draft.kind] else { throw StorageError.unknownOperationKind(draft.kind) }
            try authorize(draft.actor, handler.authorization, &actors, db)
            let physical = Int64((clock.now().timeIntervalSince1970 * 1000).rounded(.down))
            let op = Op(draft: draft, deviceID: deviceID, deviceSeq: head.lastSeq + 1,
                               hlc: HLC.tick(after: head.lastHLC, physicalMillis: physical), prevHash: head.lastHash)
            try handler.project(op, draft.value, db)
            try append(op)
            if handler.affectsAuthorization { actors.forget() }
            head = DeviceHead(device: deviceID, lastSeq: op.deviceSeq, lastHash: op.hash, lastHLC: op.hlc)
            sealed.append(op)
        }
        try head.save(db)
        return sealed
    }

    /// The actor must be an active staff member whose roles allow the op (DESIGN.md, Identity).
    func authorize(_ actor: StaffID, _ authorization: Authorization, _ actors: inout ActorCache, _ db: Database) throws {
        switch authorization {
        case .bootstrap:
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shop")!
            guard count == 0 else { throw StorageError.shopAlreadyCreated }
        case .anyStaff, .permission:
            guard let staff = try actors.staff(actor, db) else {
                throw StorageError.unknownStaff(actor.rawValue)
            }
            guard staff.active else { throw StorageError.inactiveStaff(name: staff.name) }
            if case .permission(let permission) = authorization, !staff.may(permission) {
                throw StorageError.notPermitted(name: staff.name, permission: permission, roles: staff.roles)
            }
        }
    }
}

/// Staff looked up while authorizing one batch; forgotten after an op that changes anyone's roles or status.
struct ActorCache {
    private var known: [StaffID: Staff] = [:]

    mutating func staff(_ id: StaffID, _ db: Database) throws -> Staff? {
        if let staff = known[id] { return staff }
        let staff = try CoreQueries.staff(db, id: id)
        known[id] = staff
        return staff
    }

    mutating func forget() {
        known.removeAll()
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
        let row = try Row.fetchOne(db, sql: "SELECT lastSeq, lastHash, lastHlc FROM device_head WHERE deviceID = ?",
                                   arguments: [device.rawValue])
        guard let row else {
            return DeviceHead(device: device, lastSeq: 0, lastHash: Op.genesisHash, lastHLC: .zero)
        }
        return DeviceHead(device: device, lastSeq: row["lastSeq"], lastHash: row["lastHash"],
                          lastHLC: HLC(row["lastHlc"] as String) ?? .zero)
    }

    static func all(_ db: Database) throws -> [DeviceHead] {
        try Row.fetchAll(db, sql: "SELECT deviceID, lastSeq, lastHash, lastHlc FROM device_head ORDER BY deviceID").map { row in
            DeviceHead(device: DeviceID(rawValue: row["deviceID"]), lastSeq: row["lastSeq"], lastHash: row["lastHash"],
                       lastHLC: HLC(row["lastHlc"] as String) ?? .zero)
        }
    }

    func save(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO device_head (deviceID, lastSeq, lastHash, lastHlc) VALUES (?, ?, ?, ?)
            ON CONFLICT(deviceID) DO UPDATE SET lastSeq = excluded.lastSeq, lastHash = excluded.lastHash, lastHlc = excluded.lastHlc
            """, arguments: [device.rawValue, lastSeq, lastHash, lastHLC.description])
    }
}

/// Appends sealed ops with one prepared statement.
struct JournalAppender {
    private let statement: Statement

    init(_ db: Database) throws {
        statement = try db.cachedStatement(sql: """
            INSERT INTO journal (deviceID, deviceSeq, hlc, actor, kind, version, payload, prevHash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    func callAsFunction(_ op: Op) throws {
        try statement.executeFast(op.deviceID.rawValue, op.deviceSeq, op.hlc.description, op.actor.rawValue, op.kind, op.version,
                                  op.payload, op.prevHash, op.hash)
    }
}
