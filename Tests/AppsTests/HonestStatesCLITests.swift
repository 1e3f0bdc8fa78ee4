import Foundation
import Testing

/// Issue 19, "money and states that mislead", through the built binary.
@Suite("states and money that tell the truth, through the built binary", .serialized)  // one process at a time: many blocking runs at once starve the async tests of threads
struct HonestStatesCLITests {
    let orders = OrderCLITests()

    /// `count` paid orders imported, and ZTO numbers on this device.
    func shop(orders count: Int) throws -> CLI {
        let cli = try orders.shop()
        var rows = [OrderCLITests.header]
        for n in 1...count {
            rows.append("=\"19300000000000\(String(format: "%02d", n))\",\"tb_\(n)\",\"89.00\",\"89.00\",\"买家已付款，等待卖家发货\",\"\",\"张三\",\"上海 上海市 闵行区 某路\(n)号(201199)\",\"'13800000001\",\"2026-11-29 10:00:00\",\"2026-11-29 10:01:00\"")
        }
        let details = ["\"订单编号\",\"标题\",\"价格\",\"购买数量\",\"外部系统编号\",\"商品属性\",\"套餐信息\",\"备注\",\"订单状态\",\"商家编码\""]
            + (1...count).map { "=\"19300000000000\(String(format: "%02d", $0))\",\"雪纺衫\",\"89.00\",\"1\",\"\",\"颜色分类：白色;尺码：M\",\"\",\"\",\"买家已付款，等待卖家发货\",\"AF1023-WHT-M\"" }
        let file = try orders.write(cli, "orders.csv", rows.joined(separator: "\n") + "\n")
        let detailFile = try orders.write(cli, "details.csv", details.joined(separator: "\n") + "\n")
        #expect(try cli.run("order", "import", file, "--details", detailFile, "--as", "小王").status == 0)
        try cli.run("waybill", "stock", "add", "--courier", "ZTO", "--from", "73100000000001", "--count", "50", "--as", "小王")
        return cli
    }

    @Test("waybill list reads 0001, 0002 … 0011 by number")
    func waybillOrder() throws {
        let cli = try shop(orders: 11)
        let labels = cli.directory.appendingPathComponent("labels.html").path
        #expect(try cli.run("waybill", "print", "--courier", "ZTO", "--all-paid", "--out", labels, "--as", "小王").status == 0)
        let numbers = (try cli.json("waybill", "list") as? [[String: Any]] ?? []).compactMap { $0["waybill"] as? String }
        #expect(numbers == (1...11).map { "731000000000\(String(format: "%02d", $0))" })
        let table = try cli.run("waybill", "list").out
        let seqs = table.split(separator: "\n").compactMap { line in line.split(separator: " ").first { $0.contains("-00") }.map(String.init) }
        #expect(seqs == seqs.sorted())
    }

