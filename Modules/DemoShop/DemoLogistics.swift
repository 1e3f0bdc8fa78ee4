import Foundation
import GRDB
import Logistics
import ShopDomain
import Storage

/// The demo's orders and shipping: orders in every state, a printed, packed and handed-over
/// batch with weights, a lost parcel claimed, one undeliverable, a mis-shipment and its fine, a
/// batch printed and partly packed awaiting pickup, the month's ZTO statement with a few
/// differences, and CS-8 notes, 已读取 and an added item.
struct DemoLogistics {
    let database: ShopDatabase
    let clock: DemoClock
    let zone: ShopZone
    let ids: IDSource
    var random: SeededGenerator
    let today: CivilDate

    static let zto = Courier(code: "ZTO")

    static let buyers: [(consignee: String, phone: String, address: String, postcode: String)] = [
        ("张晓梅", "13800001111", "浙江省 杭州市 西湖区 文三路某小区3幢2单元501室", "310012"),
        ("李娜", "13900002222", "上海 上海市 闵行区 莘庄镇某路100弄5号302室", "201199"),
        ("王芳", "13700003333", "广东省 深圳市 南山区 科技园某大厦B座1203", "518057"),
        ("刘洋", "13600004444", "北京 北京市 朝阳区 朝外街道某小区7号楼", "100020"),
        ("陈静", "13500005555", "四川省 成都市 武侯区 某街道某花园2期8栋", "610041"),
        ("杨丽", "13400006666", "江苏省 南京市 鼓楼区 某路18号", "210008"),
        ("赵敏", "13300007777", "新疆维吾尔自治区 乌鲁木齐市 天山区 某路66号", "830000"),
        ("黄婷", "13200008888", "湖北省 武汉市 洪山区 某街道某社区12栋", "430070"),
        ("周雪", "13100009999", "山东省 青岛市 市南区 某路9号甲", "266001"),
        ("吴倩", "18800001234", "福建省 厦门市 思明区 某路某号", "361001"),
    ]

    func staff(_ name: String) throws -> StaffID {
        try database.read { db in try CoreQueries.findStaff(db, name).id }
    }

    func apply<P: OpPayload>(_ payload: P, as name: String) throws {
        try database.apply(OpDraft(actor: try staff(name), payload))
    }

    func at(_ day: CivilDate, _ hour: Int, _ minute: Int) { clock.set(day, hour, minute, in: zone) }

