import Foundation
import GRDB
import ShopDomain
@testable import Logistics
@testable import Storage
@testable import Warehouse
@testable import Workforce

/// A fresh shop with the warehouse, logistics and workforce modules, a few products in stock,
/// its people and ZTO number stock on this device.
struct LogisticsShop {
    let database: ShopDatabase
    let gm: StaffID
    let shipper: StaffID
    let agent: StaffID
    let agent2: StaffID
    let directory: URL

    static let now = ShopClock.parseInstant("2026-11-30T10:00:00+08:00")!
    static let modules = [Warehouse.feature, Logistics.feature, Workforce.feature]

    init(clock: ShopClock = .fixed(LogisticsShop.now), path: String? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try ShopDatabase.create(at: directory.appendingPathComponent("shop.sqlite").path, shop: "测试小店", owner: "黄乔",
                                           modules: Self.modules, clock: clock)
        gm = try database.read(CoreQueries.shop).owner
        let ids: [StaffID] = (0..<3).map { _ in IDSource.random.next() }
        (shipper, agent, agent2) = (ids[0], ids[1], ids[2])
        try database.apply([
            OpDraft(actor: gm, StaffAdded(staff: shipper, name: "小王", roles: [.shipper])),
            OpDraft(actor: gm, StaffAdded(staff: agent, name: "刘芬", roles: [.csAgent])),
            OpDraft(actor: gm, StaffAdded(staff: agent2, name: "陈静", roles: [.csAgent])),
            OpDraft(actor: gm, LocationAdded(code: LocationCode(rawValue: "A-01-1"), kind: .sellable)),
            OpDraft(actor: gm, LocationAdded(code: LocationCode(rawValue: "A-01-2"), kind: .sellable)),
            OpDraft(actor: gm, CategoryZoneSet(category: "上衣", zone: "A")),
        ])
        for (sku, colour, size, barcode) in [("T1-WH-M", "白色", "M", "690001"), ("T1-WH-L", "白色", "L", "690002"), ("T1-BK-M", "黑色", "M", "690003"),
                                             ("SUP-BAG", "", "", nil)] {
            try apply(ProductAdded(product: Product(sku: SKU(rawValue: sku), style: "T1", name: sku.hasPrefix("SUP") ? "快递袋" : "雪纺衫",
                                                    colour: colour, size: size, category: "上衣", barcode: barcode, price: Money(yuan: 89),
                                                    kind: sku.hasPrefix("SUP") ? .supply : .goods)))
            try receive(sku, 20)
        }
        try apply(WaybillStockAdded(courier: Courier(code: "ZTO"), prefix: "", first: 73_100_000_000_001, count: 100, width: 14), as: shipper)
    }

    @discardableResult
    func apply<P: OpPayload>(_ payload: P, as actor: StaffID? = nil) throws -> Op {
        try database.apply(OpDraft(actor: actor ?? gm, payload))
    }

    func receive(_ sku: String, _ quantity: Int, at location: String = "A-01-1") throws {
        let id = "R-\(UUID().uuidString.prefix(6))"
        try apply(ReceiptCreated(receipt: id, vendor: "工厂", lines: [.init(sku: SKU(rawValue: sku), expected: quantity, location: LocationCode(rawValue: location))]))
        try apply(ReceiptInspected(receipt: id, sku: SKU(rawValue: sku), accepted: quantity, rejected: 0))
        try apply(ReceiptPosted(receipt: id))
    }

    /// Imports an order as the seller-centre import would.
    func order(_ number: String, status: OrderStatus = .paid, lines: [(String, Int)] = [("T1-WH-M", 1)], message: String? = nil) throws {
        let snapshot = OrderSnapshot(
            order: OrderID(rawValue: number), buyer: "tb_买家", status: status, closeReason: nil, refunded: false, goodsTotal: Money(yuan: 89),
            postage: .zero, total: Money(yuan: 89), paid: status == .awaitingPayment ? .zero : Money(yuan: 89), buyerMessage: message,
            consignee: "张三", phone: "13800000001", address: "上海 上海市 闵行区 莘庄镇某路100弄5号302室", postcode: "201199",
            createdAt: Self.now.millis, paidAt: status == .awaitingPayment ? nil : Self.now.millis, sellerRemark: nil,
            lines: lines.map { OrderLine(title: "雪纺衫", attributes: "", colour: nil, size: nil, quantity: $0.1, price: Money(yuan: 89),
                                         merchantCode: $0.0, sku: SKU(rawValue: $0.0)) })
        try apply(OrderImported(order: snapshot), as: agent)
    }

    /// Prints the given orders in one batch; returns the waybill numbers.
    @discardableResult
    func print(_ orders: [String]) throws -> [String] {
        let plan = try database.read { db in
            try PrintPlanner.plan(db, courier: Courier(code: "ZTO"), orders: orders.map(OrderID.init(rawValue:)), device: database.deviceID,
                                  day: CivilDate("2026-11-30")!)
        }
        try database.apply(plan.labels.map { OpDraft(actor: shipper, $0) })
        return plan.labels.map(\.waybill)
    }

    func pack(_ waybill: String, scans: [String]) throws {
        var session = try database.read { db in try PackSession(db, waybill: waybill) }
        for scan in scans { _ = try database.read { db in try session.scan(scan, db) } }
        try apply(try session.finish(supplies: [ItemCount(sku: SKU(rawValue: "SUP-BAG"), quantity: 1)]), as: shipper)
    }

    func stock(_ sku: String) throws -> StockLine {
        try database.read { db in try WarehouseQueries.stockList(db, on: CivilDate("2026-11-30")!).first { $0.sku == sku }! }
    }
}
