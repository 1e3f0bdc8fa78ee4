import Foundation
import GRDB
import ShopDomain
import Storage

/// Reads of rota, shifts, handover, memos and due reports, for the CLI and TUI.
public enum WorkforceQueries {
    public struct RosterLine: Sendable, Codable, Equatable {
        public var day: String
        public var staff: String
        public var name: String
        public var template: String?
        public var start: Date?
        public var end: Date?
        public var cleaning: Bool
    }

    public static func roster(_ db: Database, week: ISOWeek) throws -> [RosterLine] {
        try Row.fetchAll(db, sql: """
            SELECT r.*, s.name, EXISTS (SELECT 1 FROM cleaning c WHERE c.day = r.day AND c.staffID = r.staffID) AS cleaning
            FROM roster r JOIN staff_v s ON s.id = r.staffID WHERE r.week = ? ORDER BY s.addedAt, s.rowid, r.day
            """, arguments: [week.description]).map { row in
            let start = (row["start"] as Int64?).map(Date.init(millis:))
            return RosterLine(day: row["day"], staff: row["staffID"], name: row["name"], template: row["template"], start: start,
                              end: start.map { $0.addingTimeInterval(Double((row["minutes"] as Int?) ?? 0) * 60) }, cleaning: row["cleaning"])
        }
    }

    public struct ShiftRecord: Sendable, Codable, Equatable {
        public var id: String
        public var staff: String
        public var name: String
        public var day: String
        public var team: String
        public var template: String?
        public var startedAt: Date
        public var endedAt: Date?
        public var lateMinutes: Int
        public var earlyMinutes: Int?
        public var leaveMinutes: Int
        public var figures: [HandoverFigure]
        public var note: String?
    }

