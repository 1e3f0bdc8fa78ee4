import Foundation
import Testing
import ShopDomain
@testable import ShiftDesk
@testable import Storage
import TerminalUI
import GRDB
import Logistics
import ShopActions

@Suite("shift desk: login and dashboard")
struct LoginAndDashboardTests {
    @Test("golden screens: login and dashboard, zh and en, 80×24 and 160×48", arguments: [
        (Language.zh, 80, 24), (Language.en, 80, 24), (Language.zh, 160, 48), (Language.en, 160, 48),
    ])
    func goldens(_ language: Language, _ width: Int, _ height: Int) throws {
        let suffix = "\(language == .zh ? "zh" : "en")-\(width)x\(height)"
        let (login, _) = try DeskHarness.desk(language, width: width, height: height, as: nil)
        let a = Golden.check("login-\(suffix)", login.render())
        #expect(a.matches, "\(a.actual)")
        let (desk, _) = try DeskHarness.desk(language, width: width, height: height)
        let b = Golden.check("dashboard-\(suffix)", desk.render())
        #expect(b.matches, "\(b.actual)")
    }

    @Test("three wrong PINs lock the person out of this terminal")
    func lockout() throws {
        let (desk, _) = try DeskHarness.desk(.en, as: nil)
        DeskHarness.press(desk, [.down, .enter] + Key.typing("9999") + [.enter])
        #expect(desk.render().contains("2 more tries"))
        DeskHarness.press(desk, Key.typing("9999") + [.enter] + Key.typing("9999") + [.enter])
        #expect(desk.render().contains("locked out"))
        // Even the right PIN is refused while locked.
        DeskHarness.press(desk, [.enter] + Key.typing(DeskHarness.pin) + [.enter])
        #expect(desk.ctx.me == nil)
        #expect(desk.render().contains("locked out"))
    }

    @Test("the dashboard shows what another process wrote, without a key")
    func live() throws {
        let database = try DeskHarness.shop()
        let (desk, _) = try DeskHarness.desk(.en, database: database)
        let before = desk.render()
        #expect(before.contains("paid, no waybill yet"))
        // Another writer (here: the same file through a second connection) voids nothing but pays an order.
        let other = try ShopDatabase.open(at: database.path, modules: ShopFeatures.all, clock: .fixed(DeskHarness.now))
        let gm = try other.read(CoreQueries.shop).owner
        try other.apply(OpDraft(actor: gm, StaffAdded(staff: IDSource.random.next(), name: "新来的", roles: [.shipper])))
        let waiting = try #require(try other.read { db in try String.fetchOne(db, sql: "SELECT id FROM order_header WHERE status = 'awaiting-payment' LIMIT 1") })
        try other.apply(OpDraft(actor: gm, OrderStatusChanged(order: OrderID(rawValue: waiting), from: .awaitingPayment, to: .paid,
                                                                closeReason: nil, refunded: false, paidAt: DeskHarness.now.millis)))
        desk.step(nil)  // a quiet tick
        #expect(desk.render() != before)
    }
}
