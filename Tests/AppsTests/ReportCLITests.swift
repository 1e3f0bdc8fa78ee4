import Foundation
import Testing

/// `zhanggui report …` and `zhanggui target …` through the built binary on the demo shop.
@Suite("zhanggui report and target commands")
struct ReportCLITests {
    func demo() throws -> CLI {
        let cli = try CLI(language: "zh_CN.UTF-8", now: "2026-11-30T10:00:00+08:00")
        #expect(try cli.run("demo", "--seed", "7").status == 0)
        return cli
    }

    @Test("sales: a table, --json, a CSV with a BOM and an HTML page; the GM's target shows against it")
    func sales() throws {
        let cli = try demo()
        #expect(try cli.run("target", "set", "--month", "2026-11", "--amount", "3000", "--as", "黄乔").status == 0)
        let refused = try cli.run("target", "set", "--month", "2026-11", "--amount", "1", "--as", "周小雨")
        #expect(refused.status == 1 && refused.err.split(separator: "\n").count == 1)
        let csv = cli.directory.appendingPathComponent("sales.csv"), html = cli.directory.appendingPathComponent("sales.html")
        let table = try cli.run("report", "sales", "--month", "2026-11", "--csv", csv.path, "--html", html.path)
        #expect(table.status == 0, "\(table.err)")
        #expect(table.out.contains("销售报表") && table.out.contains("按颜色 × 尺码") && table.out.contains("¥3000.00"))
        let bytes = try Data(contentsOf: csv)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("销售报表,2026-11\r\n"))
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("<svg") && !page.contains("<script"))
        let json = try #require(try cli.json("report", "sales", "--month", "2026-11") as? [String: Any])
        #expect((json["orders"] as? Int ?? 0) > 0)
        #expect(((json["target"] as? [String: Any])?["target"] as? Int) == 300_000)
    }

    @Test("bad periods, a future month and two periods: one clear line, exit 1; an empty month says so")
    func refusals() throws {
        let cli = try demo()
        for arguments in [["--month", "2026-13"], ["--week", "2026-W60"], ["--month", "2026-12"], ["--date", "2026-11-30", "--month", "2026-11"]] {
            let result = try cli.run(["report", "sales"] + arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.err.split(separator: "\n").count == 1, "\(arguments): \(result.err)")
            #expect(result.out.isEmpty)
        }
        let empty = try cli.run("report", "shipping", "--month", "2026-08")
        #expect(empty.status == 0 && empty.out.contains("2026-08 没有发货数据"))
    }

    @Test("every report answers for a month, a week and a day; cs and fund from their modules; bad input is one line, exit 1")
    func everyReport() throws {
        let cli = try demo()
        for report in ["sales", "inventory", "shipping", "staff", "cs", "fund"] {
            for period in [["--month", "2026-11"], ["--week", "2026-W48"], ["--date", "2026-11-24"]] {
                let result = try cli.run(["report", report] + period)
                #expect(result.status == 0, "\(report) \(period): \(result.err)")
                #expect(!result.out.contains("暂无数据"), "\(report) \(period)")
            }
            for arguments in [["--month", "2026-13"], ["--month", "2026-12"], ["--week", "2026-W60"]] {
                let refused = try cli.run(["report", report] + arguments)
                #expect(refused.status == 1 && refused.err.split(separator: "\n").count == 1 && refused.out.isEmpty, "\(report) \(arguments)")
            }
        }
        // CS-12: the day's report is the agents' rows of `cs daily`.
        let cs = try cli.run("report", "cs", "--date", "2026-11-29")
        #expect(cs.status == 0 && cs.out.contains("客服日报") && cs.out.contains("周小雨"))
        let daily = try #require(try cli.json("cs", "daily", "--date", "2026-11-29") as? [String: Any])
        let csJSON = try #require(try cli.json("report", "cs", "--date", "2026-11-29") as? [String: Any])
        #expect((csJSON["agents"] as? [[String: Any]])?.count == (daily["rows"] as? [[String: Any]])?.count)
        // DISC-4: the fund's month, as `fund statement --month` has it.
        let statement = try #require(try cli.json("fund", "statement", "--month", "2026-11") as? [String: Any])
        let fund = try #require(try cli.json("report", "fund", "--month", "2026-11") as? [String: Any])
        #expect((fund["statement"] as? [String: Any])?["balance"] as? Int == statement["balance"] as? Int)
        #expect((fund["days"] as? [Any])?.count == 30)
        let html = cli.directory.appendingPathComponent("fund.html")
        let page = try cli.run("report", "fund", "--month", "2026-11", "--html", html.path)
        let fundPage = try String(contentsOf: html, encoding: .utf8)
        #expect(page.status == 0 && fundPage.contains("每日基金余额"))
        let empty = try cli.run("report", "fund", "--month", "2026-08")
        #expect(empty.status == 0 && empty.out.contains("2026-08 没有部门基金数据"))
        let emptyCS = try cli.run("report", "cs", "--month", "2026-08")
        #expect(emptyCS.status == 0 && emptyCS.out.contains("2026-08 没有客服数据"))
        // CAMP-3 through Approval's own report: an unknown campaign is one line, exit 1.
        let campaign = try cli.run("report", "campaign", "C-NONE")
        #expect(campaign.status == 1 && campaign.err.split(separator: "\n").count == 1)
    }

    @Test("report sales --month --file by the sales agent marks the due report done (ORG-2)")
    func filing() throws {
        let cli = try demo()
        let due = { () throws -> [[String: Any]] in try cli.json("due", "list") as? [[String: Any]] ?? [] }
        func status() throws -> String? {
            try due().first { $0["name"] as? String == "周小雨" && $0["kind"] as? String == "monthly-sales-report" && $0["period"] as? String == "2026-11" }?["status"] as? String
        }
        #expect(try status() == "due")
        let filed = try cli.run("report", "sales", "--month", "2026-11", "--file", "--as", "周小雨")
        #expect(filed.status == 0 && filed.out.contains("已交 2026-11 的月度销售报表"))
        #expect(try status() == "done")
        let designer = try cli.run("report", "sales", "--month", "2026-11", "--file", "--as", "汪莎")
        #expect(designer.status == 1 && designer.err.contains("不欠"))
    }
}
