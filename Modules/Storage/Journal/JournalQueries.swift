import GRDB
import ShopDomain

/// An op as the journal holds it, with its place in this database's apply order.
public struct JournalEntry: Sendable, Equatable {
    /// This database's apply order (what a rebuild replays).
    public var seq: Int64
    public var op: Op

    public init(seq: Int64, op: Op) {
        self.seq = seq
        self.op = op
    }
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

/// What other modules read of the journal inside their own reads (issue 18: the journal's SQL
/// stays in Storage).
public enum JournalQueries {
    /// The last apply-order sequence: any write by any process moves it.
    public static func lastSeq(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM journal") ?? 0
    }

    /// How many of a device's ops come after `seq` (a notebook's ops not yet pushed).
    public static func count(_ db: Database, device: DeviceID, after seq: Int64) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal WHERE deviceID = ? AND deviceSeq > ?",
                         arguments: [device.rawValue, seq]) ?? 0
    }

    /// A device's ops after `seq`, counted by kind, most first.
    public static func kinds(_ db: Database, device: DeviceID, after seq: Int64) throws -> [(kind: String, count: Int)] {
        try Row.fetchAll(db, sql: """
            SELECT kind, COUNT(*) AS n FROM journal WHERE deviceID = ? AND deviceSeq > ? GROUP BY kind ORDER BY n DESC, kind
            """, arguments: [device.rawValue, seq]).map { ($0["kind"], $0["n"]) }
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
