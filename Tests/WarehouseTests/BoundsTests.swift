import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Storage
@testable import Warehouse

/// Issue 19: quantities in payloads are bounded in the handlers, so a local write and an op
/// merged from a device are refused alike, and no booking reaches an arithmetic trap.
@Suite("Warehouse quantities within the input limits")
struct BoundsTests {
    let sku = SKU(rawValue: "AF-1"), bin = LocationCode(rawValue: "A-01-1"), other = LocationCode(rawValue: "B-01-1")

    @Test("boundary quantities in every warehouse payload", arguments: [0, -1, InputLimits.quantity, InputLimits.quantity + 1, Int.max, Int.min])
    func boundaries(value: Int) throws {
        let shop = try WarehouseShop()
        try shop.addProduct("AF-1")
        try shop.receive("AF-1", 5)
        let inRange = (1...InputLimits.quantity).contains(value)
        func outcome(_ body: () throws -> Void) -> (any Error)? {
            do { try body(); return nil } catch { return error }
        }
        // An adjustment of any size within the limit books; beyond it is refused by the limit.
        let adjusted = outcome { try shop.apply(StockAdjusted(sku: sku, location: bin, delta: value, reason: "盘点"), as: shop.lead) }
        if value == 0 {
            #expect(adjusted as? WarehouseError == .zeroAdjustment)
        } else if abs(Double(value)) > Double(InputLimits.quantity) {
            #expect(adjusted is InputError, "\(value): \(String(describing: adjusted))")
        } else if value < -5 {
            #expect(adjusted is WarehouseError)  // more than the 5 there
        } else {
            #expect(adjusted == nil)
        }
        let moved = outcome { try shop.apply(StockMoved(sku: sku, from: bin, to: other, quantity: value), as: shop.hand) }
        #expect(moved != nil || inRange)
        if value > InputLimits.quantity { #expect(moved is InputError) }
        let receipt = "R-\(UUID().uuidString.prefix(6))"
        let created = outcome {
            try shop.apply(ReceiptCreated(receipt: receipt, vendor: "工厂", lines: [.init(sku: sku, expected: value, location: bin)]), as: shop.hand)
        }
        #expect((created == nil) == inRange)
        if value > InputLimits.quantity { #expect(created is InputError) }
        let threshold = outcome { try shop.apply(ThresholdSet(sku: sku, threshold: value)) }
        #expect((threshold == nil) == (0...InputLimits.quantity).contains(value))
        #expect(try shop.database.verify().passed)
    }

    @Test("no booking leaves a balance beyond the limit, and the sum never overflows")
    func balanceLimit() throws {
        let shop = try WarehouseShop()
        try shop.addProduct("AF-1")
        for _ in 0..<(InputLimits.balance / InputLimits.quantity) {
            try shop.apply(StockAdjusted(sku: sku, location: bin, delta: InputLimits.quantity, reason: "期初"), as: shop.lead)
        }
        #expect(try shop.balance("AF-1", "A-01-1") == InputLimits.balance)
        #expect(throws: WarehouseError.balanceLimit(sku: "AF-1", location: "A-01-1", have: InputLimits.balance, delta: 1)) {
            try shop.apply(StockAdjusted(sku: sku, location: bin, delta: 1, reason: "再多一件"), as: shop.lead)
        }
        #expect(WarehouseError.balanceLimit(sku: "AF-1", location: "A-01-1", have: 1, delta: 1).message(in: .en).contains("10000000"))
        // Later adjustments still work (the issue: one huge booking made every later one crash).
        try shop.apply(StockAdjusted(sku: sku, location: bin, delta: -3, reason: "破损"), as: shop.lead)
        #expect(try shop.balance("AF-1", "A-01-1") == InputLimits.balance - 3)
    }

    @Test("an op merged from a device with an absurd quantity is parked as a conflict, never booked, never a trap")
    func mergedAbsurd() throws {
        let hub = try WarehouseShop()
        try hub.addProduct("AF-1")
        try hub.receive("AF-1", 3)
        let laptopPath = hub.directory.appendingPathComponent("laptop.sqlite").path
        try hub.database.backup(to: laptopPath)
        let copy = try ShopDatabase.open(at: laptopPath, modules: [Warehouse.feature], clock: .fixed(WarehouseShop.now))
        let newID = IDSource.random.next(DeviceID.self)
        try copy.pool.write { db in
            try db.execute(sql: "UPDATE device SET isLocal = 0")
            try db.execute(sql: "INSERT INTO device (id, isLocal, createdAt) VALUES (?, 1, 0)", arguments: [newID.rawValue])
        }
        let laptop = try ShopDatabase.open(at: laptopPath, modules: [Warehouse.feature], clock: .fixed(WarehouseShop.now))
        try laptop.apply(OpDraft(actor: hub.lead, StockAdjusted(sku: sku, location: bin, delta: 2, reason: "正常")))
        // A device that does not check (an old build, a damaged one) sends ops with absurd
        // quantities, sealed in its chain as it would have sent them.
        let ops = try sealedAbsurd(laptop, [
            StockAdjusted(sku: sku, location: bin, delta: Int.max, reason: "设备出错"),
            StockAdjusted(sku: sku, location: bin, delta: Int.min, reason: "设备出错"),
            StockAdjusted(sku: sku, location: bin, delta: InputLimits.quantity + 1, reason: "设备出错"),
        ])
        let report = try hub.database.merge(ops)
        #expect(report.conflicts == 3)
        #expect(try hub.balance("AF-1", "A-01-1") == 3 + 2)
        #expect(try hub.database.verify().passed)
    }

    /// The laptop's ops with `payloads` appended unchecked, each sealed after the one before.
    func sealedAbsurd(_ laptop: ShopDatabase, _ payloads: [StockAdjusted]) throws -> [Op] {
        var ops = try laptop.ops(from: laptop.deviceID)
        for payload in payloads {
            let last = ops.last!
            ops.append(Op(draft: OpDraft(actor: last.actor, payload), deviceID: last.deviceID, deviceSeq: last.deviceSeq + 1,
                          hlc: HLC(wallMillis: last.hlc.wallMillis + 1), prevHash: last.hash))
        }
        return ops
    }
}
