import CustomerCare
import Foundation
import Logistics
import ShopDomain
import Storage

/// The demo's customer-care desk (issue 12), on yesterday's evening shift: a VIP buyer with a
/// note and a contact, canned replies, inquiries (one won, one lost for the price, one pending),
/// a bad review waiting for the GM, a complaint under investigation, a return awaiting the goods.
struct DemoCustomerCare {
    let database: ShopDatabase
    let clock: DemoClock
    let zone: ShopZone
    let ids: IDSource
    let today: CivilDate

    func staff(_ name: String) throws -> StaffID {
        try database.read { db in try CoreQueries.findStaff(db, name).id }
    }

    func apply<P: OpPayload>(_ payload: P, as name: String, _ hour: Int, _ minute: Int) throws {
        clock.set(today.adding(days: -1), hour, minute, in: zone)
        try database.apply(OpDraft(actor: try staff(name), payload))
    }

    func build() throws {
        // Buyers of parcels the courier has taken, in a fixed order (the demo's orders are seeded).
        let orders = try database.read { db in try OrderQueries.list(db, status: nil, limit: 500) }
            .filter { $0.buyer != nil && $0.parcelState == "handed-over" }.sorted { $0.order < $1.order }
        guard orders.count >= 4 else { return }
        let (vip, reviewer, complainer, returner) = (orders[0], orders[1], orders[2], orders[3])
        try apply(ReplyAdded(reply: "T-HELLO", title: "问候", text: "亲，您好，欢迎光临艾芳汀，有什么可以帮您？"), as: "刘芬", 18, 0)
        try apply(ReplyAdded(reply: "T-SIGN", title: "先验货再签收", text: "亲，收到快递请先验货再签收，有破损请拒收并联系我们哦。"), as: "刘芬", 18, 1)
        try apply(ReplyAdded(reply: "T-SIZE", title: "尺码建议", text: "亲，这款偏小一码，平时穿 M 建议拍 L。"), as: "刘芬", 18, 2)
        try apply(CustomerVIPSet(buyer: vip.buyer!, group: "老客户", offer: "九折，满 199 包邮"), as: "刘芬", 18, 5)
        try apply(CustomerNoted(buyer: vip.buyer!, text: "喜欢白色系，常买 M 码"), as: "刘芬", 18, 6)
        try apply(CustomerContactAdded(buyer: vip.buyer!, method: .wangwang, value: vip.buyer!), as: "刘芬", 18, 6)
        try apply(InquiryLogged(inquiry: "Q-DEMO-1", buyer: vip.buyer!, products: ["雪纺衫"], outcome: .won, reason: nil,
                                order: OrderID(rawValue: vip.order)), as: "周小雨", 19, 10)
        try apply(InquiryLogged(inquiry: "Q-DEMO-2", buyer: "tb_比价的人", products: ["连衣裙"], outcome: .lost, reason: "价格", order: nil),
                  as: "周小雨", 19, 30)
        try apply(InquiryLogged(inquiry: "Q-DEMO-3", buyer: "tb_还在看", products: ["针织开衫"], outcome: .pending, reason: nil, order: nil),
                  as: "周小雨", 20, 5)
        try apply(CustomerInspectionTold(order: OrderID(rawValue: vip.order)), as: "周小雨", 20, 10)
        try apply(ReviewAdded(review: "V-DEMO-1", order: OrderID(rawValue: reviewer.order), rating: .bad, text: "衣服有线头，质量一般"),
                  as: "周小雨", 20, 30)
        try apply(ComplaintOpened(complaint: "K-DEMO-1", buyer: complainer.buyer!, order: OrderID(rawValue: complainer.order),
                                  text: "快递三天没动，客服回复慢"), as: "周小雨", 21, 0)
        let determine = try database.read { try ComplaintDrafts.next($0, complaint: "K-DEMO-1", note: "物流延误", kind: .logistics) }
        try apply(determine, as: "刘芬", 21, 15)
        try apply(try database.read { try ComplaintDrafts.next($0, complaint: "K-DEMO-1", note: "已联系快递网点") }, as: "刘芬", 21, 20)
        let lines = try database.read { db in try OrderQueries.detail(db, OrderID(rawValue: returner.order)) }.lines.compactMap { line in
            line.sku.map { ReturnLine(sku: SKU(rawValue: $0), quantity: line.quantity) }
        }
        if !lines.isEmpty {
            try apply(ReturnOpened(returnID: "TH-DEMO-1", order: OrderID(rawValue: returner.order), kind: .exchange, lines: Array(lines.prefix(1)),
                                   reason: "尺码偏小，换大一码", waybill: "YT9000000001"), as: "周小雨", 21, 40)
        }
    }
}
