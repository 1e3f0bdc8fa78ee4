import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Storage
@testable import Workforce

@Suite("Leave, wages and training (HR-3, HR-4, HR-6)")
struct LeaveTests {
    func leaves(_ shop: WorkforceShop) throws -> [Leave] {
        try shop.database.read { db in try LeaveQueries.leaves(db) }
    }

    func person(_ shop: WorkforceShop, _ name: String, _ gender: Staff.Gender, born: String) throws -> StaffID {
        let id: StaffID = IDSource.random.next()
        try shop.apply(StaffAdded(staff: id, name: name, roles: [.csAgent], gender: gender, birthDate: CivilDate(born)!), as: shop.gm)
        return id
    }

    func marriage(_ shop: WorkforceShop, _ staff: StaffID, wedding: String, days: Int) throws {
        try shop.apply(LeaveRequested(leave: "L-\(UUID().uuidString.prefix(6))", staff: staff, kind: .marriage, from: CivilDate(wedding)!, days: days,
                                      wedding: CivilDate(wedding)!), as: staff)
    }

    @Test("HR-3 late marriage: a man 25 and a woman 23 on the wedding date get 13 days; a day younger, 3")
    func lateMarriageEdges() throws {
        let shop = try WorkforceShop()
        let man = try person(shop, "阿强", .male, born: "2001-12-20")
        let woman = try person(shop, "阿梅", .female, born: "2003-12-20")
        // The day before the 25th / 23rd birthday: only 3.
        #expect(throws: PeopleError.overLimit(kind: .marriage, days: 4, limit: 3)) { try marriage(shop, man, wedding: "2026-12-19", days: 4) }
        #expect(throws: PeopleError.overLimit(kind: .marriage, days: 4, limit: 3)) { try marriage(shop, woman, wedding: "2026-12-19", days: 4) }
        try marriage(shop, man, wedding: "2026-12-19", days: 3)
        // On the birthday itself: 3 + 10.
        try marriage(shop, man, wedding: "2026-12-20", days: 13)
        try marriage(shop, woman, wedding: "2026-12-20", days: 13)
        #expect(throws: PeopleError.overLimit(kind: .marriage, days: 14, limit: 13)) { try marriage(shop, woman, wedding: "2026-12-20", days: 14) }
        // A woman of 23 is not a late-marrying man: the man's age is 25.
        let young = try person(shop, "阿亮", .male, born: "2003-12-20")
        #expect(throws: PeopleError.overLimit(kind: .marriage, days: 13, limit: 3)) { try marriage(shop, young, wedding: "2026-12-20", days: 13) }
        // Without a birth date on the record: 3.
        #expect(throws: PeopleError.overLimit(kind: .marriage, days: 13, limit: 3)) { try marriage(shop, shop.agent, wedding: "2026-12-20", days: 13) }
        #expect(throws: PeopleError.weddingDateRequired) {
            try shop.apply(LeaveRequested(leave: "L-x", staff: man, kind: .marriage, from: CivilDate("2026-12-20")!, days: 3), as: man)
        }
        #expect(try leaves(shop).count == 3)
    }

    @Test("HR-3 bereavement: 3 days; a spouse's parent up to 3 only with the GM; HR-4: nobody approves their own")
    func bereavementAndApproval() throws {
        let shop = try WorkforceShop()
        let from = CivilDate("2026-11-25")!
        #expect(throws: PeopleError.overLimit(kind: .bereavement, days: 4, limit: 3)) {
            try shop.apply(LeaveRequested(leave: "L1", staff: shop.agent, kind: .bereavement, from: from, days: 4, relation: .parent), as: shop.agent)
        }
        #expect(throws: PeopleError.relationRequired) {
            try shop.apply(LeaveRequested(leave: "L1", staff: shop.agent, kind: .bereavement, from: from, days: 3), as: shop.agent)
        }
        try shop.apply(LeaveRequested(leave: "L1", staff: shop.agent, kind: .bereavement, from: from, days: 3, relation: .spouseParent), as: shop.agent)
        #expect(throws: PeopleError.inLawNeedsGM) { try shop.apply(LeaveApproved(leave: "L1"), as: shop.lead) }
        #expect(try leaves(shop)[0].status == "requested")
        try shop.apply(LeaveApproved(leave: "L1"), as: shop.gm)
        #expect(try leaves(shop)[0].status == "approved")
        #expect(throws: PeopleError.leaveDecided("L1", "approved")) { try shop.apply(LeaveApproved(leave: "L1"), as: shop.gm) }
        // The lead's own leave: another supervisor signs, never the lead.
        try shop.apply(LeaveRequested(leave: "L2", staff: shop.lead, kind: .sick, from: from, days: 2), as: shop.lead)
        #expect(throws: PeopleError.ownLeave) { try shop.apply(LeaveApproved(leave: "L2"), as: shop.lead) }
        #expect(throws: (any Error).self) { try shop.apply(LeaveApproved(leave: "L2"), as: shop.agent) }  // not a supervisor
        #expect(throws: WorkforceError.reasonRequired) { try shop.apply(LeaveRejected(leave: "L2", reason: ""), as: shop.gm) }
        try shop.apply(LeaveRejected(leave: "L2", reason: "旺季"), as: shop.gm)
        #expect(try leaves(shop).first { $0.id == "L2" }?.status == "rejected")
        #expect(throws: PeopleError.leaveForOther) {
            try shop.apply(LeaveRequested(leave: "L3", staff: shop.night, kind: .sick, from: from, days: 1), as: shop.agent)
        }
        #expect(try shop.database.verify().passed)
    }

    @Test("the rota shows approved leave and warns of a day with no CS early or late shift")
    func rotaGaps() throws {
        let shop = try WorkforceShop()
        try shop.rota("2026-11-25", shop.agent, .csEarly)
        try shop.rota("2026-11-25", shop.night, .csLate)
        try shop.rota("2026-11-26", shop.agent, .csEarly)
        try shop.rota("2026-11-26", shop.lead, .csEarly)
        try shop.rota("2026-11-26", shop.night, .csLate)
        try shop.apply(LeaveRequested(leave: "L1", staff: shop.agent, kind: .personal, from: CivilDate("2026-11-25")!, days: 2), as: shop.agent)
        let week = ISOWeek("2026-W48")!
        #expect(try shop.database.read { db in try LeaveQueries.rotaGaps(db, week: week) }.isEmpty)  // not approved yet
        try shop.apply(LeaveApproved(leave: "L1"), as: shop.lead)
        let gaps = try shop.database.read { db in try LeaveQueries.rotaGaps(db, week: week) }
        #expect(gaps == [RotaGap(day: "2026-11-25", template: "cs-early", onLeave: ["小红"])])  // the 26th: the lead is early
        #expect(try shop.database.read { db in try LeaveQueries.approvedDays(db, week: week) }[shop.agent.rawValue] == ["2026-11-25", "2026-11-26"])
    }

    @Test("HR-3 annual leave: within the year's days; what is not taken paid at 300% of the daily wage")
    func annual() throws {
        let shop = try WorkforceShop()
        try shop.apply(WageSet(staff: shop.agent, daily: Money(yuan: 150)), as: shop.gm)
        try shop.apply(LeaveRequested(leave: "A1", staff: shop.agent, kind: .annual, from: CivilDate("2026-11-25")!, days: 2), as: shop.agent)
        #expect(throws: PeopleError.overLimit(kind: .annual, days: 4, limit: 3)) {
            try shop.apply(LeaveRequested(leave: "A2", staff: shop.agent, kind: .annual, from: CivilDate("2026-12-01")!, days: 4), as: shop.agent)
        }
        try shop.apply(LeaveApproved(leave: "A1"), as: shop.lead)
        let pay = try shop.database.read { db in try LeaveQueries.unusedAnnualLeave(db, year: 2026) }
        let agent = try #require(pay.first { $0.staff == shop.agent.rawValue })
        #expect(agent.entitled == 5 && agent.taken == 2 && agent.owed == 3 && agent.percent == 300)
        #expect(agent.pay == Money(yuan: 1350))  // 3 days × 150 × 300%
        #expect(pay.first { $0.staff == shop.night.rawValue }?.pay == nil)  // no wage on the record
    }

    @Test("two approvals of one note on two devices are one approval")
    func twoApprovals() throws {
        let shop = try WorkforceShop()
        try shop.apply(LeaveRequested(leave: "L1", staff: shop.agent, kind: .sick, from: CivilDate("2026-11-25")!, days: 1), as: shop.agent)
        let base = try shop.database.ops(from: shop.database.deviceID)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-leave-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let clocks = [TestClock(), TestClock()]
        let devices = try (0..<2).map { index in
            let db = try ShopDatabase.createNotebook(at: directory.appendingPathComponent("d\(index).sqlite").path, modules: WorkforceShop.modules,
                                                     clock: clocks[index].clock)
            _ = try db.merge(base)
            return db
        }
        clocks[0].set("2026-11-24", 10)
        try devices[0].apply(OpDraft(actor: shop.lead, LeaveApproved(leave: "L1")))
        clocks[1].set("2026-11-24", 9)
        try devices[1].apply(OpDraft(actor: shop.gm, LeaveApproved(leave: "L1")))
        _ = try devices[0].merge(try devices[1].ops(from: devices[1].deviceID))
        _ = try devices[1].merge(try devices[0].ops(from: devices[0].deviceID))
        for device in devices {
            let leave = try device.read { db in try LeaveQueries.leaves(db) }
            #expect(leave.count == 1 && leave[0].status == "approved" && leave[0].decidedBy == shop.gm.rawValue)  // the earlier one
            #expect(try device.conflicts().isEmpty)
        }
    }

    @Test("HR-6: training topics and the sign-off on the record; a new hire unsigned is due, then late; HR-4 the return")
    func training() throws {
        let shop = try WorkforceShop()
        let newbie = try person(shop, "新人", .female, born: "2004-01-01")
        try shop.apply(StaffAdded(staff: IDSource.random.next(), name: "后来的", roles: [.csAgent]), as: shop.gm, at: "2026-11-24", 9)
        var due = try shop.database.read { db in try WorkforceQueries.due(db, today: CivilDate("2026-12-30")!) }.filter { $0.kind == "training" }
        #expect(due.map(\.name) == ["后来的"] && due[0].status == "late" && due[0].period == "2026-12-24")
        due = try shop.database.read { db in try WorkforceQueries.due(db, today: CivilDate("2026-12-01")!) }.filter { $0.kind == "training" }
        #expect(due.map(\.status) == ["due"])
        #expect(throws: PeopleError.noTraining) { try shop.apply(TrainingSignedOff(staff: newbie), as: shop.lead) }
        try shop.apply(TrainingRecorded(staff: newbie, topic: "千牛接待", day: CivilDate("2026-11-23")!), as: shop.lead)
        #expect(throws: PeopleError.ownTraining) { try shop.apply(TrainingRecorded(staff: shop.lead, topic: "x", day: CivilDate("2026-11-23")!), as: shop.lead) }
        try shop.apply(TrainingSignedOff(staff: newbie), as: shop.lead)
        let record = try shop.database.read { db in try TrainingQueries.record(db, staff: newbie) }
        #expect(record.topics.map(\.topic) == ["千牛接待"] && record.signedOffBy == "刘芬")
        // HR-4: away with the supervisor's OK, then back, both on the shift.
        let shift = try shop.start(shop.agent, "2026-11-24", 8)
        #expect(throws: PeopleError.notAway) { try shop.apply(ShiftReturned(shift: shift), as: shop.agent) }
        try shop.apply(ShiftLeft(shift: shift, approvedBy: shop.lead, minutes: 15, reason: "取快递"), as: shop.agent, at: "2026-11-24", 10)
        try shop.apply(ShiftReturned(shift: shift), as: shop.agent, at: "2026-11-24", 10, 12)
        #expect(try shop.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shift_return WHERE shiftID = ?", arguments: [shift]) } == 1)
    }
}
