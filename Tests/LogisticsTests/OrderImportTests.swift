import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Interchange
@testable import Logistics
@testable import Storage

/// `OrderImport` reading on its own thread and applying chunk by chunk (decision 0007): small
/// chunks so that every file below crosses several.
@Suite("Order import: reading beside applying")
struct OrderImportTests {
    static let orderHeader = "\"订单编号\",\"订单状态\",\"收货人姓名\",\"收货地址 \",\"订单创建时间\",\"订单付款时间 \",\"总金额\",\"买家实际支付金额\"\n"
    static let detailHeader = "\"订单编号\",\"标题\",\"价格\",\"购买数量\",\"商品属性\",\"商家编码\"\n"

    static func number(_ n: Int) -> String { String(2_345_000_000_000_000_000 + n) }

    static func orderRow(_ n: Int, status: String = "买家已付款，等待卖家发货") -> String {
        "=\"\(number(n))\",\"\(status)\",\"张三\",\"上海 上海市 闵行区 莘庄镇某路\(n)号(201199)\",\"2026-11-29 10:\(String(format: "%02d", n % 60)):00\",\"2026-11-29 10:30:00\",\"89.00\",\"89.00\"\n"
    }

    static func detailRow(_ n: Int, sku: String = "T1-WH-M", quantity: Int = 1, title: String = "雪纺衫") -> String {
        "=\"\(number(n))\",\"\(title)\",\"89.00\",\"\(quantity)\",\"颜色分类：白色;尺码：M\",\"\(sku)\"\n"
    }

