import CustomerCare
import Foundation
import ShopDomain

extension CSReport {
    public func document(in l: Language) -> ReportDocument {
        let t = ReportText.self
        let rate = { (r: CSDailyRow) in r.conversion.map { String(format: "%.1f%%", $0) } ?? "—" }
        let figures: [ReportDocument.Figure] = [
            .init(label: l.pick(zh: "咨询", en: "Inquiries"), value: String(total.inquiries)),
            .init(label: l.pick(zh: "成交 / 流失 / 未定", en: "Won / lost / pending"), value: "\(total.won) / \(total.lost) / \(total.pending)"),
            .init(label: l.pick(zh: "转化率", en: "Conversion"), value: rate(total)),
            .init(label: l.pick(zh: "跟进未付款", en: "Follow-ups"), value: String(total.followUps)),
            .init(label: l.pick(zh: "评价 登记/处理", en: "Reviews added/handled"), value: "\(total.reviewsAdded) / \(total.reviewsHandled)"),
            .init(label: l.pick(zh: "评价补偿", en: "Review refunds"), value: t.yuan(total.compensation)),
            .init(label: l.pick(zh: "投诉 受理/推进", en: "Complaints opened/steps"), value: "\(total.complaintsOpened) / \(total.complaintSteps)"),
            .init(label: l.pick(zh: "退换货", en: "Returns"), value: String(total.returnsOpened)),
        ]
        let table = ReportDocument.Table(
            title: l.pick(zh: "按客服", en: "By agent"),
            columns: [.init(l.pick(zh: "客服", en: "Agent")), .init(l.pick(zh: "咨询", en: "Inq."), numeric: true),
                      .init(l.pick(zh: "成交", en: "Won"), numeric: true), .init(l.pick(zh: "流失", en: "Lost"), numeric: true),
                      .init(l.pick(zh: "转化率", en: "Rate"), numeric: true), .init(l.pick(zh: "跟进", en: "Follow"), numeric: true),
                      .init(l.pick(zh: "登记评价", en: "Reviews"), numeric: true), .init(l.pick(zh: "处理评价", en: "Handled"), numeric: true),
                      .init(l.pick(zh: "补偿", en: "Refunds"), numeric: true), .init(l.pick(zh: "受理投诉", en: "Compl."), numeric: true),
                      .init(l.pick(zh: "推进投诉", en: "Steps"), numeric: true), .init(l.pick(zh: "退换货", en: "Returns"), numeric: true),
                      .init(l.pick(zh: "验货提醒", en: "Told"), numeric: true)],
            rows: agents.map {
                [$0.agent, String($0.inquiries), String($0.won), String($0.lost), rate($0), String($0.followUps), String($0.reviewsAdded),
                 String($0.reviewsHandled), $0.compensation.description, String($0.complaintsOpened), String($0.complaintSteps),
                 String($0.returnsOpened), String($0.inspectionsTold)]
            },
            empty: l.pick(zh: "没有客服工作记录", en: "no agent's work recorded"))
        let asked = agents.filter { $0.inquiries > 0 }
        let chart = SVGChart(
            title: l.pick(zh: "每位客服的咨询与成交", en: "Inquiries and sales per agent"), kind: .bars,
            categories: asked.map(\.agent),
            series: [.init(l.pick(zh: "咨询", en: "Inquiries"), asked.map { Double($0.inquiries) }),
                     .init(l.pick(zh: "成交", en: "Won"), asked.map { Double($0.won) }),
                     .init(l.pick(zh: "流失", en: "Lost"), asked.map { Double($0.lost) })],
            unit: l.pick(zh: "次", en: "inquiries"))
        return ReportDocument(title: period.kind == .day ? l.pick(zh: "客服日报", en: "CS daily report") : l.pick(zh: "客服报表", en: "CS report"), subtitle: t.subtitle(period, through: through, l), figures: figures,
                              notes: isEmpty ? [t.empty(period, l.pick(zh: "客服", en: "customer service"), l)] : [],
                              tables: [table], charts: asked.isEmpty ? [] : [chart])
    }
}
