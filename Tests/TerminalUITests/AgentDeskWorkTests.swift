import Foundation
import GRDB
import Testing
import CustomerCare
import ShopActions
import ShopDomain
@testable import ShiftDesk
@testable import Storage
import TerminalUI
import Workforce

/// The agent desk's writes (issue 12): each key drives the same `ShopSession` action as the CLI,
/// the journal gets the op and the screen shows the new state; a refused form writes nothing.
@Suite("shift desk: agents working on the desk (issue 12)")
struct AgentDeskWorkTests {
    static let sign = Key.typing(DeskHarness.pin) + [.enter]
    static let clear = Array(repeating: Key.backspace, count: 12)

    static func person(_ database: ShopDatabase, _ name: String) throws -> Staff {
        try database.read { db in try CoreQueries.findStaff(db, name) }
    }

    @Test("CS-7, DISC-1: a service complaint taken through every step to the archive with `a` and the PIN; the fine is booked; a closed one is refused")
    func complaintThroughEveryStep() throws {
        let database = try DeskHarness.shop()
        let session = try ShopSession(database: database)
        let buyer = try #require(try database.read { try CustomerQueries.list($0, limit: 1) }.first?.nick)
        try session.apply(ComplaintOpened(complaint: "K-TUI-1", buyer: buyer, order: nil, text: "客服态度差"), as: try Self.person(database, "周小雨"))
        let (desk, _) = try Screens.desk(.zh, as: "刘芬", database: database)
        DeskHarness.press(desk, [Screens.key("Agent desk"), .right, .right, .down])  // K-DEMO-1, then K-TUI-1
        #expect(desk.render().text.contains("K-TUI-1"))
        let steps: [[Key]] = [
            Key.typing("service") + [.enter] + Key.typing("周小雨") + [.enter, .enter],  // determined: kind, against, note
            [.enter],  // investigating
            [.enter],  // following up
            Key.typing("y") + [.enter, .enter, .enter, .enter],  // confirmed: upheld, against (from the register), fine, note
            Key.typing("已解决，顾客满意") + [.enter, .enter],  // return visit: the evaluation
            [.enter],  // archived
        ]
        let expected: [ComplaintStep] = [.determined, .investigating, .followingUp, .confirmed, .visited, .archived]
        for (keys, step) in zip(steps, expected) {
            let before = try database.journalCount()
            DeskHarness.press(desk, [.character("a")] + keys + Self.sign)
            #expect(try database.journalCount() == before + 1, "\(step): \(desk.render().text)")
            #expect(try database.read { try ComplaintQueries.find($0, "K-TUI-1") }.step == step)
            #expect(desk.render().text.contains("K-TUI-1 到“\(step.name(in: .zh))”"), "\(desk.render().text)")
        }
        let record = try database.read { try ComplaintQueries.find($0, "K-TUI-1") }
        #expect(record.kind == .service && record.upheld == true && record.evaluation == "已解决，顾客满意")
        #expect(record.steps.map(\.step) == [.intake] + expected)
        let fines = try database.read { try FineQueries.fines($0) }.filter { $0.ref == "K-TUI-1" }
        #expect(fines.map(\.rule) == ["DISC-1"] && fines.first?.name == "周小雨")
        // Archived: gone from the open list; with `x` it shows, and `a` is refused, nothing written.
        #expect(try !database.read { try ComplaintQueries.list($0, openOnly: true) }.contains { $0.complaint == "K-TUI-1" })
        DeskHarness.press(desk, [.character("x"), .down])
        #expect(desk.render().text.contains("K-TUI-1"))
        let before = try database.journalCount()
        DeskHarness.press(desk, [.character("a")])
        #expect(try database.journalCount() == before)
        #expect(desk.render().text.contains("已归档，不能再推进"))
    }

