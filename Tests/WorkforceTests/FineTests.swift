import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Storage
@testable import Workforce

@Suite("Fines: the follower, DISC-1's month, DISC-2, waivers (DISC-1..3, ORG-3)")
struct FineTests {
    func fines(_ shop: WorkforceShop, _ staff: StaffID? = nil, rule: String? = nil) throws -> [Fine] {
        try shop.database.read { db in try FineQueries.fines(db, staff: staff, rule: rule) }.reversed()
    }

    @Test("DISC-1: the month's first complaint 50, the second 100, the third flags dismissal; a new month starts again (shop zone)")
    func escalation() throws {
        let shop = try WorkforceShop()
        try shop.apply(TestComplaint(complaint: "C1", agent: shop.agent), as: shop.lead, at: "2026-11-02", 10)
        try shop.apply(TestComplaint(complaint: "C2", agent: shop.agent), as: shop.lead, at: "2026-11-15", 10)
        try shop.apply(TestComplaint(complaint: "C3", agent: shop.agent), as: shop.lead, at: "2026-11-30", 23, 30)  // 15:30 UTC: November in Shanghai
        try shop.apply(TestComplaint(complaint: "C4", agent: shop.agent), as: shop.lead, at: "2026-12-01", 0, 10)  // still 30 Nov in UTC
        try shop.apply(TestComplaint(complaint: "N1", agent: shop.night), as: shop.lead, at: "2026-11-20", 10)
        let agent = try fines(shop, shop.agent)
        #expect(agent.map(\.amount) == [Money(yuan: 50), Money(yuan: 100), .zero, Money(yuan: 50)])
        #expect(agent.map(\.escalation) == [1, 2, 3, 1])
        #expect(agent.map(\.dismissal) == [false, false, true, false])
        #expect(agent.map(\.month) == ["2026-11", "2026-11", "2026-11", "2026-12"])
        #expect(try fines(shop, shop.night).map(\.amount) == [Money(yuan: 50)])
        // The GM sees it: the handover figures carry the flag.
        let figures = try shop.database.handoverFigures()
        #expect(figures.first { $0.key == "workforce.dismissal-flags" }?.examples == ["小红 2026-11"])
        #expect(try shop.database.verify().passed)
    }

    @Test("claims of fixed and policy amounts; the policy in force on the op's day")
    func fixedAndPolicy() throws {
        let shop = try WorkforceShop()
        try shop.apply(PolicySet(key: "CS-3.fine", value: "80", effectiveFrom: CivilDate("2026-11-25")!), as: shop.gm)
        try shop.apply(TestComplaint(complaint: "C1", agent: shop.agent, fixed: Money(yuan: 30)), as: shop.lead, at: "2026-11-24", 10)
        try shop.apply(TestComplaint(complaint: "C2", agent: shop.agent, fixed: Money(yuan: 30)), as: shop.lead, at: "2026-11-25", 10)
        #expect(try fines(shop, rule: "CS-3").map(\.amount) == [Money(yuan: 100), Money(yuan: 80)])
        #expect(try fines(shop, rule: "DISC-3").map(\.amount) == [Money(yuan: 30), Money(yuan: 30)])
        #expect(Set(try fines(shop).map(\.key)).count == 6)
    }

    @Test("DISC-2: the supervisor's 10-yuan fine, from the policy")
    func disc2() throws {
        let shop = try WorkforceShop()
        try shop.apply(FineBooked(staff: shop.agent, rule: "DISC-2", what: "工作时间玩手机"), as: shop.gm, at: "2026-11-24", 10)
        let fine = try #require(try fines(shop).first)
        #expect(fine.amount == Money(yuan: 10) && fine.rule == "DISC-2" && fine.reasonZh == "工作时间玩手机")
        // Refused, nothing written: no --what; a rule with no set amount; someone who may not book fines.
        #expect(throws: PeopleError.whatRequired) { try shop.apply(FineBooked(staff: shop.agent, rule: "DISC-2", what: " "), as: shop.gm) }
        #expect(throws: PeopleError.amountRequired("DISC-9")) { try shop.apply(FineBooked(staff: shop.agent, rule: "DISC-9", what: "x"), as: shop.gm) }
        #expect(throws: (any Error).self) { try shop.apply(FineBooked(staff: shop.night, rule: "DISC-2", what: "x"), as: shop.agent) }
        #expect(try fines(shop).count == 1)
    }

    @Test("ORG-3: only the GM waives, with a reason; the fine stays, a waived complaint no longer counts in the month")
    func waiver() throws {
        let shop = try WorkforceShop()
        try shop.apply(TestComplaint(complaint: "C1", agent: shop.agent), as: shop.lead, at: "2026-11-02", 10)
        try shop.apply(TestComplaint(complaint: "C2", agent: shop.agent), as: shop.lead, at: "2026-11-03", 10)
        let first = try fines(shop)[0]
        try shop.apply(FineContested(fine: first.key, reason: "顾客认错人了"), as: shop.agent)
        #expect(throws: PeopleError.waiverNotGM) { try shop.apply(FineWaived(fine: first.key, reason: "核实无误"), as: shop.lead) }
        #expect(try shop.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fine_waiver") } == 0)
        #expect(throws: WorkforceError.reasonRequired) { try shop.apply(FineWaived(fine: first.key, reason: ""), as: shop.gm) }
        #expect(throws: PeopleError.unknownFine("nope")) { try shop.apply(FineWaived(fine: "nope", reason: "x"), as: shop.gm) }
        try shop.apply(FineWaived(fine: first.key, reason: "顾客认错人了"), as: shop.gm)
        #expect(throws: PeopleError.alreadyWaived(first.key)) { try shop.apply(FineWaived(fine: first.key, reason: "再来"), as: shop.gm) }
        let after = try fines(shop)
        #expect(after.count == 2)
        #expect(after[0].waived == "顾客认错人了" && after[0].contested == "顾客认错人了")
        #expect(after[1].amount == Money(yuan: 50) && after[1].escalation == 1)  // now the month's first
        #expect(try shop.database.verify().passed)
    }
}
