import Foundation
import Testing
import GRDB
import Logistics
import ShopDomain
import ShopActions
@testable import ShiftDesk
@testable import Storage
import TerminalUI
import Warehouse

@Suite("shift desk: stock and orders")
struct StockAndOrdersTests {
    /// A product whose name mixes CJK and ASCII, added through an op as any manager would.
    static func addMixedProduct(_ database: ShopDatabase) throws {
        let gm = try database.read(CoreQueries.shop).owner
        try database.apply(OpDraft(actor: gm, ProductAdded(product: Product(
            sku: SKU(rawValue: "AF1299-WHT-M"), name: "Basic T恤 白色款", colour: "白色", size: "M", category: "上衣",
            barcode: "6900000099001", price: Money(yuan: 79)))))
    }

    @Test("golden screens: stock (a search for T恤, with a name mixing CJK and ASCII) and orders, zh and en, 80×24 and 160×48",
          arguments: [(Language.zh, 80, 24), (Language.en, 80, 24), (Language.zh, 160, 48), (Language.en, 160, 48)])
    func goldens(_ language: Language, _ width: Int, _ height: Int) throws {
        let suffix = Screens.suffix(language, width, height)
        let database = try DeskHarness.shop()
        try Self.addMixedProduct(database)
        let (desk, _) = try Screens.desk(language, width: width, height: height, database: database)
        DeskHarness.press(desk, [Screens.key("Stock"), .character("/")] + Key.typing("T恤") + [.escape])
        let stock = Golden.check("stock-\(suffix)", desk.render())
        #expect(stock.matches, "\(stock.actual)")
        #expect(desk.render().text.contains("Basic T恤 白色款"))

        DeskHarness.press(desk, [Screens.key("Orders")])
        let orders = Golden.check("orders-\(suffix)", desk.render())
        #expect(orders.matches, "\(orders.actual)")
    }