    @Test("pack with --scan: a refused scan is said once; stock list's last column has a header")
    func packOnceAndHeader() throws {
        let cli = try shop(orders: 1)
        let labels = cli.directory.appendingPathComponent("labels.html").path
        #expect(try cli.run("waybill", "print", "--courier", "ZTO", "--all-paid", "--out", labels, "--as", "小王").status == 0)
        let refused = try cli.run("pack", "73100000000001", "--scan", "AF1023-WHT-L", "--as", "小王")
        #expect(refused.status == 1)
        #expect(refused.err.split(separator: "\n").count == 1, "\(refused.err)")
        let header = try cli.run("stock", "list").out.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.hasSuffix("Alert"), "\(header)")
    }

    @Test("after pickup confirm the order reads shipped; rebuild and verify agree (LOG-3)")
    func orderShipped() throws {
        let cli = try shop(orders: 1)
        let labels = cli.directory.appendingPathComponent("labels.html").path
        #expect(try cli.run("waybill", "print", "--courier", "ZTO", "--all-paid", "--out", labels, "--as", "小王").status == 0)
        #expect(try cli.run("pack", "73100000000001", "--scan", "AF1023-WHT-M", "--as", "小王").status == 0)
        let created = try cli.run("pickup", "create", "--courier", "ZTO", "--as", "小王")
        #expect(created.status == 0, "\(created.err)")
        let pickup = (try cli.json("pickup", "list") as? [[String: Any]])?.first?["pickup"] as? String ?? ""
        let confirmed = try cli.run("pickup", "confirm", pickup, "--stubs", "1", "--courier-name", "王师傅", "--as", "小王")
        #expect(confirmed.status == 0, "\(confirmed.err)")
        let order = try cli.json("order", "show", "1930000000000001") as? [String: Any]
        #expect((order?["summary"] as? [String: Any])?["status"] as? String == "shipped")
        #expect(try cli.run("order", "show", "1930000000000001").out.contains("shipped"))
        #expect(try cli.run("journal", "rebuild").status == 0)
        #expect(try cli.run("journal", "verify").status == 0)
        #expect(((try cli.json("order", "show", "1930000000000001") as? [String: Any])?["summary"] as? [String: Any])?["status"] as? String == "shipped")
    }

    @Test("a designer's order import is refused before the file is read, whatever it holds")
    func permissionFirst() throws {
        let cli = try orders.shop()
        try cli.run("staff", "add", "美美", "--role", "designer", "--as", "黄乔")
        let empty = try orders.write(cli, "empty.csv", OrderCLITests.header + "\n")
        for file in [empty, cli.directory.appendingPathComponent("no-such-file.csv").path] {
            let result = try cli.run("order", "import", file, "--as", "美美")
            #expect(result.status == 1, "\(file): \(result.err)")
            #expect(result.err.contains("美美") && result.err.contains("may not"), "\(file): \(result.err)")
        }
        let statement = try orders.write(cli, "zto.csv", "运单号,重量,金额\n73100000000001,1.0,5.00\n")
        let refused = try cli.run("courier", "statement", "import", statement, "--courier", "ZTO", "--month", "2026-11", "--as", "美美")
        #expect(refused.status == 1 && refused.err.contains("may not"), "\(refused.err)")
        // A designer may manage the catalogue (ORG-1); customer care may not.
        try cli.run("staff", "add", "小客", "--role", "cs-agent", "--as", "黄乔")
        let products = try orders.write(cli, "products.csv", "商家编码,名称,类目,价格\n")
        let productRefused = try cli.run("product", "import", products, "--as", "小客")
        #expect(productRefused.status == 1 && productRefused.err.contains("may not"), "\(productRefused.err)")
    }

    @Test("a statement for a courier the shop never configured is refused")
    func unconfiguredCourier() throws {
        let cli = try orders.shop()
        let statement = try orders.write(cli, "foo.csv", "运单号,重量,金额\nFOO12345678,1.0,5.00\n")
        let result = try cli.run("courier", "statement", "import", statement, "--courier", "FOO", "--month", "2026-11", "--as", "黄乔")
        #expect(result.status == 1 && result.err.contains("no agreed prices with FOO"), "\(result.err)")
    }

    @Test("shift start at 20:15 for a shift rostered at 08:00 shows late, with the minutes")
    func lateStart() throws {
        var cli = try CLI(language: "en_US.UTF-8", now: "2026-11-30T09:00:00+08:00")
        try cli.run("init", "--shop", "测试小店", "--owner", "黄乔")
        try cli.run("staff", "add", "二哥", "--role", "warehouse", "--as", "黄乔")
        let planned = try cli.run("roster", "plan", "--week", "2026-W49", "--as", "黄乔")
        #expect(planned.status == 0, "\(planned.err)")
        let lines = try cli.json("roster", "show", "--week", "2026-W49") as? [[String: Any]] ?? []
        let day = try #require(lines.first { $0["name"] as? String == "二哥" && $0["template"] as? String == "warehouse" }?["day"] as? String)
        cli.environment["ZHANGGUI_NOW"] = "\(day)T20:15:00+08:00"
        let started = try cli.run("shift", "start", "--as", "二哥")
        #expect(started.status == 0, "\(started.err)")
        #expect(started.out.contains("735 min late") && !started.out.contains("unscheduled"), "\(started.out)")
    }
}
