import ShopDomain

extension InventoryReport {
    public func document(in l: Language, zone: ShopZone) -> ReportDocument {
        let t = ReportText.self
        let figures: [ReportDocument.Figure] = [
            .init(label: l.pick(zh: "库存成本金额", en: "Stock at cost"), value: t.yuan(total.value)),
            .init(label: l.pick(zh: "可售", en: "Sellable"), value: String(total.sellable)),
            .init(label: l.pick(zh: "已预留", en: "Reserved"), value: isCurrent ? String(total.reserved) : "—"),
            .init(label: l.pick(zh: "残次/退货/待检", en: "Defective/returns/quarantine"), value: String(total.defective)),
            .init(label: l.pick(zh: "可售天数（近\(coverDays)天出货）", en: "Days of cover (last \(coverDays) days)"), value: t.optional(total.daysOfCover)),
            .init(label: l.pick(zh: "低库存商品", en: "Low-stock items"), value: isCurrent ? String(lowStock) : "—"),
            .init(label: l.pick(zh: "建议补货", en: "To reorder"), value: isCurrent ? String(reorder.count) : "—"),
        ]
        var notes: [String] = []
        if isEmpty { notes.append(t.empty(period, l.pick(zh: "库存", en: "stock"), l)) }
        if !isCurrent {
            notes.append(l.pick(zh: "库存为 \(zone.format(asOf)) 的结存；预留、低库存和补货建议只对当前期间。",
                                en: "Stock as it stood at \(zone.format(asOf)); reserved units, low stock and reorder suggestions are for the current period only."))
        }
        let categoryTable = ReportDocument.Table(
            title: l.pick(zh: "按品类", en: "By category"),
            columns: [.init(l.pick(zh: "品类", en: "Category")), .init("SKU", numeric: true), .init(l.pick(zh: "可售", en: "Sellable"), numeric: true),
                      .init(l.pick(zh: "已预留", en: "Reserved"), numeric: true), .init(l.pick(zh: "残次等", en: "Defective"), numeric: true),
                      .init(l.pick(zh: "成本金额", en: "At cost"), numeric: true), .init(l.pick(zh: "出货", en: "Shipped"), numeric: true),
                      .init(l.pick(zh: "可售天数", en: "Cover (days)"), numeric: true)],
            rows: categories.map {
                [$0.category, String($0.skus), String($0.sellable), String($0.reserved), String($0.defective), $0.value.description,
                 String($0.shipped), t.optional($0.daysOfCover)]
            },
            empty: l.pick(zh: "没有商品", en: "no products"))
        let reorderTable = ReportDocument.Table(
            title: l.pick(zh: "建议补货（WH-6）", en: "Reorder (WH-6)"),
            columns: [.init("SKU"), .init(l.pick(zh: "品名", en: "Name")), .init(l.pick(zh: "可用", en: "Available"), numeric: true),
                      .init(l.pick(zh: "阈值", en: "Threshold"), numeric: true), .init(l.pick(zh: "近期出货", en: "Shipped"), numeric: true),
                      .init(l.pick(zh: "可售天数", en: "Cover (days)"), numeric: true), .init(l.pick(zh: "建议补", en: "Reorder"), numeric: true)],
            rows: reorder.map { [$0.sku, $0.name, String($0.available), String($0.threshold), String($0.shipped), t.optional($0.daysOfCover), String($0.suggested)] },
            empty: isCurrent ? l.pick(zh: "无需补货", en: "nothing to reorder") : l.pick(zh: "只对当前期间", en: "for the current period only"))
        let movementTable = ReportDocument.Table(
            title: l.pick(zh: "本期库存变动（件）", en: "Stock movements in the period (units)"),
            columns: [.init(l.pick(zh: "类型", en: "Kind")), .init(l.pick(zh: "件数", en: "Units"), numeric: true)],
            rows: movements.sorted { $0.key < $1.key }.map { [Self.movementName($0.key, l), String($0.value)] },
            empty: l.pick(zh: "本期没有库存变动", en: "no movements in the period"))
        let chart = SVGChart(
            title: l.pick(zh: "各品类库存状态（件）", en: "Stock states by category (units)"), kind: .stacked,
            categories: categories.map(\.category),
            series: [.init(l.pick(zh: "可售未预留", en: "Sellable, free"), categories.map { Double(max(0, $0.sellable - $0.reserved)) }),
                     .init(l.pick(zh: "已预留", en: "Reserved"), categories.map { Double($0.reserved) }),
                     .init(l.pick(zh: "残次/退货/待检", en: "Defective/returns/quarantine"), categories.map { Double($0.defective) })],
            unit: l.pick(zh: "件", en: "units"))
        return ReportDocument(title: l.pick(zh: "库存报表", en: "Inventory report"), subtitle: period.label, figures: figures, notes: notes,
                              tables: [categoryTable, reorderTable, movementTable], charts: [chart])
    }

    static func movementName(_ kind: String, _ l: Language) -> String {
        switch kind {
        case "receipt": l.pick(zh: "入库", en: "received")
        case "shipment": l.pick(zh: "出库", en: "shipped")
        case "move": l.pick(zh: "移库", en: "moved")
        case "adjustment": l.pick(zh: "调整", en: "adjusted")
        case "to-defective": l.pick(zh: "转残次", en: "to defective")
        case "return": l.pick(zh: "退货", en: "returned")
        case "count-variance": l.pick(zh: "盘点差异", en: "count variance")
        case "consumed": l.pick(zh: "耗材使用", en: "supplies used")
        default: kind
        }
    }
}
