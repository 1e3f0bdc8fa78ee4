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
            try hub.apply([
                OpDraft(actor: gm, StaffAdded(staff: night, name: "夜班客服", roles: [.csAgent])),
                OpDraft(actor: gm, StaffAdded(staff: day, name: "白班客服", roles: [.csAgent])),
                OpDraft(actor: day, OrderImported(order: snapshot)),
                OpDraft(actor: day, ComplaintOpened(complaint: "K1", buyer: "tb_阿强", order: nil, text: "发货慢")),
                OpDraft(actor: day, ReviewAdded(review: "V1", order: OrderID(rawValue: "1930000000000001"), rating: .bad, text: "慢")),
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
}
