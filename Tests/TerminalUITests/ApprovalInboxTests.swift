import Foundation
import Testing
import Approval
import ShopDomain
@testable import ShiftDesk
@testable import Storage
import TerminalUI

/// The approvals inbox (key 9 / F9): what waits for my signature, signed or rejected with one key
/// and the PIN, through the same module actions as `zhanggui campaign sign`.
@Suite("shift desk: approvals inbox")
struct ApprovalInboxTests {
    @Test("the tech lead sees the demo's half-way campaign waiting for 校对 and signs it with the PIN")
    func signWithPIN() throws {
        let (desk, _) = try DeskHarness.desk(.en, width: 120, height: 32, as: "史文龙")
        desk.step(.function(9))
        var screen = desk.render().text
        #expect(screen.contains("CP-DEMO-2"))
        #expect(screen.contains("proofread"))
        desk.step(.character("s"))
        #expect(desk.render().text.contains("Sign: your PIN"))
        DeskHarness.press(desk, Key.typing("9999") + [.enter])
        #expect(desk.render().text.contains("Wrong PIN"))
        DeskHarness.press(desk, Key.typing(DeskHarness.pin) + [.enter])
        screen = desk.render().text
        #expect(screen.contains("proofread signed"), "\(screen)")
        #expect(screen.contains("Nothing waits for your signature"))
        let chain = try desk.ctx.read { db in try CampaignQueries.detail(db, "CP-DEMO-2").chain }
        #expect(chain.next == .finalize)
    }

    @Test("the GM rejects with a reason and the PIN: the chain goes back to design")
    func rejectWithReason() throws {
        let database = try DeskHarness.shop()
        let lead = try database.read { db in try CoreQueries.findStaff(db, "史文龙").id }
        try database.apply(OpDraft(actor: lead, try database.read { db in try CampaignActions.sign(db, "CP-DEMO-2", step: .proofread) }))
        let (desk, _) = try DeskHarness.desk(.zh, width: 120, height: 32, as: "黄乔", database: database)
        desk.step(.function(9))
        #expect(desk.render().text.contains("定稿"))
        desk.step(.character("r"))
        DeskHarness.press(desk, Key.typing("价格不对") + [.enter] + Key.typing(DeskHarness.pin) + [.enter])
        #expect(desk.render().text.contains("已驳回"))
        let chain = try database.read { db in try CampaignQueries.detail(db, "CP-DEMO-2").chain }
        #expect(chain.next == .design)
        #expect(chain[.finalize].signature?.reason == "价格不对")
    }
}
