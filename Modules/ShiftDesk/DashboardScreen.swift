import Foundation
import Reporting
import ShopDomain
import Storage
import Sync
import TerminalUI
import Workforce

/// What my roles must do now, my shift, and the sync state.
final class DashboardScreen: Screen {
    struct Row {
        var count: Int
        var label: String
        var examples: [String]
        var goTo: String
    }

    private var rows: [Row] = []
    private var shiftLine = ""
    private var syncLine = ""
    private var figuresLine = ""

    func title(_ ctx: DeskContext) -> String { ctx.t("总览", "Dashboard") }

    func hints(_ ctx: DeskContext) -> [KeyHint] {
        [KeyHint("2", ctx.t("交接", "handover")), KeyHint("3", ctx.t("拣货打包", "pick & pack")), KeyHint("6", ctx.t("冲突", "conflicts"))]
    }

    /// Which waiting work each role sees (the GM and shop manager see everything).
    static func concerns(_ key: String, _ roles: [Role]) -> Bool {
        let sets = Set(roles)
        if !sets.isDisjoint(with: [.gm, .shopManager]) { return true }
        let warehouse = !sets.isDisjoint(with: [.warehouse, .warehouseLead, .shipper])
        let service = !sets.isDisjoint(with: [.csAgent, .csLead])
        let design = !sets.isDisjoint(with: [.designer, .designLead])
        switch key {
        case "orders.unmatched-lines": return service || warehouse
        case "warehouse.low-stock": return service || warehouse  // CS-10: agents watch listed stock too
        case let k where k.hasPrefix("orders.") || k.hasPrefix("warehouse."): return warehouse
        case let k where k.hasPrefix("listing."): return design  // DES-1 overdue listings, DES-7 sold out: the designers' due items
        case let k where k.hasPrefix("cs."): return service  // CS-2: open reviews are the GM's too (the GM sees all)
        default: return false
        }
    }

    static let destinations: [String: (zh: String, en: String)] = [
        "orders.paid-not-printed": ("5 订单", "5 orders"), "orders.printed-not-packed": ("3 拣货打包", "3 pick & pack"),
        "orders.packed-awaiting-pickup": ("3 拣货打包", "3 pick & pack"), "orders.closed-with-waybill": ("5 订单", "5 orders"),
        "orders.unmatched-lines": ("5 订单", "5 orders"), "warehouse.low-stock": ("4 库存", "4 stock"),
        "warehouse.recounts": ("4 库存", "4 stock"), "workforce.dismissal-flags": ("0 罚款请假", "0 fines & leave"),
        "listing.overdue": ("F11 上架", "F11 listing"), "listing.sold-out": ("F11 上架", "F11 listing"),
        "cs.reviews-open": ("8 客服台", "8 agent desk"), "cs.complaints-open": ("8 客服台", "8 agent desk"),
        "cs.returns-open": ("8 客服台", "8 agent desk"),
    ]

    func reload(_ ctx: DeskContext) throws {
        guard let me = ctx.me else { return }
        let figures = try ctx.database.handoverFigures()
        rows = figures.filter { $0.count > 0 && Self.concerns($0.key, me.roles) }.map { figure in
            let place = Self.destinations[figure.key].map { ctx.t($0.zh, $0.en) } ?? ""
            return Row(count: figure.count, label: ctx.t(figure.zh, figure.en), examples: figure.examples, goTo: place)
        }
        let handover = try ctx.read { db in try WorkforceQueries.handover(db, viewer: me.id, all: false) }
        if !handover.items.isEmpty {
            rows.insert(Row(count: handover.items.count, label: ctx.t("交给我这一班的交接事项", "handover items for my shift"),
                            examples: handover.items.map(\.text), goTo: ctx.t("2 交接", "2 handover")), at: 0)
        }
        if ctx.can(.resolveConflicts) {
            let conflicts = try ctx.database.conflicts()
            if !conflicts.isEmpty {
                rows.append(Row(count: conflicts.count, label: ctx.t("待处理的同步冲突", "sync conflicts to resolve"),
                                examples: conflicts.map(\.opKind), goTo: ctx.t("6 冲突", "6 conflicts")))
            }
        }
        if let shift = try ctx.read({ db in try WorkforceQueries.currentShift(db, staff: me.id) }) {
            shiftLine = ctx.t("我在班上：\(shift.template ?? "") 自 \(ctx.time(shift.startedAt))", "On shift: \(shift.template ?? "") since \(ctx.time(shift.startedAt))")
        } else {
            shiftLine = ctx.t("我不在班上（交接页可以上班）", "Not on shift (start one on the handover screen)")
        }
        // OPS-1: today's sales against the month's target, and the low-stock count (Reporting).
        figuresLine = try ctx.read { db in try TodayFigures.build(db, today: ctx.today, zone: ctx.zone) }.line(in: ctx.language)
        let status = try SyncClient.status(ctx.database)
        guard !status.cursor.hub.isEmpty || ctx.hub != nil else {
            syncLine = ctx.t("同步：本机没有接中心机", "Sync: this computer has no hub")
            return
        }
        let last = status.cursor.lastSyncAt.map { ctx.time($0) } ?? ctx.t("从未", "never")
        syncLine = ctx.t("同步：待上传 \(status.pending) 条操作，上次同步 \(last)", "Sync: \(status.pending) ops to push, last sync \(last)")
            + (status.cursor.lastResult.map { "（\($0)）" } ?? "")
    }

    func draw(_ grid: inout CellGrid, _ area: Area, _ ctx: DeskContext) {
        var y = area.y + 1
        grid.put(shiftLine, x: area.x + 2, y: y, style: .title)
        y += 1
        grid.put(figuresLine, x: area.x + 2, y: y, style: .normal)
        y += 2
        if rows.isEmpty {
            grid.put(ctx.t("现在没有等着我做的事。", "Nothing is waiting for me now."), x: area.x + 2, y: y, style: .ok)
            y += 2
        } else {
            var table = TableView([.init(ctx.t("数量", "Count"), alignment: .right), .init(ctx.t("要做的", "To do")),
                                   .init(ctx.t("去", "Go to")), .init(ctx.t("例如", "For example"))])
            for row in rows {
                table.append([String(row.count), row.label, row.goTo, row.examples.prefix(3).joined(separator: ", ")],
                             style: row.label.isEmpty ? .normal : .warning)
            }
            let height = min(rows.count + 1, area.height - 5)
            table.draw(&grid, x: area.x + 2, y: y, width: area.width - 4, height: height)
            y += height + 1
        }
        if y < area.y + area.height { grid.put(syncLine, x: area.x + 2, y: min(y, area.y + area.height - 1), style: .dim) }
    }

    func handle(_ key: Key, _ ctx: DeskContext) throws -> ScreenAction {
        key == .escape ? .back : .none
    }
}
