import Foundation
import ShopDomain
import Testing
@testable import Interchange

@Suite struct TaobaoOrderTests {
    static func read(_ name: String, chunkSize: Int = CSVStream.defaultChunkSize) throws
        -> (rows: [TaobaoOrder], errors: [InterchangeError.RowError]) {
        var reader = try TaobaoOrderReader(path: Fixtures.path(name), zone: Fixtures.shanghai, chunkSize: chunkSize)
        return try reader.readAll()
    }

    @Test("the seller centre's export parses: five orders, every field")
    func synthetic() throws {
        let (orders, errors) = try Self.read("ExportOrderList_SYNTHETIC_gbk.csv")
        #expect(errors.isEmpty)
        #expect(orders.map(\.number) == ["1930000000000001", "2345000000000000002", "2345000000000000003",
                                         "2345000000000000004", "2345000000000000005"])
        #expect(orders.map(\.status) == [.paid, .shipped, .awaitingPayment, .closed, .completed])
        #expect(orders.map(\.line) == [2, 3, 5, 6, 7])

        let first = orders[0]
        #expect(first.buyer == "tb_测试买家01")
        #expect(first.alipayAccount == "buyer01@example.com")
        #expect(first.goodsTotal == Money(fen: 59_800))
        #expect(first.postage == .zero)
        #expect(first.total == Money(fen: 59_800))
        #expect(first.paid == Money(fen: 59_800))
        #expect(first.refund == nil)
        #expect(first.buyerServiceFee == .zero)  // 0元
        #expect(first.consignee == "张三")
        #expect(first.address == "吉林省 通化市 柳河县 柳河镇某某小区 七号楼 3单元 201室")
        #expect(first.postcode == "135300")
        #expect(first.mobile == "13800000001")
        #expect(first.landline == nil)
        #expect(first.createdAt == Fixtures.shanghai("2016-05-23 22:02:11"))
        #expect(first.createdAt == Date(timeIntervalSince1970: 1_464_012_131))  // 14:02:11 UTC
        #expect(first.paidAt == Fixtures.shanghai("2016-05-23 22:02:40"))
        #expect(first.closeReason == nil)
        #expect(!first.isRefund)
        #expect(first.itemCount == 1)
        #expect(first.shopName == "示例测试小店")
        #expect(first.waybill == nil)

        let second = orders[1]
        #expect(second.buyerMessage == "请周末送货,\n不要放快递柜")
        #expect(second.landline == "021-64000000")
        #expect(second.mobile == "13900000002")
        #expect(second.postage == Money(fen: 1_000))
        #expect(second.waybill == "73610555582883")
        #expect(second.courier == "中通快递")
        #expect(second.sellerRemark == "已核对地址")
        #expect(second.itemCount == 3)
        #expect(second.postcode == "201199")

        #expect(orders[2].titles == "示例保温杯 \"大容量\" 500ml")
        #expect(orders[2].paidAt == nil)
        #expect(orders[3].closeReason == "买家未付款")
        #expect(!orders[3].isRefund)
        #expect(orders[4].waybill == "YT8962646785389")
    }

    @Test("read in chunks smaller than a record, every file gives the same result", arguments: [1, 3, 17, 100])
    func chunked(chunkSize: Int) throws {
        for name in ["ExportOrderList_SYNTHETIC_gbk.csv", "ExportOrderList_excel_utf8bom.csv",
                     "ExportOrderList_54col_2021_gbk.csv", "ExportOrderList_bad_rows_gbk.csv"] {
            let whole = try Self.read(name)
            let chunked = try Self.read(name, chunkSize: chunkSize)
            #expect(chunked.rows == whole.rows)
            #expect(chunked.errors == whole.errors)
        }
    }

    @Test("a copy re-saved by Excel: UTF-8 with BOM, no =\" wrapping, Excel times; 1.93E+18 is refused with advice")
    func excelCopy() throws {
        var reader = try TaobaoOrderReader(path: Fixtures.path("ExportOrderList_excel_utf8bom.csv"), zone: Fixtures.shanghai)
        let (orders, errors) = try reader.readAll()
        #expect(reader.encoding == .utf8BOM)
        #expect(orders.map(\.number) == ["2345000000000000011", "2345000000000000013"])
        #expect(orders[0].createdAt == Fixtures.shanghai("2016-05-23 22:02:00"))
        #expect(orders[0].paidAt == Fixtures.shanghai("2016-05-23 22:03:09"))
        #expect(orders[0].postage == .zero)
        #expect(orders[0].total == Money(fen: 4_990))
        #expect(orders[0].mobile == "13800000011")
        #expect(orders[1].total == Money(fen: 129_200))
        #expect(orders[1].buyerMessage == "送人的, 请包装好\n谢谢")
        #expect(orders[1].postcode == nil)
        #expect(orders[1].address == "广东省 深圳市 南山区 某路3号")
        #expect(orders[1].line == 4)
        #expect(errors.count == 1)
        let refused = try #require(errors.first)
        #expect(refused.file == "ExportOrderList_excel_utf8bom.csv")
        #expect(refused.line == 3)
        #expect(refused.en.contains("1.93E+18") && refused.en.contains("use the original export from the seller centre"))
        #expect(refused.zh.contains("卖家中心导出的原始文件"))
        #expect(refused.message(in: .en).hasPrefix("ExportOrderList_excel_utf8bom.csv:3: "))
    }

    @Test("a newer 54-column export: 支付交易号, 退款金额, 确认收货时间 found by name; 买家会员名 absent")
    func newerExport() throws {
        var reader = try TaobaoOrderReader(path: Fixtures.path("ExportOrderList_54col_2021_gbk.csv"), zone: Fixtures.shanghai)
        #expect(reader.hasColumn("退款金额"))
        #expect(!reader.hasColumn("买家会员名"))
        let (orders, errors) = try reader.readAll()
        #expect(errors.isEmpty)
        #expect(orders.count == 5)
        #expect(orders.map(\.status) == [.closed, .completed, .paid, .partlyShipped, .closed])
        #expect(orders.allSatisfy { $0.buyer == nil })
        let refunded = orders[0]
        #expect(refunded.paymentNumber == "2021031222001100000000000021")
        #expect(refunded.refund == Money(fen: 5_990))
        #expect(refunded.closeReason == "买家申请退款，退款成功")
        #expect(refunded.isRefund)
        #expect(refunded.createdAt == Fixtures.shanghai("2021-03-12 10:48:00"))
        #expect(orders[1].confirmedAt == Fixtures.shanghai("2021-03-18 20:00:00"))
        #expect(orders[1].refund == .zero)
        #expect(orders[1].postcode == nil)  // 000000: no postcode
        #expect(orders[1].address == "北京 北京市 海淀区 某路5号")
        #expect(orders[1].waybill == "YT8962646785400")
        #expect(orders[2].statusText == "买家已付款,等待卖家发货")
        #expect(orders[4].isRefund)  // the old refund status, no close reason
        #expect(orders[4].closeReason == nil)
    }

    @Test("a file without 订单状态 is refused, naming the column")
    func missingColumn() throws {
        #expect(throws: InterchangeError.missingColumn(file: "ExportOrderList_missing_status_gbk.csv", column: "订单状态")) {
            try TaobaoOrderReader(path: Fixtures.path("ExportOrderList_missing_status_gbk.csv"), zone: Fixtures.shanghai)
        }
    }

    @Test("bad rows name their line, also after multi-line messages; the good rows still parse")
    func badRows() throws {
        let (orders, errors) = try Self.read("ExportOrderList_bad_rows_gbk.csv")
        #expect(orders.map(\.number) == ["2345000000000000041", "2345000000000000044", "2345000000000000047"])
        #expect(orders.map(\.line) == [2, 7, 11])
        #expect(orders[0].buyerMessage == "第一行\r\n第二行\r\n第三行")
        #expect(errors.map(\.line) == [5, 6, 9, 10])
        #expect(errors.allSatisfy { $0.file == "ExportOrderList_bad_rows_gbk.csv" })
        #expect(errors[0].zh.contains("总金额") && errors[0].en.contains("12.345"))
        #expect(errors[1].en.contains("订单创建时间") && errors[1].en.contains("2019-02-30 10:00:00"))
        #expect(errors[2].en.contains("等待火星发货"))
        #expect(errors[3].en.contains("16 to 19 digits"))
        #expect(InterchangeError.badRows(errors).message(in: .en).contains("ExportOrderList_bad_rows_gbk.csv:9: "))
    }

    @Test("every Taobao status text maps; full-width or half-width commas; unknown text is nil")
    func statuses() {
        let texts: [String: TaobaoOrderStatus] = [
            "等待买家付款": .awaitingPayment, "买家已付款，等待卖家发货": .paid, "买家已付款,等待卖家发货": .paid,
            "卖家已发货，等待买家确认": .shipped, "卖家已发货, 等待买家确认": .shipped, "交易成功": .completed,
            "交易关闭": .closed, "交易被淘宝关闭": .closed, "部分发货": .partlyShipped, "卖家部分发货": .partlyShipped,
            "付款以后用户退款成功，交易自动关闭": .closed,
        ]
        for (text, status) in texts { #expect(TaobaoOrderStatus(taobaoText: text) == status, "\(text)") }
        #expect(TaobaoOrderStatus(taobaoText: "等待火星发货") == nil)
        #expect(TaobaoOrderStatus.paid.name(in: .zh) == "买家已付款，等待卖家发货")
        #expect(TaobaoOrderStatus.partlyShipped.rawValue == "partly-shipped")
        #expect(TaobaoOrderStatus.allCases.count == 6)
    }

    @Test("wall times in the accepted forms, read in the shop's zone")
    func wallTimes() throws {
        let clock = WallClock(zone: Fixtures.shanghai)
        let instant = Date(timeIntervalSince1970: 1_464_012_120)  // 2016-05-23 14:02 UTC
        #expect(clock.instant("2016-05-23 22:02:00") == instant)
        #expect(clock.instant("2016-05-23 22:02") == instant)
        #expect(clock.instant("2016/5/23 22:02") == instant)
        #expect(clock.instant("2016/5/23 22:02:00") == instant)
        for bad in ["2016-05-23", "2016-05-23 25:00", "2016-02-30 10:00", "23/5/2016 22:02", "2016-05-23 22:2", "yesterday"] {
            #expect(clock.instant(bad) == nil, "\(bad)")
        }
        let tokyo = WallClock(zone: try ShopZone("Asia/Tokyo"))
        #expect(tokyo.instant("2016-05-23 23:02") == instant)
    }

    @Test("order numbers: unwrapped, 16 to 19 digits, scientific form refused")
    func orderNumbers() throws {
        #expect(try Cells.orderNumber("=\"1930000000000001\"", column: "订单编号") == "1930000000000001")
        #expect(try Cells.orderNumber("'2345000000000000002", column: "订单编号") == "2345000000000000002")
        #expect(throws: RowProblem.scientificNumber(column: "订单编号", text: "1.93E+15")) {
            try Cells.orderNumber("1.93E+15", column: "订单编号")
        }
        #expect(throws: RowProblem.badOrderNumber(column: "订单编号", text: "12345678901234567890")) {
            try Cells.orderNumber("12345678901234567890", column: "订单编号")
        }
        #expect(throws: RowProblem.missing(column: "订单编号")) { try Cells.orderNumber("=\"\"", column: "订单编号") }
    }

    @Test("orders encode and decode")
    func codable() throws {
        let (orders, _) = try Self.read("ExportOrderList_SYNTHETIC_gbk.csv")
        let data = try JSONEncoder().encode(orders)
        #expect(try JSONDecoder().decode([TaobaoOrder].self, from: data) == orders)
    }
}
