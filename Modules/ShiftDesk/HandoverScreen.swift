import Foundation
import ShopDomain
import Storage
import TerminalUI
import Workforce

/// The handover book (交接本, HR-2) for the person at the desk: what the last shift of my team
/// handed me and its summary, taking an item over, writing my own, starting and ending my shift.
/// The same ops as `zhanggui handover ack|add` and `zhanggui shift start|end`.
final class HandoverScreen: Screen {
    enum Editing { case item, endNote }

    private var shift: WorkforceQueries.ShiftRecord?
    private var items: [WorkforceQueries.Item] = []
    private var mine: [WorkforceQueries.Item] = []
    private var lastShift: WorkforceQueries.ShiftRecord?
    private var selected: Int?
    private var editing: Editing?
    private var field = TextField()

    func title(_ ctx: DeskContext) -> String { ctx.t("交接", "Handover") }

    var capturesText: Bool { editing != nil }

    func hints(_ ctx: DeskContext) -> [KeyHint] {
        switch editing {
        case .item:
            return [KeyHint("Enter", ctx.t("写入交接本", "write it in the book")), KeyHint("Esc", ctx.t("取消", "cancel"))]
        case .endNote:
            return [KeyHint("Enter", ctx.t("下班", "end my shift")), KeyHint("Esc", ctx.t("取消", "cancel"))]
        case nil:
            var hints = [KeyHint("↑↓", ctx.t("选事项", "choose")), KeyHint("a", ctx.t("接手", "take over")), KeyHint("n", ctx.t("写一项", "write an item"))]
            hints.append(shift == nil ? KeyHint("s", ctx.t("上班", "start my shift")) : KeyHint("e", ctx.t("下班", "end my shift")))
            return hints
        }
    }

    func reload(_ ctx: DeskContext) throws {
        guard let me = ctx.me else { return }
        let selectedID = selected.flatMap { items.indices.contains($0) ? items[$0].id : nil }
        let (shift, view, open) = try ctx.read { db in
            (try WorkforceQueries.currentShift(db, staff: me.id), try WorkforceQueries.handover(db, viewer: me.id, all: false),
             // Every open item (the manager's view, `handover show --all`), for mine of this shift.
             try WorkforceQueries.handover(db, viewer: StaffID(rawValue: ""), all: true).items)
        }
        self.shift = shift
        items = view.items
        lastShift = view.lastShifts.first
        mine = shift.map { current in open.filter { $0.shift == current.id } } ?? []
        if items.isEmpty {
            selected = nil
        } else {
            selected = selectedID.flatMap { id in items.firstIndex { $0.id == id } } ?? min(selected ?? 0, items.count - 1)
        }
    }

    /// `11-30 09:20`: the year is this year's.
    private func short(_ date: Date, _ ctx: DeskContext) -> String { String(ctx.time(date).dropFirst(5)) }

