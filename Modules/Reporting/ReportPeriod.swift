import Foundation
import ShopDomain
import Storage

/// The days a report covers, in the shop's zone: one day (`--date`), an ISO week (`--week
/// 2026-W49`) or a calendar month (`--month 2026-11`). A period that has not started is refused;
/// one that is under way is reported up to today.
public struct ReportPeriod: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case day, week, month }

    public let kind: Kind
    /// `2026-11-30`, `2026-W49` or `2026-11`.
    public let label: String
    /// Every day of the period, first to last (a month: all its days, also those still to come).
    public let days: [CivilDate]

    public var first: CivilDate { days.first! }
    public var last: CivilDate { days.last! }

    init(kind: Kind, label: String, days: [CivilDate]) {
        self.kind = kind
        self.label = label
        self.days = days
    }

    public static func day(_ day: CivilDate) -> ReportPeriod { ReportPeriod(kind: .day, label: day.description, days: [day]) }

    public static func week(_ week: ISOWeek) -> ReportPeriod { ReportPeriod(kind: .week, label: week.description, days: week.days) }

    public static func month(containing day: CivilDate) -> ReportPeriod {
        let first = CivilDate(year: day.year, month: day.month, day: 1)!
        let days = Array(sequence(first: first) { $0.adding(days: 1) }.prefix { $0.month == first.month })
        return ReportPeriod(kind: .month, label: first.monthKey, days: days)
    }

    /// Reads `--date`, `--week` or `--month` (at most one; none: this month) and refuses a period
    /// that starts after `today`.
    public static func parse(date: String?, week: String?, month: String?, today: CivilDate) throws(ReportingError) -> ReportPeriod {
        let given = [date, week, month].compactMap { $0 }
        guard given.count <= 1 else { throw .severalPeriods }
        let period: ReportPeriod
        if let date {
            guard let day = CivilDate(date) else { throw .badPeriod(date) }
            period = .day(day)
        } else if let week {
            guard let parsed = ISOWeek(week) else { throw .badPeriod(week) }
            period = .week(parsed)
        } else if let month {
            guard let first = monthStart(month) else { throw .badPeriod(month) }
            period = .month(containing: first)
        } else {
            period = .month(containing: today)
        }
        guard period.first <= today else { throw .futurePeriod(period.label) }
        return period
    }

    /// `2026-11` → 2026-11-01.
    public static func monthStart(_ text: String) -> CivilDate? {
        let parts = text.trimmingWhitespace().split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        return CivilDate(year: y, month: m, day: 1)
    }

    /// The days up to `today` (all of them for a period that is over).
    public func elapsed(today: CivilDate) -> [CivilDate] { days.filter { $0 <= today } }

    /// The period's instants as milliseconds since 1970: from its first day's start to the start
    /// of the day after its last.
    public func millis(in zone: ShopZone) -> Range<Int64> {
        zone.start(of: first).millis..<zone.start(of: last.adding(days: 1)).millis
    }

    /// The month this period lies in (a week across two months: the month of its last day).
    public var monthKey: String { last.monthKey }
}
