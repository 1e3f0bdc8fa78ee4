import Foundation
import GRDB
import Logistics
import ShopDomain
import Storage
import TerminalUI
import Warehouse

/// Pick and pack (WH-7, WH-8, LOG-4, LOG-5): choose a print batch, see its pick list and its
/// waybills, then pack a waybill by scans. Every scan goes to `PackSession` (the same checks as
/// `zhanggui pack`); a wrong item or one unit too many is refused and flashes; a complete parcel
/// is signed by the person at the desk (`parcel.packed`).
final class PickPackScreen: Screen {
    enum Mode: Equatable { case batches, batch(String), packing }

    private var mode: Mode = .batches

    // The batch list.
    private var batches: [BatchRow] = []
    private var batchSelected: Int?
    /// The waybill number typed or scanned on the batch list (after `w`).
    private var waybillEntry: TextField?

    // One batch.
    private var pick: [PickLine] = []
    private var flags: [PickFlag] = []
    private var waybills: [WaybillRow] = []
    private var items: [String: [String]] = [:]
    private var waybillSelected: Int?
    private var pickSelected: Int?
    private var pickFocused = false

    // Packing one waybill.
    private var session: PackSession?
    private var parcel: WaybillRow?
    private var skuInfo: [String: PickLine] = [:]
    private var scans: [(ok: Bool, text: String)] = []
    private var supplies: [StockLine] = []
    private var supply: Int?
    /// Flashes for one frame after a refused scan: the line of the SKU (one too many) or the scan field.
    private var flashSKU: String?
    private var flashField = false

    /// The scan field of the batch view (a waybill number) and of packing (an item).
    private var field = TextField()

    func title(_ ctx: DeskContext) -> String { ctx.t("拣货打包", "Pick & pack") }

    var capturesText: Bool {
        switch mode {
        case .batches: waybillEntry != nil
        case .batch, .packing: true
        }
    }

    func hints(_ ctx: DeskContext) -> [KeyHint] {
        switch mode {
        case .batches where waybillEntry != nil:
            return [KeyHint("Enter", ctx.t("打包这张快递单", "pack this waybill")), KeyHint("Esc", ctx.t("取消", "cancel"))]
        case .batches:
            return [KeyHint("↑↓", ctx.t("选批次", "choose")), KeyHint("Enter", ctx.t("拣货单和快递单", "pick list and waybills")),
                    KeyHint("w", ctx.t("输入或扫描快递单号", "type or scan a waybill"))]
        case .batch:
            return [KeyHint(ctx.t("扫描", "scan"), ctx.t("快递单号打包", "a waybill to pack it")), KeyHint("↑↓ Enter", ctx.t("选快递单打包", "choose one to pack")),
                    KeyHint("Tab", pickFocused ? ctx.t("回到快递单", "back to waybills") : ctx.t("翻拣货单", "scroll the pick list")),
                    KeyHint("Esc", ctx.t("批次列表", "batches")), KeyHint("F1–F\(MainScreens.all.count)", ctx.t("换页", "screens"))]
        case .packing:
            if session?.isComplete ?? false {
                return [KeyHint("Enter", ctx.t("签名打包", "sign as packer")), KeyHint("Tab", ctx.t("换包材", "change supply")),
                        KeyHint("Esc", ctx.t("不打包，返回", "leave unpacked"))]
            }
            return [KeyHint(ctx.t("扫描", "scan"), ctx.t("商品条码或商家编码", "each item's barcode or SKU")), KeyHint("Tab", ctx.t("换包材", "change supply")),
                    KeyHint("Esc", ctx.t("不打包，返回", "leave unpacked"))]
        }
    }

    // MARK: - Reading

