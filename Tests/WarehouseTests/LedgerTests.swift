import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Storage
@testable import Warehouse

@Suite("The stock ledger")
struct LedgerTests {
    @Test("a receipt with a rejected line: stock in, a return to the vendor, a discrepancy (WH-1, WH-2)")
    func receipt() throws {
        let shop = try WarehouseShop()
        try shop.addProduct("AF-1")
        try shop.addProduct("AF-2")
        try shop.apply(ReceiptCreated(receipt: "R1", vendor: "广州工厂", lines: [.init(sku: SKU(rawValue: "AF-1"), expected: 20),
                                                                              .init(sku: SKU(rawValue: "AF-2"), expected: 5)]), as: shop.hand)
        #expect(throws: WarehouseError.uninspected(["AF-1", "AF-2"])) { try shop.apply(ReceiptPosted(receipt: "R1"), as: shop.hand) }
        #expect(throws: WarehouseError.reasonRequired) {
            try shop.apply(ReceiptInspected(receipt: "R1", sku: SKU(rawValue: "AF-1"), accepted: 18, rejected: 2), as: shop.hand)
        }
        try shop.apply(ReceiptInspected(receipt: "R1", sku: SKU(rawValue: "AF-1"), accepted: 18, rejected: 2, reason: "开线"), as: shop.hand)
        try shop.apply(ReceiptInspected(receipt: "R1", sku: SKU(rawValue: "AF-2"), accepted: 4, rejected: 0, wrongName: "黑色款"), as: shop.hand)
        try shop.apply(ReceiptPosted(receipt: "R1"), as: shop.hand)
        #expect(try shop.balance("AF-1", "A-01-1") == 18)  // the category's home zone
        #expect(try shop.balance("AF-2", "A-01-1") == 4)
        let issues = try shop.database.read(WarehouseQueries.vendorIssues)
        #expect(issues.map(\.kind).sorted() == ["name", "quantity", "return"])
        #expect(throws: WarehouseError.receiptPosted("R1")) { try shop.apply(ReceiptPosted(receipt: "R1"), as: shop.hand) }
    }

    @Test("a local write that would make stock negative is refused and writes nothing")
    func negativeRefused() throws {
        let shop = try WarehouseShop()
        try shop.addProduct("AF-1")
        try shop.receive("AF-1", 3)
        let before = try shop.database.journalCount()
        #expect(throws: WarehouseError.insufficientStock(sku: "AF-1", location: "A-01-1", have: 3, want: 5)) {
            try shop.apply(StockMoved(sku: SKU(rawValue: "AF-1"), from: LocationCode(rawValue: "A-01-1"), to: LocationCode(rawValue: "B-01-1"), quantity: 5), as: shop.hand)
        }
        #expect(try shop.database.journalCount() == before)
        #expect(try shop.balance("AF-1", "A-01-1") == 3)
        #expect(try shop.balance("AF-1", "B-01-1") == 0)
    }

    @Test("a merged op that makes stock negative is kept and raises a recount task")
    func mergeNegative() throws {
        let hub = try WarehouseShop()
        try hub.addProduct("AF-1")
        try hub.receive("AF-1", 3)
        // A laptop notebook with the same history moves 3 away, offline.
        let laptopPath = hub.directory.appendingPathComponent("laptop.sqlite").path
        try hub.database.backup(to: laptopPath)
        try hub.database.read { _ in }
        let laptop = try ShopDatabase.open(at: laptopPath, modules: [Warehouse.feature], clock: .fixed(WarehouseShop.now))
        let other = try laptopAsOtherDevice(laptop)
        try other.apply(OpDraft(actor: hub.hand, StockMoved(sku: SKU(rawValue: "AF-1"), from: LocationCode(rawValue: "A-01-1"),
                                                              to: LocationCode(rawValue: "B-01-1"), quantity: 3)))
        // Meanwhile the hub ships 2 out of the same bin.
        try hub.apply(StockAdjusted(sku: SKU(rawValue: "AF-1"), location: LocationCode(rawValue: "A-01-1"), delta: -2, reason: "破损"), as: hub.lead)
        let report = try hub.database.merge(try other.ops(from: other.deviceID))
        #expect(report.applied == 1)
        #expect(try hub.balance("AF-1", "A-01-1") == -2)
        #expect(try hub.balance("AF-1", "B-01-1") == 3)
        let tasks = try hub.database.read(WarehouseQueries.recountTasks)
        #expect(tasks.map(\.location) == ["A-01-1"])
        // Merging again changes nothing.
        #expect(try hub.database.merge(try other.ops(from: other.deviceID)).duplicates == 1)
        #expect(try hub.database.read(WarehouseQueries.recountTasks).count == 1)
        #expect(try hub.database.verify().passed)
    }

    /// Gives a copied database a device ID of its own, as a registered laptop notebook would have.
    func laptopAsOtherDevice(_ copy: ShopDatabase) throws -> ShopDatabase {
        let newID = IDSource.random.next(DeviceID.self)
        try copy.pool.write { db in
            try db.execute(sql: "UPDATE device SET isLocal = 0")
            try db.execute(sql: "INSERT INTO device (id, isLocal, createdAt) VALUES (?, 1, 0)", arguments: [newID.rawValue])
        }
        return try ShopDatabase.open(at: copy.path, modules: [Warehouse.feature], clock: .fixed(WarehouseShop.now))
    }

    @Test("defective, returns and quarantine stock is never available (WH-5)")
    func defective() throws {
        let shop = try WarehouseShop()
        try shop.addProduct("AF-1")
        try shop.receive("AF-1", 12)
        #expect(throws: WarehouseError.reasonRequired) {
            try shop.apply(StockMoved(sku: SKU(rawValue: "AF-1"), from: LocationCode(rawValue: "A-01-1"), to: LocationCode(rawValue: "X-01-1"), quantity: 2), as: shop.hand)
        }
        try shop.apply(StockMoved(sku: SKU(rawValue: "AF-1"), from: LocationCode(rawValue: "A-01-1"), to: LocationCode(rawValue: "X-01-1"), quantity: 2, reason: "污渍"), as: shop.hand)
        let line = try shop.stock("AF-1")
        #expect(line.sellable == 10)
        #expect(line.unavailable == 2)
        #expect(line.available == 10)
    }

    @Test("adjustments: warehouse lead only, reason required")
    func adjust() throws {
        let shop = try WarehouseShop()
        try shop.addProduct("AF-1")
        let adjust = StockAdjusted(sku: SKU(rawValue: "AF-1"), location: LocationCode(rawValue: "A-01-1"), delta: 5, reason: "盘盈")
        #expect(throws: StorageError.notPermitted(name: "二哥", permission: .adjustStock, roles: [.warehouse])) { try shop.apply(adjust, as: shop.hand) }
        #expect(throws: WarehouseError.reasonRequired) {
            try shop.apply(StockAdjusted(sku: SKU(rawValue: "AF-1"), location: LocationCode(rawValue: "A-01-1"), delta: 5, reason: " "), as: shop.lead)
        }
        try shop.apply(adjust, as: shop.lead)
        #expect(try shop.balance("AF-1", "A-01-1") == 5)
        #expect(throws: WarehouseError.unknownLocation("Z-09-9")) {
            try shop.apply(StockAdjusted(sku: SKU(rawValue: "AF-1"), location: LocationCode(rawValue: "Z-09-9"), delta: 1, reason: "x"), as: shop.lead)
        }
        #expect(throws: WarehouseError.unknownProduct("NOPE")) {
            try shop.apply(StockAdjusted(sku: SKU(rawValue: "NOPE"), location: LocationCode(rawValue: "A-01-1"), delta: 1, reason: "x"), as: shop.lead)
        }
    }

    @Test("a low-stock alert is raised exactly once, cleared on recovery, raised again on the next fall (CS-10)")
    func lowStock() throws {
        let shop = try WarehouseShop()
        try shop.addProduct("AF-1")
        try shop.receive("AF-1", 12)
        func move(_ n: Int, to: String = "B-01-1", from: String = "A-01-1") throws {
            try shop.apply(StockMoved(sku: SKU(rawValue: "AF-1"), from: LocationCode(rawValue: from), to: LocationCode(rawValue: to), quantity: n, reason: "x"), as: shop.hand)
        }
        #expect(try shop.database.read { try WarehouseQueries.alerts($0) }.isEmpty)
        try move(3, to: "X-01-1")  // 9 available: below 10
        try move(1, to: "X-01-1")  // still below: no second alert
        try move(4)                // moving between sellable bins changes nothing
        var alerts = try shop.database.read { try WarehouseQueries.alerts($0, all: true) }
        #expect(alerts.count == 1)
        #expect(alerts[0].available == 9 && alerts[0].threshold == 10)
        try shop.receive("AF-1", 5)  // 13: recovered
        alerts = try shop.database.read { try WarehouseQueries.alerts($0, all: true) }
        #expect(alerts.count == 1 && alerts[0].clearedAt != nil)
        try shop.apply(ThresholdSet(sku: SKU(rawValue: "AF-1"), threshold: 20), as: shop.lead)  // per-SKU override
        #expect(try shop.database.read { try WarehouseQueries.alerts($0) }.count == 1)
        #expect(try shop.database.verify().passed)
    }

    @Test("an adjustment reads its bin, the available stock and the open alert once, before booking: the same figures as reading after")
    func adjustmentPosition() throws {
        let shop = try WarehouseShop()
        try shop.addProduct("AF-1")
        try shop.receive("AF-1", 12)
        // Reserved stock is not available (a paid order's items, as `Reservations` writes them:
        // the order's row and the SKU's total, issue 20).
        try shop.database.writeLocal { db in
            try db.execute(sql: "INSERT INTO stock_reservation (ref, sku, quantity) VALUES ('O-1', 'AF-1', 2)")
            try db.execute(sql: "INSERT INTO stock_reserved (sku, quantity) VALUES ('AF-1', 2)")
        }
        func adjust(_ delta: Int, at location: String) throws {
            try shop.apply(StockAdjusted(sku: SKU(rawValue: "AF-1"), location: LocationCode(rawValue: location), delta: delta, reason: "盘点"),
                           as: shop.lead)
        }
        func alerts() throws -> [WarehouseQueries.Alert] { try shop.database.read { try WarehouseQueries.alerts($0, all: true) } }
        try adjust(-1, at: "A-01-1")  // 11 on hand, 2 reserved: 9 available, below 10
        #expect(try alerts().map(\.available) == [9])
        #expect(try shop.stock("AF-1").available == 9)
        try adjust(5, at: "X-01-1")  // defective stock is never available: still 9, still one alert
        #expect(try alerts().count == 1 && alerts()[0].clearedAt == nil)
        try adjust(1, at: "B-01-1")  // a bin with no balance yet: 10, recovered
        #expect(try shop.balance("AF-1", "B-01-1") == 1)
        #expect(try alerts().count == 1 && alerts()[0].clearedAt != nil)
        // A local write below zero is refused, the bin unchanged.
        #expect(throws: WarehouseError.insufficientStock(sku: "AF-1", location: "B-01-1", have: 1, want: 3)) { try adjust(-3, at: "B-01-1") }
        #expect(try shop.balance("AF-1", "B-01-1") == 1)
        try adjust(-2, at: "A-01-1")  // 8 available: a second alert, with the figure a fresh read gives
        #expect(try alerts().filter { $0.clearedAt == nil }.map(\.available) == [try shop.stock("AF-1").available])
        #expect(try shop.stock("AF-1").available == 8)
    }

    @Test("training is acknowledged by the person themselves (DES-8)")
    func training() throws {
        let shop = try WarehouseShop()
        try shop.addProduct("AF-1")
        #expect(throws: WarehouseError.trainingForOther) { try shop.apply(ProductTrained(sku: SKU(rawValue: "AF-1"), staff: shop.agent), as: shop.gm) }
        try shop.apply(ProductTrained(sku: SKU(rawValue: "AF-1"), staff: shop.agent), as: shop.agent)
        try shop.apply(ProductTrained(sku: SKU(rawValue: "AF-1"), staff: shop.agent), as: shop.agent)  // harmless twice
        let training = try shop.database.read { try WarehouseQueries.training($0, sku: SKU(rawValue: "AF-1")) }[0]
        #expect(training.trained == ["刘芬"])
        #expect(Set(training.untrained) == ["黄乔", "大哥", "二哥"])
    }

    @Test("property: random movements, some refused — every balance equals its ledger and a rebuild is identical", arguments: 0..<12)
    func property(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let shop = try WarehouseShop()
        let skus = ["P-1", "P-2", "P-3"], locations = ["A-01-1", "A-01-2", "B-01-1", "X-01-1"]
        for sku in skus { try shop.addProduct(sku) }
        var refused = 0
        for _ in 0..<60 {
            let sku = SKU(rawValue: skus.randomElement(using: &random)!)
            let a = LocationCode(rawValue: locations.randomElement(using: &random)!)
            let b = LocationCode(rawValue: locations.randomElement(using: &random)!)
            let n = Int.random(in: -4...8, using: &random)
            do {
                switch Int.random(in: 0..<3, using: &random) {
                case 0: try shop.apply(StockAdjusted(sku: sku, location: a, delta: n, reason: "随机"), as: shop.lead)
                case 1: try shop.apply(StockMoved(sku: sku, from: a, to: b, quantity: n, reason: "随机"), as: shop.hand)
                default: try shop.receive(sku.rawValue, max(1, n), at: a.rawValue)
                }
            } catch is WarehouseError {
                refused += 1
            }
        }
        #expect(refused > 0)
        try shop.database.read { db in
            let mismatches = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM stock_balance b
                WHERE b.quantity != (SELECT COALESCE(SUM(delta), 0) FROM stock_movement m WHERE m.sku = b.sku AND m.location = b.location)
                """)!
            #expect(mismatches == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stock_balance WHERE quantity < 0")! == 0)
        }
        #expect(try shop.database.verify().passed)
    }
}
