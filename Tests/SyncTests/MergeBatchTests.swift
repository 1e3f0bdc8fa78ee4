import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Storage
@testable import Sync
import Warehouse

/// `ShopDatabase.merge` runs a batch in one optimistic pass and, when the rules refuse an op,
/// again op by op; lookups are cached for the batch. Both must look exactly like merging op by op.
@Suite("Merging a batch: the fast pass and the cache change nothing")
struct MergeBatchTests {
    @Test("a refusal mid-batch parks that op alone; the ops around it apply once")
    func refusalMidBatch() async throws {
        let world = try SyncWorld()
        try world.hub.apply(OpDraft(actor: world.hand, ReceiptCreated(receipt: "R1", vendor: "厂", lines: [
            .init(sku: SKU(rawValue: "AF-2"), expected: 5, location: LocationCode(rawValue: "A-01-1")),
        ])))
        let (laptop, client) = try await world.laptop("笔记本")
        try laptop.apply(SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead))
        try laptop.apply(OpDraft(actor: world.hand, ReceiptInspected(receipt: "R1", sku: SKU(rawValue: "AF-2"), accepted: 4, rejected: 1, reason: "破")))
        try laptop.apply(SyncWorld.adjust("AF-1", "A-01-1", 2, by: world.lead))
        try world.hub.apply(OpDraft(actor: world.hand, ReceiptInspected(receipt: "R1", sku: SKU(rawValue: "AF-2"), accepted: 5, rejected: 0)))
        try world.hub.apply(OpDraft(actor: world.hand, ReceiptPosted(receipt: "R1")))
        let result = try await client.sync()
        #expect(result.pushed == 3 && result.conflicts == 1)
        #expect(try world.hub.conflicts().map(\.opKind) == ["receipt.inspected"])
        #expect(try SyncWorld.balances(world.hub).contains("AF-1@A-01-1=23"))
        let movements = try world.hub.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stock_movement WHERE sku = 'AF-1'")! }
        #expect(movements == 3)  // the first 20, then the laptop's two
        // `verify` replays op by op, each merged op in its own savepoint: the same tables.
        let report = try world.hub.verify()
        #expect(report.passed, "\(report.problems)")
    }

    @Test("a policy set earlier in a batch holds for the later ops of that batch")
    func policyInBatch() async throws {
        let world = try SyncWorld()
        let (laptop, client) = try await world.laptop("笔记本")
        try laptop.apply(SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead))  // 21 on sale, threshold 10: no alert
        try laptop.apply(OpDraft(actor: world.gm, PolicySet(key: "CS-10.low-stock", value: "50", effectiveFrom: CivilDate("2026-11-30")!)))
        try laptop.apply(SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead))  // 22 under the new 50: an alert
        let result = try await client.sync()
        #expect(result.pushed == 3)
        for database in [world.hub, laptop] {
            let alerts = try database.read { db in
                try Row.fetchAll(db, sql: "SELECT available, threshold FROM low_stock_alert WHERE sku = 'AF-1'").map { [$0[0] as Int, $0[1] as Int] }
            }
            #expect(alerts == [[22, 50]])
        }
        #expect(try world.hub.verify().passed)
    }

    @Test("out of order, with a forbidden op and a refused one: held, then parked as op by op")
    func heldForbiddenRefused() async throws {
        let world = try SyncWorld()
        try world.hub.apply(OpDraft(actor: world.hand, ReceiptCreated(receipt: "R1", vendor: "厂", lines: [
            .init(sku: SKU(rawValue: "AF-2"), expected: 5, location: LocationCode(rawValue: "A-01-1")),
        ])))
        let (laptop, _) = try await world.laptop("笔记本")
        try laptop.apply(SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead))
        try laptop.apply(OpDraft(actor: world.hand, ReceiptInspected(receipt: "R1", sku: SKU(rawValue: "AF-2"), accepted: 4, rejected: 1, reason: "破")))
        try laptop.apply(OpDraft(actor: world.hand, StockMoved(sku: SKU(rawValue: "AF-1"), from: LocationCode(rawValue: "A-01-1"),
                                                               to: LocationCode(rawValue: "A-01-2"), quantity: 2)))
        try world.hub.apply(OpDraft(actor: world.hand, ReceiptInspected(receipt: "R1", sku: SKU(rawValue: "AF-2"), accepted: 5, rejected: 0)))
        try world.hub.apply(OpDraft(actor: world.hand, ReceiptPosted(receipt: "R1")))
        try world.hub.apply(OpDraft(actor: world.gm, StaffDeactivated(staff: world.lead, reason: "离职")))
        let ops = try laptop.ops(from: laptop.deviceID)
        let report = try world.hub.merge([ops[2], ops[0], ops[1]])
        #expect(report.applied == 3 && report.conflicts == 2 && report.held.isEmpty)
        #expect(try world.hub.conflicts().map(\.kind) == ["forbidden", "rejected"])
        #expect(try SyncWorld.balances(world.hub) == ["AF-1@A-01-1=18", "AF-1@A-01-2=2", "AF-2@A-01-1=5"])
        #expect(try world.hub.verify().passed)
    }
}
