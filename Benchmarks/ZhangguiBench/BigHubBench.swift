import Foundation
import ShopDomain
import Storage
import Sync
import Warehouse

/// A notebook's ops merged into a hub that already holds a large journal.
///
/// `big-hub-setup DIR HUB_OPS NOTEBOOK_OPS` makes `DIR/hub.sqlite` (a catalogue of 2,000 SKUs
/// over 41 locations, then stock adjustments made on the hub until its journal holds HUB_OPS ops,
/// every one through `ShopDatabase.apply`) and `DIR/laptop.sqlite`, a notebook registered at the
/// hub (`DIR/token`) that pulled the catalogue and then made NOTEBOOK_OPS stock adjustments of
/// its own. `big-hub-merge HUB LAPTOP TOKEN` merges the notebook's ops into HUB through
/// `HubService.receive` in 1,000-op batches, timed; Scripts/bench runs it on a fresh copy of the hub.
enum BigHubBench {
    static let locations: [LocationCode] = (0..<40).map { LocationCode(rawValue: "\(["A", "B", "C", "D"][$0 % 4])-\(String(format: "%02d", $0 / 4 + 1))-1") }
    static let defective = LocationCode(rawValue: "X-01-1")

    static func adjustment(_ gm: StaffID, _ skus: [SKU], _ random: inout SeededGenerator) -> OpDraft {
        let sku = skus[Int.random(in: 0..<skus.count, using: &random)]
        let location = Int.random(in: 0..<20, using: &random) == 0 ? defective : locations.randomElement(using: &random)!
        return OpDraft(actor: gm, StockAdjusted(sku: sku, location: location, delta: Int.random(in: 1...5, using: &random), reason: "基准"))
    }

    static func setup(directory: String, hubOps: Int, notebookOps: Int, clock: ShopClock) throws {
        let started = ContinuousClock.now
        let hub = try ShopDatabase.create(at: directory + "/hub.sqlite", shop: "基准", owner: Catalogue.owner, modules: Catalogue.modules,
                                          clock: clock, ids: .seeded(1))
        let gm = try hub.read(CoreQueries.shop).owner
        let items = Catalogue.items(2_000)
        let skus = items.map(\.product.sku)
        try hub.apply(locations.map { OpDraft(actor: gm, LocationAdded(code: $0, kind: .sellable)) }
            + [OpDraft(actor: gm, LocationAdded(code: defective, kind: .defective))] + Catalogue.drafts(items, actor: gm))

        // The notebook joins while the hub is small: it pulls the catalogue, not a million ops.
        let service = HubService(database: hub)
        let (_, token) = try service.registry.register(name: "bench-laptop")
        try token.write(toFile: directory + "/token", atomically: true, encoding: .utf8)
        do {
            let laptop = try ShopDatabase.createNotebook(at: directory + "/laptop.sqlite", modules: Catalogue.modules, clock: clock)
            _ = try SyncClient(database: laptop, hub: "bench", transport: LocalHubTransport(hub: service, token: token)).syncWaiting()
            var random = SeededGenerator(seed: 99)
            try laptop.apply((0..<notebookOps).map { _ in adjustment(gm, skus, &random) })
        }

        var random = SeededGenerator(seed: 42)
        var count = try hub.journalCount()
        while count < hubOps {
            let batch = min(50_000, hubOps - count)
            try hub.apply((0..<batch).map { _ in adjustment(gm, skus, &random) })
            count += batch
        }
        let seconds = (ContinuousClock.now - started).seconds
        print(String(format: "big-hub-setup hub-ops=%d notebook-ops=%d setup=%.0fs", try hub.journalCount(), notebookOps, seconds))
    }

    static func merge(hub path: String, laptop: String, token: String, clock: ShopClock) throws {
        let hub = try ShopDatabase.open(at: path, modules: Catalogue.modules, clock: clock)
        let service = HubService(database: hub)
        let device = try service.registry.authenticate(token)
        let notebook = try ShopDatabase.open(at: laptop, modules: Catalogue.modules, clock: clock)
        let ops = try notebook.ops(from: notebook.deviceID)
        let before = try hub.journalCount()
        var slowest = Duration.zero
        var applied = 0
        let start = ContinuousClock.now
        let cpuStart = CPUTime.now()
        for batch in stride(from: 0, to: ops.count, by: SyncProtocol.maxOpsPerPush) {
            let batchStart = ContinuousClock.now
            let response = try service.receive(Array(ops[batch..<min(batch + SyncProtocol.maxOpsPerPush, ops.count)]),
                                               from: notebook.deviceID, hubDevice: device)
            applied += response.applied
            slowest = max(slowest, ContinuousClock.now - batchStart)
        }
        let elapsed = (ContinuousClock.now - start).seconds
        let cpu = CPUTime.now() - cpuStart
        guard applied == ops.count else { throw BenchFailure("merged \(applied) of \(ops.count) ops") }
        print(String(format: "big-hub-merge hub-ops=%d ops=%d merge=%.3fs cpu=%.3fs rate=%.0f ops/s slowest-batch=%.3fs", before, ops.count,
                     elapsed, cpu, Double(ops.count) / elapsed, slowest.seconds))
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// CPU time this process has used (user + system, every thread): on a shared machine the wall
/// time also counts the waits for a core, this does not.
enum CPUTime {
    static func now() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
