import Foundation
import PostgresStore
import ShopDomain
import Storage
import Sync
import Warehouse
import Workforce

/// A notebook's ops into a hub through `HubService.receive` in 1,000-op batches (what HTTP pushes
/// do), then the same ops again (the no-op replay a retry causes).
enum SyncBench {
    static func run(directory: String, ops count: Int, clock: ShopClock, postgres: String? = nil) throws {
        let modules = [Warehouse.feature, Workforce.feature, SyncStore.feature]
        var hub = try ShopDatabase.create(at: directory + "/hub.sqlite", shop: "基准", owner: "黄乔", modules: modules, clock: clock, ids: .seeded(1))
        if let postgres {
            let url = try PostgresAdmin.createDatabase(beside: postgres, named: "zg_bench_\(UInt32.random(in: 0...UInt32.max))")
            hub.storeOfRecord = try PostgresJournal.open(url, hub: hub.deviceID, create: true)
            try hub.catchUp()
        }
        let gm = try hub.read(CoreQueries.shop).owner
        try hub.apply([
            OpDraft(actor: gm, LocationAdded(code: LocationCode(rawValue: "A-01-1"), kind: .sellable)),
            OpDraft(actor: gm, ProductAdded(product: Product(sku: SKU(rawValue: "AF-1"), name: "衫", colour: "白", size: "M", category: "上衣", price: Money(yuan: 9)))),
        ])
        let service = HubService(database: hub)
        let (_, token) = try service.registry.register(name: "bench")
        let laptop = try ShopDatabase.createNotebook(at: directory + "/laptop.sqlite", modules: modules, clock: clock)
        let client = SyncClient(database: laptop, hub: "bench", transport: LocalHubTransport(hub: service, token: token))
        _ = try client.syncWaiting()
        try laptop.apply((0..<count).map { _ in
            OpDraft(actor: gm, StockAdjusted(sku: SKU(rawValue: "AF-1"), location: LocationCode(rawValue: "A-01-1"), delta: 1, reason: "基准"))
        })
        let ops = try laptop.ops(from: laptop.deviceID)
        var cpu: [Double] = []
        func push() throws -> Duration {
            let start = ContinuousClock.now
            let cpuStart = CPUTime.now()
            defer { cpu.append(CPUTime.now() - cpuStart) }
            for batch in stride(from: 0, to: ops.count, by: SyncProtocol.maxOpsPerPush) {
                _ = try service.receive(Array(ops[batch..<min(batch + SyncProtocol.maxOpsPerPush, ops.count)]), from: laptop.deviceID, hubDevice: nil)
            }
            return ContinuousClock.now - start
        }
        let merge = try push()
        let replay = try push()
        let seconds = { (d: Duration) in Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
        print(String(format: "sync-merge store=%@ ops=%d merge=%.3fs cpu=%.3fs rate=%.0f ops/s replay=%.3fs replay-cpu=%.3fs", postgres == nil ? "sqlite" : "postgres", count, seconds(merge),
                     cpu[0], Double(count) / seconds(merge), seconds(replay), cpu[1]))
    }
}
