import Foundation
import Synchronization
import Testing

/// Orders through the built binary: what a newcomer meets with a real export.
@Suite("zhanggui order and shipping commands")
struct OrderCLITests {
    static let header = "\"订单编号\",\"买家会员名\",\"总金额\",\"买家实际支付金额\",\"订单状态\",\"买家留言\",\"收货人姓名\",\"收货地址 \",\"联系手机\",\"订单创建时间\",\"订单付款时间 \""

    func shop() throws -> CLI {
        let cli = try CLI(language: "en_US.UTF-8", now: "2026-11-30T15:00:00+08:00")
        try cli.run("init", "--shop", "测试小店", "--owner", "黄乔")
        try cli.run("staff", "add", "小王", "--role", "shipper", "--as", "黄乔")
        try cli.run("location", "add", "A-01-1", "--as", "黄乔")
        try cli.run("product", "add", "AF1023-WHT-M", "--name", "雪纺衫", "--colour", "白色", "--size", "M", "--price", "89",
                    "--barcode", "6901234500028", "--as", "黄乔")
        try cli.run("stock", "adjust", "AF1023-WHT-M", "--location", "A-01-1", "--by", "10", "--reason", "期初", "--as", "黄乔")
        return cli
    }

    func write(_ cli: CLI, _ name: String, _ text: String) throws -> String {
        let path = cli.directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a file missing a required column is refused whole, naming the column")
    func missingColumn() throws {
        let cli = try shop()
        let file = try write(cli, "orders.csv", "\"订单编号\",\"收货人姓名\"\n=\"1930000000000001\",\"张三\"\n")
        let result = try cli.run("order", "import", file, "--as", "黄乔")
        #expect(result.status == 1)
        #expect(result.err.contains("订单状态"))
        #expect(try (cli.json("order", "list") as? [Any])?.count == 0)
    }

    @Test("an Excel-damaged number is refused with advice naming file:line; the other rows import")
    func excelDamagedRow() throws {
        let cli = try shop()
        let file = try write(cli, "orders.csv", """
            \(Self.header)
            ="1930000000000001","tb_a","89.00","89.00","买家已付款，等待卖家发货","","张三","上海 上海市 闵行区 某路1号(201199)","'13800000001","2026-11-29 10:00:00","2026-11-29 10:01:00"
            1.93E+15,"tb_b","89.00","89.00","买家已付款，等待卖家发货","","李四","北京 北京市 朝阳区 某路2号(100020)","'13900000002","2026/11/29 11:00","2026/11/29 11:01"

            """)
        let result = try cli.run("order", "import", file, "--as", "黄乔")
        #expect(result.status == 1)
        #expect(result.err.contains("orders.csv:3"))
        #expect(result.err.lowercased().contains("export"))
        #expect(try (cli.json("order", "list") as? [Any])?.count == 1)
        // Importing again changes nothing.
        let again = try cli.run("order", "import", file, "--as", "黄乔")
        #expect(again.out.contains("0 new"))
    }

    @Test("packing from standard input: a wrong scan is refused, the right ones complete and sign")
    func interactivePack() throws {
        let cli = try shop()
        let details = try write(cli, "details.csv", """
            "订单编号","标题","价格","购买数量","外部系统编号","商品属性","套餐信息","备注","订单状态","商家编码"
            ="1930000000000001","雪纺衫","89.00","2","","颜色分类：白色;尺码：M","","","买家已付款，等待卖家发货","AF1023-WHT-M"

            """)
        let orders = try write(cli, "orders.csv", """
            \(Self.header)
            ="1930000000000001","tb_a","178.00","178.00","买家已付款，等待卖家发货","","张三","上海 上海市 闵行区 某路1号(201199)","'13800000001","2026-11-29 10:00:00","2026-11-29 10:01:00"

            """)
        #expect(try cli.run("order", "import", orders, "--details", details, "--as", "小王").status == 0)
        try cli.run("waybill", "stock", "add", "--courier", "ZTO", "--from", "73100000000001", "--count", "10", "--as", "小王")
        let labels = cli.directory.appendingPathComponent("labels.html").path
        #expect(try cli.run("waybill", "print", "--courier", "ZTO", "--all-paid", "--out", labels, "--as", "小王").status == 0)
        let result = try cli.run("pack", "73100000000001", "--as", "小王", input: "AF1023-WHT-L\n6901234500028\nAF1023-WHT-M\n")
        #expect(result.status == 0)
        #expect(result.err.contains("not on the order"))
        let waybill = try cli.json("waybill", "show", "73100000000001") as? [String: Any]
        #expect(waybill?["state"] as? String == "packed")
        #expect(waybill?["packer"] as? String == "小王")
    }
}

@Suite("two print commands at once")
struct ConcurrentPrintTests {
    @Test("two processes printing every paid order never give one order two waybills")
    func concurrentPrints() throws {
        let cli = try OrderCLITests().shop()
        var rows = [OrderCLITests.header]
        for n in 1...40 {
            rows.append("=\"19300000000000\(String(format: "%02d", n))\",\"tb_\(n)\",\"89.00\",\"89.00\",\"买家已付款，等待卖家发货\",\"\",\"张三\",\"上海 上海市 闵行区 某路\(n)号(201199)\",\"'13800000001\",\"2026-11-29 10:00:00\",\"2026-11-29 10:01:00\"")
        }
        let file = try OrderCLITests().write(cli, "orders.csv", rows.joined(separator: "\n") + "\n")
        #expect(try cli.run("order", "import", file, "--as", "小王").status == 0)
        try cli.run("waybill", "stock", "add", "--courier", "ZTO", "--from", "73100000000001", "--count", "200", "--as", "小王")
        let group = DispatchGroup()
        let statuses = Mutex<[Int32]>([])
        for n in 0..<2 {
            group.enter()
            DispatchQueue.global().async {
                let out = cli.directory.appendingPathComponent("labels\(n).html").path
                let status = (try? cli.run("waybill", "print", "--courier", "ZTO", "--all-paid", "--out", out, "--as", "小王").status) ?? -1
                statuses.withLock { $0.append(status) }
                group.leave()
            }
        }
        group.wait()
        let waybills = try cli.json("waybill", "list") as? [[String: Any]] ?? []
        let live = waybills.filter { $0["live"] as? Bool == true }
        #expect(live.count == 40)
        #expect(Set(live.compactMap { $0["order"] as? String }).count == 40)
        // One of them printed everything; the other found nothing left (or printed what remained).
        #expect(statuses.withLock { $0 }.contains(0))
    }
}
