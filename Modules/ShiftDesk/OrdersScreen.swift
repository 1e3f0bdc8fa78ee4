import CustomerCare
import Foundation
import Logistics
import ShopDomain
import Storage
import TerminalUI

/// Orders: filtered by state (←→ or Tab cycle paid, awaiting payment, shipped, closed, all),
/// newest first (`OrderQueries.list`); Enter opens one order.
final class OrdersScreen: Screen {
    static let filters: [OrderStatus?] = [.paid, .awaitingPayment, .shipped, .closed, nil]
    /// The list shows at most this many (the newest); the count line says so.
    static let limit = 500

    private var filter = 0
    private var orders: [OrderSummary] = []
    /// Every column, and without items and total for narrow terminals (the number stays whole).
    private var full = TableView([])
    private var compact = TableView([])
    private var selected: Int?

    func title(_ ctx: DeskContext) -> String { ctx.t("订单", "Orders") }

    func hints(_ ctx: DeskContext) -> [KeyHint] {
        [KeyHint("←→", ctx.t("按状态筛选", "filter by state")), KeyHint("↑↓", ctx.t("选择", "choose")),
         KeyHint("Enter", ctx.t("打开订单", "open the order"))]
    }

    func reload(_ ctx: DeskContext) throws {
        let selectedOrder = selected.flatMap { orders.indices.contains($0) ? orders[$0].order : nil }
        orders = try ctx.read { db in try OrderQueries.list(db, status: Self.filters[filter], limit: Self.limit) }
        // CS-4: a blacklisted buyer's orders ship, marked ⚠ (CustomerCare knows the list, Logistics does not).
        let flagged = try ctx.read { db in try CustomerQueries.blacklisted(db, orders: orders.map(\.order)) }
        for narrow in [false, true] {
            var table = TableView([.init(ctx.t("订单编号", "Order"), minWidth: 19), .init(ctx.t("状态", "Status")),
                                   .init(ctx.t("收货人", "Consignee"), maxWidth: 12)]
                                  + (narrow ? [] : [.init(ctx.t("件数", "Items"), alignment: .right), .init(ctx.t("金额", "Total"), alignment: .right)])
                                  + [.init(ctx.t("快递单", "Waybill"), minWidth: 14), .init(ctx.t("已读取", "Taken by"))])
            for o in orders {
                var status = DeskText.status(o.status, ctx) + (o.refunded ? ctx.t("（退款）", " (refund)") : "")
                let parcel = DeskText.parcel(o.parcelState, ctx)
                if !parcel.isEmpty { status += " · " + parcel }
                table.append([o.order, status, (flagged[o.order] == nil ? "" : "[黑]") + o.consignee] + (narrow ? [] : [String(o.items), o.total.description])
                             + [o.waybill ?? "", o.takenBy ?? ""],
                             style: o.status.awaitsShipment && o.waybill == nil ? .warning : .normal)
            }
            if narrow { compact = table } else { full = table }
        }
        selected = orders.isEmpty ? nil : selectedOrder.flatMap { id in orders.firstIndex { $0.order == id } } ?? 0
    }

    private func move(_ delta: Int) {
        guard !orders.isEmpty else { selected = nil; return }
        selected = min(max(0, (selected ?? 0) + delta), orders.count - 1)
    }

