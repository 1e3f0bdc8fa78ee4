import Foundation
import Testing

/// Issue 19: every number the command line accepts, fed boundary values through the built
/// binary: nothing crashes, a value beyond its limit is refused naming the limit, a value that
/// is no whole number says so, and a negative number is read as a value, not an option.
@Suite("numbers on the command line: limits, negatives, no crash", .serialized)  // one process at a time: many blocking runs at once starve the async tests of threads
struct NumericInputCLITests {
    /// One numeric input: the command with `{}` where the value goes, and its kind.
    struct Input: CustomStringConvertible, Sendable {
        enum Kind: Sendable { case positive, nonNegative, signed, money, kilograms }
        var arguments: [String]
        var kind: Kind
        var max: String
        var beyond: String
        var description: String { arguments.joined(separator: " ") }

        init(_ arguments: [String], _ kind: Kind, max: String = "100000", beyond: String = "100001") {
            self.arguments = arguments
            self.kind = kind
            self.max = max
            self.beyond = beyond
        }
    }

    static let sku = "AF1023-WHT-M"
    static let inputs: [Input] = [
        Input(["stock", "adjust", sku, "--location", "A-01-1", "--by", "{}", "--reason", "x", "--as", "黄乔"], .signed),
        Input(["stock", "move", sku, "--from", "A-01-1", "--to", "A-01-2", "--quantity", "{}", "--as", "黄乔"], .positive),
        Input(["stock", "defective", sku, "--from", "A-01-1", "--quantity", "{}", "--reason", "x", "--as", "黄乔"], .positive),
        Input(["stock", "threshold", sku, "{}", "--as", "黄乔"], .nonNegative),
        Input(["receipt", "create", "--vendor", "工厂", "--line", sku + ":{}", "--as", "黄乔"], .positive),
        Input(["receipt", "inspect", "R1", sku, "--accepted", "{}", "--as", "黄乔"], .nonNegative),
        Input(["receipt", "inspect", "R1", sku, "--accepted", "1", "--rejected", "{}", "--as", "黄乔"], .nonNegative),
        Input(["count", "enter", "C1", "--sku", sku, "--location", "A-01-1", "--quantity", "{}", "--as", "黄乔"], .nonNegative),
        Input(["count", "enter", "C1", "--category", "上衣", "--total", "{}", "--as", "黄乔"], .nonNegative, max: "10000000", beyond: "10000001"),
        Input(["order", "add-item", "1930000000000001", sku, "--quantity", "{}", "--as", "黄乔"], .positive),
        Input(["order", "add-item", "1930000000000001", sku, "--price", "{}", "--as", "黄乔"], .money),
        Input(["order", "add-item", "1930000000000001", sku, "--extra-postage", "{}", "--as", "黄乔"], .money),
        Input(["product", "add", "NEW-1", "--name", "新品", "--price", "{}", "--as", "黄乔"], .money),
        Input(["product", "add", "NEW-1", "--name", "新品", "--price", "1", "--cost", "{}", "--as", "黄乔"], .money),
        Input(["courier", "rate", "--courier", "ZTO", "--first-kg", "{}", "--extra-kg", "1", "--as", "黄乔"], .money),
        Input(["courier", "rate", "--courier", "ZTO", "--first-kg", "1", "--extra-kg", "{}", "--as", "黄乔"], .money),
        Input(["parcel", "weigh", "73100000000001", "--kg", "{}", "--fee", "1", "--as", "黄乔"], .kilograms, max: "100", beyond: "100.001"),
        Input(["parcel", "weigh", "73100000000001", "--kg", "1", "--fee", "{}", "--as", "黄乔"], .money),
        Input(["parcel", "misship", "73100000000001", "--kind", "wrong", "--goods", "{}", "--as", "黄乔"], .money),
        Input(["parcel", "misship", "73100000000001", "--kind", "wrong", "--postage", "{}", "--as", "黄乔"], .money),
        Input(["claim", "open", "73100000000001", "--kind", "lost", "--amount", "{}", "--as", "黄乔"], .money),
        Input(["pickup", "confirm", "P1", "--stubs", "{}", "--courier-name", "王师傅", "--as", "黄乔"], .nonNegative),
        Input(["shift", "leave", "--approved-by", "黄乔", "--minutes", "{}", "--reason", "x", "--as", "小王"], .positive, max: "1440", beyond: "1441"),
        Input(["waybill", "stock", "add", "--courier", "ZTO", "--from", "73100000000001", "--count", "{}", "--as", "黄乔"], .positive),
        Input(["waybill", "print", "--resume", "B1", "--from", "{}", "--out", "x.html", "--as", "黄乔"], .positive),
        Input(["pack", "73100000000001", "--scan", sku, "--supply", "BAG:{}", "--as", "黄乔"], .positive),
        Input(["policy", "set", "LOG-2.fine", "{}", "--as", "黄乔"], .money),
        Input(["target", "set", "--month", "2026-12", "--amount", "{}", "--as", "黄乔"], .money),
        Input(["policy", "set", "CS-10.low-stock", "{}", "--as", "黄乔"], .nonNegative),
    ]

