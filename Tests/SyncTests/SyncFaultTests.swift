import Foundation
import ShopDomain
import Synchronization
import Testing
@testable import Storage
@testable import Sync
import Warehouse
import Workforce

/// A transport whose first push reaches the hub but whose reply is lost (the hub killed after
/// commit, the client killed mid-push, the network dropped).
final class LosingTransport: HubTransport, Sendable {
    let inner: LocalHubTransport
    private let lost = Mutex(false)

    init(_ inner: LocalHubTransport) { self.inner = inner }

    func push(_ request: SyncProtocol.PushRequest) async throws -> SyncProtocol.PushResponse {
        let response = try await inner.push(request)
        let loseThis = lost.withLock { done in
            defer { done = true }
            return !done
        }
        if loseThis { throw SyncError.hubUnreachable("connection reset") }
        return response
    }

    func pull(after: Int64, limit: Int, device: DeviceID) async throws -> SyncProtocol.PullResponse {
        try await inner.pull(after: after, limit: limit, device: device)
    }
}

/// A clock the test can set back.
final class MovableClock: Sendable {
    private let instant: Mutex<Date>
    init(_ start: Date) { instant = Mutex(start) }
    var clock: ShopClock { ShopClock { [self] in instant.withLock { $0 } } }
    func move(by seconds: TimeInterval) { instant.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

@Suite("Sync under faults")
struct SyncFaultTests {
    @Test("a reply lost after the hub committed: the retry is deduplicated, nothing doubles", arguments: HubStoreKind.underTest)
    func lostReply(store: HubStoreKind) async throws {
        let world = try SyncWorld(store: store)
        let (_, token) = try world.service.registry.register(name: "笔记本")
        let laptop = try ShopDatabase.createNotebook(at: world.directory.appendingPathComponent("l.sqlite").path, modules: modules, clock: .fixed(SyncWorld.now))
        let transport = LosingTransport(LocalHubTransport(hub: world.service, token: token))
        let client = SyncClient(database: laptop, hub: "h", transport: transport)
        _ = try await SyncClient(database: laptop, hub: "h", transport: LocalHubTransport(hub: world.service, token: token)).sync()
        try laptop.apply([SyncWorld.adjust("AF-1", "A-01-1", 5, by: world.lead), SyncWorld.adjust("AF-2", "A-01-2", 2, by: world.lead)])
        await #expect(throws: SyncError.self) { _ = try await client.sync() }
        #expect(try SyncClient.status(laptop).pending == 2)   // the client does not know it landed
        let retry = try await client.sync()
        #expect(retry.pushed == 0)                             // the hub already had both
        #expect(try SyncClient.status(laptop).pending == 0)
        #expect(try SyncWorld.balances(world.hub).contains("AF-1@A-01-1=25"))
        #expect(try world.hub.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stock_movement WHERE reason = '测试'")! } == 2)
    }

    @Test("a laptop clock set back three hours mid-shift never reorders its ops", arguments: HubStoreKind.underTest)
    func clockSetBack(store: HubStoreKind) async throws {
        let world = try SyncWorld(store: store)
        let time = MovableClock(SyncWorld.now)
        let (laptop, client) = try await world.laptop("笔记本", clock: time.clock)
        try laptop.apply(OpDraft(actor: world.hand, ShiftStarted(shift: "S-1")))
        try laptop.apply(OpDraft(actor: world.hand, HandoverWritten(item: "H-1", text: "第一件事")))
        time.move(by: -3 * 3600)
        try laptop.apply(OpDraft(actor: world.hand, HandoverWritten(item: "H-2", text: "第二件事")))
        let ops = try laptop.ops(from: laptop.deviceID)
        #expect(zip(ops, ops.dropFirst()).allSatisfy { $0.hlc < $1.hlc })  // the HLC keeps going forward
        try laptop.apply(OpDraft(actor: world.hand, try ShiftWork.end(laptop, staff: world.hand, note: nil)))
        _ = try await client.sync()
        let items = try world.hub.read { db in try WorkforceQueries.handover(db, viewer: world.gm, all: true) }.items
        #expect(items.map(\.id) == ["H-1", "H-2"])
        #expect(try world.hub.verify().passed)
    }
}
