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

    private(set) var mode: Mode = .batches

    // The batch list.
    private(set) var batches: [BatchRow] = []
    private(set) var batchSelected: Int?
    /// The waybill number typed or scanned on the batch list (after `w`).
    private(set) var waybillEntry: TextField?

    // One batch.
    private(set) var pick: [PickLine] = []
    private(set) var flags: [PickFlag] = []
    private(set) var waybills: [WaybillRow] = []
    private(set) var items: [String: [String]] = [:]
    private(set) var waybillSelected: Int?
    private(set) var pickSelected: Int?
    private(set) var pickFocused = false

    // Packing one waybill.
    private(set) var session: PackSession?
    private(set) var parcel: WaybillRow?
    private(set) var skuInfo: [String: PickLine] = [:]
    private(set) var scans: [(ok: Bool, text: String)] = []
    private(set) var supplies: [StockLine] = []
    private(set) var supply: Int?
    /// Flashes for one frame after a refused scan: the line of the SKU (one too many) or the scan field.
    var flashSKU: String?
    var flashField = false

    /// The scan field of the batch view (a waybill number) and of packing (an item).
    private(set) var field = TextField()

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
                    KeyHint("Esc", ctx.t("批次列表", "batches")), KeyHint("F1–F\(MainScreens.numbered.map(\.number).max() ?? 1)", ctx.t("换页", "screens"))]
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
}