    func reload(_ ctx: DeskContext) throws {
        let selectedBatch = batchSelected.flatMap { batches.indices.contains($0) ? batches[$0].batch : nil }
        batches = try ctx.read { db in try ShippingQueries.batches(db) }
        if batches.isEmpty {
            batchSelected = nil
        } else if let selectedBatch, let index = batches.firstIndex(where: { $0.batch == selectedBatch }) {
            batchSelected = index
        } else {
            batchSelected = batches.firstIndex { $0.printed > 0 } ?? 0
        }
        switch mode {
        case .batches: break
        case .batch(let batch): try load(batch, ctx)
        case .packing: if let parcel { try load(parcel.batch, ctx) }
        }
    }

    /// A batch's pick list, flags and live waybills.
    private func load(_ batch: String, _ ctx: DeskContext) throws {
        let selectedWaybill = waybillSelected.flatMap { waybills.indices.contains($0) ? waybills[$0].waybill : nil }
        let (list, rows, labels) = try ctx.read { db in
            (try ShippingQueries.pickList(db, batch: batch), try ShippingQueries.waybills(db, batch: batch).filter(\.live),
             try ShippingQueries.labels(db, batch: batch))
        }
        (pick, flags) = list
        waybills = rows
        items = Dictionary(labels.map { ($0.waybill, $0.items) }, uniquingKeysWith: { a, _ in a })
        skuInfo = Dictionary(pick.map { ($0.sku, $0) }, uniquingKeysWith: { a, _ in a })
        if waybills.isEmpty {
            waybillSelected = nil
        } else if let selectedWaybill, let index = waybills.firstIndex(where: { $0.waybill == selectedWaybill }), waybills[index].state == "printed" {
            waybillSelected = index
        } else {
            waybillSelected = waybills.firstIndex { $0.state == "printed" } ?? min(waybillSelected ?? 0, waybills.count - 1)
        }
        if let pickSelected, !pick.isEmpty { self.pickSelected = min(pickSelected, pick.count - 1) } else { pickSelected = pick.isEmpty ? nil : 0 }
    }

    // MARK: - Keys

    func handle(_ key: Key, _ ctx: DeskContext) throws -> ScreenAction {
        flashSKU = nil
        flashField = false
        switch mode {
        case .batches: return try handleBatches(key, ctx)
        case .batch(let batch): return try handleBatch(key, batch, ctx)
        case .packing: return try handlePacking(key, ctx)
        }
    }

    private func handleBatches(_ key: Key, _ ctx: DeskContext) throws -> ScreenAction {
        if var entry = waybillEntry {
            switch key {
            case .escape: waybillEntry = nil
            case .enter:
                let text = entry.text
                guard !text.trimmingWhitespace().isEmpty else { return .none }
                waybillEntry = TextField()
                let action = try open(waybill: text, ctx)
                waybillEntry = nil
                return action
            default:
                _ = entry.edit(key)
                waybillEntry = entry
            }
            return .none
        }
        switch key {
        case .up: if let batchSelected { self.batchSelected = max(0, batchSelected - 1) }
        case .down: if let batchSelected { self.batchSelected = min(batches.count - 1, batchSelected + 1) }
        case .enter:
            guard let batchSelected else { return .none }
            mode = .batch(batches[batchSelected].batch)
            waybillSelected = nil
            pickSelected = nil
            pickFocused = false
            field = TextField()
            try load(batches[batchSelected].batch, ctx)
        case .character("w"), .character("/"):
            waybillEntry = TextField()
        case .escape:
            return .back
        default: break
        }
        return .none
    }

    private func handleBatch(_ key: Key, _ batch: String, _ ctx: DeskContext) throws -> ScreenAction {
        switch key {
        case .escape:
            if !field.text.isEmpty {
                field = TextField()
            } else {
                mode = .batches
                try reload(ctx)
            }
        case .tab, .backTab:
            pickFocused.toggle()
        case .up, .pageUp:
            let step = key == .up ? -1 : -10
            if pickFocused { pickSelected = pickSelected.map { max(0, $0 + step) } } else { waybillSelected = waybillSelected.map { max(0, $0 + step) } }
        case .down, .pageDown:
            let step = key == .down ? 1 : 10
            if pickFocused {
                pickSelected = pickSelected.map { min(pick.count - 1, $0 + step) }
            } else {
                waybillSelected = waybillSelected.map { min(waybills.count - 1, $0 + step) }
            }
        case .enter:
            let typed = field.text.trimmingWhitespace()
            field = TextField()
            if !typed.isEmpty { return try open(waybill: typed, ctx) }
            guard let waybillSelected, waybills.indices.contains(waybillSelected) else { return .none }
            return try open(waybill: waybills[waybillSelected].waybill, ctx)
        default:
            _ = field.edit(key)
        }
        return .none
    }

