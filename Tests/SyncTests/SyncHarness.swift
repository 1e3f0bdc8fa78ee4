import Foundation
import GRDB
import PostgresStore
import ShopDomain
import Synchronization
import Testing
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
    /// The hub's store of record when the world runs on PostgreSQL (`store: .postgres`).
    let postgres: PostgresJournal?
    let postgresURL: String?
    let gm: StaffID, lead: StaffID, hand: StaffID

    static let now = ShopClock.parseInstant("2026-11-30T08:00:00+08:00")!

    init(clock: ShopClock = .fixed(SyncWorld.now), store: HubStoreKind = .sqlite) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var hub = try ShopDatabase.create(at: directory.appendingPathComponent("hub.sqlite").path, shop: "测试小店", owner: "黄乔",
                                          modules: modules, clock: clock)
        if store == .postgres {
            let url = try TestPostgres.freshDatabase()
            let journal = try PostgresJournal.open(url, hub: hub.deviceID, create: true)
            hub.storeOfRecord = journal
            try hub.catchUp()  // the shop's first op
            postgres = journal
            postgresURL = url
        } else {
            postgres = nil
            postgresURL = nil
        }
        self.hub = hub
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

    /// The journal digest of the hub's store of record (PostgreSQL's when there is one).
    func storeDigest() throws -> JournalDigest {
        try postgres?.journalDigest() ?? hub.journalDigest()
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

/// Which store the hub keeps its journal in: the sync tests run against both.
enum HubStoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres
    var testDescription: String { rawValue }
}

/// The PostgreSQL server the tests use: `ZHANGGUI_TEST_POSTGRES=postgres://user@127.0.0.1:port/db`
/// (test-only; `.ci/run` starts a private server and sets it). Without it every PostgreSQL test
/// is reported as skipped.
enum TestPostgres {
    static let url: String? = ProcessInfo.processInfo.environment["ZHANGGUI_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static var available: Bool { url != nil }

    /// A new, empty database of its own for one test (dropped with the server).
    static func freshDatabase() throws -> String {
        guard let url else { throw PostgresStoreError.badURL("ZHANGGUI_TEST_POSTGRES is not set") }
        return try PostgresAdmin.createDatabase(beside: url, named: "zg_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))
    }
}

extension HubStoreKind {
    /// Both stores when a PostgreSQL server is configured, else SQLite alone (the PostgreSQL
    /// suite then reports itself skipped).
    static var underTest: [HubStoreKind] { TestPostgres.available ? allCases : [.sqlite] }
}
