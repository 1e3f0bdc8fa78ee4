import Foundation
import DemoShop
import ShiftDesk
import ShopDomain
import ShopActions
import Storage
import ScriptedTerminal
import TerminalUI
import Warehouse

/// The shift desk's keystroke-to-redraw time on a big shop: the demo shop plus ORDERS orders, every
/// one an `order.imported` op through the journal (setup, not timed). Each timed keystroke is what
/// the real loop does before handing the grid to the terminal: `Desk.step(key)` then `Desk.render()`.
enum TUIBench {
    static func run(directory: String, orders: Int, keys: Int, sizes: [(width: Int, height: Int)], clock: ShopClock) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/tui.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let setupStart = ContinuousClock.now
        let database = try DemoShop.create(at: path, seed: 7, modules: ShopFeatures.all, clock: clock)
        try addOrders(database, count: orders, clock: clock)
        let gm = try database.read(CoreQueries.shop).owner
        let hand = try database.read { db in try CoreQueries.findStaff(db, "二哥") }
        try database.apply(OpDraft(actor: gm, StaffPINSet(staff: hand.id, salt: "bench", hash: PIN.hash("1234", salt: "bench", rounds: 10_000), rounds: 10_000)))
        let total = try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM order_v") ?? 0 }
        print("tui-setup orders=\(total) setup=\(seconds(ContinuousClock.now - setupStart))s")

        for size in sizes { try measure(database, keys: keys, width: size.width, height: size.height) }
    }

    /// Logs in on a terminal of the given size, then times the two workloads.
    static func measure(_ database: ShopDatabase, keys: Int, width: Int, height: Int) throws {
        let driver = ScriptedDriver(width: width, height: height)
        let desk = Desk(driver: driver, context: try DeskContext(database: database, language: .zh))
        let people = try database.read { db in try CoreQueries.staffList(db, includeInactive: false) }
        let index = people.firstIndex { $0.staff.name == "二哥" }!
        for key in Array(repeating: Key.down, count: index) + [.enter] + Key.typing("1234") + [.enter] { desk.step(key) }
        guard desk.ctx.me != nil else { throw BenchError.loginFailed }
        let titles = MainScreens.all.map(\.en)

        // Orders: the "all" filter (the newest 500 of them), the selection moving down and back up.
        desk.step(.function(titles.firstIndex(of: "Orders")! + 1))
        desk.step(.left)
        var orderKeys: [Key] = []
        while orderKeys.count < keys {
            orderKeys += Array(repeating: .down, count: 120) + Array(repeating: .up, count: 120)
        }
        report("orders-move", "\(width)x\(height)", try time(desk, Array(orderKeys.prefix(keys))))

        // Stock: typing into the search field (each key re-queries), then erasing, over and over.
        desk.step(.function(titles.firstIndex(of: "Stock")! + 1))
        desk.step(.character("/"))
        let words = ["AF1201-BLU", "6900000", "羊绒围巾", "KZ3207-KHA-L", "针织"]
        var stockKeys: [Key] = []
        var word = 0
        while stockKeys.count < keys {
            let typed = Key.typing(words[word % words.count])
            stockKeys += typed + Array(repeating: .backspace, count: typed.count)
            word += 1
        }
        report("stock-search", "\(width)x\(height)", try time(desk, Array(stockKeys.prefix(keys))))
    }

    /// `count` orders over the 90 days before the clock's today, in the mix a busy shop has:
    /// mostly completed, some shipped, paid, waiting for payment and closed.
    static func addOrders(_ database: ShopDatabase, count: Int, clock: ShopClock) throws {
        let skus = try database.read { db in try WarehouseQueries.stockList(db, on: CivilDate(year: 2000, month: 1, day: 1)!) }
            .filter { $0.kind == "goods" }
        let agent = try database.read { db in try CoreQueries.findStaff(db, "周小雨").id }
        var random = SeededGenerator(seed: 99)
        let now = clock.now().millis
        let consignees = ["王芳", "李娜", "张伟", "刘洋", "陈静", "杨磊", "赵敏", "黄婷", "周杰", "吴倩", "Lily 陈", "Tom 张"]
        var done = 0
        while done < count {
            let batch = min(1000, count - done)
            try database.apply((0..<batch).map { offset in
                let n = done + offset
                let roll = Int.random(in: 0..<100, using: &random)
                let status: OrderStatus = roll < 60 ? .completed : roll < 78 ? .shipped : roll < 90 ? .paid : roll < 95 ? .awaitingPayment : .closed
                let created = now - Int64(Int.random(in: 3_600_000...90 * 86_400_000, using: &random))
                let lines = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                    let product = skus.randomElement(using: &random)!
                    return OrderLine(title: product.name, attributes: "颜色分类：\(product.colour);尺码：\(product.size)", colour: product.colour,
                                     size: product.size, quantity: Int.random(in: 1...2, using: &random), price: Money(yuan: 99),
                                     merchantCode: product.sku, sku: SKU(rawValue: product.sku))
                }
                let goods = Money(fen: lines.reduce(0) { $0 + $1.price.fen * Int64($1.quantity) })
                let paid = status != .awaitingPayment
                return OpDraft(actor: agent, OrderImported(order: OrderSnapshot(
                    order: OrderID(rawValue: "3\(String(format: "%018d", 500_000_000 + n))"), buyer: "tb_bench\(n)", status: status,
                    closeReason: status == .closed ? "买家未付款" : nil, refunded: false, goodsTotal: goods, postage: .zero, total: goods,
                    paid: paid ? goods : .zero, buyerMessage: n % 7 == 0 ? "请尽快发货" : nil, consignee: consignees[n % consignees.count],
                    phone: "138\(String(format: "%08d", n))", address: "浙江省杭州市西湖区文三路 \(n % 500) 号", postcode: "310000",
                    createdAt: created, paidAt: paid ? created + 60_000 : nil, sellerRemark: nil, lines: lines)))
            })
            done += batch
        }
    }

    /// Times each keystroke (step + render) and returns the durations in milliseconds.
    static func time(_ desk: Desk, _ keys: [Key]) throws -> [Double] {
        var grid: CellGrid?
        var durations: [Double] = []
        durations.reserveCapacity(keys.count)
        for key in keys {
            let start = ContinuousClock.now
            desk.step(key)
            grid = desk.render()
            durations.append(milliseconds(ContinuousClock.now - start))
        }
        guard let grid, grid.width > 0 else { throw BenchError.noRedraw }
        return durations
    }

    static func report(_ name: String, _ size: String, _ durations: [Double]) {
        let sorted = durations.sorted()
        func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int((Double(sorted.count) * q).rounded(.up)) - 1)] }
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        print("tui \(name) size=\(size) keys=\(sorted.count) median=\(String(format: "%.2f", median))ms p99=\(String(format: "%.2f", at(0.99)))ms max=\(String(format: "%.2f", sorted.last ?? 0))ms")
    }

    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    static func seconds(_ d: Duration) -> String { String(format: "%.1f", milliseconds(d) / 1000) }

    enum BenchError: Error { case loginFailed, noRedraw }
}
