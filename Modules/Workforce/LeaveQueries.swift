import Foundation
import GRDB
import ShopDomain
import Storage

/// One leave note, as `leave list` shows it.
public struct Leave: Sendable, Equatable, Codable {
    public var id: String
    public var staff: String
    public var name: String
    public var kind: LeaveKind
    public var relation: String?
    public var from: String
    public var until: String
    public var days: Int
    public var note: String
    /// `requested`, `approved` or `rejected`.
    public var status: String
    public var decidedBy: String?
    public var reason: String?
}

/// A day of the week the rota leaves without a CS early or late shift, once approved leave is
/// taken out (HR-1, HR-3).
public struct RotaGap: Sendable, Equatable, Codable {
    public var day: String
    /// `cs-early` or `cs-late`.
    public var template: String
    /// Who is on leave that day.
    public var onLeave: [String]
}

/// The year-end figure of annual leave not taken (HR-3): paid at the policy's share of the daily wage.
public struct UnusedLeavePay: Sendable, Equatable, Codable {
    public var staff: String
    public var name: String
    public var entitled: Int
    public var taken: Int
    public var owed: Int
    public var dailyWage: Money?
    public var percent: Int
    public var pay: Money?
}

public enum LeaveQueries {
    public static func leaves(_ db: Database, staff: StaffID? = nil, status: String? = nil) throws -> [Leave] {
        try Row.fetchAll(db, sql: """
            SELECT l.*, COALESCE((SELECT name FROM staff_v s WHERE s.id = l.staffID), l.staffID) AS name FROM leave_request l
            WHERE (?1 IS NULL OR staffID = ?1) AND (?2 IS NULL OR status = ?2) ORDER BY startDay DESC, requestedAt DESC, id
            """, arguments: [staff?.rawValue, status]).map {
            Leave(id: $0["id"], staff: $0["staffID"], name: $0["name"], kind: LeaveKind(rawValue: $0["kind"]) ?? .personal, relation: $0["relation"],
                  from: $0["startDay"], until: $0["endDay"], days: $0["days"], note: $0["note"], status: $0["status"],
                  decidedBy: $0["decidedBy"], reason: $0["reason"])
        }
    }

    /// Approved leave on the days of a week, by person: `[staffID: [day]]`.
    public static func approvedDays(_ db: Database, week: ISOWeek) throws -> [String: Set<String>] {
        let days = week.days.map(\.description)
        var result: [String: Set<String>] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT staffID, startDay, endDay FROM leave_request WHERE status = 'approved' AND startDay <= ? AND endDay >= ?
            """, arguments: [days.last!, days.first!]) {
            let (from, until) = (row["startDay"] as String, row["endDay"] as String)
            for day in days where day >= from && day <= until { result[row["staffID"], default: []].insert(day) }
        }
        return result
    }

    /// The week's days where approved leave leaves no CS early or no CS late shift on the rota.
    public static func rotaGaps(_ db: Database, week: ISOWeek) throws -> [RotaGap] {
        let away = try approvedDays(db, week: week)
        let lines = try WorkforceQueries.roster(db, week: week)
        guard lines.contains(where: { $0.template == ShiftTemplate.csEarly.rawValue || $0.template == ShiftTemplate.csLate.rawValue }) else {
            return []
        }
        var gaps: [RotaGap] = []
        for day in week.days.map(\.description) {
            let onLeave = lines.filter { $0.day == day && away[$0.staff]?.contains(day) == true }.map(\.name)
            guard !onLeave.isEmpty else { continue }
            for template in [ShiftTemplate.csEarly, .csLate] {
                let working = lines.filter { $0.day == day && $0.template == template.rawValue && away[$0.staff]?.contains(day) != true }
                if working.isEmpty { gaps.append(RotaGap(day: day, template: template.rawValue, onLeave: onLeave)) }
            }
        }
        return gaps
    }

    /// HR-3: each active person's annual leave of `year` — entitled, taken (approved), owed — and what
    /// the owed days are paid at the year's end: days × daily wage × the policy's share.
    public static func unusedAnnualLeave(_ db: Database, year: Int) throws -> [UnusedLeavePay] {
        let yearEnd = CivilDate(year: year, month: 12, day: 31)!
        guard case .days(let entitled) = try ProjectionContext.policy(PolicyCatalog.item("HR-3.leave.annual")!, on: yearEnd, db),
              case .percent(let percent) = try ProjectionContext.policy(PolicyCatalog.item("HR-3.unused-annual-leave-pay")!, on: yearEnd, db)
        else { return [] }
        return try CoreQueries.staffList(db, includeInactive: false).map(\.staff).map { person in
            let taken = try Int.fetchOne(db, sql: """
                SELECT COALESCE(SUM(days), 0) FROM leave_request WHERE staffID = ? AND kind = 'annual' AND status = 'approved'
                  AND startDay >= ? AND startDay < ?
                """, arguments: [person.id.rawValue, "\(year)-01-01", "\(year + 1)-01-01"]) ?? 0
            let wage = try Int64.fetchOne(db, sql: "SELECT daily FROM staff_wage WHERE staffID = ?", arguments: [person.id.rawValue]).map(Money.init(fen:))
            let owed = max(0, entitled - taken)
            return UnusedLeavePay(staff: person.id.rawValue, name: person.name, entitled: entitled, taken: taken, owed: owed, dailyWage: wage,
                                  percent: percent, pay: wage.map { Money(fen: $0.fen * Int64(owed) * Int64(percent) / 100) })
        }
    }

    /// The daily wage on the person's record.
    public static func dailyWage(_ db: Database, staff: StaffID) throws -> Money? {
        try Int64.fetchOne(db, sql: "SELECT daily FROM staff_wage WHERE staffID = ?", arguments: [staff.rawValue]).map(Money.init(fen:))
    }
}

/// A person's training record (HR-6), as the staff record shows it.
public struct TrainingRecord: Sendable, Equatable, Codable {
    public struct Topic: Sendable, Equatable, Codable {
        public var topic: String
        public var day: String
        public var trainer: String
    }
    public var topics: [Topic]
    public var signedOffBy: String?
    public var signedOffAt: Date?
}

public enum TrainingQueries {
    public static func record(_ db: Database, staff: StaffID) throws -> TrainingRecord {
        let topics = try Row.fetchAll(db, sql: """
            SELECT t.topic, t.day, COALESCE((SELECT name FROM staff_v s WHERE s.id = t.trainer), t.trainer) AS trainer
            FROM training t WHERE staffID = ? ORDER BY day, id
            """, arguments: [staff.rawValue]).map { TrainingRecord.Topic(topic: $0["topic"], day: $0["day"], trainer: $0["trainer"]) }
        let sign = try Row.fetchOne(db, sql: """
            SELECT COALESCE((SELECT name FROM staff_v s WHERE s.id = o.signedBy), o.signedBy) AS name, at FROM training_signoff o WHERE staffID = ?
            """, arguments: [staff.rawValue])
        return TrainingRecord(topics: topics, signedOffBy: sign?["name"], signedOffAt: (sign?["at"] as Int64?).map(Date.init(millis:)))
    }
}
