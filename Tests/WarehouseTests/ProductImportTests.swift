import Foundation
import Interchange
import ShopDomain
import Testing
@testable import Storage
@testable import Warehouse

@Suite("Product import: UTF-8 or GB18030, columns by header name, all or nothing")
struct ProductImportTests {
    @Test("English headers, UTF-8")
    func english() throws {
        let shop = try WarehouseShop()
        let products = try ProductImport.read(WarehouseShop.fixture("products_en.csv"), database: shop.database)
        #expect(products.map(\.sku.rawValue) == ["AF1023-WHT-S", "AF1023-WHT-M", "AF1023-BLK-M"])
        #expect(products[0].style == "AF1023")  // derived from the SKU code
        #expect(products[2].cost == Money(fen: 3550))
        #expect(products[2].barcode == nil)
    }

    @Test("Chinese headers with stray spaces, GB18030 and UTF-8 with BOM read the same")
    func chinese() throws {
        let shop = try WarehouseShop()
        let gbk = try ProductImport.read(WarehouseShop.fixture("products_zh_gbk.csv"), database: shop.database)
        let bom = try ProductImport.read(WarehouseShop.fixture("products_zh_bom.csv"), database: shop.database)
        #expect(gbk == bom)
        #expect(gbk[0].name == "半身裙, 红色款")
        #expect(gbk[0].price == Money(yuan: 129))
        #expect(gbk[1].style == "QZ2201")
        #expect(gbk[2].price == .zero)
    }

    @Test("bad files are refused with file:line and nothing is written", arguments: [
        ("bad_missing_column.csv", "bad_missing_column.csv:1", "price"),
        ("bad_duplicate_sku.csv", "bad_duplicate_sku.csv:4", "line 2"),
        ("bad_number.csv", "bad_number.csv:3", "ten yuan"),
        ("bad_utf16.csv", "bad_utf16.csv", "GB18030"),
        ("bad_unterminated.csv", "bad_unterminated.csv:2", "quote"),
    ])
    func refused(file: String, location: String, detail: String) throws {
        let shop = try WarehouseShop()
        let before = try shop.database.journalCount()
        do {
            _ = try ProductImport.read(WarehouseShop.fixture(file), database: shop.database)
            Issue.record("\(file) was accepted")
        } catch let error as any ShopError {
            let message = error.message(in: .en)
            #expect(message.contains(location), "\(message)")
            #expect(message.contains(detail), "\(message)")
        }
        #expect(try shop.database.journalCount() == before)
    }

    @Test("a multi-line field keeps later rows' line numbers right; every bad row is listed")
    func lineNumbers() throws {
        let shop = try WarehouseShop()
        #expect(throws: InterchangeError.self) { try ProductImport.read(WarehouseShop.fixture("bad_number.csv"), database: shop.database) }
        do {
            _ = try ProductImport.read(WarehouseShop.fixture("bad_number.csv"), database: shop.database)
        } catch let InterchangeError.badRows(rows) {
            #expect(rows.map(\.line) == [3, 5])
        }
    }

    @Test("an SKU already in the catalogue is a bad row")
    func existing() throws {
        let shop = try WarehouseShop()
        try shop.addProduct("AF1023-WHT-M")
        #expect(throws: InterchangeError.self) { try ProductImport.read(WarehouseShop.fixture("products_en.csv"), database: shop.database) }
    }

    @Test("the CSV reader handles quotes, CRLF and embedded line breaks")
    func reader() {
        var reader = CSVReader(text: "a,b\r\n\"x\"\"y\",\"1\n2\"\r\nlast,\n", file: "t.csv")
        #expect(reader.next() == .init(line: 1, fields: ["a", "b"]))
        #expect(reader.next() == .init(line: 2, fields: ["x\"y", "1\n2"]))
        #expect(reader.next() == .init(line: 4, fields: ["last", ""]))
        #expect(reader.next() == nil)
        #expect(reader.error == nil)
    }
}