    func write(_ shop: LogisticsShop, _ name: String, _ text: String) throws -> String {
        let path = shop.directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func importer(_ shop: LogisticsShop, chunk: Int = 3) -> OrderImport {
        var importer = OrderImport(database: shop.database, actor: shop.agent, zone: try! ShopZone("Asia/Shanghai"))
        importer.chunkSize = chunk
        return importer
    }

    func reserved(_ shop: LogisticsShop) throws -> [String: Int] {
        try shop.database.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT sku, quantity FROM stock_reserved")
                .map { ($0[0] as String, $0[1] as Int) })
        }
    }

    func summed(_ shop: LogisticsShop) throws -> [String: Int] {
        try shop.database.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT sku, SUM(quantity) FROM stock_reservation GROUP BY sku")
                .map { ($0[0] as String, $0[1] as Int) })
        }
    }

    @Test("eleven orders over four chunks: refused rows in file order, a repeated order once, lines matched and reserved")
    func acrossChunks() throws {
        let shop = try LogisticsShop()
        var orders = Self.orderHeader, details = Self.detailHeader
        for n in 1...11 {
            orders += n == 5 ? "=\"1.93E+18\",\"买家已付款，等待卖家发货\",\"张三\",\"某地\",\"2026-11-29 10:00:00\",\"\",\"1\",\"1\"\n" : Self.orderRow(n)
            details += Self.detailRow(n, sku: n == 7 ? "OLD-CODE" : n % 2 == 0 ? "690002" : "T1-WH-M", quantity: n == 3 ? 2 : 1,
                                      title: n == 7 ? "旧款衫" : "雪纺衫")
        }
        orders += Self.orderRow(2)  // the same order again, in a later chunk
        orders += "=\"\(Self.number(12))\",\"买家已付款，等待卖家发货\",\"张三\",\"某地\",\"昨天\",\"\",\"89\",\"89\"\n"
        let report = try importer(shop).run(orders: write(shop, "o.csv", orders), details: write(shop, "d.csv", details), language: .en)
        #expect(report.imported == 10)
        #expect(report.unchanged == 1)
        #expect(report.unmatchedLines == 1)
        #expect(report.refused.count == 2)
        #expect(report.refused.first?.hasPrefix("o.csv:6:") == true)
        #expect(report.refused.last?.hasPrefix("o.csv:14:") == true)
        #expect(report.encoding == "UTF-8")
        // Odd orders but 5 and 7: T1-WH-M (order 3 twice over); even ones by barcode 690002 = T1-WH-L.
        #expect(try reserved(shop) == ["T1-WH-M": 5, "T1-WH-L": 5])
        #expect(try reserved(shop) == summed(shop))

        // Again: nothing new; then one order closed by a refund, which releases its items.
        let again = try importer(shop).run(orders: write(shop, "o.csv", orders), details: nil, language: .en)
        #expect(again.imported == 0 && again.movedForward == 0 && again.unchanged == 11)
        let closed = Self.orderHeader + Self.orderRow(3, status: "付款以后用户退款成功，交易自动关闭")
        let moved = try importer(shop).run(orders: write(shop, "c.csv", closed), details: nil, language: .en)
        #expect(moved.movedForward == 1)
        #expect(try reserved(shop) == ["T1-WH-M": 3, "T1-WH-L": 5])
        #expect(try shop.database.read { db in try Bool.fetchOne(db, sql: "SELECT refunded FROM order_header WHERE id = ?",
                                                                 arguments: [Self.number(3)]) } == true)

        // Everything released: no row left (what a migrated file's backfill gives too).
        let released = Self.orderHeader + Self.orderRow(1, status: "交易关闭") + Self.orderRow(9, status: "交易关闭")
            + Self.orderRow(11, status: "交易关闭")
        _ = try importer(shop).run(orders: write(shop, "r.csv", released), details: nil, language: .en)
        #expect(try reserved(shop) == ["T1-WH-L": 5])
        // The per-SKU totals are a read table: a rebuild gives them again.
        let before = try summed(shop)
        try shop.database.rebuild()
        #expect(try reserved(shop) == before)
        #expect(try shop.database.verify().problems.isEmpty)
    }

    @Test("a quote never closed stops the import with file:line, after the chunks before it")
    func brokenFile() throws {
        let shop = try LogisticsShop()
        var orders = Self.orderHeader
        for n in 1...7 { orders += Self.orderRow(n) }
        orders += "=\"\(Self.number(8))\",\"买家已付款，等待卖家发货\",\"张三\n"
        let file = try write(shop, "o.csv", orders)
        #expect(throws: InterchangeError.unterminatedQuote(file: "o.csv", line: 9)) {
            try importer(shop).run(orders: file, details: nil, language: .en)
        }
        let count = try shop.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM order_header") }
        #expect(count == 6)  // two whole chunks of three; the seventh order waited with the broken row
    }

    @Test("a detail file without a required column refuses everything, naming it")
    func missingDetailColumn() throws {
        let shop = try LogisticsShop()
        let orders = try write(shop, "o.csv", Self.orderHeader + Self.orderRow(1))
        let details = try write(shop, "d.csv", "\"订单编号\",\"标题\",\"价格\"\n=\"\(Self.number(1))\",\"衫\",\"1\"\n")
        #expect(throws: InterchangeError.missingColumn(file: "d.csv", column: "购买数量")) {
            try importer(shop).run(orders: orders, details: details, language: .en)
        }
        #expect(try shop.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM order_header") } == 0)
    }

    @Test("an apply the rules refuse stops the reading thread too", .timeLimit(.minutes(1)))
    func refusedApply() throws {
        let shop = try LogisticsShop()
        var orders = Self.orderHeader
        for n in 1...20 { orders += Self.orderRow(n) }
        let file = try write(shop, "o.csv", orders)
        var importer = OrderImport(database: shop.database, actor: StaffID(rawValue: "nobody"), zone: try ShopZone("Asia/Shanghai"))
        importer.chunkSize = 2
        // Nobody of that name works here: the first chunk is refused and the import returns at once.
        #expect(throws: StorageError.self) { try importer.run(orders: file, details: nil, language: .en) }
        #expect(try shop.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM order_header") } == 0)
    }
}
