import Foundation
import ShopDomain
import Storage
import Workforce

/// The demo's fines, fund and leave (DISC-1..4, HR-3): a run of days of fines — the supervisor's
/// 10-yuan fines, two service complaints escalating in their month, one contested and waived by
/// the GM — money paid into the fund box, one team spending with its receipt's hash, daily wages,
/// an approved leave note and one waiting for a signature. Then, on the clock's agenda while the
/// rest of the story is told, a 10-yuan fine on most days of the fortnight, payments into the box
/// and a second spending, so the staff and fund reports of any week show something.
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
        try later()
        // Leave: a personal day signed by the CS lead, an annual leave note waiting.
        let personal = ShortID.make("L", ids: ids), annual = ShortID.make("L", ids: ids)
        try apply(LeaveRequested(leave: personal, staff: try staff("周小雨"), kind: .personal, from: start.adding(days: 20), days: 1, note: "搬家"),
                  as: "周小雨", day: 5, 10)
        try apply(LeaveApproved(leave: personal), as: "刘芬", day: 5, 11)
        try apply(LeaveRequested(leave: annual, staff: try staff("二哥"), kind: .annual, from: start.adding(days: 24), days: 2, note: "回老家"),
                  as: "二哥", day: 5, 12)
    }

    /// The fortnight's later fines and payments (DISC-2, DISC-4), on the clock's agenda: each
    /// happens at its own time among the orders, campaigns and shifts the other parts add.
    func later() throws {
        let database = database
        func at(_ day: Int, _ hour: Int, _ minute: Int, as name: String, _ payload: some OpPayload) throws {
            let draft = OpDraft(actor: try staff(name), payload)
            clock.schedule(start.adding(days: day), hour, minute, in: zone) { try database.apply(draft) }
        }
        let fines: [(day: Int, hour: Int, minute: Int, who: String, by: String, what: String)] = [
            (6, 12, 30, "二哥", "大哥", "打包台未清理就下班"),
            (7, 11, 20, "周小雨", "刘芬", "上班时间玩手机"),
            (8, 16, 40, "汪莎", "黄乔", "主图源文件未按规定备份"),
            (9, 10, 15, "大哥", "黄乔", "仓库门未上锁"),
            (10, 14, 5, "刘芬", "黄乔", "交接本未按时填写"),
            (11, 9, 40, "周小雨", "刘芬", "工位桌面杂乱"),
            (12, 15, 10, "二哥", "大哥", "快递面单乱放"),
            (13, 11, 0, "汪莎", "黄乔", "上班时间处理私事"),
            (14, 17, 30, "周小雨", "刘芬", "离岗未报备"),
            (15, 10, 20, "二哥", "大哥", "工作时间玩手机"),
        ]
        for fine in fines {
            try at(fine.day, fine.hour, fine.minute, as: fine.by, FineBooked(staff: try staff(fine.who), rule: "DISC-2", what: fine.what))
        }
        let payments: [(day: Int, who: String, yuan: Int64)] = [(8, "二哥", 10), (11, "周小雨", 20), (12, "大哥", 10), (13, "汪莎", 10), (15, "刘芬", 10)]
        for payment in payments {
            try at(payment.day, 17, 15, as: payment.who, FundPaid(staff: try staff(payment.who), amount: Money(yuan: payment.yuan), note: "现金"))
        }
        try at(14, 15, 0, as: "黄乔", FundSpent(what: "团队生日蛋糕", amount: Money(yuan: 45),
                                              receipt: ContentHash.of(bytes: Data("艾芳汀演示收据 生日蛋糕".utf8))))
    }
}
