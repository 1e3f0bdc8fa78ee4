import Foundation
import Testing

/// Campaign approval through the built binary (CAMP-1…CAMP-3): the chain a new user walks, and
/// every bad input refused with one line, exit 1, nothing written.
@Suite("zhanggui campaign commands")
struct CampaignCLITests {
    func shop() throws -> CLI {
        let cli = try CLI(language: "en_US.UTF-8", now: "2026-11-30T15:00:00+08:00")
        try cli.run("init", "--shop", "测试小店", "--owner", "黄乔")
        try cli.run("staff", "add", "史文龙", "--role", "tech-lead", "--as", "黄乔")
        try cli.run("staff", "add", "汪莎", "--role", "designer", "--as", "黄乔")
        try cli.run("staff", "add", "刘芬", "--role", "cs-lead", "--as", "黄乔")
        try cli.run("product", "add", "AF1023-WHT-M", "--name", "雪纺衫", "--colour", "白色", "--size", "M", "--price", "89", "--as", "黄乔")
        let declared = try cli.run("campaign", "declare", "--id", "CP-1", "--name", "双十二聚划算", "--platform", "聚划算",
                                   "--starts", "2026-12-10", "--ends", "2026-12-12", "--requirements", "主图 800×800",
                                   "--item", "AF1023-WHT-M=59", "--budget", "500", "--fee-rate", "5%", "--as", "史文龙")
        #expect(declared.status == 0, "\(declared.err)")
        return cli
    }

    func journal(_ cli: CLI) throws -> Int {
        try (cli.json("journal", "list", "--limit", "1000") as? [Any])?.count ?? -1
    }

    func refused(_ cli: CLI, _ arguments: String..., containing text: String) throws {
        let before = try journal(cli)
        let result = try cli.run(arguments)
        #expect(result.status == 1, "\(arguments)")
        #expect(result.err.contains(text), "\(result.err)")
        #expect(result.err.split(separator: "\n").count == 1)
        #expect(try journal(cli) == before)
    }

    @Test("the whole chain, the printed draft, going live and an error's fines")
    func wholeChain() throws {
        let cli = try shop()
        let draft = cli.directory.appendingPathComponent("draft")
        try FileManager.default.createDirectory(at: draft, withIntermediateDirectories: true)
        try Data("PNG main".utf8).write(to: draft.appendingPathComponent("main.png"))
        #expect(try cli.run("campaign", "sign", "CP-1", "--step", "approve", "--as", "黄乔").status == 0)
        #expect(try cli.run("campaign", "sign", "CP-1", "--step", "初审", "--as", "刘芬").status == 0)
        #expect(try cli.run("campaign", "attach", "CP-1", draft.path, "--as", "汪莎").status == 0)
        #expect(try cli.run("campaign", "sign", "CP-1", "--step", "design", "--as", "汪莎").status == 0)
        #expect(try cli.run("campaign", "sign", "CP-1", "--step", "proofread", "--as", "史文龙").status == 0)
        let inbox = try cli.run("campaign", "inbox", "--as", "黄乔")
        #expect(inbox.out.contains("finalize"))
        #expect(try cli.run("campaign", "sign", "CP-1", "--step", "finalize", "--as", "黄乔").status == 0)
        let page = cli.directory.appendingPathComponent("draft.html").path
        #expect(try cli.run("campaign", "print", "CP-1", "--out", page).status == 0)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("双十二聚划算") && html.contains("data:image/png;base64,") && html.contains("定稿"))
        let show = try cli.json("campaign", "show", "CP-1") as? [String: Any]
        #expect((show?["contentHash"] as? String).map { html.contains($0) } == true)
        #expect(try cli.run("campaign", "live", "CP-1", "--as", "史文龙").status == 0)
        let error = try cli.run("campaign", "error", "CP-1", "--what", "尺码表写错", "--as", "黄乔")
        #expect(error.status == 0)
        #expect(error.out.contains("刘芬") && error.out.contains("史文龙"))
        let summary = try cli.run("campaign", "summary", "CP-1", "--text", "卖得不错", "--spent", "300", "--as", "史文龙")
        #expect(summary.status == 0 && summary.out.contains("300.00"))
        let list = try cli.json("campaign", "list") as? [[String: Any]]
        #expect(list?.first?["state"] as? String == "live")
    }

    @Test("bad input: one line, exit 1, nothing written")
    func badInput() throws {
        let cli = try shop()
        try refused(cli, "campaign", "sign", "CP-1", "--step", "review", "--as", "刘芬", containing: "not due")
        try refused(cli, "campaign", "sign", "CP-1", "--step", "approve", "--as", "史文龙", containing: "cannot sign approve")
        try refused(cli, "campaign", "sign", "CP-1", "--step", "approve", "--hash", "deadbeef", "--as", "黄乔", containing: "stale")
        try refused(cli, "campaign", "live", "CP-1", "--as", "史文龙", containing: "not finalized")
        try refused(cli, "campaign", "live", "CP-1", "--override", "急", "--as", "史文龙", containing: "only the GM")
        try cli.run("campaign", "sign", "CP-1", "--step", "approve", "--as", "黄乔")
        try cli.run("campaign", "sign", "CP-1", "--step", "review", "--as", "刘芬")
        try refused(cli, "campaign", "attach", "CP-1", cli.directory.appendingPathComponent("nope.png").path, "--as", "汪莎", containing: "missing")
        let file = cli.directory.appendingPathComponent("main.png")
        try Data("v1".utf8).write(to: file)
        try cli.run("campaign", "attach", "CP-1", file.path, "--as", "汪莎")
        try Data("v1 changed".utf8).write(to: file)
        try refused(cli, "campaign", "sign", "CP-1", "--step", "design", "--as", "汪莎", containing: "changed after it was attached")
        try FileManager.default.removeItem(at: file)
        try refused(cli, "campaign", "sign", "CP-1", "--step", "design", "--as", "汪莎", containing: "missing")
        try refused(cli, "campaign", "declare", "--name", "x", "--platform", "p", "--starts", "2026-12-01", "--ends", "2026-12-02",
                    "--item", "NOPE=1", "--as", "史文龙", containing: "no product NOPE")
        // The GM's override is accepted and recorded.
        let live = try cli.run("campaign", "live", "CP-1", "--override", "平台今晚截止", "--as", "黄乔")
        #expect(live.status == 0 && live.out.contains("override"))
    }
}
