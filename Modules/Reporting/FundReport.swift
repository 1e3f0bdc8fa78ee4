import Foundation
import GRDB
import ShopDomain
import Storage
import Workforce

/// The department fund for a day, week or month (DISC-4): Workforce's own statement
/// (`FundQueries.statement`, what `zhanggui fund statement` prints) over the period, and from its
/// entries the balance at the end of each day, starting from the balance the period opened with.
public struct FundReport: Sendable, Equatable, Codable {
    public struct Day: Sendable, Equatable, Codable {
        public var day: CivilDate
        public var paid: Money
        public var spent: Money
        /// What the box holds at the day's end (below zero: merged spendings took more than it had).
        public var balance: Money
    }

    public var period: ReportPeriod
    /// The last day counted (today, in a period still under way).
    public var through: CivilDate
    /// The balance before the period's first entry.
    public var opening: Money
    public var statement: FundStatement
    public var days: [Day]

    public var isEmpty: Bool { statement.entries.isEmpty && statement.owed == .zero }
    /// The lowest balance of the period's days, if it went below zero.
    public var overdrawn: Money? { days.map(\.balance).filter { $0 < .zero }.min() }

    public static func build(_ db: Database, period: ReportPeriod, today: CivilDate, zone: ShopZone) throws -> FundReport {
        let elapsed = period.elapsed(today: today)
        let span = ReportPeriod(kind: period.kind, label: period.label, days: elapsed).millis(in: zone)
        var statement = try FundQueries.statement(db, range: span)
        if period.kind == .month { statement.month = period.label }
        let moved = statement.entries.reduce(Money.zero) { $0 + ($1.kind == "spent" ? -$1.amount : $1.amount) }
        let opening = statement.balance - moved
        var balance = opening
        var days: [Day] = []
        var entries = statement.entries[...]
        for day in elapsed {
            let end = zone.start(of: day.adding(days: 1))
            var paid = Money.zero, spent = Money.zero
            while let entry = entries.first, entry.at < end {
                if entry.kind == "spent" { spent = spent + entry.amount } else { paid = paid + entry.amount }
                entries = entries.dropFirst()
            }
            balance = balance + paid - spent
            days.append(Day(day: day, paid: paid, spent: spent, balance: balance))
        }
        return FundReport(period: period, through: elapsed.last!, opening: opening, statement: statement, days: days)
    }
}
