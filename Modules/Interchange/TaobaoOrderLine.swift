import ShopDomain

/// One item line from the seller centre's detail export (宝贝报表, `ExportOrderDetailList….csv`):
/// what was bought in an order, with its options (商品属性).
public struct TaobaoOrderLine: Sendable, Equatable, Codable {
    /// One option of the item, `颜色分类：白色` → name 颜色分类, value 白色.
    public struct Attribute: Sendable, Equatable, Codable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// 订单编号: the order this line belongs to.
    public var orderNumber: String
    /// 标题.
    public var title: String
    /// 价格: the unit price.
    public var price: Money
    /// 购买数量, at least 1.
    public var quantity: Int
    /// 商品属性 in the file's order.
    public var attributes: [Attribute]
    /// 套餐信息.
    public var packageInfo: String?
    /// 备注.
    public var remark: String?
    /// 订单状态, when the export has the column.
    public var status: TaobaoOrderStatus?
    /// 商家编码 (the seller's SKU code), unwrapped; nil when empty.
    public var merchantCode: String?
    /// 外部系统编号.
    public var externalID: String?
    /// The line of the file the row starts on.
    public var line: Int

    /// 颜色分类 or 颜色.
    public var colour: String? { attribute(named: ["颜色分类", "颜色"]) }
    /// 尺码, 尺寸 or 鞋码.
    public var size: String? { attribute(named: ["尺码", "尺寸", "鞋码"]) }

    /// The value of the first attribute with one of the names.
    public func attribute(named names: [String]) -> String? {
        attributes.first { names.contains($0.name) }?.value
    }

    public init(orderNumber: String, title: String, price: Money, quantity: Int, attributes: [Attribute] = [],
                packageInfo: String? = nil, remark: String? = nil, status: TaobaoOrderStatus? = nil,
                merchantCode: String? = nil, externalID: String? = nil, line: Int) {
        self.orderNumber = orderNumber
        self.title = title
        self.price = price
        self.quantity = quantity
        self.attributes = attributes
        self.packageInfo = packageInfo
        self.remark = remark
        self.status = status
        self.merchantCode = merchantCode
        self.externalID = externalID
        self.line = line
    }

    /// Parses 商品属性: `颜色分类：白色;尺码：XL` (full-width or ASCII colon, `;` or `；` between
    /// options). An option without a colon has an empty name. On Unicode scalars, as
    /// `Cells.splitPostcode` (issue 20).
    public static func parseAttributes(_ text: String) -> [Attribute] {
        text.unicodeScalars.split(whereSeparator: { $0 == ";" || $0 == "；" }).compactMap { part in
            guard part.contains(where: { !$0.isWhiteSpace }) else { return nil }
            guard let colon = part.firstIndex(where: { $0 == "：" || $0 == ":" }) else {
                return Attribute(name: "", value: Substring(part).trimmingWhitespace())
            }
            return Attribute(name: Substring(part[..<colon]).trimmingWhitespace(),
                             value: Substring(part[part.index(after: colon)...]).trimmingWhitespace())
        }
    }
}
