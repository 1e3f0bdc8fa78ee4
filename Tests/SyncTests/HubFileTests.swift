import Foundation
import GRDB
import ShopDomain
import Synchronization
import Testing
@testable import Storage
@testable import Sync
import Warehouse
import Workforce

/// Counts the ops that cross a transport, to show a sync after files sends nothing twice.
final class CountingTransport: HubTransport, Sendable {
    let inner: LocalHubTransport
    private let counts = Mutex((pushed: 0, pulled: 0))

    init(_ inner: LocalHubTransport) { self.inner = inner }

    var pushed: Int { counts.withLock { $0.pushed } }
    var pulled: Int { counts.withLock { $0.pulled } }

    func push(_ request: SyncProtocol.PushRequest) async throws -> SyncProtocol.PushResponse {
        counts.withLock { $0.pushed += request.ops.count }
        return try await inner.push(request)
    }

    func pull(after: Int64, limit: Int, device: DeviceID) async throws -> SyncProtocol.PullResponse {
        let page = try await inner.pull(after: after, limit: limit, device: device)
        counts.withLock { $0.pulled += page.ops.count }
        return page
    }
}

@Suite("Hub files: the hub's ops back to a laptop on a USB stick")
struct HubFileTests {
    /// The hub with a receipt waiting, a laptop that went offline after its first sync, and an
    /// office notebook that stays online.
    struct Shop {
        let world: SyncWorld
        let laptop: ShopDatabase
        let token: String
        let office: ShopDatabase
        let officeClient: SyncClient

        init() async throws {
            world = try SyncWorld()
            try world.hub.apply(OpDraft(actor: world.hand, ReceiptCreated(receipt: "R1", vendor: "厂", lines: [
                .init(sku: SKU(rawValue: "AF-2"), expected: 5, location: LocationCode(rawValue: "A-01-1"))])))
            let (laptop, _, token) = try await world.laptopWithToken("仓库笔记本")
            let (office, officeClient) = try await world.laptop("办公室")
            (self.laptop, self.token, self.office, self.officeClient) = (laptop, token, office, officeClient)
        }

        func path(_ name: String) -> String { world.directory.appendingPathComponent(name).path }

        func journalCount(_ database: ShopDatabase) throws -> Int {
            try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal")! }
        }
    }

