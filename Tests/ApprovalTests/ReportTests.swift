import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Approval
@testable import Storage

/// CAMP-3: the summary and the financial report, computed from the imported orders.
@Suite struct ReportTests {
    static func order(_ n: Int, paid day: String, _ lines: [(String, Int, Int64)], status: OrderStatus = .paid, zone: ShopZone) -> OrderImported {
        let paidAt = zone.start(of: CivilDate(day)!).addingTimeInterval(10 * 3600).millis
        let total = Money(yuan: lines.reduce(0) { $0 + Int64($1.1) * $1.2 })
        return OrderImported(order: OrderSnapshot(
            order: OrderID(rawValue: "19300000000000\(n)"), buyer: "tb_\(n)", status: status, closeReason: nil, refunded: false, goodsTotal: total,
            postage: .zero, total: total, paid: total, buyerMessage: nil, consignee: "张三", phone: "13800000001", address: "上海 上海市 闵行区",
            postcode: nil, createdAt: paidAt, paidAt: paidAt, sellerRemark: nil,
            lines: lines.map { OrderLine(title: "衫", attributes: "", colour: nil, size: nil, quantity: $0.1, price: Money(yuan: $0.2),
                                         merchantCode: $0.0, sku: SKU(rawValue: $0.0)) }))
    }

    @Test func theReportIsComputedFromTheOrdersInTheWindow() throws {
        let shop = try ApprovalShop()
        let id = try shop.declare()
        try shop.signThrough(id)
        try shop.apply(try shop.database.read { db in try CampaignActions.goLive(db, id, override: nil) }, as: shop.gm)
        let zone = shop.time.zone
        try shop.database.apply([
            OpDraft(actor: shop.gm, Self.order(10, paid: "2026-12-10", [("AF-1", 2, 59)], zone: zone)),
            OpDraft(actor: shop.gm, Self.order(11, paid: "2026-12-12", [("AF-1", 1, 59), ("AF-2", 1, 59)], zone: zone)),
            OpDraft(actor: shop.gm, Self.order(12, paid: "2026-12-13", [("AF-1", 5, 59)], zone: zone)),  // after the window
            OpDraft(actor: shop.gm, Self.order(13, paid: "2026-12-11", [("AF-2", 3, 59)], status: .closed, zone: zone)),  // closed
        ])
        try shop.apply(CampaignSummarized(campaign: id, text: "总结", spent: Money(yuan: 200)), as: shop.lead)
        let report = try shop.database.read { db in try CampaignReport.compute(db, id) }
        #expect(report.orders == 2)
        #expect(report.units == 4)
        #expect(report.sales == Money(yuan: 236))
        #expect(report.productCost == Money(yuan: 30 * 3 + 32))
        #expect(report.platformFee == Money(fen: 1180))  // 5% declared
        #expect(report.spent == Money(yuan: 200))
        #expect(report.totalCost == Money(yuan: 122) + Money(fen: 1180) + Money(yuan: 200))
        #expect(report.margin == Money(yuan: 236) - report.totalCost)
        #expect(report.summary == "总结")
        #expect(report.lines.map(\.units) == [3, 1])
        #expect(report.paid == report.sales && report.unitsOffPrice == 0 && report.paidMargin == report.margin)
    }

    /// Issue 13: the campaign prices are what the report uses for the period; what the orders paid
    /// is shown beside it, with the units that went off the campaign price.
    @Test("CAMP-3: sales at the campaign price and as paid, each with its fee and margin")
    func campaignPriceAndPaid() throws {
        let shop = try ApprovalShop()
        let id = try shop.declare()
        try shop.signThrough(id)
        try shop.apply(try shop.database.read { db in try CampaignActions.goLive(db, id, override: nil) }, as: shop.gm)
        let zone = shop.time.zone
        try shop.database.apply([
            OpDraft(actor: shop.gm, Self.order(10, paid: "2026-12-10", [("AF-1", 2, 59)], zone: zone)),
            OpDraft(actor: shop.gm, Self.order(11, paid: "2026-12-11", [("AF-1", 1, 99)], zone: zone)),  // the regular price: not applied
            OpDraft(actor: shop.gm, Self.order(12, paid: "2026-12-12", [("AF-2", 2, 49)], zone: zone)),  // under it: a coupon
        ])
        try shop.apply(CampaignSummarized(campaign: id, text: "总结", spent: Money(yuan: 100)), as: shop.lead)
        let report = try shop.database.read { db in try CampaignReport.compute(db, id) }
        #expect(report.units == 5)
        #expect(report.sales == Money(yuan: 59 * 5))  // units × the campaign price
        #expect(report.paid == Money(yuan: 2 * 59 + 99 + 2 * 49))  // 315: what the lines say
        #expect(report.paidDifference == Money(yuan: 20))
        #expect(report.unitsOffPrice == 3)
        #expect(report.lines.map { "\($0.sku) \($0.units) \($0.sales) \($0.paid) \($0.unitsOffPrice)" }
                == ["AF-1 3 177.00 217.00 1", "AF-2 2 118.00 98.00 2"])
        let cost = Money(yuan: 30 * 3 + 32 * 2) + Money(yuan: 100)  // products and spend; no waybills, no postage
        #expect(report.platformFee == Money(fen: 1475))  // 5% of 295.00
        #expect(report.margin == report.sales - cost - report.platformFee)
        #expect(report.paidPlatformFee == Money(fen: 1575))  // 5% of 315.00
        #expect(report.paidMargin == report.paid - cost - report.paidPlatformFee)
        #expect(report.marginPermille == Int((report.margin.fen * 1000) / report.sales.fen))
    }

    @Test func theSummaryNeedsALiveCampaignAndText() throws {
        let shop = try ApprovalShop()
        let id = try shop.declare()
        #expect(throws: ApprovalError.notLive(id)) { try shop.apply(CampaignSummarized(campaign: id, text: "x"), as: shop.lead) }
        try shop.apply(try shop.database.read { db in try CampaignActions.goLive(db, id, override: "急") }, as: shop.gm)
        #expect(throws: ApprovalError.emptySummary) { try shop.apply(CampaignSummarized(campaign: id, text: " "), as: shop.lead) }
    }
}