    /// Starts packing a waybill: `PackSession` refuses an unknown, void or already packed one.
    private func open(waybill text: String, _ ctx: DeskContext) throws -> ScreenAction {
        let (pack, row, stock) = try ctx.read { db in
            let pack = try PackSession(db, waybill: text)
            return (pack, try ShippingQueries.waybill(db, pack.waybill),
                    try WarehouseQueries.stockList(db, on: ctx.today).filter { $0.kind == ProductKind.supply.rawValue })
        }
        session = pack
        parcel = row
        supplies = stock
        supply = nil
        scans = []
        field = TextField()
        mode = .packing
        try load(row.batch, ctx)
        waybillSelected = waybills.firstIndex { $0.waybill == row.waybill } ?? waybillSelected
        return .status(Status(ctx.t("打包快递单 \(row.waybill)：逐件扫描", "Packing waybill \(row.waybill): scan each item")))
    }

    private func handlePacking(_ key: Key, _ ctx: DeskContext) throws -> ScreenAction {
        guard var pack = session, let parcel else {
            mode = .batches
            return .none
        }
        switch key {
        case .escape:
            if !field.text.isEmpty {
                field = TextField()
                return .none
            }
            session = nil
            mode = .batch(parcel.batch)
            return .status(Status(ctx.t("快递单 \(parcel.waybill) 没有打包", "Waybill \(parcel.waybill) left unpacked")))
        case .tab, .backTab:
            // None, then each supply in turn, then none again.
            let order: [Int?] = [nil] + supplies.indices.map { Optional($0) }
            let at = order.firstIndex { $0 == supply } ?? 0
            supply = order[(at + (key == .tab ? 1 : order.count - 1)) % order.count]
            return .none
        case .enter:
            let code = field.text.trimmingWhitespace()
            field = TextField()
            if code.isEmpty { return try finish(pack, parcel, ctx) }
            do {
                let before = pack.packed
                let outcome = try ctx.read { db in try pack.scan(code, db) }
                session = pack
                switch outcome {
                case .accepted(let sku, let packed, let of):
                    scans.insert((true, "✓ \(sku.rawValue) \(packed)/\(of)"), at: 0)
                    return .status(Status("✓ \(sku.rawValue) \(packed)/\(of)", .ok))
                case .complete:
                    // The line this last scan ticked: the one whose count moved.
                    let sku = pack.expected.keys.first { pack.packed[$0] != before[$0] }
                    let line = sku.map { "✓ \($0.rawValue) \(pack.packed[$0]!)/\(pack.expected[$0]!) · " } ?? "✓ "
                    scans.insert((true, line + ctx.t("全部对上", "every line matched")), at: 0)
                    return .status(Status(ctx.t("全部对上：按 Enter 签名打包", "Every line matched: press Enter to sign as packer"), .ok))
                }
            } catch let error as LogisticsError {
                // Refused: the module's words, and a flash on the line or the field.
                switch error {
                case .overQuantity(let sku, _, _): flashSKU = sku
                default: flashField = true
                }
                let message = error.message(in: ctx.language)
                scans.insert((false, "✗ " + message), at: 0)
                return .status(Status(message, .refused))
            }
        default:
            _ = field.edit(key)
            return .none
        }
    }