    @Test("the round trip entirely by files: the laptop sees the hub's work, another laptop's and a resolution; a sync afterwards sends nothing twice")
    func roundTrip() async throws {
        let shop = try await Shop()
        let world = shop.world
        // Offline on the laptop: a count correction and an inspection of the delivery…
        try shop.laptop.apply([SyncWorld.adjust("AF-1", "A-01-1", -2, by: world.lead),
                               OpDraft(actor: world.hand, ReceiptInspected(receipt: "R1", sku: SKU(rawValue: "AF-2"), accepted: 4, rejected: 1, reason: "破"))])
        // …while the office moves stock over the network and the hub inspects and posts the receipt.
        try shop.office.apply(OpDraft(actor: world.hand, StockMoved(sku: SKU(rawValue: "AF-1"), from: LocationCode(rawValue: "A-01-1"),
                                                                    to: LocationCode(rawValue: "A-01-2"), quantity: 3)))
        _ = try await shop.officeClient.sync()
        try world.hub.apply(OpDraft(actor: world.hand, ReceiptInspected(receipt: "R1", sku: SKU(rawValue: "AF-2"), accepted: 5, rejected: 0)))
        try world.hub.apply(OpDraft(actor: world.hand, ReceiptPosted(receipt: "R1")))

        // Laptop → hub by file: the inspection is a conflict, resolved at the hub.
        try NotebookFile.export(shop.laptop, to: shop.path("laptop.zgnb"))
        let toHub = try NotebookFile.importFile(shop.path("laptop.zgnb"), into: world.service)
        #expect(toHub.response.applied == 2 && toHub.response.conflicts == 1 && toHub.broken == nil)
        let conflict = try world.hub.conflicts()[0]
        try world.hub.apply(OpDraft(actor: world.gm, ConflictResolved(device: DeviceID(rawValue: conflict.device), seq: conflict.seq, keep: .current)))

        // Hub → laptop by file: starts after what the laptop's file said it had pulled.
        let pulledBefore = try SyncClient.cursor(shop.laptop).pulledSeq
        #expect(try world.service.registry.find("仓库笔记本").pulledSeq == pulledBefore)
        let header = try HubFile.export(from: world.service, for: "仓库笔记本", to: shop.path("back.zghub"))
        #expect(header.first == pulledBefore + 1 && header.device == shop.laptop.deviceID && header.hub == world.hub.deviceID)
        let hubHead = try world.hub.journal(limit: 1)[0].seq
        #expect(header.acked == 2 && header.last == hubHead && header.count == 4)  // the office's move, the inspection, the posting, the resolution
        #expect(HubFile.recognises(shop.path("back.zghub")) && !HubFile.recognises(shop.path("laptop.zgnb")))
        let back = try HubFile.importFile(shop.path("back.zghub"), into: shop.laptop)
        #expect(back.broken == nil && back.report.applied == header.count && back.report.held.isEmpty)
        #expect(try SyncWorld.balances(shop.laptop) == SyncWorld.balances(world.hub))
        #expect(try SyncWorld.balances(shop.laptop).contains("AF-1@A-01-2=3"))  // the office's move
        #expect(try shop.laptop.conflicts().isEmpty)
        #expect(try shop.laptop.journal(limit: 5, kind: "conflict.resolved").count == 1)
        let cursor = try SyncClient.cursor(shop.laptop)
        #expect(cursor.pulledSeq == header.last && cursor.pushedSeq == 2 && cursor.hub == "test://hub")
        #expect(try shop.laptop.verify().passed && world.hub.verify().passed)

        // Back online: nothing is pushed or pulled twice, and both sides agree on the cursor.
        let counting = CountingTransport(LocalHubTransport(hub: world.service, token: shop.token))
        let online = try await SyncClient(database: shop.laptop, hub: "test://hub", transport: counting).sync()
        #expect(online.pushed == 0 && online.pulled == 0)
        #expect(counting.pushed == 0 && counting.pulled == 0)
        #expect(try world.service.registry.find("仓库笔记本").pulledSeq == header.last)
    }

    @Test("importing the same hub file twice changes nothing; the laptop's own ops in it are harmless duplicates")
    func twice() async throws {
        let shop = try await Shop()
        let world = shop.world
        try shop.laptop.apply(SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead))
        _ = try await SyncClient(database: shop.laptop, hub: "test://hub", transport: LocalHubTransport(hub: world.service, token: shop.token)).sync()
        try world.hub.apply([SyncWorld.adjust("AF-2", "A-01-2", 4, by: world.lead), SyncWorld.adjust("AF-1", "A-01-2", 1, by: world.lead)])
        try HubFile.export(from: world.service, for: "仓库笔记本", to: shop.path("a.zghub"))
        let first = try HubFile.importFile(shop.path("a.zghub"), into: shop.laptop)
        #expect(first.report.applied == 2)
        let (ops, balances, cursor) = (try shop.journalCount(shop.laptop), try SyncWorld.balances(shop.laptop), try SyncClient.cursor(shop.laptop))
        let second = try HubFile.importFile(shop.path("a.zghub"), into: shop.laptop)
        #expect(second.report.applied == 0 && second.report.duplicates == 2 && second.broken == nil)
        #expect(try shop.journalCount(shop.laptop) == ops && SyncWorld.balances(shop.laptop) == balances)
        let after = try SyncClient.cursor(shop.laptop)
        #expect(after.pulledSeq == cursor.pulledSeq && after.pushedSeq == cursor.pushedSeq)

