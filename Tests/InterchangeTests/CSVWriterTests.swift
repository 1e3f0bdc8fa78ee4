import Foundation
import ShopDomain
import Testing
@testable import Interchange

@Suite struct CSVWriterTests {
    static let rows: [[String]] = [
        ["订单编号", "物流公司", "运单号", "备注"],
        ["2345000000000000002", "中通快递", "73610555582883", "先验货再签收"],
        ["1930000000000001", "圆通速递", "YT8962646785389", "请周末送货,\n不要放快递柜"],
        ["2345000000000000003", "顺丰速运", "SF1234567890123", "保温杯 \"大容量\" 500ml"],
        ["2345000000000000004", " 前面有空格", "尾巴有空格 ", ""],
        ["2345000000000000005", "=1+1", "'0123", "\r\n"],
    ]

    @Test("UTF-8 with BOM, CRLF, quotes only where needed")
    func format() throws {
        let writer = CSVWriter()
        try writer.write(Array(Self.rows.prefix(4)))
        let data = writer.data
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text == "订单编号,物流公司,运单号,备注\r\n"
            + "2345000000000000002,中通快递,73610555582883,先验货再签收\r\n"
            + "1930000000000001,圆通速递,YT8962646785389,\"请周末送货,\n不要放快递柜\"\r\n"
            + "2345000000000000003,顺丰速运,SF1234567890123,\"保温杯 \"\"大容量\"\" 500ml\"\r\n")
        #expect(CSVWriter.field(" a") == "\" a\"")
        #expect(CSVWriter.field("a ") == "\"a \"")
        #expect(CSVWriter.field("a b") == "a b")
        #expect(CSVWriter.field("") == "")
    }

    @Test("what the writer writes, the reader reads back field for field", arguments: [1, 7, 65536])
    func roundTrip(chunkSize: Int) throws {
        let writer = CSVWriter()
        try writer.write(Self.rows)
        let records = try Fixtures.records(CSVStream(data: writer.data, file: "out.csv", chunkSize: chunkSize))
        #expect(records.map(\.fields) == Self.rows)
        #expect(records.map(\.line) == [1, 2, 3, 5, 6, 7])
    }

    @Test("a file written in pieces reads back, and the order reader takes it as an order export")
    func fileRoundTrip() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("written-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try CSVWriter(path: url.path)
        try writer.write(["订单编号", "订单状态", "收货人姓名", "收货地址", "订单创建时间", "总金额", "买家实际支付金额", "买家留言"])
        for i in 0..<3_000 {
            try writer.write(["\(2_345_000_000_000_000_000 + i)", "买家已付款，等待卖家发货", "张三", "上海 上海市 某路\(i)号(200000)",
                              "2026-11-30 08:00:00", "12.50", "12.50", i == 0 ? "多行,\n留言" : ""])
        }
        try writer.close()
        var reader = try TaobaoOrderReader(path: url.path, zone: Fixtures.shanghai)
        let (orders, errors) = try reader.readAll()
        #expect(reader.encoding == .utf8BOM)
        #expect(errors.isEmpty)
        #expect(orders.count == 3_000)
        #expect(orders.first?.buyerMessage == "多行,\n留言")
        #expect(orders.last?.number == "2345000000000002999")
        #expect(orders.last?.line == 3_002)
        #expect(orders.last?.postcode == "200000")
        #expect(orders.last?.total == Money(fen: 1_250))
    }

    @Test("a file that cannot be created is refused, named")
    func unwritable() {
        #expect(throws: InterchangeError.unwritable(file: "x.csv")) { try CSVWriter(path: "/nonexistent-dir/x.csv") }
    }
}
