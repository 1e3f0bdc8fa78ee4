import CustomerCare
import Foundation
import GRDB
import ShopDomain
import Storage

/// The CS daily report (CS-12, CS-9) for a day, week or month: CustomerCare's own computation
/// (`CSDaily.rows`, what `zhanggui cs daily` prints) over the period, one row per agent, and
/// their total. Nothing is counted here a second time.
public struct CSReport: Sendable, Equatable, Codable {
    public var period: ReportPeriod
    /// The last day counted (today, in a period still under way).
    public var through: CivilDate
    public var agents: [CSDailyRow]
    public var total: CSDailyRow

    public var isEmpty: Bool { agents.isEmpty }

    public static func build(_ db: Database, period: ReportPeriod, today: CivilDate, zone: ShopZone) throws -> CSReport {
        let elapsed = period.elapsed(today: today)
        let span = ReportPeriod(kind: period.kind, label: period.label, days: elapsed).millis(in: zone)
        let agents = try CSDaily.rows(db, from: span.lowerBound, until: span.upperBound)
        return CSReport(period: period, through: elapsed.last!, agents: agents, total: CSDaily.total(agents))
    }
}