        // A file that also carries the laptop's own op (as a hub that could not tell would write it).
        let entries = try world.hub.entries(after: 0, excluding: nil).entries
        let own = try #require(entries.first { $0.op.deviceID == shop.laptop.deviceID })
        var header = try HubFile.export(from: world.service, for: "仓库笔记本", after: 0, to: shop.path("all.zghub"))
        header.count = entries.count
        try HubFile.write(header, entries.map { ($0.seq, $0.op) }, to: shop.path("all.zghub"))
        let all = try HubFile.importFile(shop.path("all.zghub"), into: shop.laptop)
        #expect(all.report.applied == 0 && all.report.duplicates == entries.count && all.broken == nil)
        #expect(entries.contains { $0.seq == own.seq })
        #expect(try shop.journalCount(shop.laptop) == ops && SyncWorld.balances(shop.laptop) == balances)
    }

    @Test("a file for another device, a hub file at the hub and a notebook file on a laptop are refused")
    func wrongPlace() async throws {
        let shop = try await Shop()
        let world = shop.world
        try world.hub.apply(SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead))
        let forOffice = try HubFile.export(from: world.service, for: "办公室", to: shop.path("office.zghub"))
        let ops = try shop.journalCount(shop.laptop)
        #expect(throws: SyncError.wrongDevice(name: "办公室", device: forOffice.device.short, here: shop.laptop.deviceID.short)) {
            try HubFile.importFile(shop.path("office.zghub"), into: shop.laptop)
        }
        #expect(try shop.journalCount(shop.laptop) == ops)
        #expect(throws: SyncError.hubFileAtHub("办公室")) { try HubFile.importFile(shop.path("office.zghub"), into: world.hub) }
        #expect(throws: SyncError.hubFileAtHub("办公室")) { try NotebookFile.importFile(shop.path("office.zghub"), into: world.service) }
        // Vice versa: a laptop's own notebook file is for the hub, not for another notebook.
        try shop.laptop.apply(SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead))
        try NotebookFile.export(shop.laptop, to: shop.path("laptop.zgnb"))
        #expect(throws: SyncError.notTheHub) { try NotebookFile.importFile(shop.path("laptop.zgnb"), into: HubService(database: shop.office)) }
        #expect(throws: SyncError.notTheHub) { try NotebookFile.importFile(shop.path("laptop.zgnb"), into: HubService(database: shop.laptop)) }
        #expect(throws: SyncError.notTheHub) { try HubFile.export(from: HubService(database: shop.laptop), for: "办公室", to: shop.path("x")) }
        // The messages say what to do.
        #expect(SyncError.hubFileAtHub("办公室").message(in: .en).contains("import it on that laptop"))
        #expect(SyncError.wrongDevice(name: "办公室", device: "a", here: "b").message(in: .zh).contains("--for b"))
        // A device the hub cannot export for.
        _ = try world.service.registry.register(name: "没同步过")
        #expect(throws: SyncError.notBound("没同步过")) { try HubFile.export(from: world.service, for: "没同步过", to: shop.path("x")) }
        #expect(throws: SyncError.unknownDevice("无此设备")) { try HubFile.export(from: world.service, for: "无此设备", to: shop.path("x")) }
        _ = try world.service.registry.revoke("办公室")
        #expect(throws: SyncError.revoked("办公室")) { try HubFile.export(from: world.service, for: "办公室", to: shop.path("x")) }
    }

    @Test("a file that starts after what the laptop has pulled is refused with advice; --after fills the gap")
    func gap() async throws {
        let shop = try await Shop()
        let world = shop.world
        try world.hub.apply((1...3).map { _ in SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead) })
        let pulled = try SyncClient.cursor(shop.laptop).pulledSeq
        let ops = try shop.journalCount(shop.laptop)
        let hubHead = try world.hub.journal(limit: 1)[0].seq
        #expect(throws: SyncError.pastHubHead(after: 999, last: hubHead)) {
            try HubFile.export(from: world.service, for: "仓库笔记本", after: 999, to: shop.path("x"))
        }
        try HubFile.export(from: world.service, for: "仓库笔记本", after: pulled + 2, to: shop.path("gap.zghub"))
        #expect(throws: SyncError.gap(first: pulled + 3, pulled: pulled)) { try HubFile.importFile(shop.path("gap.zghub"), into: shop.laptop) }
        #expect(SyncError.gap(first: pulled + 3, pulled: pulled).message(in: .en).contains("export again from the hub"))
        #expect(try shop.journalCount(shop.laptop) == ops && SyncClient.cursor(shop.laptop).pulledSeq == pulled)
        try HubFile.export(from: world.service, for: "仓库笔记本", after: pulled, to: shop.path("ok.zghub"))
        #expect(try HubFile.importFile(shop.path("ok.zghub"), into: shop.laptop).report.applied == 3)
        #expect(try SyncWorld.balances(shop.laptop) == SyncWorld.balances(world.hub))
    }

    @Test("a torn hub file imports its valid prefix, says where it broke, and the next file completes it")
    func torn() async throws {
        let shop = try await Shop()
        let world = shop.world
        try world.hub.apply((1...5).map { _ in SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead) })
        let pulled = try SyncClient.cursor(shop.laptop).pulledSeq
        let file = shop.path("torn.zghub")
        let header = try HubFile.export(from: world.service, for: "仓库笔记本", after: pulled, to: file)
        var lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        lines[3] = lines[3].prefix(40)  // the third op is cut mid-line
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let result = try HubFile.importFile(file, into: shop.laptop)
        #expect(result.report.applied == 2 && result.pulledSeq == pulled + 2)
        guard case .tornHubFile(_, let line, _)? = result.broken else { Issue.record("not reported as torn"); return }
        #expect(line == 4)
        #expect(result.broken?.message(in: .en).contains("export again at the hub") == true)
        // A line dropped from the middle breaks the chain there.
        try HubFile.export(from: world.service, for: "仓库笔记本", after: pulled + 2, to: file)
        var edited = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        edited.remove(at: 2)
        try edited.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let dropped = try HubFile.importFile(file, into: shop.laptop)
        guard case .tornHubFile(_, 3, let reason)? = dropped.broken else { Issue.record("a dropped line not noticed"); return }
        #expect(reason == "the chain breaks" && dropped.report.applied == 1 && dropped.pulledSeq == pulled + 3)
        // Cut off at the end: the missing count is reported.
        try HubFile.export(from: world.service, for: "仓库笔记本", after: pulled + 3, to: file)
        let whole = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        try (whole.prefix(2).joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let cut = try HubFile.importFile(file, into: shop.laptop)
        #expect(cut.report.applied == 1 && cut.broken != nil && cut.pulledSeq == pulled + 4)
        // Exported again from what the hub knows (an earlier position: the overlap is harmless): the rest arrives.
        try HubFile.export(from: world.service, for: "仓库笔记本", to: file)
        let rest = try HubFile.importFile(file, into: shop.laptop)
        #expect(rest.report.applied == 1 && rest.broken == nil && rest.pulledSeq == header.last)
        #expect(try SyncWorld.balances(shop.laptop) == SyncWorld.balances(world.hub))
        #expect(try shop.laptop.verify().passed)
    }

    @Test("a notebook that never goes online: bound by its first file, it receives the shop by file, and a later sync resumes from there", arguments: HubStoreKind.underTest)
    func fileOnly(store: HubStoreKind) async throws {
        let world = try SyncWorld(store: store)
        let (_, token) = try world.service.registry.register(name: "库房")
        let notebook = try ShopDatabase.createNotebook(at: world.directory.appendingPathComponent("n.sqlite").path, modules: modules, clock: .fixed(SyncWorld.now))
        let path = world.directory.appendingPathComponent("n.zgnb").path
        try NotebookFile.export(notebook, to: path)
        _ = try NotebookFile.importFile(path, into: world.service, device: "库房")
        #expect(try world.service.registry.find("库房").deviceID == notebook.deviceID.rawValue)
        let back = world.directory.appendingPathComponent("n.zghub").path
        try HubFile.export(from: world.service, for: "库房", to: back)
        _ = try HubFile.importFile(back, into: notebook)
        #expect(try notebook.hasShop() && SyncWorld.balances(notebook) == SyncWorld.balances(world.hub))
        #expect(try SyncClient.cursor(notebook).hub == "file:" + world.hub.deviceID.short)
        // Its first file with ops tells the hub how far it has pulled.
        try notebook.apply(SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead))
        try NotebookFile.export(notebook, to: path)
        #expect(try NotebookFile.importFile(path, into: world.service).response.applied == 1)
        #expect(try world.service.registry.find("库房").pulledSeq == SyncClient.cursor(notebook).pulledSeq)
        // The hub's next file acknowledges that op.
        try HubFile.export(from: world.service, for: "库房", to: back)
        #expect(try HubFile.importFile(back, into: notebook).report.applied == 0)
        #expect(try SyncClient.cursor(notebook).pushedSeq == 1)
        // Online at last: the cursors the files moved are used, nothing crosses twice.
        let counting = CountingTransport(LocalHubTransport(hub: world.service, token: token))
        _ = try await SyncClient(database: notebook, hub: "test://hub", transport: counting).sync()
        #expect(counting.pushed == 0 && counting.pulled == 0)
    }
}
