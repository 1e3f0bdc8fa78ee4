import Foundation
import Testing

/// Fines, the fund, leave and training through the built binary (DISC-1..4, HR-3, HR-4, HR-6, ORG-3).
@Suite("CLI: fines, the fund, leave")
struct PeopleCLITests {
    func shop() throws -> CLI {
        let cli = try CLI(language: "en_US.UTF-8")
        try cli.run("init", "--shop", "Shop", "--owner", "黄乔")
        try cli.run("staff", "add", "刘芬", "--role", "cs-lead,cs-agent", "--as", "黄乔")
        try cli.run("staff", "add", "小红", "--role", "cs-agent", "--gender", "f", "--birth", "2003-12-20", "--as", "黄乔")
        return cli
    }

    func count(_ cli: CLI) throws -> Int { (try cli.json("journal", "list", "--limit", "1000") as! [Any]).count }

    @Test("bad input: over the limit, a spouse's parent without the GM, one's own leave, beyond the fund, a waiver not by the GM — exit 1, one line, nothing written")
    func badInput() throws {
        let cli = try shop()
        #expect(try cli.run("fine", "book", "小红", "--what", "玩手机", "--as", "刘芬").status == 0)
        let fine = try #require((try cli.json("fine", "list") as! [[String: Any]]).first)
        #expect(fine["amount"] as? Int == 1000 && fine["rule"] as? String == "DISC-2")
        #expect(try cli.run("leave", "request", "--kind", "bereavement", "--relation", "spouse-parent", "--from", "2026-12-03", "--days", "2",
                            "--as", "小红").status == 0)
        #expect(try cli.run("leave", "request", "--kind", "sick", "--from", "2026-12-03", "--days", "1", "--as", "刘芬").status == 0)
        let notes = try cli.json("leave", "list") as! [[String: Any]]
        let inLaw = notes.first { $0["kind"] as? String == "bereavement" }!["id"] as! String
        let own = notes.first { $0["kind"] as? String == "sick" }!["id"] as! String
        #expect(try cli.run("fund", "pay", "小红", "--amount", "10", "--as", "小红").status == 0)
        let photo = cli.directory.appendingPathComponent("receipt.jpg")
        try Data("receipt".utf8).write(to: photo)
        let before = try count(cli)
        let cases: [([String], String)] = [
            (["leave", "request", "--kind", "marriage", "--wedding", "2026-12-19", "--from", "2026-12-19", "--days", "4", "--as", "小红"], "at most 3 days"),
            (["leave", "request", "--kind", "bereavement", "--relation", "parent", "--from", "2026-12-03", "--days", "5", "--as", "小红"], "at most 3 days"),
            (["leave", "approve", inLaw, "--as", "刘芬"], "needs the GM's approval"),
            (["leave", "approve", own, "--as", "刘芬"], "nobody approves their own leave"),
            (["fund", "spend", "--what", "tea", "--amount", "10.01", "--receipt", photo.path, "--as", "黄乔"], "the fund holds ¥10.00"),
            (["fine", "waive", fine["key"] as! String, "--reason", "ok", "--as", "刘芬"], "only the GM waives"),
        ]
        for (arguments, message) in cases {
            let result = try cli.run(arguments)
            #expect(result.status == 1, "\(arguments): \(result.err)")
            #expect(result.err.contains(message) && result.err.split(separator: "\n").count == 1, "\(arguments): \(result.err)")
        }
        #expect(try count(cli) == before)
        // And the good ones.
        #expect(try cli.run("leave", "request", "--kind", "marriage", "--wedding", "2026-12-20", "--from", "2026-12-20", "--days", "13", "--as", "小红").status == 0)
        #expect(try cli.run("leave", "approve", inLaw, "--as", "黄乔").status == 0)
        #expect(try cli.run("fund", "spend", "--what", "tea", "--amount", "10", "--receipt", photo.path, "--as", "黄乔").status == 0)
        #expect(try cli.run("fine", "waive", fine["key"] as! String, "--reason", "first time", "--as", "黄乔").status == 0)
        let statement = try cli.json("fund", "statement", "--month", "2026-11") as! [String: Any]
        #expect(statement["balance"] as? Int == 0 && statement["spent"] as? Int == 1000 && statement["owed"] as? Int == 0)
        let verify = try cli.run("fund", "verify")
        #expect(verify.status == 0 && verify.out.contains("2 entries"))
        #expect(try cli.run("fine", "list", "--month", "2026-11", "--rule", "DISC-2").out.contains("waived: first time"))
        #expect(try cli.run("journal", "verify").status == 0)
    }

    @Test("the demo has a month of fines, a fund spending and leave notes; the TUI's reads work")
    func demo() throws {
        let cli = try CLI(language: "en_US.UTF-8")
        #expect(try cli.run("demo", "--seed", "7").status == 0)
        let fines = try cli.json("fine", "list") as! [[String: Any]]
        #expect(fines.count >= 6 && fines.contains { $0["waived"] is String } && fines.contains { $0["escalation"] as? Int == 2 })
        let statement = try cli.json("fund", "statement") as! [String: Any]
        // Two spendings (64 and 45 yuan) against 140 paid in over the fortnight.
        #expect(statement["spent"] as? Int == 10_900 && statement["balance"] as? Int == 3100)
        #expect((try cli.json("leave", "list") as! [Any]).count == 2)
        #expect(try cli.run("fund", "verify").status == 0)
        #expect(try cli.run("leave", "unused").status == 0)
    }
}
