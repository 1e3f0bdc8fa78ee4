import Foundation
import Testing
import ShopDomain
@testable import ShiftDesk
@testable import Storage
import TerminalUI
import Workforce

@Suite("shift desk: my fines, the fund and my leave (0 / F10)")
struct PeopleScreenTests {
    @Test("golden screens, zh and en, 80×24 and 160×48", arguments: [
        (Language.zh, 80, 24), (Language.en, 80, 24), (Language.zh, 160, 48), (Language.en, 160, 48),
    ])
    func goldens(_ language: Language, _ width: Int, _ height: Int) throws {
        let (desk, _) = try DeskHarness.desk(language, width: width, height: height, as: "周小雨")
        desk.step(.character("0"))
        let check = Golden.check("people-\(language == .zh ? "zh" : "en")-\(width)x\(height)", desk.render())
        #expect(check.matches, "\(check.actual)")
    }

    @Test("F10 opens it; r writes a leave note as the person, refusals in the module's words")
    func requestLeave() throws {
        let (desk, _) = try DeskHarness.desk(.en, width: 160, height: 48, as: "周小雨")
        desk.step(.function(10))
        var screen = desk.render().text
        #expect(screen.contains("Fund 2026-11") && screen.contains("I still owe: ¥110.00") && screen.contains("DISC-1"))
        DeskHarness.press(desk, [.character("r")] + Key.typing("bereavement 2026-12-03 4 parent") + [.enter])
        #expect(desk.render().text.contains("at most 3 days"))
        DeskHarness.press(desk, [.escape, .character("r")] + Key.typing("sick 2026-12-03 1") + [.enter])
        screen = desk.render().text
        #expect(screen.contains("waiting for a supervisor"))
        let notes = try desk.ctx.read { db in try LeaveQueries.leaves(db, staff: desk.ctx.me!.id) }
        #expect(notes.contains { $0.kind == .sick && $0.from == "2026-12-03" && $0.status == "requested" })
    }
}