    /// Shifts, newest first; `staff` narrows to one person, `openOnly` to those not yet ended.
    public static func shifts(_ db: Database, staff: StaffID? = nil, openOnly: Bool = false, limit: Int = 50) throws -> [ShiftRecord] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let staff { conditions.append("sh.staffID = ?"); arguments.append(staff.rawValue) }
        if openOnly { conditions.append("sh.endedAt IS NULL") }
        arguments.append(limit)
        return try Row.fetchAll(db, sql: """
            SELECT sh.*, s.name, (SELECT COALESCE(SUM(minutes), 0) FROM shift_leave l WHERE l.shiftID = sh.id) AS leaveMinutes
            FROM shift sh JOIN staff_v s ON s.id = sh.staffID
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY sh.startedAt DESC, sh.id LIMIT ?
            """, arguments: StatementArguments(arguments)).map(record)
    }

    static func record(_ row: Row) -> ShiftRecord {
        let figures = (row["figures"] as String?).flatMap { try? JSONDecoder().decode([HandoverFigure].self, from: Data($0.utf8)) } ?? []
        return ShiftRecord(id: row["id"], staff: row["staffID"], name: row["name"], day: row["day"], team: row["team"],
                           template: row["template"], startedAt: Date(millis: row["startedAt"]),
                           endedAt: (row["endedAt"] as Int64?).map(Date.init(millis:)), lateMinutes: row["lateMinutes"],
                           earlyMinutes: row["earlyMinutes"], leaveMinutes: row["leaveMinutes"], figures: figures, note: row["note"])
    }

    /// The person's shift that has not ended.
    public static func currentShift(_ db: Database, staff: StaffID) throws -> ShiftRecord? {
        try shifts(db, staff: staff, openOnly: true, limit: 1).first
    }

    public struct Item: Sendable, Codable, Equatable {
        public var id: String
        public var team: String
        public var author: String
        public var text: String
        public var about: String?
        public var writtenAt: Date
        public var shift: String
        public var status: String
        public var settledBy: String?
        public var settledAt: Date?
        public var note: String?
    }

    /// What a handover shows.
    public struct Handover: Sendable, Codable, Equatable {
        /// Open items handed to the viewer (or all open items).
        public var items: [Item]
        /// The latest ended shift of each team in view, with the summary it closed with.
        public var lastShifts: [ShiftRecord]
    }

    /// For a person: the open items of their team not written in their own current shift, and the
    /// summary of the team's last ended shift. `all`: every open item of every team (the manager's view).
    public static func handover(_ db: Database, viewer: StaffID, all: Bool) throws -> Handover {
        let current = try currentShift(db, staff: viewer)
        let staff = try CoreQueries.staff(db, id: viewer)
        let team = current?.team ?? Team.of(staff?.roles ?? []).rawValue
        let items = try Row.fetchAll(db, sql: """
            SELECT i.*, s.name AS authorName FROM handover_item i JOIN staff_v s ON s.id = i.author
            WHERE i.status = 'open' AND (? OR i.team = ?) AND i.shiftID != ?
            ORDER BY i.writtenAt, i.rowid
            """, arguments: [all, team, current?.id ?? ""]).map(item)
        let teams = all ? Team.allCases.map(\.rawValue) : [team]
        let last = try teams.compactMap { team in
            try Row.fetchOne(db, sql: """
                SELECT sh.*, s.name, (SELECT COALESCE(SUM(minutes), 0) FROM shift_leave l WHERE l.shiftID = sh.id) AS leaveMinutes
                FROM shift sh JOIN staff_v s ON s.id = sh.staffID
                WHERE sh.team = ? AND sh.endedAt IS NOT NULL ORDER BY sh.endedAt DESC LIMIT 1
                """, arguments: [team]).map(record)
        }
        return Handover(items: items, lastShifts: last)
    }

    /// Items taken over or closed (the book's history), newest first.
    public static func settledItems(_ db: Database, limit: Int = 50) throws -> [Item] {
        try Row.fetchAll(db, sql: """
            SELECT i.*, s.name AS authorName, t.name AS settledName FROM handover_item i JOIN staff_v s ON s.id = i.author
            LEFT JOIN staff_v t ON t.id = i.settledBy WHERE i.status != 'open' ORDER BY i.settledAt DESC LIMIT ?
            """, arguments: [limit]).map(item)
    }

    static func item(_ row: Row) -> Item {
        Item(id: row["id"], team: row["team"], author: row["authorName"], text: row["text"], about: row["about"],
             writtenAt: Date(millis: row["writtenAt"]), shift: row["shiftID"], status: row["status"],
             settledBy: row["settledName"] ?? row["settledBy"], settledAt: (row["settledAt"] as Int64?).map(Date.init(millis:)), note: row["note"])
    }

    public struct Memo: Sendable, Codable, Equatable {
        public var id: String
        public var text: String
        public var at: Date
    }

    public static func memos(_ db: Database, staff: StaffID) throws -> [Memo] {
        try Row.fetchAll(db, sql: "SELECT * FROM memo WHERE staffID = ? ORDER BY at DESC, id", arguments: [staff.rawValue]).map {
            Memo(id: $0["id"], text: $0["text"], at: Date(millis: $0["at"]))
        }
    }

    /// One report a person owes for a period (ORG-2, HR-5).
    public struct Due: Sendable, Codable, Equatable {
        public var name: String
        public var kind: String
        public var period: String
        /// `done`, `due` (this period) or `late` (an earlier period, still missing).
        public var status: String
        /// For `fund-overdrawn`: the fund's balance, below zero.
        public var amount: Money? = nil
    }

    /// What each active person owes this week and month, and what is late from the last ones.
    public static func due(_ db: Database, today: CivilDate) throws -> [Due] {
        let week = ISOWeek(containing: today)
        let month = today.monthKey
        let lastMonth = CivilDate(year: today.year, month: today.month, day: 1)!.adding(days: -1).monthKey
        let written = Set(try Row.fetchAll(db, sql: "SELECT staffID, kind, period FROM plan_report").map {
            "\($0["staffID"] as String)|\($0["kind"] as String)|\($0["period"] as String)"
        })
        var result: [Due] = []
        for record in try CoreQueries.staffList(db, includeInactive: false) {
            let person = record.staff
            for kind in ReportKind.owed(by: person.roles) {
                let (current, previous) = kind.isWeekly ? (week.description, week.previous.description) : (month, lastMonth)
                // A report for a period before the person joined is not owed.
                let joinedDay = try ProjectionContext.zone(db).day(of: record.addedAt)
                let previousOwed = kind.isWeekly ? week.previous.days.last! >= joinedDay : lastMonth >= joinedDay.monthKey
                if previousOwed, !written.contains("\(person.id.rawValue)|\(kind.rawValue)|\(previous)") {
                    result.append(Due(name: person.name, kind: kind.rawValue, period: previous, status: "late"))
                }
                let done = written.contains("\(person.id.rawValue)|\(kind.rawValue)|\(current)")
                result.append(Due(name: person.name, kind: kind.rawValue, period: current, status: done ? "done" : "due"))
            }
        }
        return result + (try trainingDue(db, today: today)) + (try fundDue(db, today: today))
    }

    /// DISC-4: the fund below zero — spendings on two devices, each within the balance it saw,
    /// merged to more than the box holds (only a local spending is refused). The GM settles it
    /// (pays it back in or records the shortfall): a due item for every GM until the balance is
    /// 0 or more again; `period` is today.
    static func fundDue(_ db: Database, today: CivilDate) throws -> [Due] {
        let balance = try FundQueries.balance(db)
        guard balance < .zero else { return [] }
        return try CoreQueries.staffList(db, includeInactive: false).filter { $0.staff.roles.contains(.gm) }.map {
            Due(name: $0.staff.name, kind: "fund-overdrawn", period: today.description, status: "due", amount: balance)
        }
    }

    /// HR-6: a person who joined after the shop's first day and whose training is not signed off is
    /// due until the policy's period from joining has passed, then late (`period` is the deadline).
    static func trainingDue(_ db: Database, today: CivilDate) throws -> [Due] {
        let zone = try ProjectionContext.zone(db)
        let opened = try CoreQueries.shop(db).createdOn
        let signed = Set(try String.fetchAll(db, sql: "SELECT staffID FROM training_signoff"))
        guard case .days(let period) = try ProjectionContext.policy(PolicyCatalog.item("HR-6.training-days")!, on: today, db) else { return [] }
        return try CoreQueries.staffList(db, includeInactive: false).compactMap { record in
            let joined = zone.day(of: record.addedAt)
            guard joined > opened, !signed.contains(record.staff.id.rawValue) else { return nil }
            let deadline = joined.adding(days: period)
            return Due(name: record.staff.name, kind: "training", period: deadline.description, status: today > deadline ? "late" : "due")
        }
    }
}
