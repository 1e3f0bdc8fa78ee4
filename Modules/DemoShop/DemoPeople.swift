import Foundation
import ShopDomain
import Storage
import Workforce

/// The demo's fines, fund and leave (DISC-1..4, HR-3): a run of days of fines — the supervisor's
/// 10-yuan fines, two service complaints escalating in their month, one contested and waived by
/// the GM — money paid into the fund box, one team spending with its receipt's hash, daily wages,
/// an approved leave note and one waiting for a signature.
struct DemoPeople {
    let database: ShopDatabase
    let clock: DemoClock
    let zone: ShopZone
    let ids: IDSource
    let start: CivilDate

    func staff(_ name: String) throws -> StaffID {
        try database.read { db in try CoreQueries.findStaff(db, name).id }
    }

    @discardableResult
    func apply<P: OpPayload>(_ payload: P, as name: String, day: Int, _ hour: Int, _ minute: Int = 0) throws -> Op {
        clock.set(start.adding(days: day), hour, minute, in: zone)
        return try database.apply(OpDraft(actor: try staff(name), payload))
    }

    func build() throws {
        for (name, wage) in [("刘芬", 220), ("周小雨", 180), ("二哥", 200), ("大哥", 240)] as [(String, Int64)] {
            try apply(WageSet(staff: try staff(name), daily: Money(yuan: wage)), as: "黄乔", day: 0, 9)
        }
        try apply(FineBooked(staff: try staff("周小雨"), rule: "DISC-2", what: "上班时间刷短视频"), as: "刘芬", day: 0, 10, 20)
        try apply(FineBooked(staff: try staff("二哥"), rule: "DISC-2", what: "工位桌面积灰"), as: "大哥", day: 1, 9, 5)
        try apply(FineBooked(staff: try staff("周小雨"), rule: "DISC-1", what: "买家投诉回复态度差（订单 2345678901234500041）"), as: "刘芬", day: 1, 15, 40)
        let wrong = try apply(FineBooked(staff: try staff("二哥"), rule: "DISC-2", what: "把同事电话给了快递员"), as: "大哥", day: 2, 11, 0)
        try apply(FineContested(fine: String(wrong.hash.prefix(10)), reason: "是同事让我转给快递员的"), as: "二哥", day: 2, 11, 30)
        try apply(FineWaived(fine: String(wrong.hash.prefix(10)), reason: "核实：本人同意转交，不算泄露"), as: "黄乔", day: 2, 17, 0)
        try apply(FineBooked(staff: try staff("周小雨"), rule: "DISC-1", what: "买家投诉未及时回复（订单 2345678901234500057）"), as: "刘芬", day: 3, 21, 10)
        try apply(FineBooked(staff: try staff("刘芬"), rule: "DISC-2", what: "上班时间处理私事"), as: "黄乔", day: 4, 14, 0)
        // Paid into the box, and a team afternoon tea from it (DISC-4).
        try apply(FundPaid(staff: try staff("周小雨"), amount: Money(yuan: 60), note: "现金"), as: "周小雨", day: 4, 17, 0)
        try apply(FundPaid(staff: try staff("二哥"), amount: Money(yuan: 10)), as: "二哥", day: 4, 17, 5)
        try apply(FundPaid(staff: try staff("刘芬"), amount: Money(yuan: 10)), as: "刘芬", day: 4, 17, 10)
        try apply(FundSpent(what: "团队下午茶（奶茶 8 杯）", amount: Money(yuan: 64), receipt: ContentHash.of(bytes: Data("艾芳汀演示收据 下午茶".utf8))),
                  as: "黄乔", day: 5, 15, 30)
        // Leave: a personal day signed by the CS lead, an annual leave note waiting.
        let personal = ShortID.make("L", ids: ids), annual = ShortID.make("L", ids: ids)
        try apply(LeaveRequested(leave: personal, staff: try staff("周小雨"), kind: .personal, from: start.adding(days: 20), days: 1, note: "搬家"),
                  as: "周小雨", day: 5, 10)
        try apply(LeaveApproved(leave: personal), as: "刘芬", day: 5, 11)
        try apply(LeaveRequested(leave: annual, staff: try staff("二哥"), kind: .annual, from: start.adding(days: 24), days: 2, note: "回老家"),
                  as: "二哥", day: 5, 12)
    }
}