    func draw(_ grid: inout CellGrid, _ area: Area, _ ctx: DeskContext) {
        let x = area.x + 2, width = area.width - 4, bottom = area.y + area.height
        var y = area.y + 1
        if let shift {
            let what = shift.template.flatMap(ShiftTemplate.init(rawValue:))?.title(in: ctx.language) ?? ctx.t("排班外", "unscheduled")
            let late = shift.lateMinutes > 0 ? ctx.t("，迟到 \(shift.lateMinutes) 分钟", ", \(shift.lateMinutes) min late") : ""
            grid.put(ctx.t("我在班上：\(what)，\(ctx.time(shift.startedAt)) 上班\(late)", "On shift: \(what), since \(ctx.time(shift.startedAt))\(late)"),
                     x: x, y: y, style: .ok, maxWidth: width)
        } else {
            grid.put(ctx.t("我不在班上：按 s 上班，才能接手和写交接", "Not on shift: press s to start, then take over and write items"),
                     x: x, y: y, style: .warning, maxWidth: width)
        }
        y += 2

        // What the last shift handed me.
        grid.put(ctx.t("交给我这一班的事项（\(items.count)）", "Handed to my shift (\(items.count))"), x: x, y: y, style: .title, maxWidth: width)
        y += 1
        if items.isEmpty {
            grid.put(ctx.t("没有待接手的交接事项。", "Nothing to take over."), x: x + 2, y: y, style: .dim, maxWidth: width - 2)
            y += 2
        } else {
            var table = TableView([.init(ctx.t("事项", "Item")), .init(ctx.t("写于", "Written")), .init(ctx.t("写的人", "By"), maxWidth: 12),
                                   .init(ctx.t("关于", "About"), maxWidth: 18), .init(ctx.t("内容", "Text"))])
            for item in items { table.append([item.id, short(item.writtenAt, ctx), item.author, item.about ?? "", item.text]) }
            table.selected = editing == nil ? selected : nil
            let height = min(items.count + 1, max(2, (bottom - y) / 2))
            table.draw(&grid, x: x, y: y, width: width, height: height)
            y += height + 1
        }

        // My own items, and the field to write one.
        if editing == .item {
            let label = ctx.t("新交接：", "New item: ")
            let w = grid.put(label, x: x, y: y, style: .title)
            field.draw(&grid, x: x + w, y: y, width: width - w)
            y += 2
        }
        if !mine.isEmpty, y < bottom {
            grid.put(ctx.t("我这一班写的（\(mine.count)，交给下一班）", "Written this shift (\(mine.count), for the next shift)"),
                     x: x, y: y, style: .title, maxWidth: width)
            y += 1
            for item in mine where y < bottom - 1 {
                grid.putField("\(item.id)  \(short(item.writtenAt, ctx))  \(item.text)", x: x + 2, y: y, width: width - 2)
                y += 1
            }
            y += 1
        }
        if editing == .endNote, y < bottom {
            let label = ctx.t("给下一班的留言（可不写）：", "A note for the next shift (optional): ")
            let w = grid.put(label, x: x, y: y, style: .title)
            field.draw(&grid, x: x + w, y: y, width: width - w)
            y += 2
        }

        // The last shift's summary.
        guard let last = lastShift, y < bottom else { return }
        let team = Team(rawValue: last.team)?.title(in: ctx.language) ?? last.team
        let until = last.endedAt.map { ctx.time($0) } ?? ""
        grid.put(ctx.t("上一班：\(last.name)（\(team)），\(ctx.time(last.startedAt)) – \(until)",
                       "Last shift: \(last.name) (\(team)), \(ctx.time(last.startedAt)) – \(until)"), x: x, y: y, style: .title, maxWidth: width)
        y += 1
        if let note = last.note, y < bottom {
            grid.put(ctx.t("留言：", "Note: ") + note, x: x + 2, y: y, maxWidth: width - 2)
            y += 1
        }
        let figures = last.figures.filter { $0.count > 0 }
        guard !figures.isEmpty, y + 1 < bottom else { return }
        var table = TableView([.init(ctx.t("数量", "Count"), alignment: .right), .init(ctx.t("交接摘要", "Handover summary")),
                               .init(ctx.t("例如", "For example"))])
        for figure in figures { table.append([String(figure.count), figure.title(in: ctx.language), figure.examples.prefix(3).joined(separator: ", ")]) }
        table.draw(&grid, x: x + 2, y: y, width: width - 2, height: min(figures.count + 1, bottom - y))
    }

