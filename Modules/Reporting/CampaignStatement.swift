import Approval
import ShopDomain

/// CAMP-3: a campaign's statement is Approval's own `CampaignReport.compute` (what `campaign
/// report` prints: one computation), laid out as a report page here.
extension CampaignReport {
    public func document(in l: Language) -> ReportDocument {
        let t = ReportText.self
        func rate(_ permille: Int?) -> String { permille.map { "（\(Double($0) / 10)%）" } ?? "" }
        // Issue 13: the campaign's period is counted at the campaign price; as paid beside it.
        let figures: [ReportDocument.Figure] = [
            .init(label: l.pick(zh: "订单", en: "Orders"), value: String(orders)),
            .init(label: l.pick(zh: "件数", en: "Units"), value: String(units)),
            .init(label: l.pick(zh: "销售额（活动价）", en: "Sales at campaign price"), value: t.yuan(sales)),
            .init(label: l.pick(zh: "实收（订单价）", en: "Paid (order prices)"), value: t.yuan(paid)),
            .init(label: l.pick(zh: "商品成本", en: "Product cost"), value: t.yuan(productCost)),
            .init(label: l.pick(zh: "运费", en: "Postage"), value: t.yuan(postage)),
            .init(label: l.pick(zh: "平台费（活动价）", en: "Platform fee (campaign price)"), value: t.yuan(platformFee)),
            .init(label: l.pick(zh: "推广花费", en: "Spent"), value: t.yuan(spent)),
            .init(label: l.pick(zh: "毛利（活动价）", en: "Margin at campaign price"), value: t.yuan(margin) + rate(marginPermille)),
            .init(label: l.pick(zh: "毛利（实收）", en: "Margin as paid"), value: t.yuan(paidMargin) + rate(paidMarginPermille)),
        ]
        let table = ReportDocument.Table(
            title: l.pick(zh: "按商品", en: "By SKU"),
            columns: [.init("SKU"), .init(l.pick(zh: "活动价", en: "Price"), numeric: true), .init(l.pick(zh: "件数", en: "Units"), numeric: true),
                      .init(l.pick(zh: "销售额（活动价）", en: "Sales at campaign price"), numeric: true),
                      .init(l.pick(zh: "实收", en: "Paid"), numeric: true), .init(l.pick(zh: "非活动价件数", en: "Units off price"), numeric: true),
                      .init(l.pick(zh: "成本", en: "Cost"), numeric: true)],
            rows: lines.map { [$0.sku, $0.campaignPrice.description, String($0.units), $0.sales.description, $0.paid.description,
                               String($0.unitsOffPrice), t.optional($0.cost)] },
            empty: l.pick(zh: "活动期间没有售出", en: "nothing sold in the campaign"))
        var notes = [l.pick(zh: "销售额（活动价）= 件数 × 活动价，活动期间的报表口径；实收 = 订单明细的成交价 × 件数。",
                            en: "Sales at campaign price = units × the campaign price, what reports count for the campaign's period; paid = units × the price on the order lines.")]
        if unitsOffPrice > 0 {
            notes.append(l.pick(zh: "\(unitsOffPrice) 件不是按活动价成交的：实收与活动价相差 \(paidDifference)",
                                en: "\(unitsOffPrice) units did not sell at the campaign price: paid differs by \(paidDifference)"))
        }
        if !missingCost.isEmpty {
            notes.append(l.pick(zh: "没有成本的商品（按 0 计）：", en: "No cost in the catalogue (counted as 0): ") + missingCost.joined(separator: ", "))
        }
        if let summary { notes.append(summary) }
        return ReportDocument(title: l.pick(zh: "活动报表 \(campaign) \(name)", en: "Campaign report \(campaign) \(name)"),
                              subtitle: "\(startsOn) – \(endsOn)", figures: figures, notes: notes, tables: [table])
    }
}
