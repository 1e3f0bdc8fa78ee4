import ShopDomain
import Storage
import Warehouse

/// The demo's warehouse: ~200 variants across zones, receipts (one with a rejected line, one
/// still to inspect), a defective pile, a posted monthly count of accessories, live low-stock
/// alerts, and some training acknowledgements.
struct DemoWarehouse {
    let database: ShopDatabase
    let ids: IDSource
    var random: SeededGenerator
    let gm: StaffID
    let hand: StaffID
    let today: CivilDate

    static let zones: [(zone: String, category: String)] = [("A", "上衣"), ("B", "裙装"), ("C", "裤装"), ("D", "配饰")]

    static let styles: [(code: String, name: String, category: String, price: Int64, colours: [(String, String)], sizes: [String])] = [
        ("AF1023", "雪纺衬衫", "上衣", 89, [("WHT", "白色"), ("BLK", "黑色"), ("PNK", "粉色")], ["S", "M", "L", "XL"]),
        ("AF1105", "针织开衫", "上衣", 129, [("GRY", "灰色"), ("BEI", "米色")], ["S", "M", "L", "XL"]),
        ("AF1201", "纯棉T恤", "上衣", 59, [("WHT", "白色"), ("BLU", "蓝色"), ("YEL", "黄色")], ["S", "M", "L", "XL"]),
        ("AF1310", "羊毛毛衣", "上衣", 199, [("RED", "酒红"), ("NAV", "藏青")], ["M", "L", "XL"]),
        ("AF1422", "牛仔外套", "上衣", 239, [("BLU", "浅蓝"), ("DBL", "深蓝")], ["S", "M", "L", "XL"]),
        ("AF1530", "羽绒马甲", "上衣", 269, [("BLK", "黑色"), ("KHA", "卡其")], ["M", "L", "XL"]),
        ("QZ2201", "半身长裙", "裙装", 129, [("RED", "红色"), ("BLK", "黑色"), ("GRN", "墨绿")], ["S", "M", "L"]),
        ("QZ2305", "碎花连衣裙", "裙装", 169, [("BLU", "蓝底"), ("WHT", "白底")], ["S", "M", "L", "XL"]),
        ("QZ2410", "百褶短裙", "裙装", 99, [("GRY", "灰色"), ("NAV", "藏青"), ("BLK", "黑色")], ["S", "M", "L"]),
        ("QZ2518", "针织连衣裙", "裙装", 189, [("BEI", "米色"), ("BRN", "咖啡")], ["S", "M", "L", "XL"]),
        ("KZ3102", "直筒牛仔裤", "裤装", 149, [("BLU", "浅蓝"), ("DBL", "深蓝"), ("BLK", "黑色")], ["26", "27", "28", "29", "30"]),
        ("KZ3207", "阔腿休闲裤", "裤装", 119, [("BLK", "黑色"), ("KHA", "卡其")], ["S", "M", "L", "XL"]),
        ("KZ3311", "加绒打底裤", "裤装", 69, [("BLK", "黑色"), ("GRY", "灰色")], ["M", "L", "XL"]),
        ("KZ3415", "运动卫裤", "裤装", 89, [("GRY", "灰色"), ("NAV", "藏青")], ["S", "M", "L", "XL"]),
        ("PS4001", "羊绒围巾", "配饰", 159, [("RED", "红色"), ("GRY", "灰色"), ("BEI", "米色"), ("NAV", "藏青")], ["F"]),
        ("PS4102", "针织帽", "配饰", 49, [("BLK", "黑色"), ("WHT", "白色"), ("PNK", "粉色")], ["F"]),
        ("PS4203", "真皮腰带", "配饰", 99, [("BLK", "黑色"), ("BRN", "棕色")], ["S", "M", "L"]),
        ("PS4304", "帆布包", "配饰", 79, [("BEI", "米色"), ("BLK", "黑色"), ("GRN", "军绿")], ["F"]),
        ("AF1612", "真丝衬衫", "上衣", 329, [("WHT", "白色"), ("CHA", "香槟")], ["S", "M", "L"]),
        ("QZ2620", "牛仔背带裙", "裙装", 139, [("BLU", "浅蓝")], ["S", "M", "L", "XL"]),
        ("AF1720", "高领打底衫", "上衣", 69, [("BLK", "黑色"), ("WHT", "白色"), ("GRY", "灰色"), ("BRN", "焦糖")], ["S", "M", "L"]),
        ("AF1815", "格子衬衫", "上衣", 109, [("RED", "红格"), ("BLU", "蓝格"), ("GRN", "绿格")], ["S", "M", "L", "XL"]),
        ("QZ2712", "丝绒半身裙", "裙装", 149, [("BLK", "黑色"), ("RED", "酒红"), ("GRN", "墨绿")], ["S", "M", "L"]),
        ("KZ3520", "灯芯绒长裤", "裤装", 129, [("BRN", "咖啡"), ("BEI", "米色"), ("BLK", "黑色")], ["S", "M", "L", "XL"]),
        ("PS4405", "毛线手套", "配饰", 39, [("RED", "红色"), ("GRY", "灰色"), ("WHT", "白色"), ("PNK", "粉色")], ["F"]),
    ]