    @Test("CS-7: a complaint someone moved on while the form was open is refused; a missing kind or evaluation is refused before the PIN")
    func complaintRefusals() throws {
        let database = try DeskHarness.shop()
        let session = try ShopSession(database: database)
        let (desk, _) = try Screens.desk(.zh, as: "周小雨", database: database)
        DeskHarness.press(desk, [Screens.key("Agent desk"), .right, .right, .character("a")])  // K-DEMO-1 is under investigation
        #expect(desk.render().text.contains("调查 → 跟进处理"))
        try session.advanceComplaint("K-DEMO-1", note: "别的电脑", as: try Self.person(database, "刘芬"))
        let before = try database.journalCount()
        DeskHarness.press(desk, [.enter] + Self.sign)
        #expect(try database.journalCount() == before)
        #expect(desk.render().text.contains("别人已推进"), "\(desk.render().text)")
        DeskHarness.press(desk, [.escape])
        // Now at following up → confirmed: upheld must be y or n.
        DeskHarness.press(desk, [.character("a")] + Key.typing("maybe") + [.enter, .enter, .enter, .enter])
        #expect(try database.journalCount() == before)
        #expect(desk.render().text.contains("投诉成立：填 y（是）或 n（否）"), "\(desk.render().text)")
        #expect(!desk.render().text.contains("输入你的 PIN"))
    }

    @Test("CS-4: an agent's refund above the limit is refused after the PIN and nothing is written; within it, handled; the GM may go above it and report a malicious buyer")
    func reviewHandling() throws {
        let database = try DeskHarness.shop()
        let (desk, _) = try Screens.desk(.zh, as: "周小雨", database: database)
        DeskHarness.press(desk, [Screens.key("Agent desk"), .right])
        #expect(desk.render().text.contains("V-DEMO-1"))
        let before = try database.journalCount()
        // contacted y, outcome kept, refund 80, malicious n, no note.
        DeskHarness.press(desk, [.character("h"), .enter] + Key.typing("kept") + [.enter] + Self.clear + Key.typing("80") + [.enter, .enter, .enter])
        #expect(desk.render().text.contains("签字，输入你的 PIN"))
        DeskHarness.press(desk, Self.sign)
        #expect(try database.journalCount() == before)
        #expect(desk.render().text.contains("CS-4：补偿") && desk.render().text.contains("超过上限"), "\(desk.render().text)")
        #expect(!desk.render().text.contains("--as"))
        #expect(try !database.read { try ReviewQueries.find($0, "V-DEMO-1") }.handled)
        // The form stays open: up to the refund, 30 instead.
        DeskHarness.press(desk, [.up, .up] + Self.clear + Key.typing("30") + [.enter, .enter, .enter] + Self.sign)
        #expect(try database.journalCount() == before + 1)
        let review = try database.read { try ReviewQueries.find($0, "V-DEMO-1") }
        #expect(review.handled && review.outcome == .kept && review.compensation == Money(yuan: 30) && review.contacted == true)
        #expect(desk.render().text.contains("评价 V-DEMO-1 已处理"))
        #expect(desk.render().text.contains("未改评"))
        // Handled once: `h` again is refused.
        DeskHarness.press(desk, [.character("h")])
        #expect(desk.render().text.contains("V-DEMO-1"))
        #expect(try database.journalCount() == before + 1)
    }

    @Test("CS-4: the GM refunds above the limit and reports a malicious buyer: blacklisted in the same op")
    func reviewByTheGM() throws {
        let database = try DeskHarness.shop()
        let (desk, _) = try Screens.desk(.zh, as: "黄乔", database: database)
        DeskHarness.press(desk, [Screens.key("Agent desk"), .right])
        let before = try database.journalCount()
        DeskHarness.press(desk, [.character("h"), .enter, .enter] + Self.clear + Key.typing("80") + [.enter] + Self.clear + Key.typing("y")
                          + [.enter] + Key.typing("职业差评师") + [.enter] + Self.sign)
        #expect(try database.journalCount() == before + 1, "\(desk.render().text)")
        let review = try database.read { try ReviewQueries.find($0, "V-DEMO-1") }
        #expect(review.outcome == .reported && review.compensation == Money(yuan: 80))
        #expect(try database.read { try CustomerQueries.detail($0, review.buyer) }.summary.blacklisted != nil)
        #expect(desk.render().text.contains("已列入黑名单"))
    }

