import CustomerCare
import Foundation
import GRDB
import ShopDomain
import Storage
import Testing
import Workforce
@testable import Reporting

@Suite("report cs (CS-12, CS-9) and fund (DISC-4) on the demo shop, checked against independent SQL")
struct CSFundReportTests {
    @Test("cs: CustomerCare's own rows over the month; the figures are what the cs tables hold; a day is `cs daily`")
    func cs() throws {
        let database = try ReportShop.open()
        let period = ReportPeriod.month(containing: ReportShop.today)
        let report = try database.read { db in try CSReport.build(db, period: period, today: ReportShop.today, zone: ReportShop.zone) }
        let (start, end) = ReportShop.november
        let expected = try database.read { db in
            try Row.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM cs_inquiry WHERE at >= ?1 AND at < ?2) AS inquiries,
                       (SELECT COUNT(DISTINCT agent) FROM cs_inquiry WHERE at >= ?1 AND at < ?2) AS asking,
                       (SELECT COUNT(*) FROM cs_review WHERE addedAt >= ?1 AND addedAt < ?2) AS reviews,
                       (SELECT COUNT(*) FROM cs_review WHERE handledAt >= ?1 AND handledAt < ?2) AS handled,
                       (SELECT COALESCE(SUM(compensation), 0) FROM cs_review WHERE handledAt >= ?1 AND handledAt < ?2) AS compensation,
                       (SELECT COUNT(*) FROM cs_complaint WHERE openedAt >= ?1 AND openedAt < ?2) AS complaints,
                       (SELECT COUNT(*) FROM cs_return WHERE openedAt >= ?1 AND openedAt < ?2) AS returns,
                       (SELECT COUNT(*) FROM cs_followup WHERE at >= ?1 AND at < ?2) AS followUps
                """, arguments: [start, end])!
        }
        #expect(report.total.inquiries == expected["inquiries"] && report.total.inquiries > 0)
        #expect(report.agents.filter { $0.inquiries > 0 }.count == expected["asking"])
        #expect(report.total.reviewsAdded == expected["reviews"] && report.total.reviewsHandled == expected["handled"])
        #expect(report.total.compensation.fen == expected["compensation"])
        #expect(report.total.complaintsOpened == expected["complaints"] && report.total.complaintsOpened > 0)
        #expect(report.total.returnsOpened == expected["returns"])
        #expect(report.total.followUps == expected["followUps"])
        #expect(report.total.won + report.total.lost + report.total.pending == report.total.inquiries)
        #expect(report.agents.reduce(0) { $0 + $1.inquiries } == report.total.inquiries)
        // One computation: a day's report is exactly `cs daily`'s rows (CustomerCare's `CSDaily`).
        let day = ReportShop.today.adding(days: -1)
        let daily = try database.read { db in try CSDaily.report(db, day: day) }
        let dayReport = try database.read { db in try CSReport.build(db, period: .day(day), today: ReportShop.today, zone: ReportShop.zone) }
        #expect(dayReport.agents == daily.rows && !daily.rows.isEmpty)
        #expect(dayReport.document(in: .zh).title == "客服日报" && report.document(in: .zh).title == "客服报表")
        // A month with nothing in it says so plainly.
        let august = try ReportPeriod.parse(date: nil, week: nil, month: "2026-08", today: ReportShop.today)
        let empty = try database.read { db in try CSReport.build(db, period: august, today: ReportShop.today, zone: ReportShop.zone) }
        #expect(empty.isEmpty && empty.document(in: .zh).notes == ["2026-08 没有客服数据：本报表为空。"])
        #expect(empty.document(in: .zh).charts.isEmpty)
    }

    @Test("fund: Workforce's statement over the month; the balance at each day's end is the SQL sum of the entries to then")
    func fund() throws {
        let database = try ReportShop.open()
        let period = ReportPeriod.month(containing: ReportShop.today)
        let report = try database.read { db in try FundReport.build(db, period: period, today: ReportShop.today, zone: ReportShop.zone) }
        let (start, end) = ReportShop.november
        let expected = try database.read { db in
            try Row.fetchOne(db, sql: """
                SELECT (SELECT COALESCE(SUM(amount), 0) FROM fund_entry WHERE kind = 'paid' AND at >= ?1 AND at < ?2) AS paid,
                       (SELECT COALESCE(SUM(amount), 0) FROM fund_entry WHERE kind = 'spent' AND at >= ?1 AND at < ?2) AS spent,
                       (SELECT COUNT(*) FROM fund_entry WHERE at >= ?1 AND at < ?2) AS entries,
                       (SELECT COUNT(DISTINCT date(at / 1000, 'unixepoch', '+8 hours')) FROM fund_entry WHERE at >= ?1 AND at < ?2) AS days,
                       (SELECT COALESCE(SUM(CASE kind WHEN 'paid' THEN amount ELSE -amount END), 0) FROM fund_entry WHERE at < ?1) AS opening,
                       (SELECT COALESCE(SUM(CASE kind WHEN 'paid' THEN amount ELSE -amount END), 0) FROM fund_entry WHERE at < ?2) AS closing,
                       (SELECT COALESCE(SUM(amount), 0) FROM fine WHERE at >= ?1 AND at < ?2
                               AND fineKey NOT IN (SELECT fineKey FROM fine_waiver)) AS owed
                """, arguments: [start, end])!
        }
        #expect(report.statement.paid.fen == expected["paid"] && report.statement.paid > .zero)
        #expect(report.statement.spent.fen == expected["spent"] && report.statement.spent > .zero)
        #expect(report.statement.owed.fen == expected["owed"] && report.statement.owed > .zero)
        #expect(report.statement.entries.count == expected["entries"])
        #expect(report.opening.fen == expected["opening"] && report.statement.balance.fen == expected["closing"])
        #expect(report.statement.month == "2026-11" && report.days.count == 30 && report.overdrawn == nil)
        // The demo's payments are spread over the fortnight, so the line has a shape.
        #expect((expected["days"] as Int) >= 4)
        for day in report.days {
            let balance = try database.read { db in
                try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(CASE kind WHEN 'paid' THEN amount ELSE -amount END), 0) FROM fund_entry WHERE at < ?",
                                   arguments: [ReportShop.zone.start(of: day.day.adding(days: 1)).millis])!
            }
            #expect(day.balance.fen == balance, "\(day.day)")
        }
        // The same statement `fund statement --month` prints.
        let workforce = try database.read { db in try FundQueries.statement(db, month: "2026-11") }
        #expect(workforce == report.statement)
        let august = try ReportPeriod.parse(date: nil, week: nil, month: "2026-08", today: ReportShop.today)
        let empty = try database.read { db in try FundReport.build(db, period: august, today: ReportShop.today, zone: ReportShop.zone) }
        #expect(empty.isEmpty && empty.document(in: .zh, zone: ReportShop.zone).notes == ["2026-08 没有部门基金数据：本报表为空。"])
    }

    @Test("staff: fines owed apart from those the GM waived (ORG-3), from the fine and waiver tables")
    func staffWaived() throws {
        let database = try ReportShop.open()
        let period = ReportPeriod.month(containing: ReportShop.today)
        let report = try database.read { db in try StaffReport.build(db, period: period, zone: ReportShop.zone) }
        let (start, end) = ReportShop.november
        let expected = try database.read { db in
            try Row.fetchOne(db, sql: """
                SELECT COUNT(*) FILTER (WHERE w.fineKey IS NULL) AS owedN, COALESCE(SUM(f.amount) FILTER (WHERE w.fineKey IS NULL), 0) AS owed,
                       COUNT(*) FILTER (WHERE w.fineKey IS NOT NULL) AS waivedN, COALESCE(SUM(f.amount) FILTER (WHERE w.fineKey IS NOT NULL), 0) AS waived
                FROM fine f LEFT JOIN fine_waiver w ON w.fineKey = f.fineKey WHERE f.at >= ?1 AND f.at < ?2
                """, arguments: [start, end])!
        }
        #expect(report.total.fines == expected["owedN"] && report.total.fined.fen == expected["owed"])
        #expect(report.total.finesWaived == expected["waivedN"] && report.total.waived.fen == expected["waived"] && report.total.finesWaived > 0)
        let erge = try #require(report.people.first { $0.name == "二哥" })
        #expect(erge.finesWaived == 1 && erge.waived == Money(yuan: 10))
        // Fines on most days of the fortnight: the last week's staff report has some too.
        let week = ReportPeriod.week(ISOWeek(containing: ReportShop.today.adding(days: -2)))
        let weekly = try database.read { db in try StaffReport.build(db, period: week, zone: ReportShop.zone) }
        #expect(weekly.total.fines >= 3)
    }
}
