import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Logistics
@testable import Storage
@testable import Warehouse
@testable import Workforce

/// Issue 19: reconciliation money that explains itself, and an order that follows its parcel.
@Suite("Reconciliation lines explained; orders follow their parcels")
struct HonestStatesTests {
    /// One order printed, packed and handed over to ZTO on the shop's day.
    func handedOver(_ shop: LogisticsShop, _ number: String = "1930000000000001") throws -> String {
        try shop.order(number)
        let waybill = try shop.print([number])[0]
        try shop.pack(waybill, scans: ["T1-WH-M"])
        let pickup = "P-\(UUID().uuidString.prefix(4))"
        try shop.apply(PickupCreated(pickup: pickup, courier: Courier(code: "ZTO"), waybills: [waybill]), as: shop.shipper)
        let parcels = try shop.database.read { db in try ShippingQueries.pickupParcels(db, pickup) }
        try shop.apply(PickupConfirmed(pickup: pickup, stubs: 1, courierName: "王师傅", parcels: parcels), as: shop.shipper)
        return waybill
    }

    func reconcile(_ shop: LogisticsShop, _ month: String = "2026-11") throws -> Reconciliation {
        try shop.database.read { db in try Reconciliation.run(db, courier: Courier(code: "ZTO"), month: month, zone: try ShopZone("Asia/Shanghai")) }
    }

    @Test("LOG-3: handed to the courier, the order is shipped — after a rebuild too")
    func orderFollowsParcel() throws {
        let shop = try LogisticsShop()
        try shop.order("1930000000000002")  // stays paid: not printed
        _ = try handedOver(shop)
        let statuses = try shop.database.read { db in try OrderQueries.statuses(db, ["1930000000000001", "1930000000000002"]) }
        #expect(statuses["1930000000000001"] == .shipped)
        #expect(statuses["1930000000000002"] == .paid)
        #expect(try shop.stock("T1-WH-M").reserved == 1)  // only the unprinted one
        try shop.database.rebuild()
        #expect(try shop.database.read { db in try OrderQueries.statuses(db, ["1930000000000001"]) }["1930000000000001"] == .shipped)
        #expect(try shop.database.verify().passed)
    }

    @Test("LOG-11: a parcel handed over in December is flagged on November's statement, and not paid there")
    func otherMonth() throws {
        let shop = try LogisticsShop(clock: .fixed(ShopClock.parseInstant("2026-12-02T10:00:00+08:00")!))
        let waybill = try handedOver(shop)
        try shop.apply(CourierRateSet(courier: Courier(code: "ZTO"), region: nil, firstKg: Money(yuan: 5), extraKg: Money(yuan: 2)))
        try shop.apply(StatementImported(courier: Courier(code: "ZTO"), month: "2026-11", file: "zto.csv", lines: [
            .init(line: 2, waybill: waybill, grams: 800, amount: Money(yuan: 5), date: "2026-11-30", destination: nil),
        ]))
        let report = try reconcile(shop)
        #expect(report.lines.map(\.kind) == [.otherMonth])
        #expect(report.lines.first?.handedOn == "2026-12-02")
        #expect(report.otherMonthTotal == Money(yuan: 5))
        #expect(report.payable == .zero)
    }

    @Test("LOG-6, LOG-11: the agreed price comes from the weight the courier wrote, shown with the rate")
    func writtenWeight() throws {
        let shop = try LogisticsShop()
        let waybill = try handedOver(shop)
        try shop.apply(ParcelWeighed(waybill: waybill, grams: 2500, fee: Money(yuan: 9)), as: shop.shipper)
        try shop.apply(CourierRateSet(courier: Courier(code: "ZTO"), region: nil, firstKg: Money(yuan: 5), extraKg: Money(yuan: 2)))
        try shop.apply(StatementImported(courier: Courier(code: "ZTO"), month: "2026-11", file: "zto.csv", lines: [
            .init(line: 2, waybill: waybill, grams: 3100, amount: Money(yuan: 11), date: "2026-11-30", destination: nil),
        ]))
        let line = try #require(try reconcile(shop).lines.first)
        #expect(line.grams == 2500 && line.weightFrom == "written" && line.statementGrams == 3100)
        #expect(line.rate == Reconciliation.Rate(region: "", firstKg: Money(yuan: 5), extraKg: Money(yuan: 2), extraKilograms: 2))
        #expect(line.expected == Money(yuan: 9))  // 5 + 2 × 2, from 2.5 kg
        #expect(line.difference == Money(yuan: 2))
        #expect(line.kind == .feeDifference)
    }

    @Test("deductions beyond the statement: nothing negative to pay, the rest set apart")
    func neverNegative() throws {
        let shop = try LogisticsShop()
        let waybill = try handedOver(shop)
        try shop.apply(CourierRateSet(courier: Courier(code: "ZTO"), region: nil, firstKg: Money(yuan: 5), extraKg: Money(yuan: 2)))
        try shop.apply(ClaimOpened(claim: "C1", waybill: waybill, kind: .lost, amount: Money(yuan: 500), note: nil), as: shop.shipper)
        try shop.apply(StatementImported(courier: Courier(code: "ZTO"), month: "2026-11", file: "zto.csv", lines: [
            .init(line: 2, waybill: waybill, grams: 800, amount: Money(yuan: 5), date: "2026-11-30", destination: nil),
        ]))
        let report = try reconcile(shop)
        #expect(report.payable == .zero)
        #expect(report.deductionsUncovered == Money(yuan: 495))
    }

    @Test("a statement for a courier the shop never agreed prices with is refused")
    func unconfiguredCourier() throws {
        let shop = try LogisticsShop()
        #expect(throws: LogisticsError.courierNotConfigured("FOO")) {
            try shop.apply(StatementImported(courier: Courier(code: "FOO"), month: "2026-11", file: "foo.csv", lines: [
                .init(line: 2, waybill: "FOO123456789", grams: 800, amount: Money(yuan: 5), date: "2026-11-30", destination: nil),
            ]))
        }
    }

    @Test("absurd amounts and counts in logistics payloads are refused by the handler")
    func bounds() throws {
        let shop = try LogisticsShop()
        try shop.order("1930000000000003")
        #expect(throws: InputError.self) {
            try shop.apply(OrderItemAdded(order: OrderID(rawValue: "1930000000000003"), sku: SKU(rawValue: "T1-WH-M"), title: "雪纺衫",
                                          quantity: Int.max, price: Money(yuan: 1), extraPostage: nil), as: shop.agent)
        }
        #expect(throws: InputError.self) {
            try shop.apply(OrderItemAdded(order: OrderID(rawValue: "1930000000000003"), sku: SKU(rawValue: "T1-WH-M"), title: "雪纺衫",
                                          quantity: 1, price: Money(fen: Int64.max), extraPostage: nil), as: shop.agent)
        }
        #expect(throws: LogisticsError.badRange) {
            try shop.apply(WaybillStockAdded(courier: Courier(code: "ZTO"), prefix: "", first: Int64.max, count: 2, width: 18), as: shop.shipper)
        }
        #expect(throws: InputError.self) {
            try shop.apply(CourierRateSet(courier: Courier(code: "ZTO"), region: nil, firstKg: Money(fen: Int64.max), extraKg: .zero))
        }
        #expect(try shop.database.verify().passed)
    }
}
