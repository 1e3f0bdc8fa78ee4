import Foundation
import GRDB
import ShopDomain
import Storage

/// A mid or bad review and how it was handled (CS-2, CS-4).
public struct ReviewRecord: Sendable, Equatable, Codable {
    public var review: String
    public var order: String
    public var buyer: String
    public var rating: ReviewRating
    public var text: String
    public var addedBy: String
    public var addedAt: Date
    public var handled: Bool
    public var contacted: Bool?
    public var outcome: ReviewOutcome?
    public var compensation: Money?
    public var note: String?
    public var handledBy: String?
    public var handledAt: Date?
}

public enum ReviewQueries {
    /// Open reviews first (oldest first: the GM's queue), then handled ones, newest first.
    public static func list(_ db: Database, buyer: String? = nil, openOnly: Bool = false, limit: Int = 200) throws -> [ReviewRecord] {
        try Row.fetchAll(db, sql: """
            SELECT r.*, COALESCE((SELECT name FROM staff_v s WHERE s.id = r.addedBy), r.addedBy) AS addedName,
                   (SELECT name FROM staff_v s WHERE s.id = r.handledBy) AS handledName
            FROM cs_review r WHERE (?1 IS NULL OR buyer = ?1) AND (?2 = 0 OR handled = 0)
            ORDER BY handled, CASE WHEN handled = 0 THEN addedAt ELSE -addedAt END LIMIT ?3
            """, arguments: [buyer, openOnly ? 1 : 0, limit]).map(record)
    }

    public static func find(_ db: Database, _ id: String) throws -> ReviewRecord {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT r.*, COALESCE((SELECT name FROM staff_v s WHERE s.id = r.addedBy), r.addedBy) AS addedName,
                   (SELECT name FROM staff_v s WHERE s.id = r.handledBy) AS handledName
            FROM cs_review r WHERE id = ?
            """, arguments: [id]) else { throw CustomerCareError.unknownReview(id) }
        return record(row)
    }

    static func record(_ row: Row) -> ReviewRecord {
        ReviewRecord(review: row["id"], order: row["orderID"], buyer: row["buyer"], rating: ReviewRating(rawValue: row["rating"]) ?? .bad,
                     text: row["text"], addedBy: row["addedName"], addedAt: Date(millis: row["addedAt"]), handled: row["handled"] as Int == 1,
                     contacted: (row["contacted"] as Int?).map { $0 == 1 }, outcome: (row["outcome"] as String?).flatMap(ReviewOutcome.init(rawValue:)),
                     compensation: (row["compensation"] as Int64?).map(Money.init(fen:)), note: row["note"],
                     handledBy: row["handledName"] ?? row["handledBy"], handledAt: (row["handledAt"] as Int64?).map(Date.init(millis:)))
    }

    /// The CS-4 refund limit in force today: what a handler may refund without the GM.
    public static func refundLimit(_ db: Database, on day: CivilDate) throws -> Money {
        guard case .money(let limit) = try CoreQueries.policy(db).value(of: PolicyCatalog.item("CS-4.refund-limit")!, on: day).value else {
            return .zero
        }
        return limit
    }
}
