import Foundation
import ShopDomain
import Storage
import Warehouse

/// A large shop for the stock benchmarks: SKUS products over 40 locations and N movements,
/// every one an op through the journal (in batches of 50,000).
enum StockSetup {
    static func run(path: String, skus: Int, movements: Int, clock: ShopClock) throws {
        let database = try ShopDatabase.create(at: path, shop: "基准", owner: "黄乔", modules: [Warehouse.feature], clock: clock, ids: .seeded(1))
        let gm = try database.read(CoreQueries.shop).owner
        let locations = (0..<40).map { LocationCode(rawValue: "\(["A", "B", "C", "D"][$0 % 4])-\(String(format: "%02d", $0 / 4 + 1))-1") }
        var drafts = locations.map { OpDraft(actor: gm, LocationAdded(code: $0, kind: .sellable)) }
        drafts.append(OpDraft(actor: gm, LocationAdded(code: LocationCode(rawValue: "X-01-1"), kind: .defective)))
        for n in 0..<skus {
            drafts.append(OpDraft(actor: gm, ProductAdded(product: Product(sku: SKU(rawValue: "SKU\(String(format: "%05d", n))-M"),
                                                                          name: "商品\(n)", colour: "白色", size: "M", category: "类目\(n % 20)",
                                                                          price: Money(yuan: 99)))))
        }
        try database.apply(drafts)
        var random = SeededGenerator(seed: 42)
        var done = 0
        while done < movements {
            let batch = min(50_000, movements - done)
            try database.apply((0..<batch).map { _ in
                let sku = SKU(rawValue: "SKU\(String(format: "%05d", Int.random(in: 0..<skus, using: &random)))-M")
                let location = Int.random(in: 0..<20, using: &random) == 0 ? LocationCode(rawValue: "X-01-1") : locations.randomElement(using: &random)!
                return OpDraft(actor: gm, StockAdjusted(sku: sku, location: location, delta: Int.random(in: 1...5, using: &random), reason: "基准"))
            })
            done += batch
        }
        print("stock-setup skus=\(skus) movements=\(movements)")
    }
}
