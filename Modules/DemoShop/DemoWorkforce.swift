import ShopDomain
import Storage
import Workforce

/// The demo's rota and a day of shifts on the customer-service desk: the early shift hands over
/// to the late one (one item taken over, one left open), the late shift hands over to the next
/// morning (its item taken over), so one item is still open today. Lateness, an approved absence
/// from the post, a memo and the reports owed are there too.
struct DemoWorkforce {
    let database: ShopDatabase
    let clock: DemoClock
    let zone: ShopZone
    let ids: IDSource
    let today: CivilDate

    func staff(_ name: String) throws -> StaffID {
        try database.read { db in try CoreQueries.findStaff(db, name).id }
    }

    func apply<P: OpPayload>(_ payload: P, as name: String, at day: CivilDate, _ hour: Int, _ minute: Int) throws {
        clock.set(day, hour, minute, in: zone)
        try database.apply(OpDraft(actor: try staff(name), payload))
    }

    func build() throws {
        let people = try database.read { db in try CoreQueries.staffList(db, includeInactive: false) }.map(\.staff)
        let members = people.map { RosterPlanner.Member(staff: $0.id, roles: $0.roles) }
        // The story's day: the latest day before yesterday when both CS agents work.
        let cs = ["刘芬", "周小雨"]
        let csIDs = try cs.map(staff)
        var storyDay = today.adding(days: -2)
        var early = cs[0], late = cs[1]
        for back in 2..<16 {
            let day = today.adding(days: -back)
            let entries = RosterPlanner.plan(week: ISOWeek(containing: day), members: members).filter { $0.day == day }
            let templates = csIDs.map { id in entries.first { $0.staff == id }?.template }
            if let first = templates[0], let second = templates[1] {
                storyDay = day
                (early, late) = first == .csEarly ? (cs[0], cs[1]) : (cs[1], cs[0])
                _ = second
                break
            }
        }
        let next = storyDay.adding(days: 1)
        // The rota of every week from the story day to this one.
        var week = ISOWeek(containing: storyDay)
        clock.set(storyDay, 7, 0, in: zone)
        while week <= ISOWeek(containing: today) {
            try database.apply(OpDraft(actor: try staff("刘芬"), RosterPlanned(week: week, entries: RosterPlanner.plan(week: week, members: members),
                                                                                cleaning: RosterPlanner.cleaning(week: week, members: people.map(\.id)))))
            week = week.next
        }
        let item = { (prefix: String) in ShortID.make(prefix, ids: ids) }
        let earlyShift = ShortID.make("S", day: storyDay, ids: ids), lateShift = ShortID.make("S", day: storyDay, ids: ids)
        let warehouseShift = ShortID.make("S", day: storyDay, ids: ids), morningShift = ShortID.make("S", day: next, ids: ids)
        let (address, tape, express) = (item("H"), item("H"), item("H"))

        try apply(ShiftStarted(shift: earlyShift), as: early, at: storyDay, 8, 6)          // 6 minutes late
        try apply(ShiftStarted(shift: warehouseShift), as: "二哥", at: storyDay, 8, 15)     // 15 minutes late
        try apply(HandoverWritten(item: address, text: "王女士来电改收货地址为杭州市西湖区文三路 90 号，已在订单备注，发货前请再核对",
                                  about: "1930528874412036"), as: early, at: storyDay, 10, 30)
        try apply(HandoverWritten(item: tape, text: "封箱胶带只剩 12 卷，已报采购，到货后请入库", about: "SUP-TAPE"), as: early, at: storyDay, 11, 2)
        try apply(ShiftLeft(shift: earlyShift, approvedBy: try staff("黄乔"), minutes: 20, reason: "去快递点取退件"), as: early, at: storyDay, 14, 0)
        try apply(ShiftStarted(shift: lateShift), as: late, at: storyDay, 16, 9)           // 9 minutes late
        clock.set(storyDay, 16, 58, in: zone)
        try database.apply(OpDraft(actor: try staff(early), try ShiftWork.end(database, staff: try staff(early), note: "王女士的改址订单务必核对；胶带到货前省着用")))
        try apply(HandoverAcked(items: [address]), as: late, at: storyDay, 17, 5)
        clock.set(storyDay, 17, 31, in: zone)
        try database.apply(OpDraft(actor: try staff("二哥"), try ShiftWork.end(database, staff: try staff("二哥"), note: nil)))
        try apply(HandoverWritten(item: express, text: "李先生要求明早改发顺丰，运费差价已收", about: "1930528874419920"), as: late, at: storyDay, 21, 40)
        clock.set(next, 0, 0, in: zone)  // the late shift ends at 24:00
        try database.apply(OpDraft(actor: try staff(late), try ShiftWork.end(database, staff: try staff(late), note: "顺丰那单明早第一件事")))
        // The next morning: the late shift's item is taken over; the tape is still open.
        try apply(ShiftStarted(shift: morningShift), as: early, at: next, 7, 58)
        try apply(HandoverAcked(items: [express]), as: early, at: next, 8, 10)
        try apply(MemoAdded(memo: item("M"), text: "客户常问尺码，详情页应加尺码对照表"), as: "刘芬", at: next, 9, 30)
        try apply(PlanWritten(kind: .weeklyPlan, period: ISOWeek(containing: storyDay).description,
                              text: "本周：双十二活动报名；清理残次库；周五盘点配饰"), as: "黄乔", at: next, 10, 0)
        clock.set(next, 17, 0, in: zone)
        try database.apply(OpDraft(actor: try staff(early), try ShiftWork.end(database, staff: try staff(early), note: nil)))
    }
}
