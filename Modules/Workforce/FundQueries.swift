import Foundation
import GRDB
import ShopDomain
import Storage

/// The fund's statement (DISC-4): what fines owe it, what was paid in and spent, per person.
/// Readable by every role: transparency is the rule.
public struct FundStatement: Sendable, Equatable, Codable {
    public struct Person: Sendable, Equatable, Codable {
        public var staff: String
        public var name: String
        /// Fines booked (not waived) in the period.
        public var owed: Money
        public var paid: Money
        /// Everything owed up to the period's end less everything paid: still to pay in.
        public var outstanding: Money
    }

    /// `2026-11`, or nil for all time (or for a span that is not a month).
    public var month: String?
    public var owed: Money
    public var paid: Money
    public var spent: Money
    /// What the box holds at the period's end: paid in less spent, all time.
    public var balance: Money
    public var people: [Person]
    public var entries: [FundEntry]
}

/// What `fund verify` found: the first entry changed or removed, if any.
public struct FundVerification: Sendable, Equatable, Codable {
    public var entries: Int
    /// The position of the first entry that was changed or removed.
    public var firstBad: Int?
    /// `changed` or `removed`.
    public var problem: String?
    public var passed: Bool { firstBad == nil }
}

public enum FundQueries {
    /// Paid in less spent, all time.
    public static func balance(_ db: Database) throws -> Money {
        Money(fen: try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(CASE kind WHEN 'paid' THEN amount ELSE -amount END), 0) FROM fund_entry") ?? 0)
    }

    /// The statement of a month (`2026-11`, shop time) or of all time.
    public static func statement(_ db: Database, month: String? = nil) throws -> FundStatement {
        let zone = try ProjectionContext.zone(db)
        var range: Range<Int64> = Int64.min..<Int64.max
        if let month, let first = CivilDate(month + "-01") {
            let next = first.adding(days: 32)
            let nextFirst = CivilDate(String(next.description.prefix(7)) + "-01")!
            range = zone.start(of: first).millis..<zone.start(of: nextFirst).millis
        }
        var statement = try statement(db, range: range)
        statement.month = month
        return statement
    }

    /// The statement of any span `[lower, upper)` of UTC milliseconds (a day, a week: Reporting's
    /// `report fund`): the entries in it, what was owed and paid in it, the balance at its end.
    public static func statement(_ db: Database, range: Range<Int64>) throws -> FundStatement {
        let entries = try Row.fetchAll(db, sql: """
            SELECT e.*, (SELECT name FROM staff_v s WHERE s.id = e.staffID) AS name FROM fund_entry e WHERE at >= ? AND at < ? ORDER BY position
            """, arguments: [range.lowerBound, range.upperBound]).map { FundEntry(row: $0) }
        let people = try Row.fetchAll(db, sql: """
            WITH owed AS (SELECT staffID, SUM(CASE WHEN at >= ?1 THEN amount ELSE 0 END) AS period, SUM(amount) AS total FROM fine
                          WHERE at < ?2 AND fineKey NOT IN (SELECT fineKey FROM fine_waiver) GROUP BY staffID),
                 paid AS (SELECT staffID, SUM(CASE WHEN at >= ?1 THEN amount ELSE 0 END) AS period, SUM(amount) AS total FROM fund_entry
                          WHERE kind = 'paid' AND at < ?2 GROUP BY staffID),
                 people AS (SELECT staffID FROM owed UNION SELECT staffID FROM paid)
            SELECT p.staffID, COALESCE(s.name, p.staffID) AS name, COALESCE(o.period, 0) AS owed, COALESCE(d.period, 0) AS paid,
                   COALESCE(o.total, 0) - COALESCE(d.total, 0) AS outstanding
            FROM people p LEFT JOIN owed o ON o.staffID = p.staffID LEFT JOIN paid d ON d.staffID = p.staffID
                 LEFT JOIN staff_v s ON s.id = p.staffID
            WHERE COALESCE(o.period, 0) != 0 OR COALESCE(d.period, 0) != 0 OR COALESCE(o.total, 0) != COALESCE(d.total, 0)
            ORDER BY s.addedAt, p.staffID
            """, arguments: [range.lowerBound, range.upperBound]).map {
            FundStatement.Person(staff: $0["staffID"], name: $0["name"], owed: Money(fen: $0["owed"]), paid: Money(fen: $0["paid"]),
                                 outstanding: Money(fen: $0["outstanding"]))
        }
        let balance = Money(fen: try Int64.fetchOne(db, sql: """
            SELECT COALESCE(SUM(CASE kind WHEN 'paid' THEN amount ELSE -amount END), 0) FROM fund_entry WHERE at < ?
            """, arguments: [range.upperBound]) ?? 0)
        let spent = entries.filter { $0.kind == "spent" }.reduce(Money.zero) { $0 + $1.amount }
        return FundStatement(month: nil, owed: people.reduce(.zero) { $0 + $1.owed }, paid: people.reduce(.zero) { $0 + $1.paid },
                             spent: spent, balance: balance, people: people, entries: entries)
    }

    /// Walks the chain: each entry's hash recomputed from its fields and the one before; the head
    /// says how many entries there are. Names the first entry changed or removed.
    public static func verify(_ db: Database) throws -> FundVerification {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM fund_entry ORDER BY position, id")
        let head = try Row.fetchOne(db, sql: "SELECT entries, hash FROM fund_head WHERE id = 1")
        var previous = Op.genesisHash
        for (index, row) in rows.enumerated() {
            let expected = index + 1
            let entry = FundEntry(row: row)
            if entry.position != expected { return FundVerification(entries: rows.count, firstBad: expected, problem: "removed") }
            if entry.prevHash != previous || entry.computedHash != entry.hash {
                return FundVerification(entries: rows.count, firstBad: expected, problem: "changed")
            }
            previous = entry.hash
        }
        let count: Int = head?["entries"] ?? 0
        if count > rows.count { return FundVerification(entries: rows.count, firstBad: rows.count + 1, problem: "removed") }
        if count < rows.count || (head?["hash"] ?? Op.genesisHash) != previous {
            return FundVerification(entries: rows.count, firstBad: max(1, count), problem: "changed")
        }
        return FundVerification(entries: rows.count, firstBad: nil, problem: nil)
    }
}
