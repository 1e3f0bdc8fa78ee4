/// An SKU code (商家编码): the key Taobao exports carry for a variant. Kept as text.
public struct SKU: TypedID {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// 1–64 visible characters, no spaces; letters are kept as written.
    public static func parse(_ text: String) throws(CatalogError) -> SKU {
        let code = text.trimmingWhitespace()
        guard !code.isEmpty else { throw .emptySKU }
        guard code.count <= 64, !code.contains(where: { $0.isWhitespace || $0.isNewline }),
              !code.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw .badSKU(code) }
        return SKU(rawValue: code)
    }

    /// The style (款号/货号) an SKU code belongs to when none is given: the code up to its
    /// first `-`, `_` or `/` (`AF1023-WHT-XL` → `AF1023`), else the whole code.
    public var derivedStyle: String {
        guard let cut = rawValue.firstIndex(where: { $0 == "-" || $0 == "_" || $0 == "/" }), cut != rawValue.startIndex else {
            return rawValue
        }
        return String(rawValue[..<cut])
    }
}

/// Goods that are sold, or packing supplies (WH-10) that are consumed.
public enum ProductKind: String, Sendable, Codable, CaseIterable {
    case goods, supply
}

/// One variant of a style: a colour × size with its own SKU code.
public struct Product: Sendable, Equatable, Codable {
    public var sku: SKU
    /// 款号/货号.
    public var style: String
    public var name: String
    public var colour: String
    public var size: String
    public var category: String
    public var barcode: String?
    public var cost: Money?
    public var price: Money
    public var kind: ProductKind

    public init(sku: SKU, style: String? = nil, name: String, colour: String, size: String, category: String,
                barcode: String? = nil, cost: Money? = nil, price: Money, kind: ProductKind = .goods) {
        self.sku = sku
        self.style = style.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 } ?? sku.derivedStyle
        self.name = name
        self.colour = colour
        self.size = size
        self.category = category
        self.barcode = barcode
        self.cost = cost
        self.price = price
        self.kind = kind
    }

    /// Checks what a person typed or a file held.
    public func validated() throws(CatalogError) -> Product {
        var product = self
        product.name = name.trimmingWhitespace()
        product.colour = colour.trimmingWhitespace()
        product.size = size.trimmingWhitespace()
        product.category = category.trimmingWhitespace()
        product.barcode = barcode?.trimmingWhitespace()
        if product.barcode == "" { product.barcode = nil }
        guard !product.name.isEmpty else { throw .missing("name") }
        guard product.name.count <= 120 else { throw .tooLong("name") }
        guard !product.category.isEmpty else { throw .missing("category") }
        if let barcode = product.barcode, !barcode.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            throw .badBarcode(barcode)
        }
        guard price.fen >= 0, (cost?.fen ?? 0) >= 0 else { throw .negativePrice }
        return product
    }

    /// `AF1023 白色/XL`: how a waybill and a pick list name it (LOG-1).
    public var label: String {
        [style, colour, size].filter { !$0.isEmpty }.joined(separator: "/")
    }
}

public enum CatalogError: Error, Equatable, Sendable {
    case emptySKU
    case badSKU(String)
    case missing(String)
    case tooLong(String)
    case badBarcode(String)
    case negativePrice
}

extension CatalogError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .emptySKU:
            language.pick(zh: "商家编码为空", en: "the SKU code is empty")
        case .badSKU(let code):
            language.pick(zh: "商家编码“\(code)”无效：最多 64 个字符，不能有空格", en: "the SKU code “\(code)” is not valid: at most 64 characters, no spaces")
        case .missing(let field):
            language.pick(zh: "缺少\(CatalogError.fieldName(field, .zh))", en: "the \(field) is missing")
        case .tooLong(let field):
            language.pick(zh: "\(CatalogError.fieldName(field, .zh))太长", en: "the \(field) is too long")
        case .badBarcode(let code):
            language.pick(zh: "条码“\(code)”无效：只能是字母、数字和 -", en: "the barcode “\(code)” is not valid: letters, digits and - only")
        case .negativePrice:
            language.pick(zh: "价格和成本不能为负", en: "price and cost cannot be negative")
        }
    }

    static func fieldName(_ field: String, _ language: Language) -> String {
        switch field {
        case "name": "名称"
        case "category": "类目"
        case "price": "价格"
        case "colour": "颜色"
        case "size": "尺码"
        default: field
        }
    }
}
