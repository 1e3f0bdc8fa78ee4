import Foundation
import GRDB
import Interchange
import ShopDomain
import Storage

/// Reads products from a CSV file (UTF-8 or GB18030, columns by English or Chinese header).
/// Every row is checked before anything is written: one bad row and nothing is imported.
public enum ProductImport {
    static let fields: [HeaderMap.Field] = [
        .init("sku", aliases: ["商家编码", "商品编码", "sku code"], required: true),
        .init("name", aliases: ["名称", "商品名称", "宝贝名称"], required: true),
        .init("colour", aliases: ["颜色", "color", "颜色分类"], required: true),
        .init("size", aliases: ["尺码", "尺寸"], required: true),
        .init("price", aliases: ["价格", "售价"], required: true),
        .init("style", aliases: ["款号", "货号"], required: false),
        .init("barcode", aliases: ["条码", "条形码"], required: false),
        .init("category", aliases: ["类目", "分类"], required: false),
        .init("cost", aliases: ["成本", "成本价"], required: false),
        .init("kind", aliases: ["种类"], required: false),
    ]

    /// Parses and checks the file against the catalogue; returns the products to add.
    public static func read(_ path: String, database: ShopDatabase) throws -> [Product] {
        let file = (path as NSString).lastPathComponent
        let (text, _) = try TextDecoding.read(path)
        var reader = CSVReader(text: text, file: file)
        guard let header = reader.next() else { throw reader.error ?? InterchangeError.emptyFile(file: file) }
        let columns = try HeaderMap(header: header.fields, fields: fields, file: file)
        var products: [Product] = []
        var errors: [InterchangeError.RowError] = []
        var seen: [SKU: Int] = [:]
        var barcodes: [String: Int] = [:]
        let existing = try database.read { db in
            (Set(try String.fetchAll(db, sql: "SELECT sku FROM product")),
             Set(try String.fetchAll(db, sql: "SELECT barcode FROM product WHERE barcode IS NOT NULL")))
        }
        while let record = reader.next() {
            if record.fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            do {
                let product = try parse(record, columns)
                if let first = seen[product.sku] {
                    throw ImportRowError(zh: "商家编码 \(product.sku) 与第 \(first) 行重复", en: "the SKU \(product.sku) repeats line \(first)")
                }
                if existing.0.contains(product.sku.rawValue) { throw WarehouseError.productExists(product.sku.rawValue) }
                if let barcode = product.barcode {
                    if let first = barcodes[barcode] {
                        throw ImportRowError(zh: "条码 \(barcode) 与第 \(first) 行重复", en: "the barcode \(barcode) repeats line \(first)")
                    }
                    if existing.1.contains(barcode) { throw ImportRowError(zh: "条码 \(barcode) 已被占用", en: "the barcode \(barcode) is taken") }
                    barcodes[barcode] = record.line
                }
                seen[product.sku] = record.line
                products.append(product)
            } catch let error as any ShopError {
                errors.append(InterchangeError.RowError(file: file, line: record.line, error))
            }
        }
        if let error = reader.error { throw error }
        guard errors.isEmpty else { throw InterchangeError.badRows(errors) }
        return products
    }

    static func parse(_ record: CSVReader.Record, _ columns: HeaderMap) throws -> Product {
        let sku = try SKU.parse(columns.value("sku", in: record) ?? "")
        func money(_ key: String) throws -> Money? {
            guard let text = columns.value(key, in: record) else { return nil }
            do {
                return try Money.parse(text)
            } catch {
                throw ImportRowError(zh: "\(key == "price" ? "价格" : "成本")：\(error.message(in: .zh))",
                                     en: "\(key): \(error.message(in: .en))")
            }
        }
        guard let price = try money("price") else { throw CatalogError.missing("price") }
        var kind = ProductKind.goods
        if let text = columns.value("kind", in: record) {
            guard let parsed = ProductKind(rawValue: text.lowercased()) ?? (text == "耗材" ? .supply : text == "商品" ? .goods : nil) else {
                throw ImportRowError(zh: "种类“\(text)”应为 goods 或 supply", en: "the kind “\(text)” must be goods or supply")
            }
            kind = parsed
        }
        let product = Product(sku: sku, style: columns.value("style", in: record), name: columns.value("name", in: record) ?? "",
                              colour: columns.value("colour", in: record) ?? "", size: columns.value("size", in: record) ?? "",
                              category: columns.value("category", in: record) ?? (kind == .supply ? "耗材" : "未分类"),
                              barcode: columns.value("barcode", in: record), cost: try money("cost"), price: price, kind: kind)
        return try product.validated()
    }
}

/// A row-level problem with its own words.
struct ImportRowError: ShopError {
    var zh: String
    var en: String

    func message(in language: Language) -> String {
        language.pick(zh: zh, en: en)
    }
}
