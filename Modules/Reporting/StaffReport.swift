import Foundation
import GRDB
import ShopDomain
import Storage

/// Each person's period (HR-1, HR-2, DISC-3): shifts worked and their minutes, lateness and early
/// leaving, handover items written and taken over (acknowledged or closed), fines booked in the
/// period: those owed apart from those the GM waived (ORG-3; a waived fine is not owed). From
/// Workforce's `shift_v`, `handover_item_v`, `fine_v` and the core's `staff_v`.
public struct StaffReport: Sendable, Equatable, Codable {
    public struct Person: Sendable, Equatable, Codable {
        public var staffID: String
        public var name: String
        public var shifts: Int
        public var minutes: Int
        public var lateShifts: Int
        public var lateMinutes: Int
        public var earlyMinutes: Int
        public var handoversWritten: Int
        public var handoversTaken: Int
        /// Fines booked in the period and owed (not waived).
        public var fines: Int
        public var fined: Money
        /// Fines booked in the period that the GM waived.
        public var finesWaived: Int
        public var waived: Money
    }

    public var period: ReportPeriod
    public var people: [Person]
    public var total: Person

    public var isEmpty: Bool {
        total.shifts == 0 && total.handoversWritten == 0 && total.handoversTaken == 0 && total.fines == 0 && total.finesWaived == 0
    }

    public static func build(_ db: Database, period: ReportPeriod, zone: ShopZone) throws -> StaffReport {
        let span = period.millis(in: zone)
        var people: [String: Person] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM staff_v WHERE active = 1 OR leftAt >= ? ORDER BY addedAt, id",
                                    arguments: [span.lowerBound]) {
            people[row["id"]] = Person(staffID: row["id"], name: row["name"], shifts: 0, minutes: 0, lateShifts: 0, lateMinutes: 0,
                                       earlyMinutes: 0, handoversWritten: 0, handoversTaken: 0, fines: 0, fined: .zero, finesWaived: 0, waived: .zero)
        }
        let order = Array(people.keys)
        func update(_ id: String?, _ change: (inout Person) -> Void) {
            guard let id, var person = people[id] else { return }
            change(&person)
            people[id] = person
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT staffID, COUNT(*) AS shifts, COALESCE(SUM((endedAt - startedAt) / 60000), 0) AS minutes, SUM(lateMinutes > 0) AS late,
                   SUM(lateMinutes) AS lateMinutes, COALESCE(SUM(earlyMinutes), 0) AS early
            FROM shift_v WHERE day >= ? AND day <= ? GROUP BY staffID
            """, arguments: [period.first.description, period.last.description]) {
            update(row["staffID"]) {
                $0.shifts = row["shifts"]; $0.minutes = row["minutes"]; $0.lateShifts = row["late"]; $0.lateMinutes = row["lateMinutes"]
                $0.earlyMinutes = row["early"]
            }
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT author, COUNT(*) AS n FROM handover_item_v WHERE writtenAt >= ? AND writtenAt < ? GROUP BY author
            """, arguments: [span.lowerBound, span.upperBound]) {
            update(row["author"]) { $0.handoversWritten = row["n"] }
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT settledBy, COUNT(*) AS n FROM handover_item_v WHERE status <> 'open' AND settledAt >= ? AND settledAt < ? GROUP BY settledBy
            """, arguments: [span.lowerBound, span.upperBound]) {
            update(row["settledBy"]) { $0.handoversTaken = row["n"] }
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT staffID, SUM(waivedAt IS NULL) AS n, COALESCE(SUM(CASE WHEN waivedAt IS NULL THEN amount END), 0) AS amount,
                   SUM(waivedAt IS NOT NULL) AS w, COALESCE(SUM(CASE WHEN waivedAt IS NOT NULL THEN amount END), 0) AS waived
            FROM fine_v WHERE at >= ? AND at < ? GROUP BY staffID
            """, arguments: [span.lowerBound, span.upperBound]) {
            update(row["staffID"]) {
                $0.fines = row["n"]; $0.fined = Money(fen: row["amount"]); $0.finesWaived = row["w"]; $0.waived = Money(fen: row["waived"])
            }
        }
        let list = order.compactMap { people[$0] }.sorted { ($0.shifts, $0.handoversWritten, $1.name) > ($1.shifts, $1.handoversWritten, $0.name) }
        let total = list.reduce(into: Person(staffID: "", name: "", shifts: 0, minutes: 0, lateShifts: 0, lateMinutes: 0, earlyMinutes: 0,
                                             handoversWritten: 0, handoversTaken: 0, fines: 0, fined: .zero,
                                             finesWaived: 0, waived: .zero)) {
            $0.shifts += $1.shifts; $0.minutes += $1.minutes; $0.lateShifts += $1.lateShifts; $0.lateMinutes += $1.lateMinutes
            $0.earlyMinutes += $1.earlyMinutes; $0.handoversWritten += $1.handoversWritten; $0.handoversTaken += $1.handoversTaken
            $0.fines += $1.fines; $0.fined = $0.fined + $1.fined; $0.finesWaived += $1.finesWaived; $0.waived = $0.waived + $1.waived
        }
        return StaffReport(period: period, people: list, total: total)
    }
}