    func handle(_ key: Key, _ ctx: DeskContext) throws -> ScreenAction {
        if let editing {
            switch key {
            case .escape:
                self.editing = nil
                return .status(Status(ctx.t("已取消", "Cancelled")))
            case .enter:
                return editing == .item ? try write(ctx) : try endShift(ctx)
            default:
                _ = field.edit(key)
                return .none
            }
        }
        switch key {
        case .up:
            if let selected { self.selected = max(0, selected - 1) }
        case .down:
            if let selected { self.selected = min(items.count - 1, selected + 1) }
        case .character("a"), .enter:
            return try takeOver(ctx)
        case .character("n"):
            // Only on shift, as `handover add` (the op refuses it too).
            guard shift != nil else { throw WorkforceError.notOnShift(ctx.me?.name ?? "") }
            editing = .item
            field = TextField()
        case .character("s"):
            return try startShift(ctx)
        case .character("e"):
            // Refused now, with the module's words, when there is no shift to end.
            guard let me = ctx.me else { return .none }
            _ = try ShiftWork.end(ctx.database, staff: me.id, note: nil)
            editing = .endNote
            field = TextField()
        case .escape:
            return .back
        default:
            break
        }
        return .none
    }

    /// `zhanggui handover ack ITEM`.
    private func takeOver(_ ctx: DeskContext) throws -> ScreenAction {
        guard let me = ctx.me, let selected, items.indices.contains(selected) else {
            return .status(Status(ctx.t("没有待接手的事项。", "Nothing to take over.")))
        }
        let item = items[selected]
        try ctx.apply(HandoverAcked(items: [item.id]))
        return .status(Status(ctx.t("\(me.name) 已接手：\(item.id)", "\(me.name) took over: \(item.id)"), .ok))
    }

    /// `zhanggui handover add TEXT`: the team is the shift's, nothing named as what it is about.
    private func write(_ ctx: DeskContext) throws -> ScreenAction {
        let id = ShortID.make("H", ids: .random)
        try ctx.apply(HandoverWritten(item: id, text: field.text, about: nil))
        editing = nil
        field = TextField()
        return .status(Status(ctx.t("已记入交接本：\(id)", "Written in the handover book: \(id)"), .ok))
    }

    /// `zhanggui shift start`.
    private func startShift(_ ctx: DeskContext) throws -> ScreenAction {
        guard let me = ctx.me else { return .none }
        try ctx.apply(ShiftStarted(shift: ShortID.make("S", day: ctx.today, ids: .random)))
        guard let shift = try ctx.read({ db in try WorkforceQueries.currentShift(db, staff: me.id) }) else { return .none }
        let what = shift.template.flatMap(ShiftTemplate.init(rawValue:))?.title(in: ctx.language) ?? ctx.t("排班外", "unscheduled")
        let late = shift.lateMinutes > 0 ? ctx.t("，迟到 \(shift.lateMinutes) 分钟", ", \(shift.lateMinutes) min late") : ""
        return .status(Status(ctx.t("\(me.name) \(ctx.time(shift.startedAt)) 上班（\(what)）\(late)",
                                    "\(me.name) on shift at \(ctx.time(shift.startedAt)) (\(what))\(late)"), .ok))
    }

    /// `zhanggui shift end --note …`: the summary is built from every module's figures as they stand now.
    private func endShift(_ ctx: DeskContext) throws -> ScreenAction {
        guard let me = ctx.me else { return .none }
        let payload = try ShiftWork.end(ctx.database, staff: me.id, note: field.text)
        try ctx.apply(payload)
        editing = nil
        field = TextField()
        let ended = try ctx.read { db in try WorkforceQueries.shifts(db, staff: me.id, limit: 1) }.first
        let early = (ended?.earlyMinutes ?? 0) > 0 ? ctx.t("，早退 \(ended!.earlyMinutes!) 分钟", ", \(ended!.earlyMinutes!) min early") : ""
        let open = payload.openItems.isEmpty ? "" : ctx.t("；\(payload.openItems.count) 项交给下一班", "; \(payload.openItems.count) item(s) for the next shift")
        let at = ended?.endedAt.map { ctx.time($0) } ?? ""
        return .status(Status(ctx.t("\(me.name) \(at) 下班\(early)\(open)", "\(me.name) off shift at \(at)\(early)\(open)"), .ok))
    }
}
