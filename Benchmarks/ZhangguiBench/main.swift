// zhanggui-bench: the workloads Scripts/bench times against the sqlite3 tool.
//
//   zhanggui-bench journal-append DB N   create a shop at DB and append N ops through the journal
//   zhanggui-bench export-sql DB OUT     write the rows DB holds as plain multi-row INSERTs (for sqlite3)
//   zhanggui-bench schema DB             create an empty database with the same schema
//   zhanggui-bench stock-setup DB SKUS N create a shop with SKUS products and N stock movements
//   zhanggui-bench sync-merge DIR N [POSTGRES_URL]
//                                        merge an N-op notebook into a hub, then replay it (no-op); with a URL, the hub
//                                        keeps its journal in a new PostgreSQL database beside that one (docs/decisions/0011)
//   zhanggui-bench orders-setup DIR ORDERS LINES PRODUCTS [PAID% [STOCK]]
//                                        a shop with a catalogue (STOCK units of each SKU on hand, default none), and the
//                                        seller centre's order and detail exports (UTF-8; PAID% of orders paid, default 90)
//   zhanggui-bench orders-read ORDERS DETAILS
//                                        only read and parse the two exports (the import's reading half), timed
//   zhanggui-bench labels-setup DB ORDERS PRODUCTS
//                                        a shop with ORDERS paid orders, a sender and ZTO numbers
//   zhanggui-bench big-hub-setup DIR HUB_OPS NOTEBOOK_OPS
//                                        a hub with HUB_OPS ops and a registered notebook with NOTEBOOK_OPS more
//   zhanggui-bench big-hub-merge HUB LAPTOP TOKEN
//                                        merge the notebook's ops into the hub (1,000-op batches), timed
//   zhanggui-bench push-setup DIR DEVICES OPS
//                                        a hub with DEVICES registered devices, and a notebook of OPS ops for each
//   zhanggui-bench push-run URL DIR DEVICES BATCH [socket|urlsession]
//                                        every device pushes its ops to zhangguid at URL at once, BATCH ops a push
//   zhanggui-bench tui DIR ORDERS KEYS [WxH …]  the shift desk's keystroke-to-redraw time with ORDERS orders
import Foundation
import ShopDomain
import Storage

let arguments = CommandLine.arguments
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}
guard arguments.count >= 3 else { fail("usage: zhanggui-bench journal-append DB N | export-sql DB OUT | schema DB") }

let clock = ShopClock.fixed(ShopClock.parseInstant("2026-11-30T08:00:00+08:00")!)
do {
    switch arguments[1] {
    case "journal-append":
        guard arguments.count == 4, let count = Int(arguments[3]) else { fail("journal-append DB N") }
        let database = try ShopDatabase.create(at: arguments[2], shop: "基准", owner: "黄乔", clock: clock, ids: .seeded(1))
        let gm = try database.read(CoreQueries.shop).owner
        let ids = IDSource.seeded(2)
        let start = ContinuousClock.now
        let drafts = (0..<count).map { n in
            OpDraft(actor: gm, StaffAdded(staff: ids.next(), name: "员工\(n)", roles: [.warehouse]))
        }
        try database.apply(drafts)
        let elapsed = ContinuousClock.now - start
        print("journal-append ops=\(count) in-process=\(elapsed)")
    case "export-sql":
        guard arguments.count == 4 else { fail("export-sql DB OUT") }
        let database = try ShopDatabase.open(at: arguments[2], clock: clock)
        try BenchSQL.export(database, to: arguments[3], skippingFirst: 1)
    case "stock-setup":
        guard arguments.count == 5, let skus = Int(arguments[3]), let movements = Int(arguments[4]) else { fail("stock-setup DB SKUS N") }
        try StockSetup.run(path: arguments[2], skus: skus, movements: movements, clock: clock)
    case "sync-merge":
        guard (4...5).contains(arguments.count), let count = Int(arguments[3]) else { fail("sync-merge DIR N [POSTGRES_URL]") }
        try SyncBench.run(directory: arguments[2], ops: count, clock: clock, postgres: arguments.count == 5 ? arguments[4] : nil)
    case "orders-setup":
        guard (6...8).contains(arguments.count), let orders = Int(arguments[3]), let lines = Int(arguments[4]), let products = Int(arguments[5]),
              let paid = arguments.count > 6 ? Int(arguments[6]) : 90, (0...100).contains(paid),
              let stock = arguments.count > 7 ? Int(arguments[7]) : 0, stock >= 0 else {
            fail("orders-setup DIR ORDERS LINES PRODUCTS [PAID% [STOCK]]")
        }
        try OrderFiles.run(directory: arguments[2], orders: orders, lines: lines, products: products,
                           shape: .init(paidPercent: paid, stockOnHand: stock), clock: clock)
    case "orders-read":
        guard arguments.count == 4 else { fail("orders-read ORDERS DETAILS") }
        try OrderRead.run(orders: arguments[2], details: arguments[3])
    case "labels-setup":
        guard arguments.count == 5, let orders = Int(arguments[3]), let products = Int(arguments[4]) else { fail("labels-setup DB ORDERS PRODUCTS") }
        try LabelsSetup.run(path: arguments[2], orders: orders, products: products, clock: clock)
    case "big-hub-setup":
        guard arguments.count == 5, let hubOps = Int(arguments[3]), let notebookOps = Int(arguments[4]) else { fail("big-hub-setup DIR HUB_OPS NOTEBOOK_OPS") }
        try BigHubBench.setup(directory: arguments[2], hubOps: hubOps, notebookOps: notebookOps, clock: clock)
    case "big-hub-merge":
        guard arguments.count == 5 else { fail("big-hub-merge HUB LAPTOP TOKEN") }
        let token = try String(contentsOfFile: arguments[4], encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        try BigHubBench.merge(hub: arguments[2], laptop: arguments[3], token: token, clock: clock)
    case "push-setup":
        guard arguments.count == 5, let devices = Int(arguments[3]), let ops = Int(arguments[4]) else { fail("push-setup DIR DEVICES OPS") }
        try PushBench.setup(directory: arguments[2], devices: devices, ops: ops, clock: clock)
    case "push-run":
        guard (6...7).contains(arguments.count), let devices = Int(arguments[4]), let batch = Int(arguments[5]),
              arguments.count == 6 || ["socket", "urlsession"].contains(arguments[6]) else { fail("push-run URL DIR DEVICES BATCH [socket|urlsession]") }
        try await PushBench.run(url: arguments[2], directory: arguments[3], devices: devices, batch: batch,
                                client: arguments.count == 7 ? arguments[6] : "socket", clock: .system)
    case "tui":
        guard arguments.count >= 5, let orders = Int(arguments[3]), let keys = Int(arguments[4]) else { fail("tui DIR ORDERS KEYS [WxH …]") }
        let sizes = (arguments.count > 5 ? Array(arguments[5...]) : ["80x24", "160x48"]).map { $0.split(separator: "x").compactMap { Int($0) } }
        guard sizes.allSatisfy({ $0.count == 2 }) else { fail("tui DIR ORDERS KEYS [WxH …]: sizes as 80x24") }
        try TUIBench.run(directory: arguments[2], orders: orders, keys: keys, sizes: sizes.map { ($0[0], $0[1]) }, clock: clock)
    case "schema":
        _ = try ShopDatabase.create(at: arguments[2], shop: "基准", owner: "黄乔", clock: clock, ids: .seeded(1))
    default:
        fail("unknown workload \(arguments[1])")
    }
} catch {
    fail("error: \(error)")
}
