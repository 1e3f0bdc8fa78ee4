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
    /// options). An option without a colon has an empty name; one of white space alone is none.
    /// Scanned as UTF-8 bytes (issue 20: splitting the scalars cost a tenth of reading the
    /// detail export): the separators are whole scalars, and no byte of a multi-byte scalar is
    /// ASCII, so a byte match is a scalar match.
    public static func parseAttributes(_ text: String) -> [Attribute] {
        var text = text
        return text.withUTF8 { bytes in
            var attributes: [Attribute] = []
            var start = 0, index = 0
            var colon: Range<Int>?
            func piece(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            func close(at end: Int) {
                defer { colon = nil }
                if let colon {
                    attributes.append(Attribute(name: piece(start..<colon.lowerBound).trimmingWhitespace(),
                                                value: piece(colon.upperBound..<end).trimmingWhitespace()))
                } else if start < end {
                    let part = piece(start..<end)
                    if part.unicodeScalars.contains(where: { !$0.isWhiteSpace }) { attributes.append(Attribute(name: "", value: part.trimmingWhitespace())) }
                }
            }
            while index < bytes.count {
                let byte = bytes[index]
                // `；` U+FF1B and `：` U+FF1A are EF BC 9B and EF BC 9A.
                if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBC, bytes[index + 2] == 0x9B || bytes[index + 2] == 0x9A {
                    if bytes[index + 2] == 0x9B {
                        close(at: index)
                        start = index + 3
                    } else if colon == nil {
                        colon = index..<index + 3
                    }
                    index += 3
                    continue
                }
                if byte == 0x3B {
                    close(at: index)
                    start = index + 1
                } else if byte == 0x3A, colon == nil {
                    colon = index..<index + 1
                }
                index += 1
            }
            close(at: bytes.count)
            return attributes
        }
    }
}
