import Foundation
import ShopDomain
import Storage
import TerminalUI
import Warehouse

/// Stock: search by SKU code, barcode or name (`WarehouseQueries.stockList(matching:)`); every
/// product's sellable, reserved and available units with a LOW mark; Enter opens one SKU.
final class StockScreen: Screen {
    private var search = TextField()
    private var searching = false
    private var lowOnly = false
    private var lines: [StockLine] = []
    /// Every column, and the same without the threshold (and with shorter titles) for narrow terminals.
    private var full = TableView([])
    private var compact = TableView([])
    private var selected: Int?

    func title(_ ctx: DeskContext) -> String { ctx.t("库存", "Stock") }

    var capturesText: Bool { searching }

    func hints(_ ctx: DeskContext) -> [KeyHint] {
        if searching {
            return [KeyHint("Enter", ctx.t("打开", "open")), KeyHint("↑↓", ctx.t("选择", "choose")),
                    KeyHint("Esc", ctx.t("结束输入", "stop typing"))]
        }
        return [KeyHint("/", ctx.t("搜索", "search")), KeyHint("↑↓", ctx.t("选择", "choose")),
                KeyHint("Enter", ctx.t("库位和流水", "locations & movements")),
                KeyHint("l", lowOnly ? ctx.t("显示全部", "show all") : ctx.t("只看低库存", "low only"))]
    }

    func reload(_ ctx: DeskContext) throws {
        let selectedSKU = selected.flatMap { lines.indices.contains($0) ? lines[$0].sku : nil }
        try query(ctx)
        selected = lines.isEmpty ? nil : selectedSKU.flatMap { sku in lines.firstIndex { $0.sku == sku } } ?? 0
    }

    /// Reads the list for the search text; the selection goes to the first match.
    private func query(_ ctx: DeskContext) throws {
        lines = try ctx.read { db in
            try WarehouseQueries.stockList(db, lowOnly: lowOnly, matching: search.text, on: ctx.today)
        }
        for narrow in [false, true] {
            var table = TableView([.init(ctx.t("商家编码", "SKU"), minWidth: 13), .init(ctx.t("名称", "Name"), maxWidth: 20),
                                   .init(narrow ? ctx.t("规格", "Variant") : ctx.t("颜色/尺码", "Colour/size")),
                                   .init(ctx.t("可售", "Sellable"), alignment: .right), .init(ctx.t("预留", "Reserved"), alignment: .right),
                                   .init(ctx.t("可用", "Available"), alignment: .right)]
                                  + (narrow ? [] : [.init(ctx.t("库存线", "Threshold"), alignment: .right)]) + [.init("")])
            for l in lines {
                table.append([l.sku, l.name, l.colour.isEmpty && l.size.isEmpty ? "" : "\(l.colour)/\(l.size)", String(l.sellable),
                              String(l.reserved), String(l.available)] + (narrow ? [] : [String(l.threshold)]) + [l.low ? ctx.t("低", "LOW") : ""],
                             style: l.low ? .warning : .normal)
            }
            if narrow { compact = table } else { full = table }
        }
        selected = lines.isEmpty ? nil : 0
    }

    private func move(_ delta: Int) {
        guard !lines.isEmpty else { selected = nil; return }
        selected = min(max(0, (selected ?? 0) + delta), lines.count - 1)
    }

    func draw(_ grid: inout CellGrid, _ area: Area, _ ctx: DeskContext) {
        let x = area.x + 2, y = area.y + 1
        let label = grid.put(ctx.t("搜索：", "Search: "), x: x, y: y, style: .title)
        if searching {
            search.draw(&grid, x: x + label, y: y, width: 32)
        } else {
            grid.putField(search.text.isEmpty ? ctx.t("（按 / 输入商家编码、条码或名称）", "(press / and type an SKU code, barcode or name)") : search.text,
                          x: x + label, y: y, width: min(area.width - 4 - label, 48), style: search.text.isEmpty ? .dim : .normal)
        }
        let low = lines.filter(\.low).count
        var summary = ctx.t("\(lines.count) 个商品，其中 \(low) 个低于库存线", "\(lines.count) products, \(low) below their threshold")
        if lowOnly { summary += ctx.t("（只看低库存）", " (low only)") }
        grid.put(summary, x: x, y: y + 1, style: .dim)
        guard !lines.isEmpty else {
            grid.put(ctx.t("没有找到商品。", "No product matches."), x: x, y: y + 3, style: .warning)
            return
        }
        var table = full.naturalWidth <= area.width - 4 ? full : compact
        table.selected = selected
        table.draw(&grid, x: x, y: y + 3, width: area.width - 4, height: area.height - 4)
    }

