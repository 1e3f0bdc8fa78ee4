import Foundation
import GRDB
import ShopDomain
import Testing
@testable import CustomerCare
@testable import Storage
@testable import Sync
import Logistics
import Warehouse
import Workforce

/// Two notebooks (a night agent's and the office's) and the hub: the same complaint step taken on
/// both, or two compensations on one review, is a visible conflict settled by `conflict.resolved`.
@Suite("Customer care across notebooks")
struct CustomerCareSyncTests {
    typealias Laptop = (ShopDatabase, SyncClient)

    static let modules: [ShopFeature] = [Warehouse.feature, Logistics.feature, Workforce.feature, CustomerCare.feature, SyncStore.feature]
    static let now = ShopClock.parseInstant("2026-11-30T22:00:00+08:00")!

    struct World {
        let directory: URL
        let hub: ShopDatabase
        let service: HubService
        let gm: StaffID, night: StaffID, day: StaffID

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-cc-sync-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            hub = try ShopDatabase.create(at: directory.appendingPathComponent("hub.sqlite").path, shop: "测试小店", owner: "黄乔",
                                          modules: CustomerCareSyncTests.modules, clock: .fixed(CustomerCareSyncTests.now))
            service = HubService(database: hub)
            gm = try hub.read(CoreQueries.shop).owner
            night = IDSource.random.next()
            day = IDSource.random.next()
            let snapshot = OrderSnapshot(order: OrderID(rawValue: "1930000000000001"), buyer: "tb_阿强", status: .paid, closeReason: nil, refunded: false,
                                         goodsTotal: Money(yuan: 9), postage: .zero, total: Money(yuan: 9), paid: Money(yuan: 9), buyerMessage: nil,
                                         consignee: "张三", phone: "13800000001", address: "上海 上海市 闵行区", postcode: nil,
                                         createdAt: CustomerCareSyncTests.now.millis, paidAt: CustomerCareSyncTests.now.millis, sellerRemark: nil, lines: [])
            let withLine = OrderSnapshot(order: OrderID(rawValue: "1930000000000002"), buyer: "tb_阿强", status: .paid, closeReason: nil, refunded: false,
                                         goodsTotal: Money(yuan: 89), postage: .zero, total: Money(yuan: 89), paid: Money(yuan: 89), buyerMessage: nil,
                                         consignee: "张三", phone: "13800000001", address: "上海 上海市 闵行区", postcode: nil,
                                         createdAt: CustomerCareSyncTests.now.millis, paidAt: CustomerCareSyncTests.now.millis, sellerRemark: nil,
                                         lines: [OrderLine(title: "雪纺衫", attributes: "", colour: nil, size: nil, quantity: 2, price: Money(yuan: 89),
                                                           merchantCode: "T1-WH-M", sku: SKU(rawValue: "T1-WH-M"))])
            try hub.apply([
                OpDraft(actor: gm, StaffAdded(staff: night, name: "夜班客服", roles: [.csAgent])),
                OpDraft(actor: gm, StaffAdded(staff: day, name: "白班客服", roles: [.csAgent])),
                OpDraft(actor: day, OrderImported(order: snapshot)),
                OpDraft(actor: day, ComplaintOpened(complaint: "K1", buyer: "tb_阿强", order: nil, text: "发货慢")),
                OpDraft(actor: day, ReviewAdded(review: "V1", order: OrderID(rawValue: "1930000000000001"), rating: .bad, text: "慢")),
                OpDraft(actor: day, OrderImported(order: withLine)),
                OpDraft(actor: day, ReturnOpened(returnID: "R1", order: OrderID(rawValue: "1930000000000002"), kind: .refund,
                                                 lines: [ReturnLine(sku: SKU(rawValue: "T1-WH-M"), quantity: 2)], reason: "不合身", waybill: nil)),
            ])
        }

