import Foundation
import GRDB
import ShopDomain
import Storage

/// The CS daily report (CS-12, CS-5), one row per agent: what `zhanggui cs daily` prints and
/// Reporting's `report cs` calls — one computation.
public struct CSDailyRow: Sendable, Equatable, Codable {
    public var agent: String
    public var agentID: String
    public var inquiries: Int
    public var won: Int
    public var lost: Int
    public var pending: Int
    /// Won over inquiries, per cent.
    public var conversion: Double?
    public var followUps: Int
    public var reviewsAdded: Int
    public var reviewsHandled: Int
    public var compensation: Money
    public var complaintsOpened: Int
    public var complaintSteps: Int
    public var returnsOpened: Int
    public var inspectionsTold: Int
}

public struct CSDailyReport: Sendable, Equatable, Codable {
    public var day: CivilDate
    public var rows: [CSDailyRow]
}

public enum CSDaily {
    public static let columns = ["agent", "inquiries", "won", "lost", "pending", "conversion", "followUps", "reviewsAdded", "reviewsHandled",
                                 "compensation", "complaintsOpened", "complaintSteps", "returnsOpened", "inspectionsTold"]

    /// The agents' work on one shop day, optionally one agent's.
    public static func report(_ db: Database, day: CivilDate, agent: StaffID? = nil) throws -> CSDailyReport {
        let zone = try ProjectionContext.zone(db)
        return CSDailyReport(day: day, rows: try rows(db, from: zone.start(of: day).millis, until: zone.start(of: day.adding(days: 1)).millis,
                                                      agent: agent))
    }

    /// The rows added up (agent and ID empty; the conversion of the sums).
    public static func total(_ rows: [CSDailyRow]) -> CSDailyRow {
        var total = CSDailyRow(agent: "", agentID: "", inquiries: 0, won: 0, lost: 0, pending: 0, conversion: nil, followUps: 0, reviewsAdded: 0,
                               reviewsHandled: 0, compensation: .zero, complaintsOpened: 0, complaintSteps: 0, returnsOpened: 0, inspectionsTold: 0)
        for row in rows {
            total.inquiries += row.inquiries; total.won += row.won; total.lost += row.lost; total.pending += row.pending
            total.followUps += row.followUps; total.reviewsAdded += row.reviewsAdded; total.reviewsHandled += row.reviewsHandled
            total.compensation = total.compensation + row.compensation; total.complaintsOpened += row.complaintsOpened
            total.complaintSteps += row.complaintSteps; total.returnsOpened += row.returnsOpened; total.inspectionsTold += row.inspectionsTold
        }
        total.conversion = total.inquiries == 0 ? nil : Double(total.won) * 100 / Double(total.inquiries)
        return total
    }

    /// The agents' work in `[start, end)` (UTC milliseconds), a row per agent with any: the one
    /// computation behind `cs daily` (a day) and Reporting's `report cs` (a day, week or month).
    public static func rows(_ db: Database, from start: Int64, until end: Int64, agent: StaffID? = nil) throws -> [CSDailyRow] {
        var rows: [String: CSDailyRow] = [:]
        func row(_ id: String) -> CSDailyRow {
            rows[id] ?? CSDailyRow(agent: id, agentID: id, inquiries: 0, won: 0, lost: 0, pending: 0, conversion: nil, followUps: 0,
                                   reviewsAdded: 0, reviewsHandled: 0, compensation: .zero, complaintsOpened: 0, complaintSteps: 0,
                                   returnsOpened: 0, inspectionsTold: 0)
        }
        for inquiry in try InquiryQueries.inquiries(db, from: start, until: end, agent: agent) {
            var r = row(inquiry.agentID)
            r.inquiries += 1
            switch inquiry.outcome {
            case .won: r.won += 1
            case .lost: r.lost += 1
            case .pending: r.pending += 1
            }
            rows[inquiry.agentID] = r
        }
        func count(_ sql: String, _ update: (inout CSDailyRow, Int64) -> Void) throws {
            for item in try Row.fetchAll(db, sql: sql, arguments: [start, end, agent?.rawValue]) {
                let id: String = item["who"]
                var r = row(id)
                update(&r, item["n"])
                rows[id] = r
            }
        }
        let agentFilter = "(?3 IS NULL OR who = ?3)"
        try count("SELECT agent AS who, COUNT(*) AS n FROM cs_followup WHERE at >= ?1 AND at < ?2 AND \(agentFilter.replacingOccurrences(of: "who", with: "agent")) GROUP BY agent") { $0.followUps = Int($1) }
        try count("SELECT addedBy AS who, COUNT(*) AS n FROM cs_review WHERE addedAt >= ?1 AND addedAt < ?2 AND \(agentFilter.replacingOccurrences(of: "who", with: "addedBy")) GROUP BY addedBy") { $0.reviewsAdded = Int($1) }
        try count("SELECT handledBy AS who, COUNT(*) AS n FROM cs_review WHERE handledAt >= ?1 AND handledAt < ?2 AND \(agentFilter.replacingOccurrences(of: "who", with: "handledBy")) GROUP BY handledBy") { $0.reviewsHandled = Int($1) }
        try count("SELECT handledBy AS who, SUM(compensation) AS n FROM cs_review WHERE handledAt >= ?1 AND handledAt < ?2 AND \(agentFilter.replacingOccurrences(of: "who", with: "handledBy")) GROUP BY handledBy") { $0.compensation = Money(fen: $1) }
        try count("SELECT openedBy AS who, COUNT(*) AS n FROM cs_complaint WHERE openedAt >= ?1 AND openedAt < ?2 AND \(agentFilter.replacingOccurrences(of: "who", with: "openedBy")) GROUP BY openedBy") { $0.complaintsOpened = Int($1) }
        try count("SELECT actor AS who, COUNT(*) AS n FROM cs_complaint_step WHERE step <> 'intake' AND at >= ?1 AND at < ?2 AND \(agentFilter.replacingOccurrences(of: "who", with: "actor")) GROUP BY actor") { $0.complaintSteps = Int($1) }
        try count("SELECT openedBy AS who, COUNT(*) AS n FROM cs_return WHERE openedAt >= ?1 AND openedAt < ?2 AND \(agentFilter.replacingOccurrences(of: "who", with: "openedBy")) GROUP BY openedBy") { $0.returnsOpened = Int($1) }
        try count("SELECT agent AS who, COUNT(*) AS n FROM cs_inspection WHERE at >= ?1 AND at < ?2 AND \(agentFilter.replacingOccurrences(of: "who", with: "agent")) GROUP BY agent") { $0.inspectionsTold = Int($1) }
        let names = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, name FROM staff_v").map { ($0["id"] as String, $0["name"] as String) })
        let result = rows.values.map { row -> CSDailyRow in
            var r = row
            r.agent = names[r.agentID] ?? r.agentID
            r.conversion = r.inquiries == 0 ? nil : Double(r.won) * 100 / Double(r.inquiries)
            return r
        }.sorted { ($0.agent, $0.agentID) < ($1.agent, $1.agentID) }
        return result
    }
}