    /// `parcel.packed`, signed by the person at the desk; refused until every line is matched.
    private func finish(_ pack: PackSession, _ parcel: WaybillRow, _ ctx: DeskContext) throws -> ScreenAction {
        let used = supply.map { [ItemCount(sku: SKU(rawValue: supplies[$0].sku), quantity: 1)] } ?? []
        try ctx.apply(try pack.finish(supplies: used))
        session = nil
        mode = .batch(parcel.batch)
        try load(parcel.batch, ctx)
        let name = ctx.me?.name ?? ""
        return .status(Status(ctx.t("快递单 \(pack.waybill) 已打包，打包人 \(name) 签名", "Waybill \(pack.waybill) packed, signed by \(name)"), .ok))
    }

    // MARK: - Drawing

    /// Cuts `text` into lines of at most `width` cells (CJK counts two).
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 1 else { return [text] }
        var lines: [String] = [], line = "", used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width {
                lines.append(line)
                line = ""
                used = 0
            }
            line.append(character)
            used += w
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    static func state(_ state: String, _ ctx: DeskContext) -> String {
        switch state {
        case "printed": ctx.t("待打包", "to pack")
        case "packed": ctx.t("已打包", "packed")
        case "handed-over": ctx.t("已揽收", "handed over")
        default: state
        }
    }

    static func flagKind(_ kind: PickFlag.Kind, _ ctx: DeskContext) -> String {
        switch kind {
        case .remark: ctx.t("备注", "remark")
        case .gift: ctx.t("赠品", "gift")
        case .buyerMessage: ctx.t("买家留言", "buyer's message")
        case .madeToOrder: ctx.t("定做", "made to order")
        case .unmatched: ctx.t("未对应商家编码", "no SKU")
        }
    }

    func draw(_ grid: inout CellGrid, _ area: Area, _ ctx: DeskContext) {
        switch mode {
        case .batches: drawBatches(&grid, area, ctx)
        case .batch(let batch): drawBatch(&grid, area, batch, ctx)
        case .packing: drawPacking(&grid, area, ctx)
        }
    }

    private func drawBatches(_ grid: inout CellGrid, _ area: Area, _ ctx: DeskContext) {
        let x = area.x + 2, width = area.width - 4, bottom = area.y + area.height
        grid.put(ctx.t("打印批次：选一个批次看拣货单和快递单，或按 w 扫描快递单直接打包",
                       "Print batches: open one for its pick list and waybills, or press w and scan a waybill to pack it"),
                 x: x, y: area.y + 1, style: .title, maxWidth: width)
        var y = area.y + 3
        if batches.isEmpty {
            grid.put(ctx.t("还没有打印过快递单。", "No waybills printed yet."), x: x, y: y, style: .dim, maxWidth: width)
            return
        }
        var table = TableView([.init(ctx.t("批次", "Batch")), .init(ctx.t("快递", "Courier")), .init(ctx.t("打印时间", "Printed")),
                               .init(ctx.t("打印人", "By"), maxWidth: 12), .init(ctx.t("快递单", "Waybills"), alignment: .right),
                               .init(ctx.t("待打包", "To pack"), alignment: .right), .init(ctx.t("已打包", "Packed"), alignment: .right),
                               .init(ctx.t("已揽收", "Handed over"), alignment: .right)])
        for batch in batches {
            table.append([batch.batch, batch.courier, ctx.time(batch.printedAt), batch.printedBy, String(batch.waybills), String(batch.printed),
                          String(batch.packed), String(batch.handedOver)], style: batch.printed > 0 ? .warning : .normal)
        }
        table.selected = waybillEntry == nil ? batchSelected : nil
        let height = min(batches.count + 1, bottom - y - 2)
        table.draw(&grid, x: x, y: y, width: width, height: height)
        y += height + 1
        if let waybillEntry, y < bottom {
            let w = grid.put(ctx.t("快递单号：", "Waybill: "), x: x, y: y, style: .title)
            waybillEntry.draw(&grid, x: x + w, y: y, width: min(30, width - w))
        }
    }

