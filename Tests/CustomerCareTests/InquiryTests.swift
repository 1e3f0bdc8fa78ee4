import Foundation
import GRDB
import ShopDomain
import Testing
@testable import CustomerCare
@testable import Storage

@Suite("Inquiries, conversion and follow-ups (CS-9, CS-5)")
struct InquiryTests {
    @Test("CS-9: a pending inquiry becomes 成交 when the same buyer pays within the window, not after")
    func converted() throws {
        let shop = try CCShop()
        try shop.apply(InquiryLogged(inquiry: "Q1", buyer: "tb_新客", products: ["雪纺衫"], outcome: .pending, reason: nil, order: nil))
        try shop.apply(InquiryLogged(inquiry: "Q2", buyer: "tb_慢客", products: [], outcome: .lost, reason: "价格", order: nil))
        try shop.order("1001000000000010", buyer: "tb_新客", phone: "1", paidAt: CCShop.now.addingTimeInterval(86_400))
        try shop.order("1001000000000011", buyer: "tb_慢客", phone: "2", paidAt: CCShop.now.addingTimeInterval(5 * 86_400))
        let start = CCShop.now.millis - 3_600_000
        let records = try shop.read { try InquiryQueries.inquiries($0, from: start, until: start + 86_400_000) }
        #expect(records.map(\.outcome) == [.won, .lost])
        #expect(records[0].logged == .pending && records[0].order == "1001000000000010")
        let day = CivilDate("2026-11-30")!
        let conversion = try shop.read { try InquiryQueries.conversion($0, from: day, until: day, by: .day) }
        #expect(conversion == [Conversion(agent: "刘芬", period: "2026-11-30", inquiries: 2, won: 1, lost: 1, pending: 0, rate: 50)])
        #expect(try shop.read { try InquiryQueries.conversion($0, from: day, until: day, by: .month) }.first?.period == "2026-11")
    }

    @Test("未成交 needs a reason from the list, which the shop can extend")
    func reasons() throws {
        let shop = try CCShop()
        let lost = InquiryLogged(inquiry: "Q1", buyer: "tb_x", products: [], outcome: .lost, reason: "颜色不喜欢", order: nil)
        #expect(throws: CustomerCareError.self) { try shop.apply(lost) }
        try shop.apply(InquiryReasonAdded(reason: "颜色不喜欢"))
        try shop.apply(lost)
        #expect(try shop.read(InquiryQueries.reasons).last == "颜色不喜欢")
        #expect(throws: CustomerCareError.reasonExists("价格")) { try shop.apply(InquiryReasonAdded(reason: "价格")) }
    }

    @Test("CS-5: unpaid orders form the follow-up list, each follow-up recorded")
    func followUps() throws {
        let shop = try CCShop()
        try shop.order("1001000000000020", buyer: "tb_犹豫", phone: "3", status: .awaitingPayment)
        try shop.apply(InquiryFollowedUp(order: OrderID(rawValue: "1001000000000020"), note: "已提醒付款"))
        let items = try shop.read { try InquiryQueries.followUps($0) }
        #expect(items.map(\.order) == ["1001000000000020"] && items[0].followUps.map(\.note) == ["已提醒付款"])
        #expect(throws: CustomerCareError.notAwaitingPayment("1001000000000001")) {
            try shop.apply(InquiryFollowedUp(order: OrderID(rawValue: "1001000000000001"), note: "x"))
        }
    }

    @Test("the CS daily report: one row per agent, the same function Reporting calls")
    func daily() throws {
        let shop = try CCShop()
        try shop.apply(InquiryLogged(inquiry: "Q1", buyer: "tb_小美", products: [], outcome: .won, reason: nil, order: nil))
        try shop.apply(InquiryLogged(inquiry: "Q2", buyer: "tb_新客", products: [], outcome: .pending, reason: nil, order: nil), as: shop.agent2)
        try shop.apply(ReviewAdded(review: "V1", order: OrderID(rawValue: "1001000000000003"), rating: .bad, text: "差"))
        try shop.apply(ComplaintOpened(complaint: "K1", buyer: "tb_阿强", order: nil, text: "慢"), as: shop.agent2)
        let report = try shop.read { try CSDaily.report($0, day: CivilDate("2026-11-30")!) }
        #expect(report.rows.map(\.agent) == ["刘芬", "陈静"])
        #expect(report.rows[0].inquiries == 1 && report.rows[0].conversion == 100 && report.rows[0].reviewsAdded == 1)
        #expect(report.rows[1].complaintsOpened == 1 && report.rows[1].pending == 1)
        let one = try shop.read { try CSDaily.report($0, day: CivilDate("2026-11-30")!, agent: shop.agent2) }
        #expect(one.rows.map(\.agent) == ["陈静"])
    }

    @Test("CS-1: canned replies, searchable")
    func replies() throws {
        let shop = try CCShop()
        try shop.apply(ReplyAdded(reply: "T1", title: "问候", text: "亲，您好，欢迎光临"))
        try shop.apply(ReplyAdded(reply: "T2", title: "验货", text: "请先验货再签收"))
        #expect(try shop.read { try ReplyQueries.list($0, search: "验货") }.map(\.reply) == ["T2"])
        #expect(try shop.read { try ReplyQueries.list($0) }.count == 2)
    }
}