    static let moneyMax = "1000000", moneyBeyond = "1000000.01"

    func shop() throws -> CLI {
        let cli = try CLI(language: "en_US.UTF-8", now: "2026-11-30T15:00:00+08:00")
        try cli.run("init", "--shop", "测试小店", "--owner", "黄乔")
        try cli.run("staff", "add", "小王", "--role", "shipper", "--as", "黄乔")
        try cli.run("location", "add", "A-01-1", "--as", "黄乔")
        try cli.run("location", "add", "A-01-2", "--as", "黄乔")
        try cli.run("product", "add", Self.sku, "--name", "雪纺衫", "--colour", "白色", "--size", "M", "--price", "89", "--as", "黄乔")
        try cli.run("stock", "adjust", Self.sku, "--location", "A-01-1", "--by", "10", "--reason", "期初", "--as", "黄乔")
        return cli
    }

    /// A process that ended by a signal (a trap) has a status past 128 or a negative one.
    func expectNoCrash(_ result: CLI.Result, _ context: String) {
        #expect((0...2).contains(result.status), "crashed: \(context): \(result.status) \(result.err)")
        #expect(!result.err.contains("Missing value"), "\(context): \(result.err)")
        #expect(!result.err.contains("Fatal error"), "\(context): \(result.err)")
    }

