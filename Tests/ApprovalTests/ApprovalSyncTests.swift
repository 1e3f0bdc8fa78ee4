import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Approval
@testable import Storage
@testable import Sync

/// Signatures across notebooks (DESIGN.md, merging): the same signature twice is one; two
/// outcomes for one step — signed and rejected, or signed on different content — are a conflict
/// a person resolves, never a silent pick; a duplicate error books its fines once.
@Suite("Campaign approval across notebooks")
struct ApprovalSyncTests {
    static let modules = approvalModules + [SyncStore.feature]

    typealias Laptop = (ShopDatabase, SyncClient)

    struct World {
        let shop: ApprovalShop
        let service: HubService
        let laptops: [Laptop]
        var a: Laptop { laptops[0] }
        var b: Laptop { laptops[1] }
        var hub: ShopDatabase { shop.database }
        var all: [ShopDatabase] { [hub] + laptops.map(\.0) }

        /// Syncs the laptops in `order` (indexes), then each twice more, so every device holds every op.
        func sync(_ order: [Int]) async throws {
            for index in order { _ = try await laptops[index].1.sync() }
            for _ in 0..<2 { for laptop in laptops { _ = try await laptop.1.sync() } }
        }
    }

    /// A hub with a campaign signed up to 图文设计 and two (or more) laptops that have synced it.
    static func world(upTo last: CampaignStep = .design, laptops count: Int = 2) async throws -> World {
        let shop = try ApprovalShop(modules: modules)
        let id = try shop.declare()
        try shop.signThrough(id, upTo: last)
        let service = HubService(database: shop.database)
        func laptop(_ name: String) async throws -> (ShopDatabase, SyncClient) {
            let (_, token) = try service.registry.register(name: name)
            let notebook = try ShopDatabase.createNotebook(at: shop.directory.appendingPathComponent("\(name).sqlite").path, modules: modules,
                                                           clock: shop.time.clock)
            let client = SyncClient(database: notebook, hub: "test://hub", transport: LocalHubTransport(hub: service, token: token))
            _ = try await client.sync()
            return (notebook, client)
        }
        var laptops: [Laptop] = []
        for name in ["设计部电脑", "总经理笔记本", "客服电脑", "仓库电脑"].prefix(count) { laptops.append(try await laptop(name)) }
        return World(shop: shop, service: service, laptops: laptops)
    }

    static func chain(_ database: ShopDatabase) throws -> CampaignChain {
        try database.read { db in try CampaignQueries.detail(db, "A-1").chain }
    }

    static func open(_ database: ShopDatabase) throws -> [Conflict] {
        try database.conflicts()
    }

    static func sign(_ database: ShopDatabase, _ step: CampaignStep, as actor: StaffID) throws {
        try database.apply(OpDraft(actor: actor, try database.read { db in try CampaignActions.sign(db, "A-1", step: step) }))
    }

    static func reject(_ database: ShopDatabase, _ step: CampaignStep, as actor: StaffID) throws {
        try database.apply(OpDraft(actor: actor, try database.read { db in try CampaignActions.reject(db, "A-1", step: step, reason: "错字") }))
    }

    @Test("signatures made on two laptops merge; the same signature twice is one")
    func signaturesMerge() async throws {
        let w = try await Self.world()
        try Self.sign(w.a.0, .proofread, as: w.shop.lead)
        _ = try await w.a.1.sync()
        _ = try await w.b.1.sync()
        try Self.sign(w.a.0, .finalize, as: w.shop.gm)
        try Self.sign(w.b.0, .finalize, as: w.shop.gm)  // offline: the same step on the same content
        _ = try await w.a.1.sync()
        _ = try await w.b.1.sync()
        _ = try await w.a.1.sync()
        for database in [w.hub, w.a.0, w.b.0] {
            #expect(try Self.chain(database).finalized)
            #expect(try Self.open(database).isEmpty)
            #expect(try database.verify().passed)
        }
    }

    @Test("signed on one laptop, rejected on the other: a conflict, resolved by an op")
    func signedAndRejected() async throws {
        let w = try await Self.world()
        try Self.sign(w.a.0, .proofread, as: w.shop.lead)
        try Self.reject(w.b.0, .proofread, as: w.shop.lead)
        _ = try await w.a.1.sync()
        _ = try await w.b.1.sync()
        _ = try await w.a.1.sync()
        let parked = try Self.open(w.hub)
        #expect(parked.map(\.opKind) == ["campaign.rejected"])
        #expect(parked.first?.reason(in: .en).contains("signed by 史文龙 on another device") == true)
        #expect(try Self.chain(w.hub).next == .finalize)
        #expect(try Self.open(w.b.0).map(\.opKind) == ["campaign.signed"])  // each side sees the other's outcome parked
        // The GM keeps the rejection: the chain goes back to design everywhere.
        let rejection = parked[0]
        try w.hub.apply(OpDraft(actor: w.shop.gm, ConflictResolved(device: DeviceID(rawValue: rejection.device), seq: rejection.seq, keep: .op)))
        _ = try await w.a.1.sync()
        _ = try await w.b.1.sync()
        for database in [w.hub, w.a.0, w.b.0] {
            #expect(try Self.chain(database).next == .design)
            #expect(try Self.chain(database)[.proofread].status == .rejected)
            #expect(try database.verify().passed)
        }
        #expect(try Self.open(w.hub).isEmpty)
    }

