import Approval
import ShopDomain

/// CAMP-3: a campaign's statement is Approval's own `CampaignReport.compute` (what `campaign
/// report` prints: one computation), laid out as a report page here.
extension CampaignReport {
    public func document(in l: Language) -> ReportDocument {
        let t = ReportText.self
        let figures: [ReportDocument.Figure] = [
            .init(label: l.pick(zh: "订单", en: "Orders"), value: String(orders)),
            .init(label: l.pick(zh: "件数", en: "Units"), value: String(units)),
            .init(label: l.pick(zh: "销售额", en: "Sales"), value: t.yuan(sales)),
            .init(label: l.pick(zh: "商品成本", en: "Product cost"), value: t.yuan(productCost)),
            .init(label: l.pick(zh: "运费", en: "Postage"), value: t.yuan(postage)),
            .init(label: l.pick(zh: "平台费", en: "Platform fee"), value: t.yuan(platformFee)),
            .init(label: l.pick(zh: "推广花费", en: "Spent"), value: t.yuan(spent)),
            .init(label: l.pick(zh: "毛利", en: "Margin"), value: t.yuan(margin) + (marginPermille.map { "（\(Double($0) / 10)%）" } ?? "")),
        ]
        let table = ReportDocument.Table(
            title: l.pick(zh: "按商品", en: "By SKU"),
            columns: [.init("SKU"), .init(l.pick(zh: "活动价", en: "Price"), numeric: true), .init(l.pick(zh: "件数", en: "Units"), numeric: true),
                      .init(l.pick(zh: "销售额", en: "Sales"), numeric: true), .init(l.pick(zh: "成本", en: "Cost"), numeric: true)],
            rows: lines.map { [$0.sku, $0.campaignPrice.description, String($0.units), $0.sales.description, t.optional($0.cost)] },
            empty: l.pick(zh: "活动期间没有售出", en: "nothing sold in the campaign"))
        var notes = missingCost.isEmpty ? [] : [l.pick(zh: "没有成本的商品（按 0 计）：", en: "No cost in the catalogue (counted as 0): ")
            + missingCost.joined(separator: ", ")]
        if let summary { notes.append(summary) }
        return ReportDocument(title: l.pick(zh: "活动报表 \(campaign) \(name)", en: "Campaign report \(campaign) \(name)"),
                              subtitle: "\(startsOn) – \(endsOn)", figures: figures, notes: notes, tables: [table])
    }
}