        func laptop(_ name: String) async throws -> (ShopDatabase, SyncClient) {
            let (_, token) = try service.registry.register(name: name)
            let notebook = try ShopDatabase.createNotebook(at: directory.appendingPathComponent("\(name).sqlite").path,
                                                           modules: CustomerCareSyncTests.modules, clock: .fixed(CustomerCareSyncTests.now))
            let client = SyncClient(database: notebook, hub: "test://hub", transport: LocalHubTransport(hub: service, token: token))
            _ = try await client.sync()
            return (notebook, client)
        }
    }

    @Test("CS-7: the same step taken offline on two notebooks: the second is a conflict, settled by an op")
    func complaintTwice() async throws {
        let world = try World()
        let a = try await world.laptop("夜班笔记本"), b = try await world.laptop("办公室电脑")
        for (laptop, who, kind) in [(a.0, world.night, ComplaintKind.logistics), (b.0, world.day, .service)] {
            let draft = try laptop.read { try ComplaintDrafts.next($0, complaint: "K1", kind: kind) }
            try laptop.apply(OpDraft(actor: who, draft))
        }
        _ = try await a.1.sync()
        _ = try await b.1.sync()
        _ = try await a.1.sync()
        let conflict = try #require(try world.hub.conflicts().first)
        #expect(try world.hub.conflicts().count == 1 && conflict.opKind == "complaint.advanced")
        #expect(conflict.reasonZh.contains("K1"))
        for database in [world.hub, a.0] {
            #expect(try database.read { try ComplaintQueries.find($0, "K1") }.kind == .logistics)
        }
        try world.hub.apply(OpDraft(actor: world.gm, ConflictResolved(device: DeviceID(rawValue: conflict.device), seq: conflict.seq, keep: .current,
                                                                      note: "物流原因")))
        _ = try await a.1.sync()
        _ = try await b.1.sync()
        for database in [world.hub, a.0] {
            #expect(try database.conflicts().isEmpty)
            #expect(try database.read { try ComplaintQueries.find($0, "K1") }.step == .determined)
            #expect(try database.verify().problems.isEmpty)
        }
        // The office computer took the step itself: the night notebook's step is parked there,
        // visible, never silently dropped or picked.
        #expect(try b.0.conflicts().map(\.opKind) == ["complaint.advanced"])
        #expect(try b.0.read { try ComplaintQueries.find($0, "K1") }.step == .determined)
    }

    @Test("CS-4: two compensations on one review from two notebooks: the second is a conflict, not a second refund")
    func compensatedTwice() async throws {
        let world = try World()
        let a = try await world.laptop("夜班笔记本"), b = try await world.laptop("办公室电脑")
        try a.0.apply(OpDraft(actor: world.night, ReviewHandled(review: "V1", contacted: true, outcome: .revised, compensation: Money(yuan: 20), note: nil)))
        try b.0.apply(OpDraft(actor: world.day, ReviewHandled(review: "V1", contacted: true, outcome: .revised, compensation: Money(yuan: 30), note: nil)))
        _ = try await a.1.sync()
        _ = try await b.1.sync()
        let conflicts = try world.hub.conflicts()
        #expect(conflicts.map(\.opKind) == ["review.handled"])
        #expect(try world.hub.read { try ReviewQueries.find($0, "V1") }.compensation == Money(yuan: 20))
        let rebuilt = try world.hub.rebuild()
        _ = rebuilt
        #expect(try world.hub.conflicts().map(\.opKind) == ["review.handled"])
        #expect(try world.hub.read { try ReviewQueries.find($0, "V1") }.compensation == Money(yuan: 20))
    }

    // MARK: - Harmless duplicates (DESIGN.md, merging: an op whose `to` already holds)

    /// Every device's open conflicts, the hub first.
    static func open(_ databases: [ShopDatabase]) throws -> [[String]] {
        try databases.map { try $0.conflicts().map(\.opKind) }
    }

    /// Syncs the laptops in `order` (indexes), then each twice more, so every device holds every op.
    static func sync(_ laptops: [Laptop], _ order: [Int]) async throws {
        for index in order { _ = try await laptops[index].1.sync() }
        for _ in 0..<2 { for laptop in laptops { _ = try await laptop.1.sync() } }
    }

    /// The steps of K1 to the confirmation, a service complaint upheld against the night agent
    /// (DISC-1: 50 for the first in the month), as each notebook's person takes them offline.
    static func steps(_ database: ShopDatabase, _ world: World, as who: StaffID, count: Int) throws {
        for _ in 0..<count {
            let record = try database.read { try ComplaintQueries.find($0, "K1") }
            let draft = try database.read { db in
                switch record.next {
                case .determined: try ComplaintDrafts.next(db, complaint: "K1", note: "\(who.rawValue.prefix(4)) 定性", kind: .service)
                case .confirmed: try ComplaintDrafts.next(db, complaint: "K1", against: world.night, upheld: true)
                default: try ComplaintDrafts.next(db, complaint: "K1")
                }
            }
            try database.apply(OpDraft(actor: who, draft))
        }
    }

    static func effect(_ database: ShopDatabase) throws -> (steps: [String], fines: [String]) {
        try database.read { db in
            (try String.fetchAll(db, sql: "SELECT step FROM cs_complaint_step WHERE complaintID = 'K1'")
                .sorted { ComplaintStep(rawValue: $0)! < ComplaintStep(rawValue: $1)! },
             try Row.fetchAll(db, sql: "SELECT staffID, rule, amount FROM fine_v ORDER BY staffID").map { "\($0["staffID"] as String) \($0["rule"] as String) \($0["amount"] as Int64)" })
        }
    }

    @Test("CS-7: the same steps taken offline on two or three notebooks are one set of steps everywhere, in any merge order",
          arguments: [
              // (steps each notebook takes offline, the order they first sync in)
              ([4, 4], [0, 1]), ([4, 4], [1, 0]), ([2, 4], [0, 1]), ([4, 2], [0, 1]), ([2, 4], [1, 0]),
              ([4, 4, 4], [0, 1, 2]), ([1, 4, 2], [2, 1, 0]), ([4, 1, 3], [1, 2, 0]),
          ])
    func sameStepsEverywhere(taken: [Int], order: [Int]) async throws {
        let world = try World()
        var laptops: [Laptop] = []
        for index in taken.indices { laptops.append(try await world.laptop("笔记本\(index)")) }
        for (index, (laptop, count)) in zip(laptops, taken).enumerated() {
            try Self.steps(laptop.0, world, as: index == 1 ? world.day : world.night, count: count)
        }
        #expect(try laptops.map { try Self.journal($0.0) } == taken)
        try await Self.sync(laptops, order)
        let databases = [world.hub] + laptops.map(\.0)
        #expect(try Self.open(databases) == Array(repeating: [], count: databases.count))
        for database in databases {
            let (steps, fines) = try Self.effect(database)
            #expect(steps == ["intake", "determined", "investigating", "following-up", "confirmed"])  // one row per step (CS-7)
            #expect(fines == ["\(world.night.rawValue) DISC-1 5000"])  // one DISC-1 fine, the first of the month: 50
            #expect(try database.read { try ComplaintQueries.find($0, "K1") }.step == .confirmed)
            #expect(try database.verify().passed)
        }
        // Nothing is dropped: every op made is in every journal; the duplicates are settled, not open.
        for database in databases { #expect(try Self.journal(database) == taken.reduce(0, +)) }
        let settled = try world.hub.conflicts(includeResolved: true).filter { $0.resolution?.hasPrefix("duplicate") == true }
        #expect(settled.count == taken.reduce(0, +) - taken.max()!)
    }

    static func journal(_ database: ShopDatabase) throws -> Int {
        try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM journal WHERE kind = 'complaint.advanced'")! }
    }

    @Test("CS-7: two outcomes for one step on three notebooks stay visible until conflict.resolved; the duplicate among them settles itself")
    func realConflictAmongThree() async throws {
        let world = try World()
        let a = try await world.laptop("夜班笔记本"), b = try await world.laptop("办公室电脑"), c = try await world.laptop("仓库电脑")
        for (laptop, kind) in [(a.0, ComplaintKind.logistics), (b.0, .service), (c.0, .logistics)] {
            let draft = try laptop.read { try ComplaintDrafts.next($0, complaint: "K1", kind: kind) }
            try laptop.apply(OpDraft(actor: world.night, draft))
        }
        try await Self.sync([a, b, c], [0, 1, 2])
        // The hub, the first and the third notebook hold 物流 and park the office's 服务 step; the
        // third's own step is a duplicate of the first's. The office holds its own and parks both.
        #expect(try Self.open([world.hub, a.0, c.0]) == [["complaint.advanced"], ["complaint.advanced"], ["complaint.advanced"]])
        #expect(try b.0.conflicts().count == 2)
        let conflict = try #require(try world.hub.conflicts().first)
        #expect(conflict.device == b.0.deviceID.rawValue)
        for database in [world.hub, a.0, c.0] {
            #expect(try database.read { try ComplaintQueries.find($0, "K1") }.kind == .logistics)
            #expect(try Self.effect(database).steps == ["intake", "determined"])
        }
        try world.hub.apply(OpDraft(actor: world.gm, ConflictResolved(device: DeviceID(rawValue: conflict.device), seq: conflict.seq, keep: .current,
                                                                      note: "物流原因")))
        try await Self.sync([a, b, c], [0, 1, 2])
        #expect(try Self.open([world.hub, a.0, c.0]) == [[], [], []])
        // The office's own step stays as it took it, the other two parked there, visible to settle.
        #expect(try b.0.conflicts().count == 2)
    }

    @Test("CS-4: the same handling of one review on two notebooks is one handling, one refund, in either order", arguments: [[0, 1], [1, 0]])
    func handledTwiceAlike(order: [Int]) async throws {
        let world = try World()
        let laptops = [try await world.laptop("夜班笔记本"), try await world.laptop("办公室电脑")]
        for (laptop, who) in zip(laptops, [world.night, world.day]) {
            try laptop.0.apply(OpDraft(actor: who, ReviewHandled(review: "V1", contacted: true, outcome: .reported, compensation: Money(yuan: 20),
                                                                 note: who == world.night ? "夜班" : "白班")))
        }
        try await Self.sync(laptops, order)
        let databases = [world.hub] + laptops.map(\.0)
        #expect(try Self.open(databases) == [[], [], []])
        for database in databases {
            let review = try database.read { try ReviewQueries.find($0, "V1") }
            #expect(review.compensation == Money(yuan: 20))
            // Reported as malicious: the buyer blacklisted once (CS-4).
            #expect(try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM cs_blacklist WHERE buyer = 'tb_阿强'")! } == 1)
            #expect(try database.verify().passed)
        }
    }

    @Test("CS-6: a return received and closed alike on two notebooks is received and refunded once; another refund is a conflict",
          arguments: [[0, 1, 2], [1, 0, 2]])
    func returnTwice(order: [Int]) async throws {
        let world = try World()
        let laptops = [try await world.laptop("夜班笔记本"), try await world.laptop("办公室电脑"), try await world.laptop("仓库电脑")]
        for (laptop, refund) in zip(laptops, [89, 89, 50]) {
            try laptop.0.apply([
                OpDraft(actor: world.gm, ReturnReceived(returnID: "R1", sellable: [ReturnLine(sku: SKU(rawValue: "T1-WH-M"), quantity: 1)],
                                                        defective: [ReturnLine(sku: SKU(rawValue: "T1-WH-M"), quantity: 1)], receipt: nil)),
                OpDraft(actor: world.gm, ReturnClosed(returnID: "R1", refund: Money(yuan: Int64(refund)), replacementOrder: nil, note: nil)),
            ])
        }
        try await Self.sync(laptops, order)
        for database in [world.hub] + laptops.map(\.0) {
            let lines = try database.read { try Row.fetchAll($0, sql: "SELECT sellable, defective FROM cs_return_line WHERE returnID = 'R1'") }
            #expect(lines.map { [$0["sellable"] as Int, $0["defective"] as Int] } == [[1, 1]])  // received once, not doubled
            #expect(try database.verify().passed)
        }
        // The two alike are one close; the third notebook's other refund is a real conflict, parked
        // at the hub and on the two that refunded 89, until a person settles it.
        #expect(try Self.open([world.hub, laptops[0].0, laptops[1].0]) == [["return.closed"], ["return.closed"], ["return.closed"]])
        for database in [world.hub, laptops[0].0, laptops[1].0] {
            #expect(try database.read { try ReturnQueries.find($0, "R1") }.refund == Money(yuan: 89))
        }
        #expect(try laptops[2].0.conflicts().map(\.opKind) == ["return.closed", "return.closed"])
        let conflict = try #require(try world.hub.conflicts().first)
        try world.hub.apply(OpDraft(actor: world.gm, ConflictResolved(device: DeviceID(rawValue: conflict.device), seq: conflict.seq, keep: .current)))
        try await Self.sync(laptops, order)
        #expect(try Self.open([world.hub, laptops[0].0, laptops[1].0]) == [[], [], []])
    }
}