    private func drawBatch(_ grid: inout CellGrid, _ area: Area, _ batch: String, _ ctx: DeskContext) {
        let x = area.x + 2, width = area.width - 4, bottom = area.y + area.height
        var y = area.y + 1
        let row = batches.first { $0.batch == batch }
        let head = row.map { b in
            ctx.t("批次 \(b.batch) · \(b.courier) · \(b.waybills) 张：待打包 \(b.printed)，已打包 \(b.packed)，已揽收 \(b.handedOver)",
                  "Batch \(b.batch) · \(b.courier) · \(b.waybills) waybills: \(b.printed) to pack, \(b.packed) packed, \(b.handedOver) handed over")
        } ?? ctx.t("批次 \(batch)", "Batch \(batch)")
        grid.put(head, x: x, y: y, style: .title, maxWidth: width)
        y += 2

        // Room for the two tables: the waybills get what they need up to half, the pick list the rest.
        let room = bottom - y - 5
        let waybillNeed = waybills.count + 1, pickNeed = max(2, pick.count + 1)
        let waybillHeight = waybillNeed + pickNeed <= room ? waybillNeed : max(2, min(waybillNeed, room / 2))
        let pickHeight = max(2, min(pickNeed, room - waybillHeight))

        let total = pick.reduce(0) { $0 + $1.quantity }
        let more = pick.count > pickHeight - 1 ? ctx.t("，\(pick.count) 行（Tab 翻看）", ", \(pick.count) lines (Tab to scroll)") : ""
        grid.put(ctx.t("拣货单（款式 × 颜色 × 尺码），共 \(total) 件\(more)", "Pick list (style × colour × size), \(total) unit(s)\(more)"),
                 x: x, y: y, style: pickFocused ? .selected : .title, maxWidth: width)
        y += 1
        var pickTable = TableView([.init(ctx.t("款号", "Style")), .init(ctx.t("品名", "Name"), maxWidth: 16), .init(ctx.t("颜色", "Colour")),
                                   .init(ctx.t("尺码", "Size")), .init(ctx.t("数量", "Qty"), alignment: .right), .init(ctx.t("库位", "Locations"))])
        for line in pick {
            pickTable.append([line.style, line.name, line.colour, line.size, String(line.quantity), line.locations.joined(separator: " ")])
        }
        pickTable.selected = pickFocused ? pickSelected : nil
        pickTable.draw(&grid, x: x, y: y, width: width, height: pickHeight)
        y += pickHeight + 1

        let flagged = Set(flags.map(\.waybill))
        grid.put(ctx.t("快递单（! 有备注、赠品或留言要核对）", "Waybills (! has a remark, gift or message to check)"), x: x, y: y,
                 style: pickFocused ? .title : .selected, maxWidth: width)
        y += 1
        var table = TableView([.init(ctx.t("快递单号", "Waybill")), .init("#", alignment: .right), .init(""), .init(ctx.t("收货人", "Consignee"), maxWidth: 14),
                               .init(ctx.t("状态", "State")), .init(ctx.t("打包人", "Packer"), maxWidth: 10), .init(ctx.t("商品", "Items"))])
        for w in waybills {
            table.append([w.waybill, String(w.seq), flagged.contains(w.waybill) ? "!" : "", w.consignee, Self.state(w.state, ctx), w.packer ?? "",
                          (items[w.waybill] ?? []).joined(separator: " ")], style: w.state == "printed" ? .normal : .dim)
        }
        table.selected = pickFocused ? nil : waybillSelected
        table.draw(&grid, x: x, y: y, width: width, height: waybillHeight)
        let w = grid.put(ctx.t("扫描或输入快递单号：", "Scan or type a waybill: "), x: x, y: bottom - 1, style: .title)
        field.draw(&grid, x: x + w, y: bottom - 1, width: min(30, width - w))
    }

