import Foundation
import ShopDomain
import Storage
import Sync
import Warehouse
import Workforce

/// The warehouse laptop of the demo: a notebook registered at the shop's database and synced
/// once, then offline work that has not reached the shop yet — 二哥 moves goods and inspects
/// the delivery still waiting, while at the office 大哥 inspects and posts that same delivery.
/// Bringing the notebook in (a file, or `zhangguid`) merges the moves and parks one conflict.
public enum DemoLaptop {
    public struct Made: Sendable {
        public var path: String
        public var token: String
        public var pending: Int
    }

    /// `ids` makes the laptop's device ID (seeded in tests, so golden screens stay the same);
    /// `address` is the hub's name in the laptop's sync cursor (a URL when a test plays the daemon).
    public static func create(hub: ShopDatabase, at path: String, modules: [ShopFeature], clock: ShopClock,
                              ids: IDSource = .random, address: String = "demo") throws -> Made {
        let service = HubService(database: hub)
        let (_, token) = try service.registry.register(name: "仓库笔记本")
        let laptop = try ShopDatabase.createNotebook(at: path, modules: modules, clock: clock, ids: ids)
        _ = try SyncClient(database: laptop, hub: address, transport: LocalHubTransport(hub: service, token: token)).syncWaiting()

        let (hand, lead) = try hub.read { db in (try CoreQueries.findStaff(db, "二哥").id, try CoreQueries.findStaff(db, "大哥").id) }
        let receipt = try hub.read { db in try WarehouseQueries.receipts(db).first { $0.status == "open" } }
        // Offline on the laptop.
        let moving = try laptop.read { db in try WarehouseQueries.stockList(db, on: CivilDate(year: 2000, month: 1, day: 1)!) }
            .filter { $0.kind == "goods" && $0.sellable >= 10 }.prefix(3)
        for line in moving {
            let from = try laptop.read { db in try WarehouseQueries.stockDetail(db, sku: SKU(rawValue: line.sku), on: CivilDate(year: 2000, month: 1, day: 1)!) }
                .balances.first { $0.kind == LocationKind.sellable.rawValue && $0.quantity >= 2 }
            guard let from else { continue }
            try laptop.apply(OpDraft(actor: hand, StockMoved(sku: SKU(rawValue: line.sku), from: LocationCode(rawValue: from.location),
                                                             to: LocationCode(rawValue: "X-01-1"), quantity: 1, reason: "开线，仓库笔记本离线登记")))
        }
        if let receipt, let first = receipt.lines.first {
            try laptop.apply(OpDraft(actor: hand, ReceiptInspected(receipt: receipt.id, sku: SKU(rawValue: first.sku), accepted: first.expected - 1,
                                                                   rejected: 1, reason: "外包装破损")))
            // Meanwhile at the office the same delivery is inspected and posted.
            for line in receipt.lines {
                try hub.apply(OpDraft(actor: lead, ReceiptInspected(receipt: receipt.id, sku: SKU(rawValue: line.sku), accepted: line.expected, rejected: 0)))
            }
            try hub.apply(OpDraft(actor: lead, ReceiptPosted(receipt: receipt.id)))
        }
        return Made(path: path, token: token, pending: try SyncClient.status(laptop).pending)
    }
}