    static let supplies: [(sku: String, name: String)] = [
        ("SUP-WB-ZTO", "中通快递面单"), ("SUP-WB-YTO", "圆通快递面单"), ("SUP-BAG-L", "快递袋（大）"),
        ("SUP-BAG-M", "快递袋（中）"), ("SUP-TAPE", "封箱胶带"), ("SUP-BOX-3", "三号纸箱"),
    ]

    mutating func build() throws {
        var drafts: [OpDraft] = []
        func op<P: OpPayload>(_ payload: P, as actor: StaffID? = nil) { drafts.append(OpDraft(actor: actor ?? gm, payload)) }

        for (zone, category) in Self.zones {
            for shelf in 1...5 { for bin in 1...4 { op(LocationAdded(code: LocationCode(rawValue: "\(zone)-0\(shelf)-\(bin)"), kind: .sellable)) } }
            op(CategoryZoneSet(category: category, zone: zone))
        }
        for shelf in 1...2 { op(LocationAdded(code: LocationCode(rawValue: "S-0\(shelf)-1"), kind: .sellable)) }
        op(CategoryZoneSet(category: "耗材", zone: "S"))
        op(LocationAdded(code: LocationCode(rawValue: "X-01-1"), kind: .defective))
        op(LocationAdded(code: LocationCode(rawValue: "R-01-1"), kind: .returns))
        op(LocationAdded(code: LocationCode(rawValue: "Q-01-1"), kind: .quarantine))

        var variants: [(sku: SKU, category: String, location: LocationCode)] = []
        for (index, style) in Self.styles.enumerated() {
            let zone = Self.zones.first { $0.category == style.category }!.zone
            let shelf = index % 5 + 1
            for (colourCode, colour) in style.colours {
                for size in style.sizes {
                    let sku = SKU(rawValue: "\(style.code)-\(colourCode)-\(size)")
                    let barcode = "69\(String(format: "%011d", variants.count * 7919 + 100_003))"
                    op(ProductAdded(product: Product(sku: sku, style: style.code, name: style.name, colour: colour, size: size,
                                                     category: style.category, barcode: barcode, cost: Money(yuan: style.price * 2 / 5),
                                                     price: Money(yuan: style.price))))
                    variants.append((sku, style.category, LocationCode(rawValue: "\(zone)-0\(shelf)-\(variants.count % 4 + 1)")))
                }
            }
        }
        for supply in Self.supplies {
            op(ProductAdded(product: Product(sku: SKU(rawValue: supply.sku), style: "SUP", name: supply.name, colour: "", size: "",
                                             category: "耗材", price: .zero, kind: .supply)))
        }

        // Receipts: everything stocked by category, a few lines short so alerts are live.
        for (zone, category) in Self.zones {
            let lines = variants.filter { $0.category == category }
            let receipt = ShortID.make("R", day: today, ids: ids)
            // Mostly 14–30 a variant, a few only 3–8 (so alerts are live); line 2 has two rejected
            // units (WH-1) and line 5 came short by three (WH-2).
            let accepted = lines.map { _ in
                Int.random(in: 0..<12, using: &random) == 0 ? Int.random(in: 3...8, using: &random) : Int.random(in: 14...30, using: &random)
            }
            let expected = accepted.enumerated().map { n, units in units + (n == 2 ? 2 : 0) + (n == 5 ? 3 : 0) }
            op(ReceiptCreated(receipt: receipt, vendor: zone == "D" ? "义乌饰品厂" : "广州新塘工厂",
                              lines: zip(lines, expected).map { .init(sku: $0.sku, expected: $1, location: $0.location) }), as: hand)
            for (n, line) in lines.enumerated() {
                op(ReceiptInspected(receipt: receipt, sku: line.sku, accepted: accepted[n], rejected: n == 2 ? 2 : 0,
                                    reason: n == 2 ? "开线、污渍" : nil), as: hand)
            }
            op(ReceiptPosted(receipt: receipt), as: hand)
        }
        let supplyReceipt = ShortID.make("R", day: today, ids: ids)
        op(ReceiptCreated(receipt: supplyReceipt, vendor: "包材批发",
                          lines: Self.supplies.enumerated().map { .init(sku: SKU(rawValue: $1.sku), expected: $0 == 4 ? 12 : 200) }), as: hand)
        for (n, supply) in Self.supplies.enumerated() {
            op(ReceiptInspected(receipt: supplyReceipt, sku: SKU(rawValue: supply.sku), accepted: n == 4 ? 12 : 200, rejected: 0,
                                wrongName: n == 5 ? "二号纸箱" : nil), as: hand)
        }
        op(ReceiptPosted(receipt: supplyReceipt), as: hand)
        // One delivery still waiting to be inspected.
        op(ReceiptCreated(receipt: ShortID.make("R", day: today, ids: ids), vendor: "广州新塘工厂",
                          lines: variants.prefix(4).map { .init(sku: $0.sku, expected: 10) }), as: hand)

        // A defective pile (WH-5).
        for (variant, reason) in zip(variants.enumerated().filter { $0.offset % 37 == 5 }.map(\.element), ["开线", "污渍", "拉链坏", "色差", "破洞", "线头多"]) {
            op(StockMoved(sku: variant.sku, from: variant.location, to: LocationCode(rawValue: "X-01-1"), quantity: 1, reason: reason), as: hand)
        }
        try database.apply(drafts)
        drafts.removeAll()

        // A completed monthly count of the accessories: totals first, then the items of a category that was off.
        let count = ShortID.make("C", day: today, ids: ids)
        try database.apply(OpDraft(actor: hand, CountStarted(count: count, kind: .monthly, category: "配饰")))
        let sheet = try database.read { db in try WarehouseQueries.variance(db, count) }.filter { $0.sku != nil }
        let book = sheet.reduce(0) { $0 + $1.book }
        op(CountEntered(count: count, category: "配饰", quantity: book - 1), as: hand)
        for (n, line) in sheet.enumerated() {
            op(CountEntered(count: count, sku: SKU(rawValue: line.sku!), location: LocationCode(rawValue: line.location!),
                            quantity: line.book - (n == 3 ? 1 : 0)), as: hand)
        }
        let lead = try database.read { db in try CoreQueries.findStaff(db, "大哥").id }
        op(CountPosted(count: count), as: lead)

        // Training acknowledgements (DES-8): the CS agents learned the tops.
        for name in ["刘芬", "周小雨"] {
            let agent = try database.read { db in try CoreQueries.findStaff(db, name).id }
            for variant in variants where variant.category == "上衣" { op(ProductTrained(sku: variant.sku, staff: agent), as: agent) }
        }
        try database.apply(drafts)
    }
}