    private func drawPacking(_ grid: inout CellGrid, _ area: Area, _ ctx: DeskContext) {
        guard let pack = session, let parcel else { return }
        let x = area.x + 2, width = area.width - 4, bottom = area.y + area.height
        var y = area.y + 1
        grid.put(ctx.t("快递单 \(pack.waybill) · 收货人 \(parcel.consignee)", "Waybill \(pack.waybill) · to \(parcel.consignee)"),
                 x: x, y: y, style: .title, maxWidth: width)
        y += 1
        grid.put(ctx.t("订单 \(pack.order.rawValue) · 批次 \(parcel.batch) 第 \(parcel.seq) 张", "order \(pack.order.rawValue) · batch \(parcel.batch) #\(parcel.seq)"),
                 x: x, y: y, maxWidth: width)
        y += 1
        for flag in flags where flag.waybill == pack.waybill && y < bottom - 8 {
            grid.put("! \(Self.flagKind(flag.kind, ctx))：\(flag.text.replacingOccurrences(of: "\n", with: " "))", x: x, y: y, style: .warning, maxWidth: width)
            y += 1
        }
        y += 1

        var table = TableView([.init(ctx.t("商家编码", "SKU")), .init(ctx.t("品名", "Name"), maxWidth: 16), .init(ctx.t("颜色", "Colour")),
                               .init(ctx.t("尺码", "Size")), .init(ctx.t("库位", "Locations"), maxWidth: 24), .init(ctx.t("已扫/应扫", "Scanned"), alignment: .right),
                               .init("")])
        var flashRow: Int?
        for (n, sku) in pack.expected.keys.sorted().enumerated() {
            let info = skuInfo[sku.rawValue]
            let wanted = pack.expected[sku]!, packed = pack.packed[sku, default: 0]
            let done = packed == wanted
            table.append([sku.rawValue, info?.name ?? "", info?.colour ?? "", info?.size ?? "", info?.locations.joined(separator: " ") ?? "",
                          "\(packed)/\(wanted)", done ? "✓" : ""], style: done ? .ok : .normal)
            if flashSKU == sku.rawValue {
                table.styles[n] = .flash
                flashRow = n
            }
        }
        let height = min(pack.expected.count + 1, max(2, bottom - y - 6))
        if let flashRow { grid.fill(x: x, y: y + 1 + flashRow, width: width, height: 1, style: .flash) }
        table.draw(&grid, x: x, y: y, width: width, height: height)
        y += height + 1

        let label = ctx.t("扫描：", "Scan: ")
        let w = grid.put(label, x: x, y: y, style: flashField ? .flash : .title)
        let fieldWidth = min(30, width - w)
        field.draw(&grid, x: x + w, y: y, width: fieldWidth)
        if pack.isComplete {
            grid.put(ctx.t("全部对上：按 Enter 签名打包（\(ctx.me?.name ?? "")）", "Every line matched: press Enter to sign as packer (\(ctx.me?.name ?? ""))"),
                     x: x + w + fieldWidth + 2, y: y, style: .ok, maxWidth: max(0, width - w - fieldWidth - 2))
        } else {
            grid.put(ctx.t("还差 ", "to go: ") + pack.missing.joined(separator: ctx.t("；", "; ")), x: x + w + fieldWidth + 2, y: y, style: .dim,
                     maxWidth: max(0, width - w - fieldWidth - 2))
        }
        y += 1
        let supplyText = supply.map { ctx.t("\(supplies[$0].name) \(supplies[$0].sku) ×1（库存 \(supplies[$0].available)）", "\(supplies[$0].name) \(supplies[$0].sku) ×1 (\(supplies[$0].available) in stock)") } ?? ctx.t("不用", "none")
        grid.put(ctx.t("包材：\(supplyText)（Tab 换，可以不用）", "Supplies: \(supplyText) (Tab to change; optional)"), x: x, y: y, maxWidth: width)
        y += 2
        // The last scans, newest first; a long refusal wraps rather than losing its advice.
        for scan in scans {
            for part in Self.wrap(scan.text, width: width) where y < bottom {
                grid.put(part, x: x, y: y, style: scan.ok ? .ok : .error, maxWidth: width)
                y += 1
            }
            if y >= bottom { break }
        }
        // The flash lasts one frame.
        flashSKU = nil
        flashField = false
    }
}
