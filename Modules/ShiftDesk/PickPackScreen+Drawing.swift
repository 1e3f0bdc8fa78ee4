import Foundation
import GRDB
import Logistics
import ShopDomain
import Storage
import TerminalUI
import Warehouse

/// Drawing the pick & pack screen: the batch list, one batch (pick list and waybills), packing.
extension PickPackScreen {

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
