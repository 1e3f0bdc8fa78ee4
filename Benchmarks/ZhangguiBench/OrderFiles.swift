import Foundation
import Interchange
import ShopDomain
import Storage

/// The order-import benchmark's inputs: a shop holding a catalogue (`DIR/shop.sqlite`), and the
/// seller centre's two exports for it, written as UTF-8 with CRLF rows (`DIR/orders.utf8.csv`,
/// `DIR/details.utf8.csv`); Scripts/bench turns them into GB18030 with iconv, as the seller
/// centre sends them. Columns and cell forms as in Tests/InterchangeTests/Fixtures: every cell
/// quoted, `="…"` order numbers (19 digits), `'` before phones, `(postcode)` after addresses,
/// a few buyer messages over two lines, mostly 买家已付款，等待卖家发货.
enum OrderFiles {
    /// The 41 columns of the 2016 export (ExportOrderList_SYNTHETIC_gbk.csv), trailing spaces kept.
    static let orderHeader = [
        "订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "买家支付积分", "总金额", "返点积分", "买家实际支付金额",
        "买家实际支付积分", "订单状态", "买家留言", "收货人姓名", "收货地址 ", "运送方式", "联系电话 ", "联系手机", "订单创建时间",
        "订单付款时间 ", "宝贝标题 ", "宝贝种类 ", "物流单号 ", "物流公司", "订单备注", "宝贝总数量", "店铺Id", "店铺名称",
        "订单关闭原因", "卖家服务费", "买家服务费", "发票抬头", "是否手机订单", "分阶段订单信息", "特权订金订单id", "定金排名",
        "修改后的sku", "修改后的收货地址", "异常信息", "天猫卡券抵扣", "集分宝抵扣", "是否是O2O交易",
    ]
    /// The 10 columns of the detail export (ExportOrderDetailList_SYNTHETIC_gbk.csv).
    static let detailHeader = ["订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注", "订单状态", "商家编码"]

    static let messages = ["请发中通，谢谢", "尽快发货", "不要放快递柜，放门卫", "送人的，不要放发票", "颜色要和图片一样哦", "麻烦包装好一点"]
    static let twoLineMessages = ["请周末送货,\n不要放快递柜", "衣服是送人的\n请不要放价格标签", "地址写错了，\n收件人改为隔壁王姐"]

    struct Counts { var orders = 0, lines = 0, paid = 0, matchedLines = 0, multiLine = 0 }

    /// How an export varies between shops (issue 20): the share of orders paid and waiting, and the
    /// units of each SKU on hand before the import (none: every paid order's reservation takes the
    /// SKU below its low-stock line at once). The catalogue's size and the lines per order are the
    /// PRODUCTS and LINES arguments.
    struct Shape {
        var paidPercent = 90
        var stockOnHand = 0
    }