    /// Before the shifts' story: a week of orders, a batch all the way to the courier, month-end figures.
    mutating func buildHistory() throws {
        let skus = try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.sku, p.name, p.colour, p.size, p.price FROM product_v p JOIN stock_v b ON b.sku = p.sku AND b.kind = 'sellable'
                WHERE p.kind = 'goods' GROUP BY p.sku HAVING SUM(b.quantity) >= 10 ORDER BY p.sku
                """).map { (sku: SKU(rawValue: $0["sku"]), name: $0["name"] as String, colour: $0["colour"] as String,
                            size: $0["size"] as String, price: Money(fen: $0["price"])) }
        }
        // Issue 13: prices go live with the campaign — a live campaign's SKUs sell at its price in its window.
        let campaignPrices = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT sku, price, startsOn, endsOn FROM campaign_price_v WHERE live = 1").map {
                (sku: $0["sku"] as String, price: Money(fen: $0["price"]), from: $0["startsOn"] as String, until: $0["endsOn"] as String)
            }
        }
        func price(_ item: (sku: SKU, name: String, colour: String, size: String, price: Money), on day: CivilDate) -> Money {
            campaignPrices.first { $0.sku == item.sku.rawValue && $0.from <= day.description && day.description <= $0.until }?.price ?? item.price
        }
        let start = today.adding(days: -10)
        at(start, 9, 0)
        try apply(SenderSet(name: "艾芳汀旗舰店", phone: "0571-88886666", address: "浙江省 杭州市 余杭区 仓前街道某路88号 艾芳汀仓库"), as: "大哥")
        try apply(CourierRateSet(courier: Self.zto, region: nil, firstKg: Money(yuan: 5), extraKg: Money(yuan: 2)), as: "大哥")
        try apply(CourierRateSet(courier: Self.zto, region: "新疆", firstKg: Money(yuan: 15), extraKg: Money(yuan: 10)), as: "大哥")
        try apply(WaybillStockAdded(courier: Self.zto, prefix: "", first: 73_100_000_010_001, count: 500, width: 14), as: "大哥")

        // Orders over the week: most paid, a few waiting for payment, closed, refunded.
        var number: Int64 = 2_345_678_901_234_500_000
        for n in 0..<24 {
            let day = start.adding(days: n / 6)
            at(day, 9 + n % 6 * 2, 7 * n % 60)
            number += Int64(1 + n * 37 % 9)
            let status: OrderStatus = n % 8 == 3 ? .awaitingPayment : .paid
            let buyer = Self.buyers[n % Self.buyers.count]
            var lines: [OrderLine] = []
            for k in 0..<(n % 5 == 0 ? 2 : 1) {
                let item = skus[(n * 13 + k * 29) % skus.count]
                lines.append(OrderLine(title: item.name, attributes: "颜色分类：\(item.colour);尺码：\(item.size)", colour: item.colour, size: item.size,
                                       quantity: n % 7 == 0 ? 2 : 1, price: price(item, on: day), merchantCode: item.sku.rawValue, sku: item.sku))
            }
            let goods = lines.reduce(Money.zero) { $0 + $1.price * Int64($1.quantity) }
            let millis = clock.clock.now().millis
            let snapshot = OrderSnapshot(
                order: OrderID(rawValue: String(number)), buyer: "tb_\(buyer.consignee)\(n)", status: status, closeReason: nil, refunded: false,
                goodsTotal: goods, postage: .zero, total: goods, paid: status == .paid ? goods : .zero,
                buyerMessage: n % 6 == 1 ? "请周末送货，\n不要放快递柜" : nil, consignee: buyer.consignee, phone: buyer.phone, address: buyer.address,
                postcode: buyer.postcode, createdAt: millis - 60_000, paidAt: status == .paid ? millis : nil,
                sellerRemark: n % 9 == 4 ? "送发圈一个（赠品）" : nil, lines: lines)
            try apply(OrderImported(order: snapshot), as: "刘芬")
        }
        let orders = try database.read { db in try OrderQueries.list(db, limit: 100) }.reversed()
        let paid = orders.filter { $0.status == .paid }.map { OrderID(rawValue: $0.order) }
        let waiting = orders.filter { $0.status == .awaitingPayment }.map { OrderID(rawValue: $0.order) }

        // A closed order and a refunded one (CS-6).
        at(start.adding(days: 3), 21, 0)
        try apply(OrderStatusChanged(order: waiting[0], from: .awaitingPayment, to: .closed, closeReason: "买家未付款", refunded: false, paidAt: nil), as: "刘芬")
        try apply(OrderStatusChanged(order: paid[1], from: .paid, to: .closed, closeReason: "退款", refunded: true, paidAt: nil), as: "刘芬")

        // CS-8: notes, 已读取, and an item added to an untaken order.
        try apply(OrderNoted(order: paid[2], text: "顾客确认尺码 M，已备注"), as: "周小雨")
        try apply(OrderTaken(order: paid[3]), as: "刘芬")
        let extra = skus[5]
        try apply(OrderItemAdded(order: paid[2], sku: extra.sku, title: extra.name, quantity: 1, price: extra.price, extraPostage: nil), as: "刘芬")

        // Batch 1: printed, picked, packed, handed to the courier at 16:00 (CS-11), weighed.
        let day1 = start.adding(days: 4)
        at(day1, 15, 30)
        let batch1 = Array(paid.dropFirst(2).prefix(8))
        let plan1 = try database.read { db in try PrintPlanner.plan(db, courier: Self.zto, orders: batch1, device: database.deviceID, day: day1) }
        try database.apply(plan1.labels.map { OpDraft(actor: try staff("二哥"), $0) })
        try apply(WaybillReprinted(waybill: plan1.labels[2].waybill, reason: "卡纸"), as: "二哥")
        for (n, label) in plan1.labels.enumerated() {
            at(day1, 16, 5 + n * 4)
            try pack(label.waybill, as: n % 2 == 0 ? "二哥" : "大哥")
        }
        at(day1, 17, 30)
        let pickup = ShortID.make("P", day: day1, ids: ids)
        let ready = try database.read { db in try ShippingQueries.readyForPickup(db, courier: Self.zto) }
        try apply(PickupCreated(pickup: pickup, courier: Self.zto, waybills: ready), as: "大哥")
        let parcels = try database.read { db in try ShippingQueries.pickupParcels(db, pickup) }
        try apply(PickupConfirmed(pickup: pickup, stubs: parcels.count, courierName: "王师傅", parcels: parcels), as: "大哥")
        var statement: [StatementImported.Line] = []
        for (n, parcel) in parcels.enumerated() {
            let grams = 300 + Int.random(in: 0..<1800, using: &random)
            let address = try database.read { db in try OrderQueries.detail(db, parcel.order).address }
            let fee = address.hasPrefix("新疆") ? Money(yuan: 15) + Money(yuan: 10) * Int64(max(0, (grams - 1) / 1000))
                : Money(yuan: 5) + Money(yuan: 2) * Int64(max(0, (grams - 1) / 1000))
            try apply(ParcelWeighed(waybill: parcel.waybill, grams: grams, fee: fee), as: "大哥")
            // The month's statement: one line charged 3.00 too much, one of ours left off.
            if n != 5 {
                statement.append(.init(line: n + 2, waybill: parcel.waybill, grams: grams, amount: n == 1 ? fee + Money(yuan: 3) : fee,
                                       date: day1.description, destination: String(address.prefix(2))))
            }
        }
        statement.append(.init(line: parcels.count + 2, waybill: "73100000099999", grams: 500, amount: Money(yuan: 5), date: day1.description,
                               destination: "广东"))

        // After the handover: a lost parcel claimed (LOG-8), one undeliverable (LOG-9), a wrong item (LOG-12).
        let day2 = start.adding(days: 6)
        at(day2, 11, 0)
        try apply(ClaimOpened(claim: ShortID.make("C", day: day2, ids: ids), waybill: parcels[0].waybill, kind: .lost, amount: Money(yuan: 89),
                              note: "物流三天无更新，快递员确认丢件"), as: "大哥")
        try apply(ParcelUndeliverable(waybill: parcels[3].waybill, note: "收件人拒收"), as: "大哥")
        let packer = try database.read { db in try ShippingQueries.waybill(db, parcels[4].waybill).packedBy }!
        try apply(ParcelMisshipped(waybill: parcels[4].waybill, kind: .wrong, packer: StaffID(rawValue: packer), postage: Money(yuan: 5),
                                   goods: .zero, fine: Money(yuan: 100), note: "发错颜色"), as: "大哥")
        try apply(StatementImported(courier: Self.zto, month: String(day1.description.prefix(7)), file: "中通对账单.csv", lines: statement), as: "大哥")

        // Batch 2: printed, three packed, waiting for today's pickup.
        let day3 = start.adding(days: 7)
        at(day3, 15, 40)
        let batch2 = Array(paid.dropFirst(10).prefix(6))
        let plan2 = try database.read { db in try PrintPlanner.plan(db, courier: Self.zto, orders: batch2, device: database.deviceID, day: day3) }
        try database.apply(plan2.labels.map { OpDraft(actor: try staff("二哥"), $0) })
        for label in plan2.labels.prefix(3) { try pack(label.waybill, as: "二哥") }
    }

    /// After the shifts' story: the evening's new orders, paid and waiting to be printed.
    mutating func buildEvening() throws {
        let skus = try database.read { db in
            try String.fetchAll(db, sql: "SELECT sku FROM product_v WHERE kind = 'goods' ORDER BY sku LIMIT 40 OFFSET 40")
        }
        at(today.adding(days: -1), 20, 0)
        for n in 0..<4 {
            let buyer = Self.buyers[(n + 3) % Self.buyers.count]
            let sku = SKU(rawValue: skus[n * 7 % skus.count])
            let price = Money(yuan: 129)
            let millis = clock.clock.now().millis
            try apply(OrderImported(order: OrderSnapshot(
                order: OrderID(rawValue: "23456789012346\(String(format: "%05d", 10 + n))"), buyer: "tb_晚间\(n)", status: .paid, closeReason: nil,
                refunded: false, goodsTotal: price, postage: .zero, total: price, paid: price, buyerMessage: nil, consignee: buyer.consignee,
                phone: buyer.phone, address: buyer.address, postcode: buyer.postcode, createdAt: millis - 120_000, paidAt: millis, sellerRemark: nil,
                lines: [OrderLine(title: "演示商品", attributes: "", colour: nil, size: nil, quantity: 1, price: price, merchantCode: sku.rawValue, sku: sku)])),
                      as: "周小雨")
        }
    }

    private func pack(_ waybill: String, as name: String) throws {
        var session = try database.read { db in try PackSession(db, waybill: waybill) }
        for (sku, quantity) in session.expected {
            for _ in 0..<quantity { _ = try database.read { db in try session.scan(sku.rawValue, db) } }
        }
        try apply(try session.finish(supplies: [ItemCount(sku: SKU(rawValue: "SUP-BAG-M"), quantity: 1)]), as: name)
    }
}
