import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Logistics
@testable import Storage
@testable import Sync
import Warehouse

/// The order scenarios every trusted sync passes (DESIGN.md, merging): a state reached twice is
/// a harmless duplicate; a transition whose `from` no longer holds, or a second live waybill for
/// one order, is a conflict a person resolves — both sides stay visible.
@Suite("Orders across notebooks")
struct OrderSyncTests {
    static let order = OrderID(rawValue: "1930000000000001")
    static let zto = Courier(code: "ZTO")

    /// A hub with one paid order for AF-1, and two laptops that each hold their own ZTO numbers.
    static func world() async throws -> (SyncWorld, (ShopDatabase, SyncClient), (ShopDatabase, SyncClient)) {
        let world = try SyncWorld()
        let snapshot = OrderSnapshot(order: order, buyer: "tb_买家", status: .paid, closeReason: nil, refunded: false, goodsTotal: Money(yuan: 9),
                                     postage: .zero, total: Money(yuan: 9), paid: Money(yuan: 9), buyerMessage: nil, consignee: "张三",
                                     phone: "13800000001", address: "上海 上海市 闵行区", postcode: nil, createdAt: SyncWorld.now.millis,
                                     paidAt: SyncWorld.now.millis, sellerRemark: nil,
                                     lines: [OrderLine(title: "衫", attributes: "", colour: nil, size: nil, quantity: 1, price: Money(yuan: 9),
                                                       merchantCode: "AF-1", sku: SKU(rawValue: "AF-1"))])
        try world.hub.apply(OpDraft(actor: world.lead, OrderImported(order: snapshot)))
        let a = try await world.laptop("仓库笔记本")
        let b = try await world.laptop("办公室电脑")
        try a.0.apply(OpDraft(actor: world.lead, WaybillStockAdded(courier: zto, prefix: "", first: 73_100_000_000_001, count: 50, width: 14)))
        try b.0.apply(OpDraft(actor: world.lead, WaybillStockAdded(courier: zto, prefix: "", first: 73_100_000_001_001, count: 50, width: 14)))
        _ = try await a.1.sync()
        _ = try await b.1.sync()
        _ = try await a.1.sync()
        return (world, a, b)
    }

    static func printOn(_ laptop: ShopDatabase, as actor: StaffID) throws -> String {
        let plan = try laptop.read { db in
            try PrintPlanner.plan(db, courier: zto, orders: [order], device: laptop.deviceID, day: CivilDate("2026-11-30")!)
        }
        try laptop.apply(plan.labels.map { OpDraft(actor: actor, $0) })
        return plan.labels[0].waybill
    }

    static func packOn(_ laptop: ShopDatabase, _ waybill: String, as actor: StaffID) throws {
        var session = try laptop.read { db in try PackSession(db, waybill: waybill) }
        _ = try laptop.read { db in try session.scan("AF-1", db) }
        try laptop.apply(OpDraft(actor: actor, try session.finish(supplies: [])))
    }

    @Test("two laptops pack the same order offline: the second is a harmless duplicate")
    func packedTwice() async throws {
        let (world, a, b) = try await Self.world()
        let waybill = try Self.printOn(a.0, as: world.lead)
        _ = try await a.1.sync()
        _ = try await b.1.sync()
        try Self.packOn(a.0, waybill, as: world.lead)
        try Self.packOn(b.0, waybill, as: world.hand)  // offline: neither knows of the other
        _ = try await a.1.sync()
        _ = try await b.1.sync()
        _ = try await a.1.sync()
        #expect(try world.hub.conflicts().isEmpty)
        for database in [world.hub, a.0, b.0] {
            #expect(try database.read { db in try ShippingQueries.waybill(db, waybill) }.state == "packed")
            #expect(try database.conflicts().isEmpty)
        }
        #expect(try world.hub.read { db in try ShippingQueries.waybill(db, waybill) }.packedBy == world.lead.rawValue)
    }

