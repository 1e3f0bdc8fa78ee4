import Foundation
import Testing

/// The designers' commands through the built binary, on the demo shop and the image folders it writes.
@Suite("zhanggui listing commands (DES-1…DES-7)")
struct ListingCLITests {
    func demo() throws -> CLI {
        let cli = try CLI(language: "en_US.UTF-8", now: "2026-11-30T15:00:00+08:00")
        let result = try cli.run("demo", "--seed", "1")
        #expect(result.status == 0, "\(result.err)")
        return cli
    }

    func folder(_ cli: CLI, _ kind: String, _ style: String) -> String {
        cli.directory.appendingPathComponent("shop-\(kind)").appendingPathComponent(style).path
    }

    @Test("the demo: one style on sale on time, one overdue (first), the rest on sale; sold out listed")
    func list() throws {
        let cli = try demo()
        let listings = try #require(try cli.json("listing", "list") as? [[String: Any]])
        #expect(listings.first?["style"] as? String == "QZ2802")
        #expect(listings.first?["overdue"] as? Bool == true)
        let onTime = try #require(listings.first { $0["style"] as? String == "AF1901" })
        #expect(onTime["state"] as? String == "on-sale" && onTime["late"] as? Bool == false)
        #expect(listings.filter { $0["overdue"] as? Bool == true }.count == 1)
        let text = try cli.run("listing", "list")
        #expect(text.out.contains("1 style(s) past the DES-1 period"))
        let soldOut = try #require(try cli.json("listing", "sold-out") as? [[String: Any]])
        #expect(soldOut.map { "\($0["style"] ?? "") \($0["value"] ?? "")" } == ["AF1901 白色"])
    }

    @Test("checking the demo's folders: per-file findings, the passing one unchanged since; a missing folder is exit 1")
    func check() throws {
        let cli = try demo()
        let bad = try cli.run("listing", "check", "QZ2802", "--dir", folder(cli, "images", "QZ2802"), "--as", "汪莎")
        #expect(bad.status == 0, "\(bad.err)")
        #expect(bad.out.contains("QZ2802-1.JPG: almost right, should be QZ2802-01.jpg"))
        #expect(bad.out.contains("QZ2802-03.jpg: named as JPEG but it holds PNG"))
        #expect(bad.out.contains("the main image is 750 px wide, not 710 px"))
        #expect(bad.out.contains("No change since the last check."))
        let good = try cli.run("listing", "check", "AF1901", "--dir", folder(cli, "images", "AF1901"),
                               "--backup", folder(cli, "backup", "AF1901"), "--as", "汪莎")
        #expect(good.status == 0 && good.out.contains("Every rule passed."), "\(good.out)\(good.err)")
        let missing = try cli.run("listing", "check", "QZ2802", "--dir", "/nonexistent/QZ2802", "--as", "汪莎")
        #expect(missing.status == 1)
        #expect(missing.err.contains("the folder /nonexistent/QZ2802 does not exist"))
        let refused = try cli.run("listing", "on-sale", "QZ2802", "--as", "汪莎")
        #expect(refused.status == 1 && refused.err.contains("QZ2802 cannot go on sale: not retouched yet"))
        #expect(try cli.run("journal", "verify").status == 0)
    }
}
