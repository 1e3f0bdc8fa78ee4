import Foundation
import GRDB
import Testing
import ShopDomain
@testable import Logistics
@testable import Storage
@testable import Warehouse
@testable import Workforce

@Suite struct ShippingFlowTests {
    @Test func aPaidOrderReservesAndAClosedOneReleases() throws {
        let shop = try LogisticsShop()
        try shop.order("1930000000000001", lines: [("T1-WH-M", 2)])
        #expect(try shop.stock("T1-WH-M").reserved == 2)
        #expect(try shop.stock("T1-WH-M").available == 18)
        try shop.order("1930000000000002", status: .awaitingPayment)
        #expect(try shop.stock("T1-WH-M").reserved == 2)  // unpaid: nothing reserved
        try shop.apply(OrderStatusChanged(order: OrderID(rawValue: "1930000000000001"), from: .paid, to: .closed, closeReason: "退款",
                                          refunded: true, paidAt: nil), as: shop.agent)
        #expect(try shop.stock("T1-WH-M").reserved == 0)
    }

    @Test func statusNeverMovesBack() throws {
        let shop = try LogisticsShop()
        try shop.order("1930000000000001", status: .completed)
        #expect(throws: LogisticsError.self) {
            try shop.apply(OrderStatusChanged(order: OrderID(rawValue: "1930000000000001"), from: .completed, to: .paid, closeReason: nil,
                                              refunded: false, paidAt: nil), as: shop.agent)
        }
    }

    /// LOG-2: paid only, one live waybill per order; a reprint and a void are recorded.
    @Test func printingIsPaidOnlyAndOncePerOrder() throws {
        let shop = try LogisticsShop()
        try shop.order("1930000000000001")
        try shop.order("1930000000000002", status: .awaitingPayment)
        #expect(throws: LogisticsError.notPaid("1930000000000002", .awaitingPayment)) { try shop.print(["1930000000000002"]) }
        let numbers = try shop.print(["1930000000000001"])
        #expect(numbers == ["73100000000001"])
        #expect(throws: LogisticsError.self) { try shop.print(["1930000000000001"]) }
        // Forged straight into the journal, a second waybill for the order is still refused.
        #expect(throws: LogisticsError.orderHasWaybill("1930000000000001", "73100000000001", new: "73100000000009")) {
            try shop.apply(WaybillPrinted(batch: "20261130-09", seq: 1, order: OrderID(rawValue: "1930000000000001"), courier: Courier(code: "ZTO"),
                                          waybill: "73100000000009"), as: shop.shipper)
        }
        try shop.apply(WaybillReprinted(waybill: numbers[0], reason: "卡纸"), as: shop.shipper)
        try shop.apply(WaybillVoided(waybill: numbers[0], reason: "地址改了"), as: shop.shipper)
        let again = try shop.print(["1930000000000001"])
        #expect(again == ["73100000000002"])  // a used number is never used again
        let kinds = try shop.database.read { db in try ShippingQueries.events(db, numbers[0]).map(\.kind) }
        #expect(kinds == ["printed", "reprinted", "voided"])
    }

    @Test func allPaidPrintsEveryPaidUnprintedOrderInPaymentOrder() throws {
        let shop = try LogisticsShop()
        for n in 1...3 { try shop.order("193000000000000\(n)") }
        try shop.order("1930000000000009", status: .closed)
        let plan = try shop.database.read { db in
            try PrintPlanner.plan(db, courier: Courier(code: "ZTO"), orders: nil, device: shop.database.deviceID, day: CivilDate("2026-11-30")!)
        }
        #expect(plan.batch == "20261130-01")
        #expect(plan.labels.map(\.order.rawValue) == ["1930000000000001", "1930000000000002", "1930000000000003"])
        #expect(plan.labels.map(\.seq) == [1, 2, 3])
    }

    @Test func numberStockOverlapsAreRefused() throws {
        let shop = try LogisticsShop()
        #expect(throws: LogisticsError.self) {
            try shop.apply(WaybillStockAdded(courier: Courier(code: "ZTO"), prefix: "", first: 73_100_000_000_050, count: 100, width: 14), as: shop.shipper)
        }
    }

    /// WH-8, LOG-4: an item not on the order and one too many are refused; incomplete cannot finish.
    @Test func packingChecksEveryScan() throws {
        let shop = try LogisticsShop()
        try shop.order("1930000000000001", lines: [("T1-WH-M", 2), ("T1-BK-M", 1)])
        let waybill = try shop.print(["1930000000000001"])[0]
        var session = try shop.database.read { db in try PackSession(db, waybill: waybill) }
        #expect(throws: LogisticsError.notOnOrder("T1-WH-L", waybill)) { _ = try shop.database.read { db in try session.scan("T1-WH-L", db) } }
        _ = try shop.database.read { db in try session.scan("690001", db) }  // by barcode
        #expect(throws: LogisticsError.self) { try session.finish(supplies: []) }
        _ = try shop.database.read { db in try session.scan("T1-WH-M", db) }
        #expect(throws: LogisticsError.overQuantity("T1-WH-M", waybill, 2)) { _ = try shop.database.read { db in try session.scan("T1-WH-M", db) } }
        let outcome = try shop.database.read { db in try session.scan("T1-BK-M", db) }
        #expect(outcome == .complete)
        try shop.apply(try session.finish(supplies: [ItemCount(sku: SKU(rawValue: "SUP-BAG"), quantity: 1)]), as: shop.shipper)
        let row = try shop.database.read { db in try ShippingQueries.waybill(db, waybill) }
        #expect(row.state == "packed")
        #expect(row.packedBy == shop.shipper.rawValue)
        #expect(try shop.stock("SUP-BAG").sellable == 19)  // WH-10: the bag was used
    }

    /// LOG-6, WH-9: the stub count must match; the handover takes the goods out of stock.
    @Test func pickupChecksStubsAndShipsTheGoods() throws {
        let shop = try LogisticsShop()
        try shop.order("1930000000000001", lines: [("T1-WH-M", 2)])
        try shop.order("1930000000000002", lines: [("T1-WH-L", 1)])
        let numbers = try shop.print(["1930000000000001", "1930000000000002"])
        try shop.pack(numbers[0], scans: ["T1-WH-M", "T1-WH-M"])
        try shop.pack(numbers[1], scans: ["T1-WH-L"])
        let ready = try shop.database.read { db in try ShippingQueries.readyForPickup(db, courier: Courier(code: "ZTO")) }
        #expect(Set(ready) == Set(numbers))
        try shop.apply(PickupCreated(pickup: "P1", courier: Courier(code: "ZTO"), waybills: ready), as: shop.shipper)
        let parcels = try shop.database.read { db in try ShippingQueries.pickupParcels(db, "P1") }
        #expect(throws: LogisticsError.self) {
            try shop.apply(PickupConfirmed(pickup: "P1", stubs: 1, courierName: "王师傅", parcels: parcels), as: shop.shipper)
        }
        try shop.apply(PickupConfirmed(pickup: "P1", stubs: 2, courierName: "王师傅", parcels: parcels), as: shop.shipper)
        let white = try shop.stock("T1-WH-M")
        #expect(white.sellable == 18)
        #expect(white.reserved == 0)
        #expect(white.available == 18)
        #expect(throws: LogisticsError.handedOver(numbers[0])) { try shop.apply(WaybillVoided(waybill: numbers[0], reason: "x"), as: shop.shipper) }
        // Rebuilt from the journal, the read tables are the same.
        #expect(try shop.database.verify().problems.isEmpty)
    }

    /// CS-8: a taken order needs extra postage; an untaken one tells the order-making agent.
    @Test func addingToAnOrderFollowsCS8() throws {
        let shop = try LogisticsShop()
        try shop.order("1930000000000001")
        try shop.order("1930000000000002")
        let id1 = OrderID(rawValue: "1930000000000001"), id2 = OrderID(rawValue: "1930000000000002")
        try shop.apply(OrderNoted(order: id1, text: "顾客要白色"), as: shop.agent)
        try shop.apply(OrderItemAdded(order: id1, sku: SKU(rawValue: "T1-BK-M"), title: "雪纺衫", quantity: 1, price: Money(yuan: 89), extraPostage: nil),
                       as: shop.agent2)
        let detail = try shop.database.read { db in try OrderQueries.detail(db, id1) }
        #expect(detail.lines.count == 2)
        #expect(detail.notices.count == 1)
        #expect(try shop.stock("T1-BK-M").reserved == 1)
        try shop.apply(OrderTaken(order: id2), as: shop.agent)
        #expect(throws: LogisticsError.extraPostageRequired(id2.rawValue)) {
            try shop.apply(OrderItemAdded(order: id2, sku: SKU(rawValue: "T1-BK-M"), title: "雪纺衫", quantity: 1, price: Money(yuan: 89), extraPostage: nil),
                           as: shop.agent)
        }
        try shop.apply(OrderItemAdded(order: id2, sku: SKU(rawValue: "T1-BK-M"), title: "雪纺衫", quantity: 1, price: Money(yuan: 89),
                                      extraPostage: Money(yuan: 10)), as: shop.agent)
        #expect(try shop.database.read { db in try OrderQueries.detail(db, id2) }.extraPostage == Money(yuan: 10))
        #expect(throws: LogisticsError.alreadyTaken(id2.rawValue, by: shop.agent.rawValue)) { try shop.apply(OrderTaken(order: id2), as: shop.agent2) }
    }

    /// LOG-12: the packer who signed is fined; Workforce books it.
    @Test func aMisshipmentFinesThePacker() throws {
        let shop = try LogisticsShop()
        try shop.order("1930000000000001")
        let waybill = try shop.print(["1930000000000001"])[0]
        try shop.pack(waybill, scans: ["T1-WH-M"])
        try shop.apply(ParcelMisshipped(waybill: waybill, kind: .wrong, packer: shop.shipper, postage: Money(yuan: 8), goods: Money(yuan: 89),
                                        fine: Money(yuan: 100), note: nil))
        let fines = try shop.database.read { db in try FineQueries.fines(db) }
        #expect(fines.map(\.staff) == [shop.shipper.rawValue])
        #expect(fines.first?.amount == Money(yuan: 100))
        #expect(fines.first?.rule == "LOG-12")
    }

    /// LOG-11: matched, fee differences, not ours, missing, deductions, totals.
    @Test func aStatementReconciles() throws {
        let shop = try LogisticsShop()
        for n in 1...4 { try shop.order("193000000000000\(n)") }
        let numbers = try shop.print((1...4).map { "193000000000000\($0)" })
        for number in numbers { try shop.pack(number, scans: ["T1-WH-M"]) }
        try shop.apply(PickupCreated(pickup: "P1", courier: Courier(code: "ZTO"), waybills: numbers), as: shop.shipper)
        let parcels = try shop.database.read { db in try ShippingQueries.pickupParcels(db, "P1") }
        try shop.apply(PickupConfirmed(pickup: "P1", stubs: 4, courierName: "王师傅", parcels: parcels), as: shop.shipper)
        try shop.apply(CourierRateSet(courier: Courier(code: "ZTO"), region: nil, firstKg: Money(yuan: 5), extraKg: Money(yuan: 2)))
        try shop.apply(ClaimOpened(claim: "C1", waybill: numbers[2], kind: .lost, amount: Money(yuan: 89), note: nil), as: shop.shipper)
        try shop.apply(ParcelUndeliverable(waybill: numbers[3], note: "拒收"), as: shop.shipper)
        try shop.apply(StatementImported(courier: Courier(code: "ZTO"), month: "2026-11", file: "zto.csv", lines: [
            .init(line: 2, waybill: numbers[0], grams: 800, amount: Money(yuan: 5), date: "2026-11-30", destination: nil),
            .init(line: 3, waybill: numbers[1], grams: 1500, amount: Money(yuan: 9), date: "2026-11-30", destination: nil),  // agreed 7
            .init(line: 4, waybill: numbers[3], grams: 500, amount: Money(yuan: 5), date: "2026-11-30", destination: nil),
            .init(line: 5, waybill: "73199999999999", grams: 500, amount: Money(yuan: 5), date: "2026-11-30", destination: nil),
        ]))
        let report = try shop.database.read { db in
            try Reconciliation.run(db, courier: Courier(code: "ZTO"), month: "2026-11", zone: try ShopZone("Asia/Shanghai"))
        }
        #expect(report.lines.filter { $0.kind == .matched }.map(\.waybill) == [numbers[0], numbers[3]])
        #expect(report.lines.first { $0.kind == .feeDifference }?.difference == Money(yuan: 2))
        #expect(report.lines.filter { $0.kind == .notOurs }.map(\.waybill) == ["73199999999999"])
        #expect(report.lines.filter { $0.kind == .missing }.map(\.waybill) == [numbers[2]])
        #expect(report.deductionsTotal == Money(yuan: 94))
        #expect(report.statementTotal == Money(yuan: 24))
        // Deductions beyond what is owed never make a negative payment (issue 19): the rest is set apart.
        #expect(report.payable == .zero)
        #expect(report.deductionsUncovered == Money(yuan: 94 - (24 - 5 - 2)))
    }
}
