import Foundation
import GRDB
import ShopDomain
import Storage
import Testing
import Workforce
@testable import Reporting

@Suite("report sales (OPS-1) on the demo shop, checked against independent SQL")
struct SalesReportTests {
    @Test("orders, units, revenue, refunds and the days add up to what the order tables hold")
    func matchesSQL() throws {
        let database = try ReportShop.open()
        let period = ReportPeriod.month(containing: ReportShop.today)
        let report = try database.read { db in try SalesReport.build(db, period: period, today: ReportShop.today, zone: ReportShop.zone) }
        let (start, end) = ReportShop.november
        let expected = try database.read { db in
            try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS orders, SUM(paid) AS revenue, SUM(CASE WHEN refunded = 1 THEN paid ELSE 0 END) AS refunds,
                       SUM(refunded) AS refundedOrders,
                       (SELECT SUM(quantity) FROM order_line WHERE orderID IN (SELECT id FROM order_header WHERE paidAt >= ?1 AND paidAt < ?2)) AS units
                FROM order_header WHERE paidAt >= ?1 AND paidAt < ?2
                """, arguments: [start, end])!
        }
        #expect(report.orders > 10)
        #expect(report.orders == expected["orders"])
        #expect(report.revenue.fen == expected["revenue"])
        #expect(report.refunds.fen == expected["refunds"])
        #expect(report.refundedOrders == expected["refundedOrders"])
        #expect(report.units == expected["units"])
        #expect(report.net == report.revenue - report.refunds)
        #expect(report.days.count == 30)
        #expect(report.days.reduce(0) { $0 + $1.orders } == report.orders)
        #expect(report.days.reduce(Money.zero) { $0 + $1.revenue } == report.revenue)
        // By style and by colour × size: the kept orders' lines, the same units either way.
        let keptUnits = try database.read { db in
            try Int.fetchOne(db, sql: """
                SELECT SUM(l.quantity) FROM order_line l JOIN order_header o ON o.id = l.orderID
                WHERE o.paidAt >= ? AND o.paidAt < ? AND o.refunded = 0
                """, arguments: [start, end])!
        }
        #expect(report.byStyle.reduce(0) { $0 + $1.units } == keptUnits)
        #expect(report.byVariant.reduce(0) { $0 + $1.units } == keptUnits)
        // One day's figures: the orders paid on 2026-11-24 in Shanghai.
        let day = CivilDate("2026-11-24")!
        let dayReport = try database.read { db in try SalesReport.build(db, period: .day(day), today: ReportShop.today, zone: ReportShop.zone) }
        let dayCount = try database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM order_header WHERE paidAt >= ? AND paidAt < ?",
                             arguments: [ReportShop.zone.start(of: day).millis, ReportShop.zone.start(of: day.adding(days: 1)).millis])!
        }
        #expect(dayReport.orders == dayCount)
    }

    @Test("the GM sets the month's target (ORG-2); the run-rate carries the month's pace to its end; others are refused")
    func target() throws {
        let database = try ReportShop.open()
        let gm = try database.read(CoreQueries.shop).owner
        try database.apply(OpDraft(actor: gm, SalesTargetSet(month: "2026-11", amount: Money(yuan: 30000))))
        let report = try database.read { db in
            try SalesReport.build(db, period: .month(containing: ReportShop.today), today: ReportShop.today, zone: ReportShop.zone)
        }
        let target = report.target
        #expect(target.target == Money(yuan: 30000))
        #expect(target.monthToDate == report.net)
        #expect(target.daysElapsed == 30 && target.daysInMonth == 30)
        #expect(target.projected == target.monthToDate)
        #expect(target.remaining == Money(yuan: 30000) - report.net)
        #expect(target.percent == Int(report.net.fen * 100 / 3_000_000))
        // Mid-month: the pace so far carried over the month's 30 days.
        let mid = try database.read { db in try SalesReport.target(db, through: CivilDate("2026-11-25")!, zone: ReportShop.zone) }
        #expect(mid.projected.fen == (mid.monthToDate.fen * 30 + 12) / 25)
        #expect(mid.neededPerDay == Money(fen: ((Money(yuan: 30000) - mid.monthToDate).fen + 4) / 5))
        // A CS agent may not set it; a bad month or amount is refused and nothing written.
        let agent = try ReportShop.staff(database, "周小雨")
        #expect(throws: StorageError.self) { try database.apply(OpDraft(actor: agent, SalesTargetSet(month: "2026-12", amount: Money(yuan: 1)))) }
        #expect(throws: ReportingError.badMonth("2026-1")) { try database.apply(OpDraft(actor: gm, SalesTargetSet(month: "2026-1", amount: Money(yuan: 1)))) }
        #expect(throws: ReportingError.notPositive("0.00")) { try database.apply(OpDraft(actor: gm, SalesTargetSet(month: "2026-12", amount: .zero))) }
        #expect(try database.read { db in try Reporting.target(db, month: "2026-12") } == nil)
    }

    @Test("a month with no orders is an empty report that says so")
    func emptyMonth() throws {
        let database = try ReportShop.open()
        let period = try ReportPeriod.parse(date: nil, week: nil, month: "2026-09", today: ReportShop.today)
        let report = try database.read { db in try SalesReport.build(db, period: period, today: ReportShop.today, zone: ReportShop.zone) }
        #expect(report.isEmpty && report.revenue == .zero && report.averageOrder == .zero)
        let text = report.document(in: .zh).text()
        #expect(text.contains("2026-09 没有销售数据"))
    }

    @Test("filing the month's sales report marks the agent's due item done (ORG-2, through plan.written)")
    func filing() throws {
        let database = try ReportShop.open()
        let period = ReportPeriod.month(containing: ReportShop.today)
        let agent = try database.read { db in try CoreQueries.findStaff(db, "周小雨") }
        let before = try database.read { db in try WorkforceQueries.due(db, today: ReportShop.today) }
        #expect(before.contains { $0.name == "周小雨" && $0.kind == "monthly-sales-report" && $0.period == "2026-11" && $0.status == "due" })
        let ops = try ReportFiling.ops(report: "sales", period: period, name: agent.name, roles: agent.roles, summary: "11 月销售", in: .zh)
        #expect(ops.map(\.kind) == [.monthlySalesReport])
        try database.apply(ops.map { OpDraft(actor: agent.id, $0) })
        let after = try database.read { db in try WorkforceQueries.due(db, today: ReportShop.today) }
        #expect(after.contains { $0.name == "周小雨" && $0.kind == "monthly-sales-report" && $0.period == "2026-11" && $0.status == "done" })
        // A designer owes no sales report; a week is not a monthly report.
        #expect(throws: ReportingError.self) {
            try ReportFiling.ops(report: "sales", period: period, name: "汪莎", roles: [.designer], summary: "", in: .zh)
        }
        #expect(throws: ReportingError.fileNeedsMonth("2026-W48")) {
            try ReportFiling.ops(report: "sales", period: .week(ISOWeek("2026-W48")!), name: agent.name, roles: agent.roles, summary: "", in: .zh)
        }
    }
}