@Suite("Inspect before signing (CS-3) and returns (CS-6, CS-12)")
struct InspectionAndReturnTests {
    let order = OrderID(rawValue: "1001000000000001")

    @Test("CS-3: damage on an order nobody told claims the CS-3 fine; told, none")
    func inspection() throws {
        let shop = try CCShop()
        let untold = try shop.read { try DamageDrafts.report($0, order: order, note: "压坏", responsible: shop.agent2) }
        #expect(untold.fineClaims.map(\.amount) == [.policy("CS-3.fine")] && untold.fineClaims[0].staff == shop.agent2)
        try shop.apply(untold)
        #expect(FineBearingKinds.all.contains { $0.kind == CustomerDamageReported.kind })
        try shop.apply(CustomerInspectionTold(order: order))
        #expect(throws: CustomerCareError.alreadyTold(order.rawValue)) { try shop.apply(CustomerInspectionTold(order: order)) }
        // A stale draft (made before the notice was recorded) is refused, so no wrong fine is booked.
        #expect(throws: CustomerCareError.toldMismatch(order.rawValue)) { try shop.apply(untold) }
        let told = try shop.read { try DamageDrafts.report($0, order: order, note: "压坏", responsible: shop.agent2) }
        #expect(told.told && told.fineClaims.isEmpty)
    }

    @Test("a return: opened on the order's lines, every unit inspected, then closed")
    func returns() throws {
        let shop = try CCShop()
        let line = ReturnLine(sku: SKU(rawValue: "T1-WH-M"), quantity: 2)
        #expect(throws: CustomerCareError.notOnOrder("T1-WH-M", order.rawValue)) {
            try shop.apply(ReturnOpened(returnID: "TH1", order: order, kind: .refund, lines: [ReturnLine(sku: line.sku, quantity: 3)], reason: "不合适", waybill: nil))
        }
        try shop.apply(ReturnOpened(returnID: "TH1", order: order, kind: .refund, lines: [line], reason: "不合适", waybill: "YT1"))
        #expect(throws: CustomerCareError.returnState("TH1", state: "opened", expected: "received")) {
            try shop.apply(ReturnClosed(returnID: "TH1", refund: Money(yuan: 89), replacementOrder: nil, note: nil))
        }
        #expect(throws: CustomerCareError.receivedMismatch("TH1")) {
            try shop.apply(ReturnReceived(returnID: "TH1", sellable: [ReturnLine(sku: line.sku, quantity: 1)], defective: [], receipt: nil), as: shop.lead)
        }
        try shop.apply(ReturnReceived(returnID: "TH1", sellable: [ReturnLine(sku: line.sku, quantity: 1)], defective: [ReturnLine(sku: line.sku, quantity: 1)],
                                      receipt: "TH1-S,TH1-D"), as: shop.lead)
        try shop.apply(ReturnClosed(returnID: "TH1", refund: Money(yuan: 89), replacementOrder: nil, note: nil))
        let record = try shop.read { try ReturnQueries.find($0, "TH1") }
        #expect(record.state == "closed" && record.lines == [.init(sku: "T1-WH-M", quantity: 2, sellable: 1, defective: 1)])
        #expect(try shop.read { try CustomerCare.handoverFigures($0) }.first { $0.key == "cs.returns-open" }?.count == 0)
    }
}
