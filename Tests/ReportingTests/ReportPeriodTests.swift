import ShopDomain
import Testing
@testable import Reporting

@Suite("report periods: --date, --week, --month in the shop's zone")
struct ReportPeriodTests {
    let today = CivilDate("2026-11-30")!

    @Test("a day, an ISO week and a month give their days; none gives this month")
    func periods() throws {
        let day = try ReportPeriod.parse(date: "2026-11-03", week: nil, month: nil, today: today)
        #expect(day.days == [CivilDate("2026-11-03")!])
        let week = try ReportPeriod.parse(date: nil, week: "2026-W48", month: nil, today: today)
        #expect(week.first == CivilDate("2026-11-23")! && week.last == CivilDate("2026-11-29")!)
        let month = try ReportPeriod.parse(date: nil, week: nil, month: "2026-02", today: today)
        #expect(month.days.count == 28 && month.label == "2026-02")
        let current = try ReportPeriod.parse(date: nil, week: nil, month: nil, today: today)
        #expect(current.label == "2026-11" && current.days.count == 30)
        // A week under way is reported up to today.
        let thisWeek = try ReportPeriod.parse(date: nil, week: "2026-W49", month: nil, today: today)
        #expect(thisWeek.elapsed(today: today) == [today])
    }

    @Test("an invalid period, two periods at once, a future month: one clear refusal each")
    func refusals() throws {
        #expect(throws: ReportingError.badPeriod("2026-13")) { try ReportPeriod.parse(date: nil, week: nil, month: "2026-13", today: today) }
        #expect(throws: ReportingError.badPeriod("2026-W60")) { try ReportPeriod.parse(date: nil, week: "2026-W60", month: nil, today: today) }
        #expect(throws: ReportingError.badPeriod("30/11/2026")) { try ReportPeriod.parse(date: "30/11/2026", week: nil, month: nil, today: today) }
        #expect(throws: ReportingError.severalPeriods) { try ReportPeriod.parse(date: "2026-11-30", week: nil, month: "2026-11", today: today) }
        #expect(throws: ReportingError.futurePeriod("2026-12")) { try ReportPeriod.parse(date: nil, week: nil, month: "2026-12", today: today) }
        #expect(ReportingError.futurePeriod("2026-12").message(in: .zh).contains("还没开始"))
    }
}
