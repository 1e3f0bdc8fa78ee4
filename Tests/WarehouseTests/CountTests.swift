import Foundation
import ShopDomain
import Testing
@testable import Storage
@testable import Warehouse

@Suite("Stocktakes (WH-4): blind, category totals first, movements during the count not double-counted")
struct CountTests {
    func shopWithStock() throws -> WarehouseShop {
        let shop = try WarehouseShop()
        try shop.addProduct("AF-1")
        try shop.addProduct("AF-2")
        try shop.addProduct("QZ-1", category: "裙装")
        try shop.receive("AF-1", 20)
        try shop.receive("AF-2", 15, at: "A-01-2")
        try shop.receive("QZ-1", 8, at: "B-01-1")
        return shop
    }

    @Test("a category total that matches needs no item counts; one that differs does")
    func categoryFirst() throws {
        let shop = try shopWithStock()
        try shop.apply(CountStarted(count: "C1", kind: .monthly), as: shop.hand)
        #expect(try shop.database.read { try WarehouseQueries.countSheet($0, "C1") }.count == 3)
        try shop.apply(CountEntered(count: "C1", category: "裙装", quantity: 8), as: shop.hand)
        try shop.apply(CountEntered(count: "C1", category: "上衣", quantity: 33), as: shop.hand)
        #expect(throws: WarehouseError.self) { try shop.apply(CountPosted(count: "C1"), as: shop.lead) }
        try shop.apply(CountEntered(count: "C1", sku: SKU(rawValue: "AF-1"), location: LocationCode(rawValue: "A-01-1"), quantity: 18), as: shop.hand)
        try shop.apply(CountEntered(count: "C1", sku: SKU(rawValue: "AF-2"), location: LocationCode(rawValue: "A-01-2"), quantity: 15), as: shop.hand)
        // Only the lead posts.
        #expect(throws: StorageError.self) { try shop.apply(CountPosted(count: "C1"), as: shop.hand) }
        try shop.apply(CountPosted(count: "C1"), as: shop.lead)
        #expect(try shop.balance("AF-1", "A-01-1") == 18)
        #expect(try shop.balance("AF-2", "A-01-2") == 15)
        #expect(try shop.balance("QZ-1", "B-01-1") == 8)
        #expect(throws: WarehouseError.countClosed("C1")) {
            try shop.apply(CountEntered(count: "C1", category: "裙装", quantity: 8), as: shop.hand)
        }
        #expect(try shop.database.verify().passed)
    }

    @Test("goods that move during a count are accounted for once")
    func movementsDuringCount() throws {
        let shop = try shopWithStock()
        try shop.apply(CountStarted(count: "C2", kind: .spot, location: LocationCode(rawValue: "A-01-1")), as: shop.hand)
        // 5 leave the bin before it is counted; the counter finds 14 (one missing).
        try shop.apply(StockMoved(sku: SKU(rawValue: "AF-1"), from: LocationCode(rawValue: "A-01-1"), to: LocationCode(rawValue: "B-01-1"), quantity: 5), as: shop.hand)
        try shop.apply(CountEntered(count: "C2", sku: SKU(rawValue: "AF-1"), location: LocationCode(rawValue: "A-01-1"), quantity: 14), as: shop.hand)
        // 3 arrive after the count, before posting.
        try shop.receive("AF-1", 3)
        let variance = try shop.database.read { try WarehouseQueries.variance($0, "C2") }
        #expect(variance.first { $0.sku == "AF-1" }?.variance == -1)
        try shop.apply(CountPosted(count: "C2"), as: shop.lead)
        #expect(try shop.balance("AF-1", "A-01-1") == 14 + 3)
        #expect(try shop.balance("AF-1", "B-01-1") == 5)
        #expect(try shop.database.verify().passed)
    }

    @Test("out of scope and nothing counted are refused")
    func refusals() throws {
        let shop = try shopWithStock()
        try shop.apply(CountStarted(count: "C3", kind: .spot, category: "裙装"), as: shop.hand)
        #expect(throws: WarehouseError.outOfScope(sku: "AF-1", count: "C3")) {
            try shop.apply(CountEntered(count: "C3", sku: SKU(rawValue: "AF-1"), location: LocationCode(rawValue: "A-01-1"), quantity: 1), as: shop.hand)
        }
        #expect(throws: WarehouseError.nothingCounted) { try shop.apply(CountPosted(count: "C3"), as: shop.lead) }
        #expect(throws: WarehouseError.unknownCount("C9")) { try shop.apply(CountPosted(count: "C9"), as: shop.lead) }
    }
}
