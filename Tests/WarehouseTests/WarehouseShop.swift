import Foundation
import GRDB
import ShopDomain
@testable import Storage
@testable import Warehouse

/// A fresh shop database with the warehouse module, its people and a few locations.
struct WarehouseShop {
    let database: ShopDatabase
    let gm: StaffID
    let lead: StaffID
    let hand: StaffID
    let agent: StaffID
    let directory: URL

    static let now = ShopClock.parseInstant("2026-11-30T08:00:00+08:00")!

    init(clock: ShopClock = .fixed(WarehouseShop.now)) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-wh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try ShopDatabase.create(at: directory.appendingPathComponent("shop.sqlite").path, shop: "测试小店", owner: "黄乔",
                                           modules: [Warehouse.feature], clock: clock)
        gm = try database.read(CoreQueries.shop).owner
        let ids: [StaffID] = (0..<3).map { _ in IDSource.random.next() }
        (lead, hand, agent) = (ids[0], ids[1], ids[2])
        try database.apply([
            OpDraft(actor: gm, StaffAdded(staff: lead, name: "大哥", roles: [.warehouseLead, .shipper])),
            OpDraft(actor: gm, StaffAdded(staff: hand, name: "二哥", roles: [.warehouse])),
            OpDraft(actor: gm, StaffAdded(staff: agent, name: "刘芬", roles: [.csAgent])),
        ] + ["A-01-1", "A-01-2", "B-01-1"].map { OpDraft(actor: gm, LocationAdded(code: LocationCode(rawValue: $0), kind: .sellable)) } + [
            OpDraft(actor: gm, LocationAdded(code: LocationCode(rawValue: "X-01-1"), kind: .defective)),
            OpDraft(actor: gm, CategoryZoneSet(category: "上衣", zone: "A")),
        ])
    }

    @discardableResult
    func apply<P: OpPayload>(_ payload: P, as actor: StaffID? = nil) throws -> Op {
        try database.apply(OpDraft(actor: actor ?? gm, payload))
    }

    func addProduct(_ sku: String, category: String = "上衣", barcode: String? = nil) throws {
        try apply(ProductAdded(product: Product(sku: SKU(rawValue: sku), name: "雪纺衫", colour: "白色", size: "M", category: category,
                                                 barcode: barcode, price: Money(yuan: 89))))
    }

    /// Puts stock in through a receipt, as a person would.
    func receive(_ sku: String, _ quantity: Int, at location: String = "A-01-1") throws {
        let id = "R-\(UUID().uuidString.prefix(6))"
        try apply(ReceiptCreated(receipt: id, vendor: "工厂", lines: [.init(sku: SKU(rawValue: sku), expected: quantity, location: LocationCode(rawValue: location))]), as: hand)
        try apply(ReceiptInspected(receipt: id, sku: SKU(rawValue: sku), accepted: quantity, rejected: 0), as: hand)
        try apply(ReceiptPosted(receipt: id), as: hand)
    }

    func balance(_ sku: String, _ location: String) throws -> Int {
        try database.read { db in try Ledger.balance(db, SKU(rawValue: sku), LocationCode(rawValue: location)) }
    }

    func stock(_ sku: String) throws -> StockLine {
        try database.read { db in try WarehouseQueries.stockList(db, on: CivilDate("2026-11-30")!).first { $0.sku == sku }! }
    }

    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
    }
}
