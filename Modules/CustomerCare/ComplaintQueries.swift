import Foundation
import GRDB
import ShopDomain
import Storage

/// A complaint in the register (CS-7).
public struct ComplaintRecord: Sendable, Equatable, Codable {
    public struct Step: Sendable, Equatable, Codable {
        public var step: ComplaintStep
        public var by: String
        public var at: Date
        public var note: String?
    }
    public var complaint: String
    public var buyer: String
    public var order: String?
    public var text: String
    public var step: ComplaintStep
    public var next: ComplaintStep?
    public var kind: ComplaintKind?
    public var against: String?
    public var againstID: String?
    public var upheld: Bool?
    public var fine: Money?
    public var evaluation: String?
    public var openedAt: Date
    public var updatedAt: Date
    public var steps: [Step]
}

/// The manager's periodic report (CS-7): counts by kind, open age, by agent.
public struct ComplaintReport: Sendable, Equatable, Codable {
    public struct Count: Sendable, Equatable, Codable {
        public var key: String
        public var opened: Int
        public var upheld: Int
        public var open: Int
    }
    public var from: CivilDate
    public var until: CivilDate
    public var opened: Int
    public var archived: Int
    public var open: Int
    /// Days the oldest open complaint has been open, and the average over the open ones.
    public var oldestOpenDays: Int?
    public var averageOpenDays: Double?
    public var byKind: [Count]
    public var byAgent: [Count]
}

public enum ComplaintQueries {
    private static let selectSQL = """
        SELECT c.*, (SELECT name FROM staff_v s WHERE s.id = c.against) AS againstName FROM cs_complaint c
        """

    public static func list(_ db: Database, buyer: String? = nil, openOnly: Bool = true, limit: Int = 200) throws -> [ComplaintRecord] {
        try Row.fetchAll(db, sql: selectSQL + """
             WHERE (?1 IS NULL OR buyer = ?1) AND (?2 = 0 OR step <> 'archived') ORDER BY step = 'archived', openedAt LIMIT ?3
            """, arguments: [buyer, openOnly ? 1 : 0, limit]).map { try record($0, db, steps: false) }
    }

    public static func find(_ db: Database, _ id: String) throws -> ComplaintRecord {
        guard let row = try Row.fetchOne(db, sql: selectSQL + " WHERE id = ?", arguments: [id]) else {
            throw CustomerCareError.unknownComplaint(id)
        }
        return try record(row, db, steps: true)
    }

    static func record(_ row: Row, _ db: Database, steps: Bool) throws -> ComplaintRecord {
        let id: String = row["id"]
        let step = ComplaintStep(rawValue: row["step"]) ?? .intake
        let history = steps ? try Row.fetchAll(db, sql: """
            SELECT p.step, COALESCE((SELECT name FROM staff_v s WHERE s.id = p.actor), p.actor) AS name, p.at, p.note
            FROM cs_complaint_step p WHERE complaintID = ? ORDER BY at
            """, arguments: [id]).compactMap { row in
                ComplaintStep(rawValue: row["step"]).map { ComplaintRecord.Step(step: $0, by: row["name"], at: Date(millis: row["at"]), note: row["note"]) }
            }.sorted { $0.step < $1.step } : []  // steps happen in order (CS-7): the order of the steps is theirs
        return ComplaintRecord(complaint: id, buyer: row["buyer"], order: row["orderID"], text: row["text"], step: step, next: step.next,
                               kind: (row["kind"] as String?).flatMap(ComplaintKind.init(rawValue:)), against: row["againstName"] ?? row["against"],
                               againstID: row["against"], upheld: (row["upheld"] as Int?).map { $0 == 1 },
                               fine: (row["fine"] as Int64?).map(Money.init(fen:)), evaluation: row["evaluation"],
                               openedAt: Date(millis: row["openedAt"]), updatedAt: Date(millis: row["updatedAt"]), steps: history)
    }

    /// CS-7: the register between two shop days (inclusive), as of `now`.
    public static func report(_ db: Database, from: CivilDate, until: CivilDate, zone: ShopZone, now: Date) throws -> ComplaintReport {
        let start = zone.start(of: from).millis
        let end = zone.start(of: until.adding(days: 1)).millis
        let opened = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cs_complaint WHERE openedAt >= ? AND openedAt < ?", arguments: [start, end])!
        let archived = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM cs_complaint_step WHERE step = 'archived' AND at >= ? AND at < ?
            """, arguments: [start, end])!
        let openAges = try Int64.fetchAll(db, sql: "SELECT openedAt FROM cs_complaint WHERE step <> 'archived'")
            .map { Int((now.millis - $0) / 86_400_000) }
        func counts(_ column: String) throws -> [ComplaintReport.Count] {
            try Row.fetchAll(db, sql: """
                SELECT \(column) AS key, COALESCE(SUM(openedAt >= ?1 AND openedAt < ?2), 0) AS opened,
                       COALESCE(SUM(COALESCE(upheld, 0) = 1 AND openedAt >= ?1 AND openedAt < ?2), 0) AS upheld,
                       COALESCE(SUM(step <> 'archived'), 0) AS open
                FROM (SELECT c.*, COALESCE((SELECT name FROM staff_v s WHERE s.id = c.against), c.against, '—') AS agentName,
                             COALESCE(c.kind, '—') AS kindName FROM cs_complaint c)
                GROUP BY key HAVING opened > 0 OR open > 0 ORDER BY opened DESC, key
                """, arguments: [start, end]).map { ComplaintReport.Count(key: $0["key"], opened: $0["opened"], upheld: $0["upheld"], open: $0["open"]) }
        }
        return ComplaintReport(from: from, until: until, opened: opened, archived: archived, open: openAges.count, oldestOpenDays: openAges.max(),
                               averageOpenDays: openAges.isEmpty ? nil : Double(openAges.reduce(0, +)) / Double(openAges.count),
                               byKind: try counts("kindName"), byAgent: try counts("agentName"))
    }
}
