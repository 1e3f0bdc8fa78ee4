import Foundation
import ShopDomain
import Testing
@testable import Interchange

@Suite struct StatementTests {
    @Test("SF's statement (GB18030): title row passed over, total row skipped, deductions negative")
    func sfStatement() throws {
        var reader = try StatementReader(path: Fixtures.path("Statement_SF_gbk.csv"))
        let (lines, errors) = try reader.readAll()
        #expect(errors.isEmpty)
        #expect(reader.encoding == .gb18030)
        #expect(lines == [
            StatementLine(waybill: "SF1234567890123", weightGrams: 1_200, amount: Money(fen: 1_800), origin: "上海",
                          destination: "北京", service: "顺丰标快", line: 3),
            StatementLine(waybill: "SF1234567890124", weightGrams: 500, amount: Money(fen: 1_200), origin: "上海",
                          destination: "广东省", service: "顺丰特惠", line: 4),
            StatementLine(waybill: "SF1234567890125", weightGrams: 3_000, amount: Money(fen: -2_300), origin: "上海",
                          destination: "四川省", service: "丢失赔付", line: 5),
        ])
    }

    @Test("every header alias is understood", arguments: [
        ("运单号码", "计费重量", "应付金额", "寄件日期", "寄件地区", "到件地区", "服务"),
        ("运单号", "重量", "金额", "发件日期", "始发地", "目的地", "产品类型"),
        ("快递单号", "结算重量", "运费", "揽收日期", "寄件地区", "收件地区", "服务"),
        ("工作单号", "weight", "费用", "日期", "始发地", "目的地", "服务"),
        ("详情单号", "计费重量", "结算金额", "date", "始发地", "目的地", "服务"),
        ("Waybill", "Weight", "Amount", "Date", "始发地", "目的地", "服务"),
    ])
    func aliases(_ names: (String, String, String, String, String, String, String)) throws {
        let text = "\(names.0),\(names.1),\(names.2),\(names.3),\(names.4),\(names.5),\(names.6)\r\n"
            + "75312345678901,1.2kg,8.50,2026/11/3 14:05,杭州,上海,标准快递\r\n"
            + "75312345678902,,6,2026-11-04,,,\r\n"
        var reader = try StatementReader(stream: Fixtures.stream(text, bom: true))
        let (lines, errors) = try reader.readAll()
        #expect(errors.isEmpty)
        #expect(lines == [
            StatementLine(waybill: "75312345678901", weightGrams: 1_200, amount: Money(fen: 850), date: "2026-11-03",
                          origin: "杭州", destination: "上海", service: "标准快递", line: 2),
            StatementLine(waybill: "75312345678902", amount: Money(fen: 600), date: "2026-11-04", line: 3),
        ])
    }

    @Test("bad statement rows name their line and the file's own column name")
    func badRows() throws {
        let text = """
        快递单号,重量,运费,日期
        YT1,abc,5,2026-11-01
        YT2,1,五元,2026-11-01
        YT3,1,5,昨天
        7.53E+13,1,5,2026-11-01
        ,1,5,2026-11-01
        YT6,1.2345,5,2026-11-01
        YT7,0.35,5,2026-11-01
        """
        var reader = try StatementReader(stream: Fixtures.stream(text, encoding: Fixtures.gb18030))
        let (lines, errors) = try reader.readAll()
        #expect(lines == [StatementLine(waybill: "YT7", weightGrams: 350, amount: Money(fen: 500), date: "2026-11-01", line: 8)])
        #expect(errors.map(\.line) == [2, 3, 4, 5, 6, 7])
        #expect(errors[0].zh.contains("重量") && errors[0].en.contains("abc"))
        #expect(errors[1].zh.contains("运费"))
        #expect(errors[2].en.contains("昨天"))
        #expect(errors[3].en.contains("7.53E+13"))
        #expect(errors[4].zh.contains("快递单号"))
    }

    @Test("total rows are skipped wherever the word is")
    func totals() throws {
        let text = "运单号,金额\nZT1,5\n合计,5\n,5\n"
        var reader = try StatementReader(stream: Fixtures.stream(text))
        let (lines, errors) = try reader.readAll()
        #expect(lines.map(\.waybill) == ["ZT1"])
        #expect(errors.map(\.line) == [4])  // no waybill and no total word: a bad row
    }

    @Test("a statement without a waybill column is refused")
    func missingWaybill() {
        #expect(throws: InterchangeError.self) {
            try StatementReader(stream: Fixtures.stream("日期,金额\n2026-11-01,5\n"))
        }
    }

    @Test("weights in kilograms to grams")
    func grams() {
        #expect(StatementLine.parseGrams("1.2") == 1_200)
        #expect(StatementLine.parseGrams("1.2kg") == 1_200)
        #expect(StatementLine.parseGrams("0.5 KG") == 500)
        #expect(StatementLine.parseGrams("3公斤") == 3_000)
        #expect(StatementLine.parseGrams("0.001") == 1)
        #expect(StatementLine.parseGrams("12") == 12_000)
        for bad in ["", "-1", "1.2345", ".5", "1,2", "kg", "1e3"] { #expect(StatementLine.parseGrams(bad) == nil, "\(bad)") }
    }
}
