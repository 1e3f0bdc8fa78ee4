import GRDB
import ShopDomain

/// The core every program has: the journal itself, the device, and the shop, staff and policy
/// read tables with the ops that maintain them.
enum CoreFeature {
    static let feature = ShopFeature(
        name: "core",
        migrations: [.init("core.v1", sql: CoreSchema.v1), .init("core.v2", sql: CoreSchema.v2), .init("core.v3", sql: CoreSchema.v3),
                     .init("core.v4", sql: CoreViews.v1)],
        handlers: [
            OpHandler(ShopCreated.self, authorization: .bootstrap, project: shopCreated),
            OpHandler(StaffAdded.self, authorization: .permission(.manageStaff), project: staffAdded),
            OpHandler(StaffDeactivated.self, authorization: .permission(.manageStaff), affectsAuthorization: true,
                      project: staffDeactivated),
            OpHandler(PolicySet.self, authorization: .permission(.setPolicy), project: policySet),
            OpHandler(ConflictResolved.self, authorization: .permission(.resolveConflicts), readsJournal: true,
                      project: conflictResolved),
            OpHandler(StaffPINSet.self, authorization: .anyStaff, project: pinSet),
        ],
        readTables: ["shop", "staff", "staff_role", "policy_change", "conflict", "staff_pin"],
        publicViews: CoreViews.names,
        localTables: ["pin_lockout"]
    )

    static func shopCreated(_ p: ShopCreated, _ op: Op, _ db: Database) throws {
        guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shop")! == 0 else { throw StorageError.shopAlreadyCreated }
        try db.execute(sql: "INSERT INTO shop (id, name, timezone, owner, createdOn) VALUES (1, ?, ?, ?, ?)",
                       arguments: [p.shopName, p.timezone, p.owner.rawValue, p.createdOn.description])
        ProjectionCache.forget(db)  // the zone is the shop's now
        try insertStaff(StaffAdded(staff: p.owner, name: p.ownerName, roles: [.gm]), op, db)
    }

    static func staffAdded(_ p: StaffAdded, _ op: Op, _ db: Database) throws {
        let name = try Staff.validateName(p.name)
        guard !p.roles.isEmpty else { throw StaffError.noRole }
        let clash = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM staff WHERE name = ? AND active = 1)"),
                                      arguments: [name])!
        guard !clash else { throw StorageError.duplicateStaffName(name) }
        try insertStaff(p, op, db)
    }

    private static func insertStaff(_ p: StaffAdded, _ op: Op, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO staff (id, name, gender, birthDate, active, addedAt, addedBy) VALUES (?, ?, ?, ?, 1, ?, ?)
            """).execute(arguments: [p.staff.rawValue, p.name, p.gender?.rawValue, p.birthDate?.description,
                                     op.hlc.wallMillis, op.actor.rawValue])
        let insertRole = try db.cachedStatement(sql: "INSERT INTO staff_role (staffID, role) VALUES (?, ?)")
        for role in Set(p.roles).sorted() {
            try insertRole.execute(arguments: [p.staff.rawValue, role.rawValue])
        }
    }

    /// A person sets their own PIN; someone who manages staff may set anyone's.
    static func pinSet(_ p: StaffPINSet, _ op: Op, _ db: Database) throws {
        guard let staff = try CoreQueries.staff(db, id: p.staff), staff.active else { throw StorageError.unknownStaff(p.staff.rawValue) }
        if p.staff != op.actor {
            let actor = try CoreQueries.staff(db, id: op.actor)
            guard actor?.roles.contains(where: { $0.permissions.contains(.manageStaff) }) == true else {
                throw StorageError.notPermitted(name: actor?.name ?? op.actor.rawValue, permission: .manageStaff, roles: actor?.roles ?? [])
            }
        }
        guard !p.salt.isEmpty, p.hash.count == 64, p.rounds >= 10_000 else { throw PINError.badPIN }
        try db.execute(sql: "INSERT OR REPLACE INTO staff_pin (staffID, salt, hash, rounds, setAt) VALUES (?, ?, ?, ?, ?)",
                       arguments: [p.staff.rawValue, p.salt, p.hash, p.rounds, op.hlc.wallMillis])
    }

    static func staffDeactivated(_ p: StaffDeactivated, _ op: Op, _ db: Database) throws {
        guard let staff = try CoreQueries.staff(db, id: p.staff) else { throw StorageError.unknownStaff(p.staff.rawValue) }
        if !staff.active, try !ProjectionContext.isLocal(op, db) { return }  // deactivated on two devices: harmless
        guard staff.active else { throw StorageError.staffAlreadyInactive(staff.name) }
        if staff.roles.contains(.gm) {
            let gms = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM staff JOIN staff_role ON staff_role.staffID = staff.id
                WHERE staff.active = 1 AND staff_role.role = 'gm'
                """)!
            guard gms > 1 else { throw StorageError.lastGM }
        }
        try db.execute(sql: "UPDATE staff SET active = 0, leftAt = ?, leftReason = ? WHERE id = ?",
                       arguments: [op.hlc.wallMillis, p.reason, p.staff.rawValue])
    }

    static func policySet(_ p: PolicySet, _ op: Op, _ db: Database) throws {
        guard let item = PolicyCatalog.item(p.key) else { throw PolicyError.unknownKey(p.key) }
        _ = try PolicyValue.parse(p.value, as: item.kind)
        // A later op for the same key and day replaces the earlier one (the journal keeps both).
        try db.execute(sql: """
            INSERT INTO policy_change (key, effectiveFrom, value, setBy, setAt) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(key, effectiveFrom) DO UPDATE SET value = excluded.value, setBy = excluded.setBy, setAt = excluded.setAt
            """, arguments: [p.key, p.effectiveFrom.description, p.value, op.actor.rawValue, op.hlc.wallMillis])
        ProjectionCache.forget(db)  // later ops of a merge see the new value
    }
}

