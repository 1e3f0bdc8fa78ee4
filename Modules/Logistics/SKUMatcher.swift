import GRDB
import Interchange
import ShopDomain

/// Finds the SKU of an export's item line (`OrderImport`), from the catalogue and the remembered
/// mappings read once for the whole import, rather than three queries a line: by 商家编码 (a SKU
/// code first, else a barcode), else by the mapping remembered for its title + attributes, else by
/// the one product whose name, colour and size are the line's.
struct SKUMatcher {
    private var codes: [String: SKU] = [:]
    private var mappings: [String: SKU] = [:]
    private var named: [NameKey: [SKU]] = [:]

    private struct NameKey: Hashable {
        var name: String
        var colour: String
        var size: String
    }

    init(_ db: Database) throws {
        var barcodes: [String: SKU] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT sku, barcode, name, colour, size FROM product_v") {
            let sku = SKU(rawValue: row[0])
            codes[sku.rawValue] = sku
            if let barcode: String = row[1] { barcodes[barcode] = sku }
            named[NameKey(name: row[2], colour: row[3], size: row[4]), default: []].append(sku)
        }
        codes.merge(barcodes) { sku, _ in sku }  // a code that is some product's SKU names that product
        for row in try Row.fetchAll(db, sql: "SELECT key, sku FROM sku_mapping") {
            mappings[row[0]] = SKU(rawValue: row[1])
        }
    }

    func match(_ line: TaobaoOrderLine, attributes: String) -> SKU? {
        if let code = line.merchantCode, let sku = codes[code] { return sku }
        if let sku = mappings[OrderLine.matchKey(title: line.title, attributes: attributes)] { return sku }
        let candidates = named[NameKey(name: line.title.trimmingWhitespace(), colour: line.colour ?? "", size: line.size ?? "")] ?? []
        return candidates.count == 1 ? candidates[0] : nil
    }
}
