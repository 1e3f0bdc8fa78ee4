import Foundation
import GRDB
import Testing
import CustomerCare
import ShopDomain
@testable import ShiftDesk
@testable import Storage
import TerminalUI

@Suite("shift desk: the agent's desk (issue 12)")
struct AgentDeskTests {
    @Test("golden screens: follow-ups, reviews, complaints, customers, replies — zh and en, 80×24 and 160×48",
          arguments: [(Language.zh, 80, 24), (Language.en, 80, 24), (Language.zh, 160, 48), (Language.en, 160, 48)])
    func goldens(_ language: Language, _ width: Int, _ height: Int) throws {
        let suffix = Screens.suffix(language, width, height)
        let database = try DeskHarness.shop()
        let (desk, _) = try Screens.desk(language, width: width, height: height, as: "周小雨", database: database)
        DeskHarness.press(desk, [Screens.key("Agent desk")])
        for name in ["followups", "reviews", "complaints", "customers", "replies"] {
            let screen = Golden.check("agent-\(name)-\(suffix)", desk.render())
            #expect(screen.matches, "\(screen.actual)")
            DeskHarness.press(desk, [.right])
        }
    }

    @Test("key 8 opens the desk; the review queue shows the demo's bad review; the lookup finds a buyer by phone")
    func lookup() throws {
        let database = try DeskHarness.shop()
        let (desk, _) = try Screens.desk(.zh, as: "周小雨", database: database)
        DeskHarness.press(desk, [.character("8")])
        #expect(desk.render().text.contains("未付款跟进"))
        DeskHarness.press(desk, [.right])
        #expect(desk.render().text.contains("衣服有线头"))
        let nick = try #require(try database.read { try CustomerQueries.list($0, limit: 1) }.first?.nick)
        let phone = try #require(try database.read { try CustomerQueries.detail($0, nick) }.phones.first)
        DeskHarness.press(desk, [.right, .right, .character("/")] + Key.typing(String(phone.suffix(6))) + [.enter])
        #expect(desk.render().text.contains(nick))
    }

    @Test("f on an unpaid order records the follow-up through its op")
    func followUp() throws {
        let database = try DeskHarness.shop()
        let before = try database.read { try InquiryQueries.followUps($0) }
        try #require(!before.isEmpty)
        let (desk, _) = try Screens.desk(.zh, as: "周小雨", database: database)
        DeskHarness.press(desk, [Screens.key("Agent desk"), .character("f")] + Key.typing("已提醒付款") + [.enter])
        let after = try database.read { try InquiryQueries.followUps($0) }
        #expect(after.first { $0.order == before[0].order }?.followUps.map(\.note) == ["已提醒付款"])
        #expect(desk.render().text.contains("已记录订单"))
    }
}