    static func run(directory: String, orders: Int, lines: Int, products: Int, shape: Shape = Shape(), clock: ShopClock) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let items = Catalogue.items(products)
        do {
            let shop = try ShopDatabase.create(at: directory + "/shop.sqlite", shop: "基准小店", owner: Catalogue.owner,
                                               modules: Catalogue.modules, clock: clock, ids: .seeded(1))
            let gm = try shop.read(CoreQueries.shop).owner
            try shop.apply(Catalogue.drafts(items, actor: gm))
            if shape.stockOnHand > 0 {
                let shelf = LocationCode(rawValue: "A-01-1")
                try shop.apply([OpDraft(actor: gm, LocationAdded(code: shelf, kind: .sellable))] + items.map {
                    OpDraft(actor: gm, StockAdjusted(sku: $0.product.sku, location: shelf, delta: shape.stockOnHand, reason: "期初库存"))
                })
            }
        }
        let counts = try write(directory: directory, orders: orders, lines: lines, items: items, paidPercent: shape.paidPercent)
        print("orders-setup products=\(items.count) stock=\(shape.stockOnHand) orders=\(counts.orders) lines=\(counts.lines) paid=\(counts.paid)",
              "matched-lines=\(counts.matchedLines) two-line-messages=\(counts.multiLine)")
    }

    /// An order's status for a roll of 0..<100: `paid` of them paid and waiting; the rest shipped,
    /// completed, awaiting payment and closed, 4 : 3 : 2 : 1.
    static func status(roll: Int, paid: Int) -> String {
        if roll < paid { return "买家已付款，等待卖家发货" }
        let rest = (roll - paid) * 10 / max(1, 100 - paid)
        return rest < 4 ? "卖家已发货，等待买家确认" : rest < 7 ? "交易成功" : rest < 9 ? "等待买家付款" : "交易关闭"
    }

    static func write(directory: String, orders: Int, lines: Int, items: [Catalogue.Item], paidPercent: Int = 90) throws -> Counts {
        let orderFile = try Output(directory + "/orders.utf8.csv")
        let detailFile = try Output(directory + "/details.utf8.csv")
        orderFile.row(orderHeader.map(quoted))
        detailFile.row(detailHeader.map(quoted))
        var random = SeededGenerator(seed: 7)
        var counts = Counts()
        let extra = max(0, lines - orders)
        let start = day0  // 2026-11-20 00:00 +08:00
        for n in 0..<orders {
            let number = String(2_345_000_000_000_000_000 + Int64(n) * 7_919)
            let lineCount = 1 + ((n + 1) * extra / orders - n * extra / orders)
            let roll = Int.random(in: 0..<100, using: &random)
            let status = status(roll: roll, paid: paidPercent)
            let paid = status != "等待买家付款" && status != "交易关闭"
            if status == "买家已付款，等待卖家发货" { counts.paid += 1 }
            var goods = Money.zero, quantity = 0, titles: [String] = []
            for _ in 0..<lineCount {
                // 2% of lines carry a code the shop does not know (an old listing): they import unmatched.
                let unknown = Int.random(in: 0..<50, using: &random) == 0
                let item = items[Int.random(in: 0..<items.count, using: &random)]
                let count = Int.random(in: 0..<10, using: &random) == 0 ? 2 : 1
                goods = goods + item.price * Int64(count)
                quantity += count
                titles.append(item.title)
                if !unknown { counts.matchedLines += 1 }
                detailFile.row([
                    "=\"\(number)\"", quoted(item.title), quoted(Catalogue.yuan(item.price)), quoted(String(count)), quoted(""),
                    quoted("颜色分类：\(item.colour);尺码：\(item.size)"), quoted(""), quoted(""), quoted(status),
                    quoted(unknown ? "OLD-\(item.sku)" : item.sku),
                ])
                counts.lines += 1
            }
            let postage = Int.random(in: 0..<10, using: &random) == 0 ? Money(yuan: 10) : .zero
            let total = goods + postage
            let created = start + n * 6 + Int.random(in: 0..<5, using: &random)
            let messageRoll = Int.random(in: 0..<1000, using: &random)
            var message = ""
            if messageRoll < 5 {
                message = twoLineMessages[messageRoll % twoLineMessages.count]
                counts.multiLine += 1
            } else if messageRoll < 150 {
                message = messages[messageRoll % messages.count]
            }
            let (address, postcode) = Catalogue.address(n)
            let shipped = status == "卖家已发货，等待买家确认" || status == "交易成功"
            orderFile.row([
                "=\"\(number)\"", quoted("tb_买家\(String(format: "%06d", n))"), quoted("\(Catalogue.mobile(n).prefix(3))****\(String(format: "%04d", n % 10_000))"),
                quoted(Catalogue.yuan(goods)), quoted(Catalogue.yuan(postage)), quoted("0"), quoted(Catalogue.yuan(total)), quoted("0"),
                quoted(paid ? Catalogue.yuan(total) : "0.00"), quoted("0"), quoted(status), quoted(message), quoted(Catalogue.name(n)),
                quoted("\(address)(\(postcode))"), quoted("快递"), quoted(n % 40 == 0 ? "'0571-8800\(String(format: "%04d", n % 10_000))" : ""),
                quoted("'" + Catalogue.mobile(n)), quoted(time(created)), quoted(paid || status == "交易关闭" ? time(created + 30) : ""),
                quoted(titles.joined(separator: "，")), quoted(String(lineCount)),
                quoted(shipped ? String(73_100_000_000_001 + n) : ""), quoted(shipped ? "中通快递" : ""),
                quoted(n % 20 == 0 ? "已核对地址，送\"小样\"" : ""), quoted(String(quantity)), quoted("0"), quoted("基准小店"),
                quoted(status == "交易关闭" ? "买家不想买了" : "订单未关闭"), quoted("0"), quoted("0元"), quoted(""), quoted("手机订单"),
                quoted(""), quoted(""), quoted(""), quoted(""), quoted(""), quoted(""), quoted(""), quoted(""), quoted(""),
            ])
            counts.orders += 1
        }
        try orderFile.close()
        try detailFile.close()
        return counts
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// 2026-11-20 00:00 +08:00 as seconds since 1970: orders are made over the week after it.
    static let day0 = 1_795_104_000

    /// `2026-11-20 08:00:05` in the shop's zone (+08:00); November 2026 only.
    static func time(_ seconds: Int) -> String {
        let offset = seconds - day0
        precondition(offset >= 0 && offset < 11 * 86_400, "bench times stay in November 2026")
        let rest = offset % 86_400
        return String(format: "2026-11-%02d %02d:%02d:%02d", 20 + offset / 86_400, rest / 3600, rest % 3600 / 60, rest % 60)
    }

    /// A buffered file writer: rows joined with commas, ended with CRLF.
    final class Output {
        let handle: FileHandle
        var buffer = ""

        init(_ path: String) throws {
            FileManager.default.createFile(atPath: path, contents: nil)
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        }

        func row(_ cells: [String]) {
            buffer += cells.joined(separator: ",")
            buffer += "\r\n"
            if buffer.utf8.count > 1 << 20 { flush() }
        }

        func flush() {
            handle.write(Data(buffer.utf8))
            buffer = ""
        }

        func close() throws {
            flush()
            try handle.close()
        }
    }
}

/// `orders-read ORDERS DETAILS`: only the reading half of `order import` (CSV split, GB18030
/// decode, cell parsing into TaobaoOrder and TaobaoOrderLine, the detail lines grouped by order),
/// timed per file, so the rest of the import's time is the database's.
enum OrderRead {
    static func run(orders: String, details: String) throws {
        let start = ContinuousClock.now
        var lines: [String: [TaobaoOrderLine]] = [:], lineCount = 0
        var lineReader = try TaobaoOrderLineReader(path: details)
        while let row = try lineReader.next() {
            if case .success(let line) = row { lines[line.orderNumber, default: []].append(line); lineCount += 1 }
        }
        let detailsDone = ContinuousClock.now
        var orderCount = 0
        var orderReader = try TaobaoOrderReader(path: orders, zone: try ShopZone(ShopZone.defaultIdentifier))
        while let row = try orderReader.next() {
            if case .success = row { orderCount += 1 }
        }
        let end = ContinuousClock.now
        print(String(format: "orders-read lines=%d details=%.3fs orders=%d orders-file=%.3fs", lineCount, (detailsDone - start).seconds,
                     orderCount, (end - detailsDone).seconds))
    }
}
