import GRDB
import ShopDomain

/// An op as the journal holds it, with its place in this database's apply order.
public struct JournalEntry: Sendable, Equatable {
    /// This database's apply order (what a rebuild replays).
    public var seq: Int64
    public var op: Op
}

extension ShopDatabase {
    /// The newest ops first, optionally only of one kind or one device.
    public func journal(limit: Int = 50, kind: String? = nil, before seq: Int64? = nil) throws -> [JournalEntry] {
        try read { db in
            var sql = "SELECT * FROM journal WHERE 1 = 1"
            var arguments: StatementArguments = []
            if let kind {
                sql += " AND (kind = ? OR kind LIKE ?)"
                arguments += [kind, kind + ".%"]
            }
            if let seq {
                sql += " AND seq < ?"
                arguments += [seq]
            }
            sql += " ORDER BY seq DESC LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(JournalEntry.init(row:))
        }
    }

    /// How many ops the journal holds.
    public func journalCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal")! }
    }
}

extension JournalEntry {
    init(row: Row) {
        seq = row["seq"]
        op = Op(
            deviceID: DeviceID(rawValue: row["deviceID"]), deviceSeq: row["deviceSeq"],
            hlc: HLC(row["hlc"] as String) ?? .zero, actor: StaffID(rawValue: row["actor"]),
            kind: row["kind"], version: row["version"], payload: row["payload"],
            prevHash: row["prevHash"], hash: row["hash"])
    }

    /// Every op in apply order, a chunk at a time (bounded memory for large journals).
    static func forEach(_ db: Database, _ body: (JournalEntry) throws -> Void) throws {
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM journal ORDER BY seq")
        while let row = try cursor.next() {
            try body(JournalEntry(row: row))
        }
    }
}
