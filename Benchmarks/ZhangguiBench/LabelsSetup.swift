import Foundation
import ShopDomain
import Storage

/// The label benchmark's shop: a catalogue, a sender, ZTO numbers held by this device, and
/// `orders` paid orders awaiting shipment (one to three lines each, a few buyer messages, seller
/// remarks and long addresses), every one an op through the journal.
enum LabelsSetup {
    static func run(path: String, orders: Int, products: Int, clock: ShopClock) throws {
        let shop = try ShopDatabase.create(at: path, shop: "基准小店", owner: Catalogue.owner, modules: Catalogue.modules,
                                           clock: clock, ids: .seeded(1))
        let gm = try shop.read(CoreQueries.shop).owner
        let items = Catalogue.items(products)
        var drafts = Catalogue.drafts(items, actor: gm)
        drafts.append(OpDraft(actor: gm, SenderSet(name: "基准小店", phone: "13900000000", address: "浙江省 杭州市 余杭区 仓前街道某路1号")))
        drafts.append(OpDraft(actor: gm, WaybillStockAdded(courier: Courier(code: "ZTO"), prefix: "", first: 73_100_000_000_001,
                                                          count: orders + 1_000, width: 14)))
        try shop.apply(drafts)
        var random = SeededGenerator(seed: 11)
        let paidAt = Int64(OrderFiles.day0) * 1000 + 3_600_000
        let snapshots = (0..<orders).map { n in
            let lines = (0..<(n % 7 == 0 ? 3 : n % 3 == 0 ? 2 : 1)).map { _ in
                let item = items[Int.random(in: 0..<items.count, using: &random)]
                return OrderLine(title: item.title, attributes: "颜色分类：\(item.colour);尺码：\(item.size)", colour: item.colour,
                                 size: item.size, quantity: 1, price: item.price, merchantCode: item.sku, sku: SKU(rawValue: item.sku))
            }
            let goods = lines.reduce(Money.zero) { $0 + $1.price }
            let (address, postcode) = Catalogue.address(n)
            return OrderSnapshot(
                order: OrderID(rawValue: String(2_345_100_000_000_000_000 + Int64(n) * 7_919)), buyer: "tb_买家\(n)", status: .paid,
                closeReason: nil, refunded: false, goodsTotal: goods, postage: .zero, total: goods, paid: goods,
                buyerMessage: n % 10 == 0 ? OrderFiles.messages[n % OrderFiles.messages.count] : n % 200 == 1 ? OrderFiles.twoLineMessages[0] : nil,
                consignee: Catalogue.name(n), phone: Catalogue.mobile(n), address: address, postcode: postcode,
                createdAt: paidAt + Int64(n) * 6_000 - 30_000, paidAt: paidAt + Int64(n) * 6_000,
                sellerRemark: n % 20 == 0 ? "已核对地址" : nil, lines: lines)
        }
        try shop.apply(snapshots.map { OpDraft(actor: gm, OrderImported(order: $0)) })
        print("labels-setup orders=\(orders) products=\(items.count) zto-numbers=\(orders + 1_000)")
    }
}
