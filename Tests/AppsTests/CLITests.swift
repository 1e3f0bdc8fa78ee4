import Foundation
import Testing

/// Display width for assertions: CJK ideographs and full-width forms are two cells.
private func cells(_ text: Substring) -> Int {
    text.unicodeScalars.reduce(0) { sum, s in
        sum + ((0x1100...0x115F).contains(s.value) || (0x2E80...0xA4CF).contains(s.value) || (0xAC00...0xD7A3).contains(s.value)
            || (0xF900...0xFAFF).contains(s.value) || (0xFF00...0xFF60).contains(s.value) || (0xFFE0...0xFFE6).contains(s.value) ? 2 : 1)
    }
}

@Suite("zhanggui end to end, through the built binary")
struct CLITests {
    @Test("init creates the shop with its owner as GM, and refuses to touch it again")
    func initShop() throws {
        let cli = try CLI()
        let first = try cli.run("init", "--shop", "艾芳汀", "--owner", "黄乔")
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out.contains("艾芳汀"))
        let again = try cli.run("init", "--shop", "别家", "--owner", "某人")
        #expect(again.status == 1)
        #expect(again.err.contains("已存在"))
        #expect(again.err.split(separator: "\n").count == 1)
        let staff = try cli.json("staff", "list") as! [[String: Any]]
        #expect(staff.count == 1)
        #expect(staff[0]["name"] as? String == "黄乔")
        #expect(staff[0]["roles"] as? [String] == ["gm"])
    }

    @Test("the default path follows XDG_DATA_HOME")
    func defaultPath() throws {
        var cli = try CLI()
        cli.environment["ZHANGGUI_DB"] = nil
        cli.environment["XDG_DATA_HOME"] = cli.directory.appendingPathComponent("xdg").path
        #expect(try cli.run("init", "--shop", "店", "--owner", "黄乔").status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("xdg/zhanggui/shop.sqlite").path))
    }

    @Test("Chinese names list in aligned columns")
    func alignedStaffList() throws {
        let cli = try CLI()
        try cli.run("init", "--shop", "艾芳汀", "--owner", "黄乔")
        for (name, roles) in [("史文龙", "tech-lead"), ("Lily王", "cs-agent,cs-lead"), ("大哥", "shipper,finance")] {
            let added = try cli.run("staff", "add", name, "--role", roles, "--as", "黄乔")
            #expect(added.status == 0, "\(added.err)")
        }
        let list = try cli.run("staff", "list")
        let lines = list.out.split(separator: "\n")
        #expect(lines.count == 6)
        // The roles column starts at the same cell on every line.
        let starts = lines.filter { !$0.hasPrefix("-") }.map { line -> Int in
            let name = line.prefix { $0 != " " }
            let rest = line.dropFirst(name.count).prefix { $0 == " " }
            return cells(name) + rest.count
        }
        #expect(Set(starts).count == 1, "\(list.out)")
        #expect(list.out.contains("发货、财务"))
    }

    @Test("a write without an actor, or by the wrong role, is refused with the reason")
    func refusals() throws {
        let cli = try CLI()
        try cli.run("init", "--shop", "艾芳汀", "--owner", "黄乔")
        try cli.run("staff", "add", "刘芬", "--role", "cs-agent", "--as", "黄乔")
        let noActor = try cli.run("staff", "add", "小明", "--role", "shipper")
        #expect(noActor.status == 1)
        #expect(noActor.err.contains("--as"))
        let agent = try cli.run("staff", "add", "小明", "--role", "shipper", "--as", "刘芬")
        #expect(agent.status == 1)
        #expect(agent.err.contains("刘芬") && agent.err.contains("总经理"))
        let policy = try cli.run("policy", "set", "LOG-2.fine", "50", "--as", "刘芬")
        #expect(policy.status == 1)
        var env = cli
        env.environment["ZHANGGUI_STAFF"] = "黄乔"
        #expect(try env.run("staff", "add", "小明", "--role", "shipper").status == 0)
        let journal = try cli.json("journal", "list") as! [[String: Any]]
        #expect(journal.count == 3)
    }

    @Test("bad input: one clear line, exit 1 for refusals and 2 for usage, nothing written")
    func badInput() throws {
        let cli = try CLI(language: "en_US.UTF-8")
        try cli.run("init", "--shop", "Shop", "--owner", "黄乔")
        let cases: [([String], Int32, String)] = [
            (["staff", "add", "小明", "--role", "boss", "--as", "黄乔"], 1, "no role “boss”"),
            (["staff", "add", "小明", "--role", "shipper", "--as", "nobody"], 1, "no staff member"),
            (["staff", "add", "小明", "--role", "shipper", "--birth", "1990-13-01", "--as", "黄乔"], 2, "--birth"),
            (["policy", "set", "LOG-2.fine", "1.2.3", "--as", "黄乔"], 1, "not a valid value"),
            (["policy", "set", "NOPE", "1", "--as", "黄乔"], 1, "no policy item"),
            (["policy", "set", "LOG-2.fine", "50", "--from", "2020-01-01", "--as", "黄乔"], 1, "has passed"),
            (["staff", "show", "nobody"], 1, "no staff member"),
            (["staff", "frobnicate"], 2, "Unexpected"),
            (["--lang", "fr", "staff", "list"], 2, "zh or en"),
        ]
        for (arguments, status, message) in cases {
            let result = try cli.run(arguments)
            #expect(result.status == status, "\(arguments): \(result.err)")
            #expect(result.err.contains(message), "\(arguments): \(result.err)")
        }
        #expect((try cli.json("journal", "list") as! [Any]).count == 1)
        #expect(try cli.run("journal", "verify").status == 0)
    }

    @Test("a missing database says how to make one")
    func missingDatabase() throws {
        let cli = try CLI(language: "en_US.UTF-8")
        let result = try cli.run("staff", "list")
        #expect(result.status == 1)
        #expect(result.err.contains("zhanggui init"))
    }

    @Test("--json output parses on every read command")
    func jsonOutput() throws {
        let cli = try CLI()
        #expect(try cli.run("demo", "--seed", "7").status == 0)
        let staff = try cli.json("staff", "list") as! [[String: Any]]
        #expect(staff.count == 7)
        let show = try cli.json("staff", "show", "刘芬") as! [String: Any]
        #expect(show["roles"] as? [String] == ["cs-lead", "cs-agent"])
        let policy = try cli.json("policy", "show") as! [[String: Any]]
        #expect(policy.contains { $0["key"] as? String == "LOG-2.fine" && $0["value"] as? String == "100.00" && $0["rule"] as? String == "LOG-2" })
        let journal = try cli.json("journal", "list", "--limit", "3") as! [[String: Any]]
        #expect(journal.count == 3)
        #expect((journal[0]["payload"] as? [String: Any]) != nil)
        let verify = try cli.json("journal", "verify") as! [String: Any]
        #expect(verify["passed"] as? Bool == true)
    }

    @Test("the demo shows the seed's people and is the same for the same seed")
    func demo() throws {
        let a = try CLI(), b = try CLI()
        #expect(try a.run("demo", "--seed", "3").status == 0)
        #expect(try b.run("demo", "--seed", "3").status == 0)
        let listA = try a.run("staff", "list").out, listB = try b.run("staff", "list").out
        #expect(listA == listB)
        for name in ["黄乔", "史文龙", "汪莎", "刘芬", "大哥", "周小雨", "二哥"] { #expect(listA.contains(name)) }
        #expect(try a.run("demo").status == 1)  // refuses an existing file
        #expect(try a.run("demo", "--replace").status == 0)
        // --replace never replaces a real shop.
        let real = try CLI()
        try real.run("init", "--shop", "真店", "--owner", "黄乔")
        let refused = try real.run("demo", "--replace")
        #expect(refused.status == 1)
        #expect(try real.run("staff", "list").out.contains("黄乔"))
    }

    @Test("journal verify fails, naming the op, after someone edits a row with sqlite3; rebuild mends read tables")
    func verifyAfterTampering() throws {
        let cli = try CLI(language: "en_US.UTF-8")
        try cli.run("demo")
        #expect(try cli.run("journal", "verify").status == 0)
        try cli.sqlite("UPDATE journal SET payload = replace(payload, '汪莎', '王莎') WHERE deviceSeq = 3")
        let tampered = try cli.run("journal", "verify")
        #expect(tampered.status == 1)
        #expect(tampered.err.contains(":3 (staff.added)"), "\(tampered.err)")

        let other = try CLI(language: "en_US.UTF-8")
        try other.run("demo")
        try other.sqlite("UPDATE staff SET name = '汪沙' WHERE name = '汪莎'")
        #expect(try other.run("journal", "verify").status == 1)
        #expect(try other.run("journal", "rebuild").status == 0)
        #expect(try other.run("journal", "verify").status == 0)
    }

    @Test("policy set takes effect from its day; show --on sees either side")
    func policy() throws {
        let cli = try CLI()
        try cli.run("init", "--shop", "店", "--owner", "黄乔")
        #expect(try cli.run("policy", "set", "LOG-2.fine", "150", "--from", "2026-12-10", "--as", "黄乔").status == 0)
        let before = try cli.json("policy", "show", "--rule", "LOG-2") as! [[String: Any]]
        #expect(before[0]["value"] as? String == "100.00")
        #expect((before[0]["upcoming"] as? [String: Any])?["value"] as? String == "150.00")
        let after = try cli.json("policy", "show", "--rule", "LOG-2", "--on", "2026-12-10") as! [[String: Any]]
        #expect(after[0]["value"] as? String == "150.00")
        #expect(after[0]["since"] as? String == "2026-12-10")
    }

    @Test("deactivate, backup, and a backup opens with --db")
    func backup() throws {
        let cli = try CLI()
        try cli.run("demo")
        #expect(try cli.run("staff", "deactivate", "二哥", "--reason", "回老家", "--as", "黄乔").status == 0)
        #expect(!(try cli.run("staff", "list").out.contains("二哥")))
        #expect(try cli.run("staff", "list", "--all").out.contains("二哥"))
        let target = cli.directory.appendingPathComponent("backup.sqlite").path
        #expect(try cli.run("backup", "--to", target).status == 0)
        #expect(try cli.run("backup", "--to", target).status == 1)
        let fromBackup = try cli.run("--db", target, "staff", "list", "--all")
        #expect(fromBackup.status == 0)
        #expect(fromBackup.out.contains("回老家") || fromBackup.out.contains("二哥"))
        #expect(try cli.run("journal", "verify", "--db", target).status == 0)
    }

    @Test("two processes writing at once never fail with 'database is locked'")
    func concurrentProcesses() async throws {
        let cli = try CLI(language: "en_US.UTF-8")
        try cli.run("init", "--shop", "店", "--owner", "黄乔")
        let results = try await withThrowingTaskGroup(of: CLI.Result.self) { group in
            for n in 0..<16 {
                group.addTask { try cli.run("staff", "add", "员工\(n)", "--role", "warehouse", "--as", "黄乔") }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0.status == 0 }, "\(results.map(\.err))")
        #expect(!results.contains { $0.err.contains("locked") })
        #expect((try cli.json("staff", "list") as! [Any]).count == 17)
        #expect(try cli.run("journal", "verify").status == 0)
    }

    @Test("help and version, in both languages")
    func help() throws {
        let zh = try CLI(language: "zh_CN.UTF-8")
        #expect(try zh.run("--help").out.contains("淘宝"))
        #expect(try zh.run("--lang", "en", "--help").out.contains("back office"))
        #expect(try zh.run("staff", "add", "--help").out.contains("岗位"))
        #expect(try zh.run("--version").out.trimmingCharacters(in: .whitespacesAndNewlines).first?.isNumber == true)
    }
}
