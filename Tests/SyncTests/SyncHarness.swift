import Foundation
import GRDB
import ShopDomain
import Synchronization
@testable import Storage
@testable import Sync
import Logistics
import Warehouse
import Workforce

let modules: [ShopFeature] = [Warehouse.feature, Logistics.feature, Workforce.feature, SyncStore.feature]

typealias DirectTransport = LocalHubTransport

/// A hub (central database with a small shop) and helpers to make laptop notebooks.
struct SyncWorld {
    let directory: URL
    let hub: ShopDatabase
    let service: HubService
    let gm: StaffID, lead: StaffID, hand: StaffID

    static let now = ShopClock.parseInstant("2026-11-30T08:00:00+08:00")!

    init(clock: ShopClock = .fixed(SyncWorld.now)) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        hub = try ShopDatabase.create(at: directory.appendingPathComponent("hub.sqlite").path, shop: "测试小店", owner: "黄乔",
                                      modules: modules, clock: clock)
        service = HubService(database: hub)
        gm = try hub.read(CoreQueries.shop).owner
        lead = IDSource.random.next()
        hand = IDSource.random.next()
        try hub.apply([
            OpDraft(actor: gm, StaffAdded(staff: lead, name: "大哥", roles: [.warehouseLead])),
            OpDraft(actor: gm, StaffAdded(staff: hand, name: "二哥", roles: [.warehouse])),
            OpDraft(actor: gm, LocationAdded(code: LocationCode(rawValue: "A-01-1"), kind: .sellable)),
            OpDraft(actor: gm, LocationAdded(code: LocationCode(rawValue: "A-01-2"), kind: .sellable)),
            OpDraft(actor: gm, ProductAdded(product: Product(sku: SKU(rawValue: "AF-1"), name: "衫", colour: "白", size: "M", category: "上衣", price: Money(yuan: 9)))),
            OpDraft(actor: gm, ProductAdded(product: Product(sku: SKU(rawValue: "AF-2"), name: "衫", colour: "黑", size: "M", category: "上衣", price: Money(yuan: 9)))),
            OpDraft(actor: gm, StockAdjusted(sku: SKU(rawValue: "AF-1"), location: LocationCode(rawValue: "A-01-1"), delta: 20, reason: "初始")),
        ])
    }

    /// A registered laptop notebook that has synced once.
    func laptop(_ name: String, clock: ShopClock = .fixed(SyncWorld.now)) async throws -> (ShopDatabase, SyncClient) {
        let (database, client, _) = try await laptopWithToken(name, clock: clock)
        return (database, client)
    }

    func laptopWithToken(_ name: String, clock: ShopClock = .fixed(SyncWorld.now)) async throws -> (ShopDatabase, SyncClient, String) {
        let (_, token) = try service.registry.register(name: name)
        let notebook = try ShopDatabase.createNotebook(at: directory.appendingPathComponent("\(name).sqlite").path, modules: modules, clock: clock)
        let client = SyncClient(database: notebook, hub: "test://hub", transport: DirectTransport(hub: service, token: token))
        _ = try await client.sync()
        return (notebook, client, token)
    }

    static func adjust(_ sku: String, _ location: String, _ delta: Int, by actor: StaffID) -> OpDraft {
        OpDraft(actor: actor, StockAdjusted(sku: SKU(rawValue: sku), location: LocationCode(rawValue: location), delta: delta, reason: "测试"))
    }

    static func balances(_ database: ShopDatabase) throws -> [String] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT sku, location, quantity FROM stock_balance ORDER BY sku, location").map {
                "\($0["sku"] as String)@\($0["location"] as String)=\($0["quantity"] as Int)"
            }
        }
    }
}