    @Test("signed on content another laptop changed meanwhile: the stale signature is parked")
    func signedOnDifferentContent() async throws {
        let w = try await Self.world()
        let folder = w.shop.directory.appendingPathComponent("v2")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("主图 v2".utf8).write(to: folder.appendingPathComponent("main.png"))
        try w.a.0.apply(OpDraft(actor: w.shop.designer, try w.a.0.read { db in try CampaignActions.attach(db, "A-1", paths: [folder.path]) }))
        try Self.sign(w.b.0, .proofread, as: w.shop.lead)  // offline, on the old draft
        _ = try await w.a.1.sync()
        _ = try await w.b.1.sync()
        let parked = try Self.open(w.hub)
        #expect(parked.map(\.opKind) == ["campaign.signed"])
        #expect(parked.first?.reason(in: .en).contains("stale") == true)
        #expect(try Self.chain(w.hub).next == .design)
        #expect(try Self.chain(w.hub).stale == [.design])
    }

    @Test("a signature by someone who left meanwhile is refused at the hub")
    func signerLeft() async throws {
        let w = try await Self.world()
        try Self.sign(w.b.0, .proofread, as: w.shop.lead)
        try w.hub.apply(OpDraft(actor: w.shop.gm, StaffDeactivated(staff: w.shop.lead, reason: "离职")))
        _ = try await w.b.1.sync()
        #expect(try Self.open(w.hub).map(\.opKind) == ["campaign.signed"])
        #expect(try Self.chain(w.hub).next == .proofread)
    }

    /// Goes live on the hub (signed through 定稿, or the GM's override earlier in the chain) and syncs every laptop.
    static func live(_ w: World, override: String? = nil) async throws {
        try w.hub.apply(OpDraft(actor: w.shop.gm, try w.hub.read { db in try CampaignActions.goLive(db, "A-1", override: override) }))
        for laptop in w.laptops { _ = try await laptop.1.sync() }
    }

    @discardableResult
    static func record(_ database: ShopDatabase, _ what: String, as actor: StaffID) throws -> CampaignErrorRecorded {
        let payload = try database.read { db in try CampaignActions.recordError(db, "A-1", what: what, kind: .text) }
        try database.apply(OpDraft(actor: actor, payload))
        return payload
    }

    /// The CAMP-2 fines booked for the campaign, through Workforce's `fine_v`: "name amount" per fine.
    static func fines(_ database: ShopDatabase) throws -> [String] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.name, f.amount FROM fine_v f JOIN staff_v s ON s.id = f.staffID WHERE f.rule = 'CAMP-2' AND f.ref LIKE 'A-1/%'
                ORDER BY s.name, f.amount
                """).map { "\($0["name"] as String) \(Money(fen: $0["amount"]))" }
        }
    }

    @Test("CAMP-2: the same error recorded on two or three laptops is one error, its fines booked once, settled everywhere in any order",
          arguments: [[0, 1], [1, 0], [0, 1, 2], [2, 0, 1], [1, 2, 0]])
    func sameErrorTwice(order: [Int]) async throws {
        let w = try await Self.world(upTo: .finalize, laptops: order.count)
        try await Self.live(w)
        let texts = ["详情页尺码表写错", "详情页  尺码表写错 ", " 详情页尺码表写错"]
        var ids: Set<String> = []
        for (index, laptop) in w.laptops.enumerated() {
            ids.insert(try Self.record(laptop.0, texts[index], as: index == 0 ? w.shop.gm : w.shop.lead).error)
        }
        #expect(ids.count == 1)  // one content-derived ID
        let oneSet = try Self.fines(w.a.0)  // what one recording books on its own notebook
        #expect(oneSet == ["刘芬 100.00", "史文龙 100.00"])  // signed but missed: 初审 and 校对, 100 each
        try await w.sync(order)
        for database in w.all {
            #expect(try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM campaign_error")! } == 1)
            #expect(try Self.fines(database) == oneSet)
            #expect(try Self.open(database).isEmpty)  // the duplicates settled themselves: nobody has to
            #expect(try database.verify().passed)
        }
        let settled = try w.hub.conflicts(includeResolved: true).filter { $0.opKind == "campaign.error-recorded" }
        #expect(settled.count == order.count - 1 && settled.allSatisfy { $0.resolution?.hasPrefix("duplicate") == true })
        #expect(try w.hub.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal WHERE kind = 'campaign.error-recorded'")! } == order.count)
    }

    @Test("CAMP-1: the same signature on three laptops is one, in any order; another person's signature of the step is a conflict",
          arguments: [[0, 1, 2], [2, 1, 0], [1, 0, 2]])
    func signatureOnThree(order: [Int]) async throws {
        let w = try await Self.world(laptops: 3)
        for laptop in w.laptops { try Self.sign(laptop.0, .proofread, as: w.shop.lead) }
        try await w.sync(order)
        for database in w.all {
            #expect(try Self.chain(database).next == .finalize)
            #expect(try Self.open(database).isEmpty)
            #expect(try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM campaign_signature WHERE step = 'proofread'")! } == 1)
            #expect(try database.verify().passed)
        }
        // 定稿 by the GM on one laptop and by a second GM on another: two outcomes (CAMP-2 names who signed).
        let deputy: StaffID = IDSource.random.next()
        try w.hub.apply(OpDraft(actor: w.shop.gm, StaffAdded(staff: deputy, name: "副总", roles: [.gm])))
        try await w.sync([0, 1, 2])
        try Self.sign(w.laptops[0].0, .finalize, as: w.shop.gm)
        try Self.sign(w.laptops[1].0, .finalize, as: deputy)
        try Self.sign(w.laptops[2].0, .finalize, as: w.shop.gm)
        try await w.sync(order)
        let hubOpen = try Self.open(w.hub)
        #expect(!hubOpen.isEmpty && hubOpen.allSatisfy { $0.opKind == "campaign.signed" })  // one, or two if the deputy's came first
        #expect(hubOpen.first?.reason(in: .en).contains("two people signed one step") == true)
    }
}
