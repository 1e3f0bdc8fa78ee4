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

    struct World {
        let shop: ApprovalShop
        let service: HubService
        let a: (ShopDatabase, SyncClient)
        let b: (ShopDatabase, SyncClient)
        var hub: ShopDatabase { shop.database }
    }

    /// A hub with a campaign signed up to 图文设计 and two laptops that have synced it.
    static func world(upTo last: CampaignStep = .design) async throws -> World {
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
        return World(shop: shop, service: service, a: try await laptop("设计部电脑"), b: try await laptop("总经理笔记本"))
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

    @Test("the same error recorded on two laptops is one error, its fines booked once")
    func sameErrorTwice() async throws {
        let w = try await Self.world(upTo: .finalize)
        try w.hub.apply(OpDraft(actor: w.shop.gm, try w.hub.read { db in try CampaignActions.goLive(db, "A-1", override: nil) }))
        _ = try await w.a.1.sync()
        _ = try await w.b.1.sync()
        func record(_ database: ShopDatabase, _ what: String, as actor: StaffID) throws -> CampaignErrorRecorded {
            let payload = try database.read { db in try CampaignActions.recordError(db, "A-1", what: what, kind: .text) }
            try database.apply(OpDraft(actor: actor, payload))
            return payload
        }
        let first = try record(w.a.0, "详情页尺码表写错", as: w.shop.gm)
        func fines(_ database: ShopDatabase) throws -> Int {
            try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fine WHERE ref = ?", arguments: ["A-1/\(first.error)"])! }
        }
        let oneSet = try fines(w.a.0)  // the fines one recording books (Workforce follows `FineBearingKinds.all`)
        let second = try record(w.b.0, "详情页  尺码表写错 ", as: w.shop.lead)
        #expect(first.error == second.error)
        _ = try await w.a.1.sync()
        _ = try await w.b.1.sync()
        _ = try await w.a.1.sync()
        for database in [w.hub, w.a.0, w.b.0] {
            let errors = try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM campaign_error")! }
            #expect(errors == 1)
            #expect(try fines(database) == oneSet)
        }
        #expect(try Self.open(w.hub).map(\.opKind) == ["campaign.error-recorded"])
        #expect(try Self.open(w.hub).first?.reason(in: .en).contains("booked once") == true)
    }
}