    func draw(_ grid: inout CellGrid, _ area: Area, _ ctx: DeskContext) {
        let x0 = area.x + 2, y = area.y + 1
        var x = x0 + grid.put(ctx.t("状态：", "State: "), x: x0, y: y, style: .title)
        for (n, status) in Self.filters.enumerated() {
            let label = " " + DeskText.status(status, ctx) + " "
            x += grid.put(label, x: x, y: y, style: n == filter ? .selected : .normal) + 1
        }
        let count = orders.count >= Self.limit
            ? ctx.t("显示最新的 \(orders.count) 单", "the newest \(orders.count) orders")
            : ctx.t("共 \(orders.count) 单，最新的在前", "\(orders.count) order(s), newest first")
        grid.put(count + ctx.t("；黄色：已付款还没打单", "; yellow: paid, no waybill yet"), x: x0, y: y + 1, style: .dim)
        guard !orders.isEmpty else {
            grid.put(ctx.t("这个状态下没有订单。", "No orders in this state."), x: x0, y: y + 3, style: .dim)
            return
        }
        var table = full.naturalWidth <= area.width - 4 ? full : compact
        table.selected = selected
        table.draw(&grid, x: x0, y: y + 3, width: area.width - 4, height: area.height - 4)
    }

    func handle(_ key: Key, _ ctx: DeskContext) throws -> ScreenAction {
        switch key {
        case .up: move(-1)
        case .down: move(1)
        case .pageUp: move(-10)
        case .pageDown: move(10)
        case .home: selected = orders.isEmpty ? nil : 0
        case .end: selected = orders.isEmpty ? nil : orders.count - 1
        case .right, .tab:
            filter = (filter + 1) % Self.filters.count
            selected = nil
            try reload(ctx)
        case .left, .backTab:
            filter = (filter + Self.filters.count - 1) % Self.filters.count
            selected = nil
            try reload(ctx)
        case .enter:
            guard let index = selected else { return .none }
            return .open(OrderDetailScreen(order: OrderID(rawValue: orders[index].order)))
        case .escape:
            return .back
        default:
            break
        }
        return .none
    }
}

/// One order: lines, notes, 已读取 and waybills (`OrderQueries.detail`); `t` takes it
/// (`OrderTaken`), `n` writes a note (`OrderNoted`). The module's rules decide; its messages show.
final class OrderDetailScreen: Screen {
    let order: OrderID
    private var detail: OrderDetail?
    private var blacklisted: String?
    private var notices: [(zh: String, en: String)] = []
    private var note: TextField?

    init(order: OrderID) { self.order = order }

    func title(_ ctx: DeskContext) -> String { ctx.t("订单 · \(order.rawValue)", "Order · \(order.rawValue)") }

    var capturesText: Bool { note != nil }

    func hints(_ ctx: DeskContext) -> [KeyHint] {
        if note != nil { return [KeyHint("Enter", ctx.t("保存备注", "save the note")), KeyHint("Esc", ctx.t("不写了", "cancel"))] }
        return [KeyHint("t", ctx.t("读取（由我处理）", "take it (I handle it)")), KeyHint("n", ctx.t("写备注", "write a note")),
                KeyHint("Esc", ctx.t("回到列表", "back to the list"))]
    }

    func reload(_ ctx: DeskContext) throws {
        (detail, notices) = try ctx.read { db in (try OrderQueries.detail(db, order), try OrderQueries.notices(db, order)) }
        blacklisted = try ctx.read { db in try CustomerQueries.blacklisted(db, order: order) }
    }

