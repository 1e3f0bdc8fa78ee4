import Foundation
import Logistics
import ShopActions
import ShopDomain
import Storage
import Sync
import Warehouse
import Workforce

/// What the order and label benchmarks share: the modules every program opens a shop with, and
/// a clothing catalogue (styles × 2 colours × 5 sizes) whose SKUs the order exports name as 商家编码.
enum Catalogue {
    /// Every feature the programs open a shop with: the bench measures what they do.
    static let modules = ShopFeatures.all
    static let owner = "黄乔"

    struct Item {
        var sku: String
        var title: String
        var colour: String
        var size: String
        var price: Money
        var product: Product
    }

    static let categories = ["针织开衫", "羊毛大衣", "牛仔裤", "连帽卫衣", "连衣裙", "衬衫", "羽绒服", "半身裙"]
    static let colours = [("白色", "W"), ("黑色", "K"), ("灰色", "G"), ("藏青", "N"), ("米色", "B"), ("酒红", "R")]
    static let sizes = ["S", "M", "L", "XL", "XXL"]

    /// `count` products (rounded down to whole styles of 10): SKU `AF1001-W-M`.
    static func items(_ count: Int) -> [Item] {
        var items: [Item] = []
        for style in 0..<max(1, count / 10) {
            let code = "AF\(1001 + style)"
            let category = categories[style % categories.count]
            let title = "2026秋冬新款\(category) 宽松百搭 \(code)"
            let price = Money(yuan: Int64(59 + (style % 25) * 10))
            for c in 0..<2 {
                let (colour, letter) = colours[(style + c * 3) % colours.count]
                for size in sizes {
                    let sku = "\(code)-\(letter)-\(size)"
                    items.append(Item(sku: sku, title: title, colour: colour, size: size, price: price,
                                      product: Product(sku: SKU(rawValue: sku), style: code, name: "\(category)\(code)", colour: colour,
                                                       size: size, category: category, barcode: "69\(String(format: "%011d", 10_000 + items.count))",
                                                       price: price)))
                }
            }
        }
        return items
    }

    static func drafts(_ items: [Item], actor: StaffID) -> [OpDraft] {
        items.map { OpDraft(actor: actor, ProductAdded(product: $0.product)) }
    }

    /// `598.00`
    static func yuan(_ money: Money) -> String {
        String(format: "%d.%02d", money.fen / 100, money.fen % 100)
    }

    // Names and addresses: plausible, invented.
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高")
    static let given = ["芳", "伟", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "晓燕", "志强"]
    static let places: [(String, String)] = [
        ("浙江省 杭州市 余杭区 五常街道", "311100"), ("上海 上海市 闵行区 莘庄镇", "201199"), ("广东省 深圳市 南山区 粤海街道", "518000"),
        ("江苏省 南京市 鼓楼区 湖南路街道", "210009"), ("北京 北京市 朝阳区 望京街道", "100102"), ("四川省 成都市 武侯区 玉林街道", "610041"),
        ("湖北省 武汉市 洪山区 珞南街道", "430070"), ("吉林省 通化市 柳河县 柳河镇", "135300"), ("广西壮族自治区 南宁市 横州市 横州镇", "530300"),
        ("新疆维吾尔自治区 乌鲁木齐市 天山区 幸福路街道", "830002"),
    ]

    static func name(_ n: Int) -> String {
        String(surnames[n % surnames.count]) + given[(n / surnames.count) % given.count]
    }

    static func address(_ n: Int) -> (String, String) {
        let (place, postcode) = places[n % places.count]
        let long = n % 50 == 0 ? " 某某工业园区创业大道888号科技大厦B座十七楼前台代收" : ""
        return ("\(place) 某某小区\(n % 30 + 1)幢 \(n % 6 + 1)单元 \(n % 20 + 1)0\(n % 4 + 1)室\(long)", postcode)
    }

    static func mobile(_ n: Int) -> String {
        "1\([3, 5, 7, 8, 9][n % 5])\(String(format: "%09d", (n * 7_919) % 1_000_000_000))"
    }
}
