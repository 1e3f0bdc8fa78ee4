import Foundation
import ShopDomain
import Storage
import TerminalUI
import Workforce

/// 0 / F10: my fines, the fund's statement and my leave notes; `r` writes a leave note
/// (DISC-1..4, HR-3, HR-4). The same queries and ops as `fine list`, `fund statement`, `leave …`.
final class PeopleScreen: Screen {
    private var fines: [Fine] = []
    private var fund: FundStatement?
    private var leaves: [Leave] = []
    private var editing = false
    private var field = TextField()

    func title(_ ctx: DeskContext) -> String { ctx.t("罚款请假", "Fines & leave") }

    var capturesText: Bool { editing }

    func hints(_ ctx: DeskContext) -> [KeyHint] {
        editing ? [KeyHint("Enter", ctx.t("提交请假单", "hand in the note")), KeyHint("Esc", ctx.t("取消", "cancel"))]
            : [KeyHint("r", ctx.t("请假", "request leave"))]
    }

    func reload(_ ctx: DeskContext) throws {
        guard let me = ctx.me else { return }
        (fines, fund, leaves) = try ctx.read { db in
            (try FineQueries.fines(db, staff: me.id), try FundQueries.statement(db, month: ctx.today.monthKey), try LeaveQueries.leaves(db, staff: me.id))
        }
    }

    func draw(_ grid: inout CellGrid, _ area: Area, _ ctx: DeskContext) {
        let x = area.x + 2, width = area.width - 4, bottom = area.y + area.height
        var y = area.y + 1
        if let fund {
            let mine = fund.people.first { $0.staff == ctx.me?.id.rawValue }
            grid.put(ctx.t("部门基金 \(ctx.today.monthKey)：应交 \(fund.owed.withSign) 已交 \(fund.paid.withSign) 支出 \(fund.spent.withSign) 余额 \(fund.balance.withSign)",
                           "Fund \(ctx.today.monthKey): owed \(fund.owed.withSign) paid \(fund.paid.withSign) spent \(fund.spent.withSign) balance \(fund.balance.withSign)"),
                     x: x, y: y, style: .title, maxWidth: width)
            y += 1
            grid.put(ctx.t("我欠交：\((mine?.outstanding ?? .zero).withSign)", "I still owe: \((mine?.outstanding ?? .zero).withSign)"), x: x, y: y,
                     style: (mine?.outstanding ?? .zero) > .zero ? .warning : .ok, maxWidth: width)
            y += 2
        }
        grid.put(ctx.t("我的罚款（\(fines.count)）", "My fines (\(fines.count))"), x: x, y: y, style: .title, maxWidth: width)
        y += 1
        var table = TableView([.init(ctx.t("时间", "When")), .init(ctx.t("金额", "Amount"), alignment: .right), .init(ctx.t("规则", "Rule")),
                               .init(ctx.t("原因", "Reason")), .init(ctx.t("状态", "State"))])
        for fine in fines {
            let state = fine.waived != nil ? ctx.t("已免除", "waived") : fine.dismissal ? ctx.t("达辞退次数", "reaches dismissal") : ""
            table.append([String(ctx.time(fine.at).dropFirst(5)), fine.amount.description, fine.rule, ctx.t(fine.reasonZh, fine.reasonEn), state])
        }
        let fineHeight = max(1, min(fines.count + 1, (bottom - y) / 2 - 1))
        table.draw(&grid, x: x, y: y, width: width, height: fineHeight)
        y += fineHeight + 1
        guard y < bottom else { return }
        grid.put(ctx.t("我的请假（\(leaves.count)）", "My leave (\(leaves.count))"), x: x, y: y, style: .title, maxWidth: width)
        y += 1
        if editing, y < bottom {
            let label = ctx.t("类别 第一天 天数 [亲属|结婚日期]：", "kind first-day days [relation|wedding]: ")
            let w = grid.put(label, x: x, y: y, style: .normal, maxWidth: width / 2)
            field.draw(&grid, x: x + w, y: y, width: width - w)
            y += 2
        }
        guard y < bottom else { return }
        var notes = TableView([.init(ctx.t("编号", "Note")), .init(ctx.t("类别", "Kind")), .init(ctx.t("日期", "Days")),
                               .init(ctx.t("天数", "Count"), alignment: .right), .init(ctx.t("状态", "Status"))])
        for leave in leaves {
            let status = switch leave.status {
            case "approved": ctx.t("已批准", "approved")
            case "rejected": ctx.t("驳回", "turned down")
            default: ctx.t("待签字", "waiting")
            }
            notes.append([leave.id, leave.kind.title(in: ctx.language), "\(leave.from)…\(leave.until)", String(leave.days), status])
        }
        notes.draw(&grid, x: x, y: y, width: width, height: max(1, min(leaves.count + 1, bottom - y)))
    }

    func handle(_ key: Key, _ ctx: DeskContext) throws -> ScreenAction {
        if editing {
            switch key {
            case .escape:
                editing = false
                field = TextField()
            case .enter:
                return try request(ctx)
            default:
                _ = field.edit(key)
            }
            return .none
        }
        switch key {
        case .character("r"):
            editing = true
            field = TextField()
        case .escape:
            return .back
        default:
            break
        }
        return .none
    }

    /// `zhanggui leave request --kind K --from DAY --days N [--relation R | --wedding DAY]`, typed as
    /// `sick 2026-12-03 1`, `bereavement 2026-12-03 3 parent`, `marriage 2026-12-20 13 2026-12-20`.
    private func request(_ ctx: DeskContext) throws -> ScreenAction {
        guard let me = ctx.me else { return .none }
        let parts = field.text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard parts.count >= 3, let kind = LeaveKind(rawValue: parts[0]), let from = CivilDate(parts[1]), let days = Int(parts[2]) else {
            return .status(Status(ctx.t("请写成：sick 2026-12-03 1（类别 marriage|bereavement|sick|personal|annual）",
                                        "write it as: sick 2026-12-03 1 (kind marriage|bereavement|sick|personal|annual)"), .refused))
        }
        let extra = parts.count > 3 ? parts[3] : nil
        let id = ShortID.make("L", ids: .random)
        try ctx.apply(LeaveRequested(leave: id, staff: me.id, kind: kind, from: from, days: days,
                                     wedding: kind == .marriage ? extra.flatMap(CivilDate.init) : nil,
                                     relation: kind == .bereavement ? extra.flatMap(Bereavement.init(rawValue:)) : nil))
        editing = false
        field = TextField()
        return .status(Status(ctx.t("已写请假单 \(id)，等主管签字", "Leave note \(id) handed in: waiting for a supervisor"), .ok))
    }
}
