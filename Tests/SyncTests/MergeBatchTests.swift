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
    @Test("a refusal mid-batch parks that op alone; the ops around it apply once", arguments: HubStoreKind.underTest)
    func refusalMidBatch(store: HubStoreKind) async throws {
        let world = try SyncWorld(store: store)
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
        // On PostgreSQL the optimistic pass's write was sent and rolled back there too: one copy of each op.
        #expect(try world.storeDigest() == world.hub.journalDigest())
    }

    @Test("a policy set earlier in a batch holds for the later ops of that batch", arguments: HubStoreKind.underTest)
    func policyInBatch(store: HubStoreKind) async throws {
        let world = try SyncWorld(store: store)
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

    @Test("out of order, with a forbidden op and a refused one: held, then parked as op by op", arguments: HubStoreKind.underTest)
    func heldForbiddenRefused(store: HubStoreKind) async throws {
        let world = try SyncWorld(store: store)
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

    @Test("journal rows go in by groups: an op repeated within one batch is a duplicate, a changed copy a clone", arguments: HubStoreKind.underTest)
    func repeatedInBatch(store: HubStoreKind) async throws {
        let world = try SyncWorld(store: store)
        let (laptop, _) = try await world.laptop("笔记本")
        let other = try await world.laptop("另一台").0
        try laptop.apply((1...3).map { SyncWorld.adjust("AF-1", "A-01-1", $0, by: world.lead) })
        let ops = try laptop.ops(from: laptop.deviceID)
        let report = try world.hub.merge(ops + [ops[1]])
        #expect(report.applied == 3 && report.duplicates == 1)
        var copy = ops[2]
        copy.payload = copy.payload.replacingOccurrences(of: "3", with: "4")
        copy.hash = copy.computedHash()
        #expect(throws: MergeError.clonedNotebook(copy.id)) { try other.merge(ops + [copy]) }
        #expect(try other.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal WHERE deviceID = ?", arguments: [laptop.deviceID.rawValue]) } == 0)
        #expect(try world.hub.verify().passed)
    }

    @Test("a resolution merged in the same batch as the op it settles finds that op in the journal; journal order is merge order", arguments: HubStoreKind.underTest)
    func resolutionInBatch(store: HubStoreKind) async throws {
        let world = try SyncWorld(store: store)
        let (laptop, client) = try await world.laptop("笔记本")
        try world.hub.apply(OpDraft(actor: world.gm, StaffDeactivated(staff: world.lead, reason: "离职")))
        // More than a group of journal rows before the op the hub will refuse, a few after: at the
        // new notebook the op and the resolution fall in one group (rows 51 to 100 of its batch).
        try laptop.apply((0..<60).map { _ in SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.gm) })
        try laptop.apply(SyncWorld.adjust("AF-1", "A-01-1", 100, by: world.lead))
        try laptop.apply((0..<10).map { _ in SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.gm) })
        #expect(try await client.sync().conflicts == 1)
        let parked = try world.hub.conflicts()[0]
        try world.hub.apply(OpDraft(actor: world.gm, ConflictResolved(device: DeviceID(rawValue: parked.device), seq: parked.seq, keep: .op)))
        #expect(try SyncWorld.balances(world.hub).contains("AF-1@A-01-1=190"))
        #expect(try world.hub.journalCount() == 81 && world.hub.read { db in
            try Int64.fetchOne(db, sql: "SELECT seq FROM journal WHERE deviceID = ? AND deviceSeq = ?", arguments: [parked.device, parked.seq])
        } == 70)
        // A new notebook pulls it all in one batch: the op is parked again, then settled by the resolution after it.
        let (fresh, _) = try await world.laptop("新笔记本")
        #expect(try fresh.conflicts().isEmpty)
        #expect(try fresh.conflicts(includeResolved: true).map(\.status) == ["resolved"])
        #expect(try SyncWorld.balances(fresh) == SyncWorld.balances(world.hub))
        let order = { (database: ShopDatabase) in
            try database.read { db in
                try Row.fetchAll(db, sql: "SELECT deviceID, deviceSeq, hash FROM journal ORDER BY seq").map { "\($0[0] as String):\($0[1] as Int64):\($0[2] as String)" }
            }
        }
        #expect(try order(fresh) == order(world.hub))
        for database in [world.hub, fresh] {
            let report = try database.verify()
            #expect(report.passed, "\(report.problems)")
        }
    }

    @Test("a threshold or a location added mid-batch holds for the later ops of that batch (what the ledger remembers is forgotten)", arguments: HubStoreKind.underTest)
    func catalogInBatch(store: HubStoreKind) async throws {
        let world = try SyncWorld(store: store)
        let (laptop, client) = try await world.laptop("笔记本")
        try laptop.apply(SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead))  // 21 on sale, threshold 10: no alert
        try laptop.apply(OpDraft(actor: world.gm, ThresholdSet(sku: SKU(rawValue: "AF-1"), threshold: 50)))  // raises one at 21
        try laptop.apply(SyncWorld.adjust("AF-1", "A-01-1", 10, by: world.lead))  // 31, still under 50: still open
        try laptop.apply(OpDraft(actor: world.gm, LocationAdded(code: LocationCode(rawValue: "X-01-1"), kind: .defective)))
        try laptop.apply(SyncWorld.adjust("AF-1", "X-01-1", 30, by: world.lead))  // defective: still 31 available
        #expect(try await client.sync().pushed == 5)
        for database in [world.hub, laptop] {
            let alerts = try database.read { db in
                try Row.fetchAll(db, sql: "SELECT available, threshold, clearedAt IS NULL FROM low_stock_alert WHERE sku = 'AF-1' ORDER BY id")
                    .map { [$0[0] as Int, $0[1] as Int, $0[2] as Int] }
            }
            #expect(alerts == [[21, 50, 1]])
            let report = try database.verify()
            #expect(report.passed, "\(report.problems)")
        }
        #expect(try SyncWorld.balances(world.hub) == SyncWorld.balances(laptop))
    }

    @Test("a large batch's hashes are checked on every core before the write: the first bad op is named, nothing is merged", arguments: HubStoreKind.underTest)
    func hashesChecked(store: HubStoreKind) async throws {
        let world = try SyncWorld(store: store)
        let (laptop, _) = try await world.laptop("笔记本")
        try laptop.apply((0..<300).map { _ in SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead) })
        var ops = try laptop.ops(from: laptop.deviceID)
        #expect(HashCheck(ops).valid == Array(repeating: true, count: 300))
        for index in [290, 201] { ops[index].payload = ops[index].payload.replacingOccurrences(of: "1", with: "2") }
        let valid = HashCheck(ops).valid
        #expect(valid.indices.filter { !valid[$0] } == [201, 290])
        #expect(throws: MergeError.badHash(ops[201].id)) { try world.hub.merge(ops) }
        #expect(try SyncWorld.balances(world.hub) == ["AF-1@A-01-1=20"])
        #expect(try world.hub.merge(Array(ops[..<201])).applied == 201)
    }
}
