import Foundation
import ShopDomain
import Testing
@testable import Interchange

@Suite struct TaobaoOrderLineTests {
    static func read(_ text: String, chunkSize: Int = CSVStream.defaultChunkSize) throws
        -> (rows: [TaobaoOrderLine], errors: [InterchangeError.RowError]) {
        var reader = try TaobaoOrderLineReader(stream: Fixtures.stream(text, chunkSize: chunkSize))
        return try reader.readAll()
    }

    @Test("the seller centre's detail export parses: six lines")
    func synthetic() throws {
        var reader = try TaobaoOrderLineReader(path: Fixtures.path("ExportOrderDetailList_SYNTHETIC_gbk.csv"))
        let (lines, errors) = try reader.readAll()
        #expect(errors.isEmpty)
        #expect(lines.count == 6)
        #expect(lines.map(\.orderNumber) == ["1930000000000001", "2345000000000000002", "2345000000000000002",
                                             "2345000000000000003", "2345000000000000004", "2345000000000000005"])
        #expect(lines.map(\.line) == [2, 3, 4, 5, 6, 7])
        #expect(lines.map(\.status) == [.paid, .shipped, .shipped, .awaitingPayment, .closed, .completed])
        #expect(lines[0].price == Money(fen: 59_800))
        #expect(lines[0].quantity == 1)
        #expect(lines[0].colour == "标准套装")
        #expect(lines[0].merchantCode == "SKU-A001")
        #expect(lines[2].quantity == 2)
        #expect(lines[2].price == Money(fen: 500))
        #expect(lines[2].attributes == [.init(name: "长度", value: "2m"), .init(name: "颜色分类", value: "苹果ios樱花粉[【1m】提速70%]")])
        #expect(lines[2].colour == "苹果ios樱花粉[【1m】提速70%]")
        #expect(lines[2].size == nil)
        #expect(lines[2].merchantCode == nil)
        #expect(lines[3].title == "示例保温杯 \"大容量\" 500ml")
        #expect(lines[3].attributes.isEmpty)
        #expect(lines[1].externalID == nil && lines[1].packageInfo == nil && lines[1].remark == nil)
    }

    @Test("商品属性: full-width or ASCII colons, ; or ； between options; colour and size")
    func attributes() {
        let parsed = TaobaoOrderLine.parseAttributes("颜色: 白色；尺码：XL; 默认 ;")
        #expect(parsed == [.init(name: "颜色", value: "白色"), .init(name: "尺码", value: "XL"), .init(name: "", value: "默认")])
        let line = TaobaoOrderLine(orderNumber: "1930000000000001", title: "鞋", price: .zero, quantity: 1,
                                   attributes: TaobaoOrderLine.parseAttributes("颜色分类：黑色;鞋码：42"), line: 2)
        #expect(line.colour == "黑色")
        #expect(line.size == "42")
    }

    @Test("bad detail rows are refused with their line; the header only needs its four columns")
    func badRows() throws {
        let text = """
        订单编号,标题,价格,购买数量,商家编码,商品属性,订单状态
        ="2345000000000000002",数据线,5.00,2,'00123,尺寸：2m,
        1.93E+18,数据线,5.00,1,,,
        2345000000000000003,"多行
        标题",5.00,0,,,
        2345000000000000004,杯子,五元,1,,,
        2345000000000000005,杯子,5,1,,,等待火星发货
        2345000000000000006,杯子,5,1,,,交易成功

        """
        for chunkSize in [1, 5, 4096] {
            let (lines, errors) = try Self.read(text, chunkSize: chunkSize)
            #expect(lines.map(\.line) == [2, 8])
            #expect(lines[0].merchantCode == "00123")
            #expect(lines[0].size == "2m")
            #expect(lines[0].status == nil)
            #expect(lines[1].status == .completed)
            #expect(errors.map(\.line) == [3, 4, 6, 7])
            #expect(errors[0].en.contains("use the original export from the seller centre"))
            #expect(errors[1].en.contains("购买数量"))
            #expect(errors[2].en.contains("价格"))
        }
    }

    @Test("a detail file without 购买数量 is refused, naming it")
    func missingColumn() {
        #expect(throws: InterchangeError.missingColumn(file: "t.csv", column: "购买数量")) {
            try TaobaoOrderLineReader(stream: Fixtures.stream("订单编号,标题,价格\n"))
        }
    }
}
