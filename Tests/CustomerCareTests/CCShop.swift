import Foundation
import GRDB
import ShopDomain
@testable import CustomerCare
@testable import Logistics
@testable import Storage
@testable import Warehouse
@testable import Workforce

/// A fresh shop with warehouse, logistics, workforce and customer care, its people and a few
/// imported orders from two buyers.
struct CCShop {
    let database: ShopDatabase
    let gm: StaffID
    let agent: StaffID
    let agent2: StaffID
    let lead: StaffID
    let directory: URL

    static let now = ShopClock.parseInstant("2026-11-30T10:00:00+08:00")!
    static let modules = [Warehouse.feature, Logistics.feature, Workforce.feature, CustomerCare.feature]

    init(clock: ShopClock = .fixed(CCShop.now)) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-cc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try ShopDatabase.create(at: directory.appendingPathComponent("shop.sqlite").path, shop: "测试小店", owner: "黄乔",
                                           modules: Self.modules, clock: clock)
        gm = try database.read(CoreQueries.shop).owner
        let ids: [StaffID] = (0..<3).map { _ in IDSource.random.next() }
        (agent, agent2, lead) = (ids[0], ids[1], ids[2])
        try database.apply([
            OpDraft(actor: gm, StaffAdded(staff: agent, name: "刘芬", roles: [.csAgent])),
            OpDraft(actor: gm, StaffAdded(staff: agent2, name: "陈静", roles: [.csAgent])),
            OpDraft(actor: gm, StaffAdded(staff: lead, name: "赵强", roles: [.warehouseLead])),
            OpDraft(actor: gm, LocationAdded(code: LocationCode(rawValue: "A-01-1"), kind: .sellable)),
            OpDraft(actor: gm, ProductAdded(product: Product(sku: SKU(rawValue: "T1-WH-M"), style: "T1", name: "雪纺衫", colour: "白色", size: "M",
                                                             category: "上衣", barcode: nil, price: Money(yuan: 89), kind: .goods))),
        ])
        try order("1001000000000001", buyer: "tb_小美", phone: "13800000001")
        try order("1001000000000002", buyer: "tb_小美", phone: "13800000001", total: 120)
        try order("1001000000000003", buyer: "tb_阿强", phone: "13900000002")
    }

    @discardableResult
    func apply<P: OpPayload>(_ payload: P, as actor: StaffID? = nil) throws -> Op {
        try database.apply(OpDraft(actor: actor ?? agent, payload))
    }

    func order(_ number: String, buyer: String, phone: String, status: OrderStatus = .paid, total: Int64 = 89, paidAt: Date? = nil) throws {
        let paid = status == .awaitingPayment ? nil : (paidAt ?? Self.now).millis
        let snapshot = OrderSnapshot(
            order: OrderID(rawValue: number), buyer: buyer, status: status, closeReason: nil, refunded: false, goodsTotal: Money(yuan: total),
            postage: .zero, total: Money(yuan: total), paid: status == .awaitingPayment ? .zero : Money(yuan: total), buyerMessage: nil,
            consignee: "张三", phone: phone, address: "上海 上海市 闵行区 莘庄镇某路100弄5号302室", postcode: "201199",
            createdAt: Self.now.millis, paidAt: paid, sellerRemark: nil,
            lines: [OrderLine(title: "雪纺衫", attributes: "", colour: nil, size: nil, quantity: 2, price: Money(yuan: total),
                              merchantCode: "T1-WH-M", sku: SKU(rawValue: "T1-WH-M"))])
        try database.apply(OpDraft(actor: agent, OrderImported(order: snapshot)))
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T { try database.read(body) }

    /// How many ops the journal holds: a refused write adds none.
    func journalCount() throws -> Int { try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM journal")! } }
}
