import Foundation
import Testing

/// Customer care through the built binary (issue 12): an agent's evening with a real export.
@Suite("zhanggui customer care commands")
struct CustomerCareCLITests {
    func shop() throws -> CLI {
        let cli = try CLI(language: "en_US.UTF-8", now: "2026-11-30T15:00:00+08:00")
        try cli.run("init", "--shop", "测试小店", "--owner", "黄乔")
        try cli.run("staff", "add", "周小雨", "--role", "cs-agent", "--as", "黄乔")
        try cli.run("staff", "add", "二哥", "--role", "warehouse", "--as", "黄乔")
        let path = cli.directory.appendingPathComponent("orders.csv").path
        try Data("""
            \(OrderCLITests.header)
            ="1930000000000001","tb_小美","89.00","89.00","买家已付款，等待卖家发货","","张三","上海 上海市 闵行区 某路1号(201199)","'13800000001","2026-11-29 10:00:00","2026-11-29 10:01:00"
            ="1930000000000002","tb_阿强","59.00","0.00","等待买家付款","","李四","北京 北京市 朝阳区 某路2号(100020)","'13900000002","2026-11-29 11:00:00",""

            """.utf8).write(to: URL(fileURLWithPath: path))
        let imported = try cli.run("order", "import", path, "--as", "周小雨")
        #expect(imported.status == 0, "\(imported.err)")
        return cli
    }

    @Test("customers from the import: search by phone fragment, blacklist flagged on the order")
    func customers() throws {
        let cli = try shop()
        let list = try cli.json("customer", "list", "0000002") as? [[String: Any]]
        #expect(list?.map { $0["nick"] as? String } == ["tb_阿强"])
        #expect(try cli.run("customer", "blacklist", "tb_阿强", "--reason", "恶意差评", "--as", "周小雨").status == 0)
        let show = try cli.run("order", "show", "0002")
        #expect(show.out.contains("blacklisted buyer") && show.out.contains("恶意差评"))
        let orders = try cli.run("order", "list")
        #expect(orders.out.contains("[黑]"))
        let unknown = try cli.run("customer", "note", "tb_nobody", "x", "--as", "周小雨")
        #expect(unknown.status == 1 && unknown.err.split(separator: "\n").count == 1 && unknown.err.contains("tb_nobody"))
    }

    @Test("a bad review: over the refund limit refused for the agent, allowed for the GM; nothing written on refusal")
    func review() throws {
        let cli = try shop()
        let added = try cli.run("review", "add", "0001", "--rating", "bad", "--text", "有线头", "--as", "周小雨")
        #expect(added.status == 0)
        let id = try #require((try cli.json("review", "list") as? [[String: Any]])?.first?["review"] as? String)
        let refused = try cli.run("review", "handle", id, "--outcome", "revised", "--refund", "80", "--as", "周小雨")
        #expect(refused.status == 1 && refused.err.contains("CS-4") && refused.err.contains("GM"))
        #expect((try cli.json("review", "list") as? [[String: Any]])?.first?["handled"] as? Bool == false)
        #expect(try cli.run("review", "handle", id, "--outcome", "revised", "--refund", "80", "--as", "黄乔").status == 0)
        let handover = try cli.run("review", "list", "--open")
        #expect(handover.out.contains("0 open"))
    }

    @Test("a complaint: out of order and after the archive refused; the role not allowed refused")
    func complaint() throws {
        let cli = try shop()
        #expect(try cli.run("complaint", "open", "--order", "0001", "--text", "回复慢", "--as", "周小雨").status == 0)
        let id = try #require((try cli.json("complaint", "list") as? [[String: Any]])?.first?["complaint"] as? String)
        let noKind = try cli.run("complaint", "advance", id, "--as", "周小雨")
        #expect(noKind.status == 1 && noKind.err.contains("--kind"))
        let early = try cli.run("complaint", "close", id, "--as", "周小雨")
        #expect(early.status == 1 && early.err.contains("CS-7"))
        let forbidden = try cli.run("complaint", "advance", id, "--kind", "service", "--as", "二哥")
        #expect(forbidden.status == 1)
        for arguments in [["--kind", "service", "--against", "周小雨"], [], [], ["--upheld"], ["--evaluation", "满意"]] {
            let step = try cli.run(["complaint", "advance", id] + arguments + ["--as", "黄乔"])
            #expect(step.status == 0, "\(step.err)")
        }
        #expect(try cli.run("complaint", "close", id, "--as", "黄乔").status == 0)
        let again = try cli.run("complaint", "advance", id, "--as", "黄乔")
        #expect(again.status == 1 && again.err.contains("archived"))
        let report = try cli.json("complaint", "report") as? [String: Any]
        #expect(report?["opened"] as? Int == 1 && report?["archived"] as? Int == 1)
    }

    @Test("inquiries, follow-ups and the daily report as table, JSON and CSV")
    func daily() throws {
        let cli = try shop()
        #expect(try cli.run("inquiry", "log", "tb_新客", "--product", "雪纺衫", "--outcome", "lost", "--reason", "价格", "--as", "周小雨").status == 0)
        let badReason = try cli.run("inquiry", "log", "tb_新客", "--outcome", "lost", "--reason", "不知道", "--as", "周小雨")
        #expect(badReason.status == 1 && badReason.err.contains("reason-add"))
        let followups = try cli.json("inquiry", "followups") as? [[String: Any]]
        #expect(followups?.map { $0["order"] as? String } == ["1930000000000002"])
        #expect(try cli.run("inquiry", "followup", "0002", "已提醒付款", "--as", "周小雨").status == 0)
        let csv = cli.directory.appendingPathComponent("cs.csv").path
        let table = try cli.run("cs", "daily", "--csv", csv)
        #expect(table.status == 0 && table.out.contains("周小雨"))
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(text.contains("agent,inquiries") && text.contains("周小雨,1,0,1"))
        let json = try cli.json("cs", "daily") as? [String: Any]
        #expect((json?["rows"] as? [[String: Any]])?.first?["followUps"] as? Int == 1)
    }
}