    @Test("boundary values to every numeric input", arguments: inputs)
    func boundaries(input: Input) throws {
        let cli = try shop()
        func run(_ value: String) throws -> CLI.Result {
            try cli.run(input.arguments.map { $0.replacingOccurrences(of: "{}", with: value) })
        }
        let money = input.kind == .money
        let max = money ? Self.moneyMax : input.max, beyond = money ? Self.moneyBeyond : input.beyond
        // In range: whatever else the command says (no such receipt …), never a complaint about the number.
        for value in ["0", max] {
            let result = try run(value)
            expectNoCrash(result, "\(input) ← \(value)")
            let refusedAsNumber = result.err.contains("too large") || result.err.contains("not a whole number") || result.err.contains("is negative")
            if value == "0", input.kind == .positive || input.kind == .kilograms {
                #expect(result.status == 1 && result.err.contains("positive"), "\(input) ← 0: \(result.err)")
            } else {
                #expect(!refusedAsNumber, "\(input) ← \(value): \(result.err)")
            }
        }
        // Beyond: refused, naming the limit.
        for value in [beyond, "9223372036854775807", "+9223372036854775000", String(repeating: "9", count: 40)] {
            let result = try run(value)
            expectNoCrash(result, "\(input) ← \(value)")
            #expect(result.status == 1, "\(input) ← \(value): \(result.err)")
            #expect(result.err.contains("too large"), "\(input) ← \(value): \(result.err)")
            #expect(result.err.contains(money ? "1000000.00" : input.kind == .kilograms ? "100" : max.count > 6 ? "10,000,000" : max == "1440" ? "1,440" : "100,000"),
                    "\(input) ← \(value): \(result.err)")
            #expect(result.err.split(separator: "\n").count == 1, "\(input) ← \(value): \(result.err)")
        }
        // Not a whole number (or amount) at all.
        for value in ["1e9", "١٢", "12abc"] {
            let result = try run(value)
            expectNoCrash(result, "\(input) ← \(value)")
            #expect(result.status == 1, "\(input) ← \(value): \(result.err)")
            #expect(result.err.contains("not"), "\(input) ← \(value): \(result.err)")
        }
        // Negative: said to be wrong as a number, never taken for an option.
        let negative = try run("-1")
        expectNoCrash(negative, "\(input) ← -1")
        if input.kind != .signed {
            #expect(negative.status == 1, "\(input) ← -1: \(negative.err)")
            #expect(negative.err.contains("positive") || negative.err.contains("negative"), "\(input) ← -1: \(negative.err)")
        }
        #expect(try cli.run("journal", "verify").status == 0)
    }

    @Test("the issue's own examples, and a negative number as an option's value")
    func examples() throws {
        let cli = try shop()
        let huge = try cli.run("stock", "adjust", Self.sku, "--location", "A-01-1", "--by", "+9223372036854775807", "--reason", "x", "--as", "黄乔")
        #expect(huge.status == 1 && huge.err.contains("100,000"), "\(huge.err)")
        let near = try cli.run("stock", "adjust", Self.sku, "--location", "A-01-1", "--by", "+9223372036854775000", "--reason", "x", "--as", "黄乔")
        #expect(near.status == 1 && near.err.contains("too large"), "\(near.err)")
        let line = try cli.run("receipt", "create", "--vendor", "工厂", "--line", "\(Self.sku):999999999999999", "--as", "黄乔")
        #expect(line.status == 1 && line.err.contains("too large"), "\(line.err)")
        // A negative change is a value: `--by -3` takes three away.
        #expect(try cli.run("stock", "adjust", Self.sku, "--location", "A-01-1", "--by", "-3", "--reason", "破损", "--as", "黄乔").status == 0)
        let stock = try cli.json("stock", "list") as? [[String: Any]]
        #expect(stock?.first?["sellable"] as? Int == 7)
        let quantity = try cli.run("stock", "move", Self.sku, "--from", "A-01-1", "--to", "A-01-2", "--quantity", "-5", "--as", "黄乔")
        #expect(quantity.status == 1 && quantity.err.contains("--quantity") && quantity.err.contains("must be a positive whole number"), "\(quantity.err)")
        let price = try cli.run("product", "add", "NEW-2", "--name", "新品", "--price", "-89", "--as", "黄乔")
        #expect(price.status == 1 && price.err.contains("--price") && price.err.contains("negative"), "\(price.err)")
        let policy = try cli.run("policy", "set", "CS-10.low-stock", "-8", "--as", "黄乔")
        #expect(policy.status == 1 && policy.err.contains("negative"), "\(policy.err)")
        let threshold = try cli.run("stock", "threshold", Self.sku, "-5", "--as", "黄乔")
        #expect(threshold.status == 1 && threshold.err.contains("negative"), "\(threshold.err)")
        #expect(try cli.run("journal", "verify").status == 0)
    }

    @Test("--lang zh: the parser's own errors in Chinese")
    func chineseUsageErrors() throws {
        let cli = try shop()
        let missing = try cli.run("--lang", "zh", "stock", "move", Self.sku, "--from", "A-01-1", "--to", "A-01-2", "--quantity")
        #expect(missing.status == 2)
        #expect(missing.err.contains("缺少") && !missing.err.contains("Missing value") && !missing.err.contains("Usage:"), "\(missing.err)")
        let unknown = try cli.run("--lang", "zh", "stock", "list", "--bogus")
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("不认识的选项") && !unknown.err.contains("Unknown option"), "\(unknown.err)")
        let unexpected = try cli.run("--lang", "zh", "staff", "frobnicate")
        #expect(unexpected.status == 2 && !unexpected.err.contains("Error:"), "\(unexpected.err)")
        let english = try cli.run("--lang", "en", "stock", "list", "--bogus")
        #expect(english.err.contains("Unknown option"))
    }

    @Test("CSV cells in every importer: counts and amounts beyond the limits refused, naming file:line and the limit",
          arguments: ["100001", "9223372036854775807", String(repeating: "9", count: 40), "1e9", "１２３４５６７"])
    func csvCells(value: String) throws {
        let cli = try shop()
        func write(_ name: String, _ text: String) throws -> String {
            let path = cli.directory.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let amount = value == "100001" ? "1000001" : value  // beyond ¥1,000,000.00 as a money cell
        let products = try write("products.csv", "商家编码,名称,颜色,尺码,价格\nNEW-9,新品,白色,M,\(amount)\n")
        let product = try cli.run("product", "import", products, "--as", "黄乔")
        #expect(product.status == 1 && product.err.contains("products.csv:2"), "\(product.err)")
        #expect(product.err.contains("too large") || product.err.contains("not an amount"), "\(product.err)")
        let orders = try write("orders.csv", OrderCLITests.header + "\n"
            + "=\"1930000000000009\",\"tb_a\",\"\(value)\",\"89.00\",\"买家已付款，等待卖家发货\",\"\",\"张三\",\"上海 上海市 闵行区 某路1号(201199)\",\"'13800000001\",\"2026-11-29 10:00:00\",\"2026-11-29 10:01:00\"\n")
        let details = try write("details.csv", "\"订单编号\",\"标题\",\"价格\",\"购买数量\",\"外部系统编号\",\"商品属性\",\"套餐信息\",\"备注\",\"订单状态\",\"商家编码\"\n"
            + "=\"1930000000000009\",\"雪纺衫\",\"89.00\",\"\(value)\",\"\",\"颜色分类：白色;尺码：M\",\"\",\"\",\"买家已付款，等待卖家发货\",\"\(Self.sku)\"\n")
        let order = try cli.run("order", "import", orders, "--details", details, "--as", "黄乔")
        #expect(order.status == 1, "\(order.err)")
        #expect(order.err.contains("too large") || order.err.contains("not an amount") || order.err.contains("not a positive whole number"), "\(order.err)")
        #expect(order.err.contains(".csv:2"), "\(order.err)")
        try cli.run("courier", "rate", "--courier", "ZTO", "--first-kg", "5", "--extra-kg", "2", "--as", "黄乔")
        for row in ["73100000000001,\(value),5.00", "73100000000001,1.0,\(amount)"] {
            let statement = try write("zto.csv", "运单号,重量,金额\n\(row)\n")
            let result = try cli.run("courier", "statement", "import", statement, "--courier", "ZTO", "--month", "2026-11", "--as", "黄乔")
            #expect(result.status == 1 && result.err.contains("zto.csv:2"), "\(row): \(result.err)")
        }
        #expect(try cli.run("journal", "verify").status == 0)
    }
}