/// Settles a parked conflict: `current` leaves the op without effect; `op` applies its effect
/// now, without re-checking the actor's roles (the resolver decides, ORG-3). If the effect still
/// cannot apply, the resolution is refused with the reason.
private func conflictResolved(_ p: ConflictResolved, _ op: Op, _ db: Database) throws {
    let row = try Row.fetchOne(db, sql: "SELECT status FROM conflict WHERE opDevice = ? AND opSeq = ?",
                               arguments: [p.device.rawValue, p.seq])
    // A resolution made elsewhere, for an op that was no conflict here (it was applied here, or
    // settled already): nothing to do on this device.
    if try !ProjectionContext.isLocal(op, db), row.map({ $0["status"] as String != "open" }) ?? true { return }
    guard let row else { throw ConflictError.unknown("\(p.device.short):\(p.seq)") }
    guard row["status"] as String == "open" else { throw ConflictError.settled("\(p.device.short):\(p.seq)") }
    if p.keep == .op {
        guard let entry = try Row.fetchOne(db, sql: "SELECT * FROM journal WHERE deviceID = ? AND deviceSeq = ?",
                                           arguments: [p.device.rawValue, p.seq]).map(JournalEntry.init(row:)) else {
            throw ConflictError.unknown("\(p.device.short):\(p.seq)")
        }
        guard let handler = ConflictHandlers.lookup(entry.op.kind, db) else { throw StorageError.unknownOperationKind(entry.op.kind) }
        try handler.project(entry.op, nil, db)
    }
    try db.execute(sql: "UPDATE conflict SET status = 'resolved', resolution = ?, resolvedBy = ?, resolvedAt = ? WHERE opDevice = ? AND opSeq = ?",
                   arguments: [p.keep.rawValue + (p.note.map { ": " + $0 } ?? ""), op.actor.rawValue, op.hlc.wallMillis,
                               p.device.rawValue, p.seq])
}

/// The core schema. Landed migrations never change; add new ones after them.
enum CoreSchema {
    static let v1 = """
        CREATE TABLE device (
            id TEXT PRIMARY KEY NOT NULL,
            isLocal INTEGER NOT NULL DEFAULT 0,
            createdAt INTEGER NOT NULL
        );
        CREATE TABLE journal (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            deviceID TEXT NOT NULL,
            deviceSeq INTEGER NOT NULL,
            hlc TEXT NOT NULL,
            actor TEXT NOT NULL,
            kind TEXT NOT NULL,
            version INTEGER NOT NULL,
            payload TEXT NOT NULL,
            prevHash TEXT NOT NULL,
            hash TEXT NOT NULL,
            UNIQUE (deviceID, deviceSeq)
        );
        CREATE INDEX journal_kind ON journal (kind);
        CREATE TABLE device_head (
            deviceID TEXT PRIMARY KEY NOT NULL,
            lastSeq INTEGER NOT NULL,
            lastHash TEXT NOT NULL,
            lastHlc TEXT NOT NULL
        );
        CREATE TABLE shop (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL,
            timezone TEXT NOT NULL,
            owner TEXT NOT NULL,
            createdOn TEXT NOT NULL
        );
        CREATE TABLE staff (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            gender TEXT,
            birthDate TEXT,
            active INTEGER NOT NULL,
            addedAt INTEGER NOT NULL,
            addedBy TEXT NOT NULL,
            leftAt INTEGER,
            leftReason TEXT
        );
        CREATE INDEX staff_name ON staff (name);
        CREATE TABLE staff_role (
            staffID TEXT NOT NULL REFERENCES staff (id),
            role TEXT NOT NULL,
            PRIMARY KEY (staffID, role)
        );
        CREATE TABLE policy_change (
            key TEXT NOT NULL,
            effectiveFrom TEXT NOT NULL,
            value TEXT NOT NULL,
            setBy TEXT NOT NULL,
            setAt INTEGER NOT NULL,
            PRIMARY KEY (key, effectiveFrom)
        );
        """

    /// The conflict queue (read table: a replay parks the same merged ops again).
    /// Terminal PINs (a read table) and, per device, wrong attempts and lockouts (never journaled:
    /// a lockout belongs to the terminal where the PINs were typed).
    static let v3 = """
        CREATE TABLE staff_pin (
            staffID TEXT PRIMARY KEY NOT NULL,
            salt TEXT NOT NULL,
            hash TEXT NOT NULL,
            rounds INTEGER NOT NULL,
            setAt INTEGER NOT NULL
        );
        CREATE TABLE pin_lockout (
            staffID TEXT PRIMARY KEY NOT NULL,
            failures INTEGER NOT NULL,
            lockedUntil INTEGER
        );
        """

    static let v2 = """
        CREATE TABLE conflict (
            id INTEGER PRIMARY KEY,
            opDevice TEXT NOT NULL,
            opSeq INTEGER NOT NULL,
            opKind TEXT NOT NULL,
            actor TEXT NOT NULL,
            kind TEXT NOT NULL,
            reasonZh TEXT NOT NULL,
            reasonEn TEXT NOT NULL,
            raisedAt INTEGER NOT NULL,
            status TEXT NOT NULL,
            resolution TEXT,
            resolvedBy TEXT,
            resolvedAt INTEGER,
            UNIQUE (opDevice, opSeq)
        );
        """
}