    @Test("bad amounts in a form (-1, 1e9, 12.345, empty, non-digits, past the input limit) are refused in one status line before the PIN, nothing written",
          arguments: ["-1", "1e9", "12.345", "", "abc", "1000001"])
    func badAmounts(_ amount: String) throws {
        let database = try DeskHarness.shop()
        let (desk, _) = try Screens.desk(.zh, as: "黄乔", database: database)
        DeskHarness.press(desk, [Screens.key("Agent desk"), .right])
        let before = try database.journalCount()
        DeskHarness.press(desk, [.character("h"), .enter] + Key.typing("kept") + [.enter] + Self.clear + Key.typing(amount) + [.enter, .enter, .enter])
        let text = desk.render().text
        #expect(text.contains("补偿："), "\(text)")
        #expect(!text.contains("输入你的 PIN"))
        #expect(try database.journalCount() == before)
        DeskHarness.press(desk, [.escape])
        #expect(desk.render().text.contains("没有写入"))
        #expect(try !database.read { try ReviewQueries.find($0, "V-DEMO-1") }.handled)
    }

    @Test("CS-9: `i` logs an inquiry for the chosen buyer; a bad outcome and an unknown reason are refused, nothing written")
    func inquiry() throws {
        let database = try DeskHarness.shop()
        let (desk, _) = try Screens.desk(.zh, as: "周小雨", database: database)
        DeskHarness.press(desk, [Screens.key("Agent desk"), .right, .right, .right])
        let buyer = try #require(try database.read { try CustomerQueries.list($0, limit: 1) }.first?.nick)
        let before = try database.journalCount()
        DeskHarness.press(desk, [.character("i"), .enter] + Key.typing("连衣裙，雪纺衫") + [.enter] + Self.clear + Key.typing("maybe") + [.enter, .enter, .enter])
        #expect(try database.journalCount() == before)
        #expect(desk.render().text.contains("结果：填 won"), "\(desk.render().text)")
        DeskHarness.press(desk, [.up, .up] + Self.clear + Key.typing("lost") + [.enter] + Key.typing("太贵了") + [.enter, .enter])
        #expect(try database.journalCount() == before)
        #expect(desk.render().text.contains("不在清单里"), "\(desk.render().text)")
        DeskHarness.press(desk, [.up] + Self.clear + Key.typing("价格") + [.enter, .enter])
        #expect(try database.journalCount() == before + 1, "\(desk.render().text)")
        let logged = try database.read { try InquiryQueries.inquiries($0, from: 0, until: Int64.max) }.filter { $0.buyer == buyer && $0.agent == "周小雨" }
        #expect(logged.contains { $0.logged == .lost && $0.reason == "价格" && $0.products == "连衣裙、雪纺衫" })
        #expect(desk.render().text.contains("已登记咨询"))
    }

    @Test("golden screens: the review form and the complaint step form, labels aligned by display width, zh and en at 80×24",
          arguments: [Language.zh, Language.en])
    func formGoldens(_ language: Language) throws {
        let database = try DeskHarness.shop()
        let (desk, _) = try Screens.desk(language, as: "周小雨", database: database)
        DeskHarness.press(desk, [Screens.key("Agent desk"), .right, .character("h"), .enter] + Key.typing("kept"))
        let review = Golden.check("agent-review-form-\(Screens.suffix(language, 80, 24))", desk.render())
        #expect(review.matches, "\(review.actual)")
        DeskHarness.press(desk, [.escape, .right, .character("a")] + Key.typing("已联系网点"))
        let complaint = Golden.check("agent-complaint-form-\(Screens.suffix(language, 80, 24))", desk.render())
        #expect(complaint.matches, "\(complaint.actual)")
    }

    @Test("CS-1: `/` on the replies finds the canned text by a word of it")
    func replies() throws {
        let database = try DeskHarness.shop()
        let (desk, _) = try Screens.desk(.zh, as: "周小雨", database: database)
        DeskHarness.press(desk, [Screens.key("Agent desk"), .left, .character("/")] + Key.typing("尺码") + [.enter])
        let text = desk.render().text
        #expect(text.contains("尺码建议") && !text.contains("问候"))
        #expect(text.contains("建议拍 L"))
    }
}