    @Test("one laptop hands the parcel over while the other voids it: a conflict, nothing lost")
    func shippedAndVoided() async throws {
        let (world, a, b) = try await Self.world()
        let waybill = try Self.printOn(a.0, as: world.lead)
        try Self.packOn(a.0, waybill, as: world.lead)
        _ = try await a.1.sync()
        _ = try await b.1.sync()
        try a.0.apply(OpDraft(actor: world.lead, PickupCreated(pickup: "P1", courier: Self.zto, waybills: [waybill])))
        let parcels = try a.0.read { db in try ShippingQueries.pickupParcels(db, "P1") }
        try a.0.apply(OpDraft(actor: world.lead, PickupConfirmed(pickup: "P1", stubs: 1, courierName: "王师傅", parcels: parcels)))
        try b.0.apply(OpDraft(actor: world.hand, WaybillVoided(waybill: waybill, reason: "地址改了")))
        _ = try await a.1.sync()
        _ = try await b.1.sync()
        let conflicts = try world.hub.conflicts()
        #expect(conflicts.map(\.opKind) == ["waybill.voided"])
        #expect(conflicts.first?.reasonEn.contains(waybill) == true)
        // The hub kept the handover: the goods left stock once.
        #expect(try world.hub.read { db in try ShippingQueries.waybill(db, waybill) }.state == "handed-over")
        #expect(try SyncWorld.balances(world.hub).contains("AF-1@A-01-1=19"))
    }

    @Test("two waybills for one order printed offline: a conflict naming both, settled by a void")
    func twoWaybills() async throws {
        let (world, a, b) = try await Self.world()
        let first = try Self.printOn(a.0, as: world.lead)
        let second = try Self.printOn(b.0, as: world.hand)
        #expect(first != second)
        _ = try await a.1.sync()
        _ = try await b.1.sync()
        let conflict = try #require(try world.hub.conflicts().first)
        #expect(conflict.opKind == "waybill.printed")
        #expect(conflict.reasonEn.contains(first) && conflict.reasonEn.contains(second))
        // A person voids the first label and keeps the second.
        try world.hub.apply(OpDraft(actor: world.lead, WaybillVoided(waybill: first, reason: "重复打单")))
        try world.hub.apply(OpDraft(actor: world.lead, ConflictResolved(device: DeviceID(rawValue: conflict.device),
                                                                       seq: conflict.seq, keep: .op)))
        #expect(try world.hub.conflicts().isEmpty)
        #expect(try world.hub.read { db in try OrderQueries.detail(db, Self.order) }.summary.waybill == second)
        _ = try await a.1.sync()
        _ = try await b.1.sync()
        for database in [a.0, b.0] {
            #expect(try database.read { db in try OrderQueries.detail(db, Self.order) }.summary.waybill == second)
            // No notebook keeps a conflict the hub settled: the laptop that printed the second label
            // had parked the first one's print, and the hub's void of it settles that too.
            #expect(try database.conflicts().isEmpty)
            let voided = try database.read { db in try ShippingQueries.waybill(db, first) }
            #expect(voided.live == false)
        }
        let settled = try b.0.conflicts(includeResolved: true)
        #expect(settled.map(\.opKind) == ["waybill.printed"])
        #expect(settled.first?.resolution?.hasPrefix("op, then waybill.voided") == true)
        // A rebuild parks and settles the same way.
        try b.0.rebuild()
        #expect(try b.0.conflicts().isEmpty && b.0.verify().problems.isEmpty)
    }

    @Test("two laptops never hold the same waybill numbers")
    func overlappingStock() async throws {
        let (world, a, b) = try await Self.world()
        // Offline, both claim the same range: the second to reach the hub is a conflict.
        try a.0.apply(OpDraft(actor: world.lead, WaybillStockAdded(courier: Self.zto, prefix: "", first: 73_100_000_500_001, count: 10, width: 14)))
        try b.0.apply(OpDraft(actor: world.lead, WaybillStockAdded(courier: Self.zto, prefix: "", first: 73_100_000_500_005, count: 10, width: 14)))
        _ = try await a.1.sync()
        _ = try await b.1.sync()
        #expect(try world.hub.conflicts().map(\.opKind) == ["waybill.stock-added"])
    }
}
