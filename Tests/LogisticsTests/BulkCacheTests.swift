import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Logistics
@testable import Storage
@testable import Warehouse

/// Issue 20: inside a `bulk` (an import's chunks) each apply hands what it looked up — policies,
/// alert rules, a SKU's available stock and open alert — to the next. Nothing it hands on may be
/// staler than the tables.
@Suite("Bulk imports: what one chunk looked up, the next may reuse only while it is true")
struct BulkCacheTests {
    static let sku = "T1-WH-M"

    func alerts(_ shop: LogisticsShop) throws -> [(available: Int, threshold: Int, open: Bool)] {
        try shop.database.read { db in
            try Row.fetchAll(db, sql: "SELECT available, threshold, clearedAt FROM low_stock_alert WHERE sku = ? ORDER BY id", arguments: [Self.sku])
                .map { (available: $0["available"], threshold: $0["threshold"], open: ($0["clearedAt"] as Int64?) == nil) }
        }
    }

    @Test("a policy another connection changed between two chunks is read again (CS-10 low-stock line)")
    func otherConnectionsPolicy() throws {
        let shop = try LogisticsShop()
        let path = shop.directory.appendingPathComponent("shop.sqlite").path
        try shop.database.bulk {
            try shop.order("2000000000000001", lines: [(Self.sku, 1)])  // 19 left of 20: above the line of 10
            let other = try ShopDatabase.open(at: path, modules: LogisticsShop.modules, clock: .fixed(LogisticsShop.now))
            try other.apply(OpDraft(actor: shop.gm, PolicySet(key: "CS-10.low-stock", value: "30", effectiveFrom: CivilDate("2026-11-30")!)))
            try shop.order("2000000000000002", lines: [(Self.sku, 1)])  // 18 left, now below the line of 30
        }
        let found = try alerts(shop)
        #expect(found.count == 1)
        #expect(found.first?.threshold == 30 && found.first?.available == 18 && found.first?.open == true)
        #expect(try shop.database.verify().passed)
    }

    @Test("stock another connection received between two chunks is counted: the alert clears and is raised again at the right order")
    func otherConnectionsStock() throws {
        let shop = try LogisticsShop()
        let path = shop.directory.appendingPathComponent("shop.sqlite").path
        try shop.database.bulk {
            try shop.order("2000000000000011", lines: [(Self.sku, 15)])  // 5 left: below 10, raised
            let other = try ShopDatabase.open(at: path, modules: LogisticsShop.modules, clock: .fixed(LogisticsShop.now))
            let sku = SKU(rawValue: Self.sku), location = LocationCode(rawValue: "A-01-1")
            try other.apply([                                                // 35 available: cleared by the other connection
                OpDraft(actor: shop.gm, ReceiptCreated(receipt: "R-OTHER", vendor: "工厂", lines: [.init(sku: sku, expected: 30, location: location)])),
                OpDraft(actor: shop.gm, ReceiptInspected(receipt: "R-OTHER", sku: sku, accepted: 30, rejected: 0)),
                OpDraft(actor: shop.gm, ReceiptPosted(receipt: "R-OTHER")),
            ])
            try shop.order("2000000000000012", lines: [(Self.sku, 20)])  // 15 left: above 10, nothing
            try shop.order("2000000000000013", lines: [(Self.sku, 6)])   // 9 left: raised again
        }
        let found = try alerts(shop)
        #expect(found.map(\.available) == [5, 9])
        #expect(found.map(\.open) == [false, true])
        #expect(try shop.database.verify().passed)
    }

    @Test("through a bulk the figures follow every reservation and movement of the SKU, as a rebuild works them out")
    func throughABulk() throws {
        let shop = try LogisticsShop()
        try shop.database.bulk {
            try shop.order("2000000000000021", lines: [(Self.sku, 12)])  // 8: raised
            try shop.receive(Self.sku, 10)                                // 18: cleared
            try shop.order("2000000000000022", lines: [(Self.sku, 4), ("T1-WH-L", 1)])  // 14
            try shop.order("2000000000000023", lines: [(Self.sku, 5)])   // 9: raised
            try shop.apply(OrderStatusChanged(order: OrderID(rawValue: "2000000000000023"), from: .paid, to: .closed, closeReason: "买家取消",
                                              refunded: false, paidAt: nil), as: shop.agent)  // 14: cleared
        }
        let found = try alerts(shop)
        #expect(found.map(\.available) == [8, 9])
        #expect(found.map(\.open) == [false, false])
        #expect(try shop.database.verify().passed)
    }
}