    @Test("golden screens: one SKU and one order, zh and en, 80×24", arguments: [Language.zh, .en])
    func detailGoldens(_ language: Language) throws {
        let suffix = Screens.suffix(language, 80, 24)
        let database = try DeskHarness.shop()
        let (desk, _) = try Screens.desk(language, database: database)
        DeskHarness.press(desk, [Screens.key("Stock"), .character("/")] + Key.typing("AF1201-BLU-M") + [.enter])
        let sku = Golden.check("stock-detail-\(suffix)", desk.render())
        #expect(sku.matches, "\(sku.actual)")

        // The order with a note, an added item and its notice (CS-8).
        let noted = try #require(try database.read { db in
            try String.fetchOne(db, sql: "SELECT orderID FROM order_notice ORDER BY id LIMIT 1")
        })
        let all = try database.read { db in try OrderQueries.list(db, limit: OrdersScreen.limit) }
        let index = try #require(all.firstIndex { $0.order == noted })
        DeskHarness.press(desk, [Screens.key("Orders"), .left] + Array(repeating: .down, count: index) + [.enter])
        let order = Golden.check("order-detail-\(suffix)", desk.render())
        #expect(order.matches, "\(order.actual)")
    }

    @Test("the stock search finds a product by its barcode, and Enter opens its balances per location")
    func searchByBarcode() throws {
        let database = try DeskHarness.shop()
        let (sku, barcode) = try database.read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT sku, barcode FROM product WHERE sku = 'KZ3207-KHA-L'"))
            return (row["sku"] as String, row["barcode"] as String)
        }
        let (desk, _) = try Screens.desk(.en, database: database)
        DeskHarness.press(desk, [Screens.key("Stock"), .character("/")] + Key.typing(barcode))
        let screen = desk.render().text
        #expect(screen.contains("1 products"))
        #expect(screen.contains(sku))
        // Digits went into the field, not to the navigation bar.
        #expect(screen.contains("Search: \(barcode)"))
        desk.step(.enter)
        let detail = desk.render().text
        #expect(detail.contains("Stock · \(sku)"))
        let balances = try database.read { db in try WarehouseQueries.stockDetail(db, sku: SKU(rawValue: sku), on: desk.ctx.today).balances }
        for balance in balances { #expect(detail.contains(balance.location)) }
        // A name finds it too, and a part of a SKU code; Esc clears the search.
        DeskHarness.press(desk, [.escape, .character("/")] + Array(repeating: Key.backspace, count: barcode.count) + Key.typing("阔腿"))
        #expect(desk.render().text.contains("KZ3207-BLK-S"))
        DeskHarness.press(desk, [.escape, .escape])
        #expect(desk.render().text.contains("AF1023-BLK-L"))
    }

    @Test("take an order and add a note: the module records both; a second taker gets the module's refusal")
    func takeAndNote() throws {
        let database = try DeskHarness.shop()
        let paid = try database.read { db in try OrderQueries.list(db, status: .paid, limit: OrdersScreen.limit) }
        let index = try #require(paid.firstIndex { $0.takenBy == nil })
        let order = OrderID(rawValue: paid[index].order)

        let (desk, _) = try Screens.desk(.zh, as: "周小雨", database: database)
        DeskHarness.press(desk, [Screens.key("Orders")] + Array(repeating: .down, count: index) + [.enter])
        #expect(desk.render().text.contains("订单 · \(order.rawValue)"))
        #expect(desk.render().text.contains("已读取：未读取"))
        desk.step(.character("t"))
        #expect(desk.render().text.contains("已读取：周小雨"))
        // An empty note is refused with the module's own message.
        DeskHarness.press(desk, [.character("n"), .enter])
        #expect(desk.render().text.contains(LogisticsError.emptyNote.message(in: .zh)))
        DeskHarness.press(desk, Key.typing("顾客要求周五前发货，5号也可以") + [.enter])
        #expect(desk.render().text.contains("已备注订单 \(order.rawValue)"))
        #expect(desk.render().text.contains("顾客要求周五前发货，5号也可以"))

        let detail = try database.read { db in try OrderQueries.detail(db, order) }
        #expect(detail.summary.takenBy == "周小雨")
        #expect(detail.notes.last?.text == "顾客要求周五前发货，5号也可以")
        #expect(detail.notes.last?.author == "周小雨")

        // Someone else cannot take it any more: the rule is the module's, and so is the message.
        let (other, _) = try Screens.desk(.en, as: "刘芬", database: database)
        DeskHarness.press(other, [Screens.key("Orders")] + Array(repeating: .down, count: index) + [.enter, .character("t")])
        let takenBy = try database.read { db in try String.fetchOne(db, sql: "SELECT takenBy FROM order_header WHERE id = ?", arguments: [order.rawValue]) }!
        // (The status row holds what fits of it: the module names the taker by staff ID.)
        let refusal = LogisticsError.alreadyTaken(order.rawValue, by: takenBy).message(in: .en)
        #expect(other.render().line(24 - 3).contains(String(refusal.prefix(60))))
        #expect(try database.read { db in try OrderQueries.detail(db, order) }.summary.takenBy == "周小雨")
    }

    @Test("the state filter cycles paid, awaiting payment, shipped, closed and all")
    func filter() throws {
        let database = try DeskHarness.shop()
        let (desk, _) = try Screens.desk(.en, width: 160, height: 48, database: database)
        desk.step(Screens.key("Orders"))
        for status in [OrderStatus.awaitingPayment, .shipped, .closed] {
            desk.step(.right)
            let expected = try database.read { db in try OrderQueries.list(db, status: status, limit: OrdersScreen.limit) }
            let screen = desk.render().text
            #expect(screen.contains("\(expected.count) order(s)"))
            if let first = expected.first { #expect(screen.contains(first.order)) }
        }
        desk.step(.right)
        let all = try database.read { db in try OrderQueries.list(db, limit: OrdersScreen.limit) }
        #expect(desk.render().text.contains("\(all.count) order(s)"))
        desk.step(.right)  // back to paid
        let paid = try database.read { db in try OrderQueries.list(db, status: .paid, limit: OrdersScreen.limit) }
        #expect(desk.render().text.contains("\(paid.count) order(s)"))
    }
}
