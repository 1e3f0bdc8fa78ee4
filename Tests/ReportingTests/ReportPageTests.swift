import Foundation
import GRDB
import ShopDomain
import ShopActions
import Storage
import Testing
import Workforce
@testable import Reporting

/// Each report's HTML page in a real browser: rendered to a PNG (the expected size, not blank)
/// and read back through the DOM, its figures checked against independent SQL.
@Suite("report pages in headless Chromium", .serialized)
struct ReportPageTests {
    static let width = 900, height = 1270

    func page(_ document: ReportDocument, _ name: String) throws -> (html: String, dom: String, dark: Int)? {
        guard let browser = try Browser.require() else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let html = document.html()
        let file = folder.appendingPathComponent("\(name).html"), png = folder.appendingPathComponent("\(name).png")
        try Data(html.utf8).write(to: file)
        try Browser.screenshot(browser, page: file, to: png, width: Self.width, height: Self.height)
        let data = try Data(contentsOf: png)
        let size = try #require(Browser.size(ofPNG: data))
        #expect(size.width == Self.width && size.height == Self.height)
        let dark = try Browser.darkPixels(png)
        // A blank page has no dark pixels; text, tables and a chart give tens of thousands.
        #expect(dark > 20_000, "\(name): only \(dark) dark pixels")
        return (html, try Browser.dom(browser, page: file), dark)
    }

