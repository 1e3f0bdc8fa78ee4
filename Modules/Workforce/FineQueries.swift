import Foundation
import GRDB
import ShopDomain
import Storage

/// One fine, as `fine list` shows it.
public struct Fine: Sendable, Equatable, Codable {
    /// The fine's key, the same on every device (`fine waive KEY`).
    public var key: String
    public var staff: String
    public var name: String
    public var amount: Money
    public var rule: String
    public var ref: String
    public var reasonZh: String
    public var reasonEn: String
    public var bookedBy: String
    public var at: Date
    /// `2026-11`, shop time.
    public var month: String
    /// DISC-1: the complaint's place in the person's month (1, 2, 3 …).
    public var escalation: Int?
    /// DISC-1: this complaint reaches the month's dismissal count — for the GM to decide (ORG-3).
    public var dismissal: Bool
    /// The GM's waiver's reason (ORG-3); a waived fine is not owed.
    public var waived: String?
    public var contested: String?
}

public enum FineQueries {
    /// Fines booked in `[from, until)` or all, newest first; for one person, one month (`2026-11`,
    /// shop time), one rule.
    public static func fines(_ db: Database, from: Date? = nil, until: Date? = nil, staff: StaffID? = nil, month: String? = nil,
                             rule: String? = nil) throws -> [Fine] {
        try Row.fetchAll(db, sql: """
            SELECT f.*, COALESCE((SELECT name FROM staff_v s WHERE s.id = f.staffID), f.staffID) AS name,
                   (SELECT reason FROM fine_waiver w WHERE w.fineKey = f.fineKey) AS waived,
                   (SELECT reason FROM fine_contest c WHERE c.fineKey = f.fineKey ORDER BY at DESC LIMIT 1) AS contested
            FROM fine f
            WHERE at >= ?1 AND at < ?2 AND (?3 IS NULL OR staffID = ?3) AND (?4 IS NULL OR month = ?4) AND (?5 IS NULL OR rule = ?5)
            ORDER BY at DESC, hlcCounter DESC, opDevice, opSeq DESC, fineKey
            """, arguments: [from?.millis ?? Int64.min, until?.millis ?? Int64.max, staff?.rawValue, month, rule]).map(fine)
    }

    static func fine(_ row: Row) -> Fine {
        Fine(key: row["fineKey"], staff: row["staffID"], name: row["name"], amount: Money(fen: row["amount"]), rule: row["rule"], ref: row["ref"],
             reasonZh: row["reasonZh"], reasonEn: row["reasonEn"], bookedBy: row["bookedBy"], at: Date(millis: row["at"]), month: row["month"],
             escalation: row["escalation"], dismissal: row["dismissal"], waived: row["waived"], contested: row["contested"])
    }

    /// One fine by its key (or a unique start of it).
    public static func fine(_ db: Database, key: String) throws -> Fine? {
        let rows = try Row.fetchAll(db, sql: "SELECT fineKey FROM fine WHERE fineKey = ?1 OR fineKey LIKE ?1 || '%' LIMIT 2",
                                    arguments: [key.trimmingWhitespace()])
        guard rows.count == 1 else { return nil }
        return try fines(db).first { $0.key == rows[0]["fineKey"] as String }
    }

    /// DISC-1: the people whose month reached the dismissal count, not waived: for the GM (ORG-3).
    public static func dismissalFlags(_ db: Database) throws -> [(staff: String, name: String, month: String)] {
        try Row.fetchAll(db, sql: """
            SELECT DISTINCT f.staffID, f.month, COALESCE((SELECT name FROM staff_v s WHERE s.id = f.staffID), f.staffID) AS name
            FROM fine f WHERE dismissal = 1 AND fineKey NOT IN (SELECT fineKey FROM fine_waiver) ORDER BY month DESC, staffID
            """).map { ($0["staffID"], $0["name"], $0["month"]) }
    }
}