    func handle(_ key: Key, _ ctx: DeskContext) throws -> ScreenAction {
        switch key {
        case .up: move(-1)
        case .down: move(1)
        case .pageUp: move(-10)
        case .pageDown: move(10)
        case .enter:
            // A scanner types the whole barcode and Enter: an exact SKU code or barcode opens that product.
            if searching, let sku = try? ctx.read({ db in try WarehouseQueries.findProduct(db, search.text) }) {
                searching = false
                return .open(StockDetailScreen(sku: sku))
            }
            guard let index = selected else { return .none }
            searching = false
            return .open(StockDetailScreen(sku: SKU(rawValue: lines[index].sku)))
        case .escape where searching, .tab where searching:
            searching = false
        case .escape where !search.text.isEmpty:
            search = TextField()
            try query(ctx)
        case .escape:
            return .back
        case .character("/") where !searching, .tab:
            searching = true
        case .character("l") where !searching, .character("L") where !searching:
            lowOnly.toggle()
            try query(ctx)
        default:
            if searching, search.edit(key) { try query(ctx) }
        }
        return .none
    }
}

/// One SKU: its figures, balance per location and its latest movements (`WarehouseQueries.stockDetail`).
final class StockDetailScreen: Screen {
    let sku: SKU
    private var detail: WarehouseQueries.StockDetail?
    private var movements = TableView([])

    init(sku: SKU) { self.sku = sku }

    func title(_ ctx: DeskContext) -> String { ctx.t("库存 · \(sku.rawValue)", "Stock · \(sku.rawValue)") }

    func hints(_ ctx: DeskContext) -> [KeyHint] {
        [KeyHint("↑↓", ctx.t("翻看流水", "scroll movements")), KeyHint("Esc", ctx.t("回到列表", "back to the list"))]
    }

    func reload(_ ctx: DeskContext) throws {
        let detail = try ctx.read { db in try WarehouseQueries.stockDetail(db, sku: sku, on: ctx.today, movements: 50) }
        self.detail = detail
        let selected = movements.selected
        movements = TableView([.init(ctx.t("时间", "Time")), .init(ctx.t("库位", "Location")), .init(ctx.t("变动", "Change"), alignment: .right),
                               .init(ctx.t("类型", "Kind")), .init(ctx.t("单据", "Ref")), .init(ctx.t("原因", "Reason"), maxWidth: 24),
                               .init(ctx.t("操作人", "By"))])
        for m in detail.movements {
            movements.append([ctx.time(m.at), m.location, m.delta > 0 ? "+\(m.delta)" : String(m.delta), DeskText.movement(m.kind, ctx),
                              m.ref ?? "", DeskText.oneLine(m.reason ?? ""), m.actor])
        }
        movements.selected = selected.map { min($0, max(0, detail.movements.count - 1)) }
    }

    func draw(_ grid: inout CellGrid, _ area: Area, _ ctx: DeskContext) {
        guard let detail else { return }
        let l = detail.line
        var out = LineWriter(area)
        out.line("\(l.sku)  \(l.name)  \(l.colour)/\(l.size)" + (l.low ? ctx.t("  低库存", "  LOW") : ""), l.low ? .warning : .title, &grid)
        out.line(ctx.t("条码 \(detail.barcode ?? "—")  售价 \(Money(fen: Int64(detail.price)).withSign)  类目 \(l.category)",
                       "Barcode \(detail.barcode ?? "—")  price \(Money(fen: Int64(detail.price)).withSign)  category \(l.category)"), .normal, &grid)
        out.paragraph(ctx.t("可用 \(l.available) = 可售 \(l.sellable) − 预留 \(l.reserved)；残次等 \(l.unavailable)；库存线 \(l.threshold)",
                       "available \(l.available) = sellable \(l.sellable) − reserved \(l.reserved); unavailable \(l.unavailable); threshold \(l.threshold)"),
                 l.low ? .warning : .normal, &grid)
        out.skip()
        var balances = TableView([.init(ctx.t("库位", "Location")), .init(ctx.t("类型", "Kind")), .init(ctx.t("数量", "Quantity"), alignment: .right)])
        for b in detail.balances {
            balances.append([b.location, LocationKind(rawValue: b.kind)?.title(in: ctx.language) ?? b.kind, String(b.quantity)],
                            style: b.quantity < 0 ? .error : .normal)
        }
        if detail.balances.isEmpty { balances.append([ctx.t("（没有库存）", "(none in stock)"), "", ""], style: .dim) }
        let side = out.width >= 110
        let balanceHeight = side ? out.rowsLeft : min(balances.rows.count + 1, max(2, out.rowsLeft / 3))
        let balanceWidth = side ? 32 : min(out.width, 40)
        balances.draw(&grid, x: out.x, y: out.y, width: balanceWidth, height: balanceHeight)
        let mx = side ? out.x + balanceWidth + 4 : out.x
        let my = side ? out.y : out.y + balanceHeight + 1
        let mw = side ? out.width - balanceWidth - 4 : out.width
        let mh = out.bottom - my
        guard mh > 1 else { return }
        if detail.movements.isEmpty {
            grid.put(ctx.t("还没有流水。", "No movements yet."), x: mx, y: my, style: .dim)
        } else {
            movements.draw(&grid, x: mx, y: my, width: mw, height: mh)
        }
    }

    func handle(_ key: Key, _ ctx: DeskContext) throws -> ScreenAction {
        switch key {
        case .up: movements.move(-1)
        case .down: movements.move(1)
        case .pageUp: movements.move(-10)
        case .pageDown: movements.move(10)
        case .escape: return .back
        default: break
        }
        return .none
    }
}