    @Test("the pages are self-contained: no script, nothing fetched, A4, Chinese")
    func selfContained() throws {
        let database = try ReportShop.open()
        let report = try database.read { db in
            try SalesReport.build(db, period: .month(containing: ReportShop.today), today: ReportShop.today, zone: ReportShop.zone)
        }
        let html = report.document(in: .zh).html()
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("@import") && !html.contains("url(http"))
        #expect(html.contains("size: A4") && html.contains("lang=\"zh-CN\"") && html.contains("<svg"))
        #expect(html.contains("每日销售额与目标"))
    }

    @Test("sales: revenue per day as a line against the target; the DOM holds the SQL's figures")
    func sales() throws {
        let database = try ReportShop.open()
        let gm = try database.read(CoreQueries.shop).owner
        try database.apply(OpDraft(actor: gm, SalesTargetSet(month: "2026-11", amount: Money(yuan: 3000))))
        let report = try database.read { db in
            try SalesReport.build(db, period: .month(containing: ReportShop.today), today: ReportShop.today, zone: ReportShop.zone)
        }
        guard let shown = try page(report.document(in: .zh), "sales") else { return }
        let revenue = try database.read { db in
            try Int64.fetchOne(db, sql: "SELECT SUM(paid) FROM order_header WHERE paidAt >= ? AND paidAt < ?",
                               arguments: [ReportShop.november.0, ReportShop.november.1])!
        }
        #expect(shown.dom.contains("¥" + Money(fen: revenue).description))
        #expect(shown.dom.contains("销售报表") && shown.dom.contains("日均目标 100") && shown.dom.contains("<polyline"))
    }

    @Test("inventory: a stacked bar of stock states; shipping: a courier bar chart; staff")
    func others() throws {
        let database = try ReportShop.open()
        let period = ReportPeriod.month(containing: ReportShop.today)
        let (inventory, shipping, staff) = try database.read { db in
            (try InventoryReport.build(db, period: period, today: ReportShop.today, now: ReportShop.now, zone: ReportShop.zone),
             try ShippingReport.build(db, period: period, zone: ReportShop.zone),
             try StaffReport.build(db, period: period, zone: ReportShop.zone))
        }
        let value = try database.read { db in
            try Int64.fetchOne(db, sql: """
                SELECT SUM(b.quantity * COALESCE(p.cost, 0)) FROM stock_balance b JOIN product p ON p.sku = b.sku WHERE p.kind = 'goods'
                """)!
        }
        if let shown = try page(inventory.document(in: .zh, zone: ReportShop.zone), "inventory") {
            #expect(shown.dom.contains("¥" + Money(fen: value).description))
            #expect(shown.dom.contains("各品类库存状态") && shown.dom.contains("已预留"))
        }
        let handed = try database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM waybill WHERE handedAt >= ? AND handedAt < ?",
                             arguments: [ReportShop.november.0, ReportShop.november.1])!
        }
        if let shown = try page(shipping.document(in: .zh), "shipping") {
            #expect(shown.dom.contains("各快递公司包裹数") && shown.dom.contains("中通快递"))
            #expect(shown.dom.contains("<dd>\(handed)</dd>"))
        }
        if let shown = try page(staff.document(in: .zh), "staff") {
            #expect(shown.dom.contains("员工报表") && shown.dom.contains("大哥"))
        }
    }

    @Test("cs: inquiries and sales per agent as bars; fund: the balance each day as a line; the DOM holds the SQL's figures")
    func csAndFund() throws {
        let database = try ReportShop.open()
        let period = ReportPeriod.month(containing: ReportShop.today)
        let (cs, fund) = try database.read { db in
            (try CSReport.build(db, period: period, today: ReportShop.today, zone: ReportShop.zone),
             try FundReport.build(db, period: period, today: ReportShop.today, zone: ReportShop.zone))
        }
        let (start, end) = ReportShop.november
        let (inquiries, balance) = try database.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cs_inquiry WHERE at >= ? AND at < ?", arguments: [start, end])!,
             try Int64.fetchOne(db, sql: "SELECT SUM(CASE kind WHEN 'paid' THEN amount ELSE -amount END) FROM fund_entry WHERE at < ?", arguments: [end])!)
        }
        if let shown = try page(cs.document(in: .zh), "cs") {
            #expect(shown.dom.contains("客服报表") && shown.dom.contains("每位客服的咨询与成交") && shown.dom.contains("<dd>\(inquiries)</dd>"))
            #expect(shown.dom.contains("周小雨"))
        }
        if let shown = try page(fund.document(in: .zh, zone: ReportShop.zone), "fund") {
            #expect(shown.dom.contains("部门基金报表") && shown.dom.contains("每日基金余额") && shown.dom.contains("<polyline"))
            #expect(shown.dom.contains("<dd>" + Money(fen: balance).withSign + "</dd>") && shown.dom.contains("团队生日蛋糕"))
        }
    }

    @Test("fund overdrawn after a merge: the line goes below the axis, which is drawn at 0 with ticks below it; the GM's due item")
    func fundOverdrawn() throws {
        let database = try ReportShop.open()
        let gm = try database.read(CoreQueries.shop).owner
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-overdrawn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let laptop = try ShopDatabase.createNotebook(at: directory.appendingPathComponent("laptop.sqlite").path, modules: ShopFeatures.all,
                                                     clock: .fixed(ReportShop.now))
        _ = try laptop.merge(try database.ops(from: database.deviceID))
        let held = try database.read(FundQueries.balance)
        let receipt = ContentHash.of(bytes: Data("收据".utf8))
        // Each side spends what it sees in the box; merged, the box is 20 yuan short.
        try database.apply(OpDraft(actor: gm, FundSpent(what: "团建聚餐", amount: held, receipt: receipt)))
        try laptop.apply(OpDraft(actor: gm, FundSpent(what: "打印纸", amount: Money(yuan: 20), receipt: receipt)))
        _ = try database.merge(try laptop.ops(from: laptop.deviceID))
        let report = try database.read { db in
            try FundReport.build(db, period: .month(containing: ReportShop.today), today: ReportShop.today, zone: ReportShop.zone)
        }
        #expect(report.statement.balance == Money(yuan: -20) && report.overdrawn == Money(yuan: -20))
        #expect(report.days.last?.balance == Money(yuan: -20))
        let document = report.document(in: .zh, zone: ReportShop.zone)
        #expect(document.notes.contains { $0.contains("低于零") && $0.contains("-¥20.00") })
        let svg = document.charts[0].svg(id: "c0")
        #expect(svg.contains(">-20</text>"))
        // The category axis is the line at 0, above the plot's bottom (244); the last day's point lies below it.
        let axis = try #require(svg.firstMatch(of: #/<line x1="64" y1="([\d.]+)" x2="660" y2="[\d.]+" class="axis"\/>/#))
        let zero = Double(axis.1)!
        #expect(zero < 244)
        let points = try #require(svg.firstMatch(of: #/<polyline points="([^"]+)"/#)).1.split(separator: " ")
        #expect(Double(points.last!.split(separator: ",")[1])! > zero)
        // The GM sees it in `due list` (the one due-items mechanism, ORG-2).
        let due = try database.read { db in try WorkforceQueries.due(db, today: ReportShop.today) }.filter { $0.kind == "fund-overdrawn" }
        #expect(due.map(\.name) == ["黄乔"] && due.first?.amount == Money(yuan: -20))
        if let shown = try page(document, "fund-overdrawn") {
            #expect(shown.dom.contains("-¥20.00") && shown.dom.contains(">-20</text>"))
        }
    }
}