    func draw(_ grid: inout CellGrid, _ area: Area, _ ctx: DeskContext) {
        guard let detail else { return }
        let s = detail.summary
        var out = LineWriter(area, reserve: note == nil ? 0 : 2)
        out.line("\(s.order)  \(s.status.name(in: ctx.language))" + (detail.closeReason.map { ctx.t("（\($0)）", " (\($0))") } ?? "")
                 + (s.refunded ? ctx.t("  已退款", "  refunded") : ""), .title, &grid)
        out.line(ctx.t("买家：", "Buyer: ") + (s.buyer ?? "—") + ctx.t("  收货人：", "  Consignee: ") + s.consignee + " " + (detail.phone ?? ""),
                 .normal, &grid)
        if let blacklisted { out.field(ctx.t("[黑] 黑名单买家：", "[黑] blacklisted buyer: "), DeskText.oneLine(blacklisted), .error, &grid) }
        out.paragraph(ctx.t("地址：", "Address: ") + detail.address + (detail.postcode.map { " (\($0))" } ?? ""), .normal, &grid)
        out.line(ctx.t("金额：", "Total: ") + s.total.withSign + ctx.t("，邮费 ", ", postage ") + detail.postage.withSign
                 + (detail.extraPostage > .zero ? ctx.t("，补邮费 ", ", extra postage ") + detail.extraPostage.withSign : "")
                 + (s.paidAt.map { ctx.t("  付款 ", "  paid ") + ctx.time($0) } ?? ""), .normal, &grid)
        if let message = detail.buyerMessage { out.field(ctx.t("买家留言：", "Buyer's message: "), DeskText.oneLine(message), .normal, &grid) }
        if let remark = detail.sellerRemark { out.field(ctx.t("卖家备注：", "Seller's remark: "), DeskText.oneLine(remark), .normal, &grid) }
        out.line(ctx.t("已读取：", "Taken by: ") + (s.takenBy ?? ctx.t("未读取", "not taken")), s.takenBy == nil ? .warning : .ok, &grid)
        out.skip()

        var lines = TableView([.init("#", alignment: .right), .init(ctx.t("商品", "Item")), .init(ctx.t("属性", "Attributes")),
                               .init(ctx.t("数量", "Qty"), alignment: .right), .init(ctx.t("单价", "Price"), alignment: .right),
                               .init(ctx.t("商家编码", "SKU"))])
        for line in detail.lines {
            lines.append([String(line.line), line.title, line.attributes, String(line.quantity), line.price.description,
                          line.sku ?? ctx.t("未对应", "unmatched")], style: line.sku == nil ? .warning : .normal)
        }
        let tableHeight = min(lines.rows.count + 1, out.rowsLeft)
        lines.draw(&grid, x: out.x, y: out.y, width: out.width, height: tableHeight)
        out.skip(tableHeight + 1)

        if detail.notes.isEmpty {
            out.line(ctx.t("备注：（没有）", "Notes: (none)"), .dim, &grid)
        } else {
            out.line(ctx.t("备注：", "Notes:"), .title, &grid)
            // The newest notes matter most when the screen is short.
            let room = max(1, out.rowsLeft - (detail.waybills.isEmpty ? 0 : 1) - notices.count)
            for n in detail.notes.suffix(room) {
                out.field("  \(ctx.time(n.at)) \(n.author)：", DeskText.oneLine(n.text), .normal, &grid)
            }
        }
        for notice in notices { out.field(ctx.t("提醒：", "Notice: "), ctx.t(notice.zh, notice.en), .warning, &grid) }
        if !detail.waybills.isEmpty { out.paragraph(ctx.t("快递单：", "Waybills: ") + detail.waybills.joined(separator: ", "), .normal, &grid) }

        if let note {
            let y = area.y + area.height - 1
            let w = grid.put(ctx.t("备注：", "Note: "), x: out.x, y: y, style: .title)
            note.draw(&grid, x: out.x + w, y: y, width: out.width - w)
        }
    }

    func handle(_ key: Key, _ ctx: DeskContext) throws -> ScreenAction {
        if var field = note {
            switch key {
            case .escape:
                note = nil
            case .enter:
                try ctx.apply(OrderNoted(order: order, text: field.text))
                note = nil
                return .status(Status(ctx.t("已备注订单 \(order.rawValue)", "Noted order \(order.rawValue)"), .ok))
            default:
                _ = field.edit(key)
                note = field
            }
            return .none
        }
        switch key {
        case .character("t"), .character("T"):
            try ctx.apply(OrderTaken(order: order))
            return .status(Status(ctx.t("订单 \(order.rawValue) 已读取", "Order \(order.rawValue) taken"), .ok))
        case .character("n"), .character("N"):
            note = TextField()
        case .escape:
            return .back
        default:
            break
        }
        return .none
    }
}
