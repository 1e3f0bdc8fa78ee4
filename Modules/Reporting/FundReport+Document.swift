import Foundation
import ShopDomain
import Workforce

extension FundReport {
    public func document(in l: Language, zone: ShopZone) -> ReportDocument {
        let t = ReportText.self
        let s = statement
        let figures: [ReportDocument.Figure] = [
            .init(label: l.pick(zh: "期初余额", en: "Opening balance"), value: t.yuan(opening)),
            .init(label: l.pick(zh: "罚款应交", en: "Fines owed"), value: t.yuan(s.owed)),
            .init(label: l.pick(zh: "交入", en: "Paid in"), value: t.yuan(s.paid)),
            .init(label: l.pick(zh: "支出", en: "Spent"), value: t.yuan(s.spent)),
            .init(label: l.pick(zh: "期末余额", en: "Closing balance"), value: t.yuan(s.balance)),
            .init(label: l.pick(zh: "尚欠基金", en: "Still owed to the fund"),
                  value: t.yuan(s.people.reduce(Money.zero) { $0 + max($1.outstanding, .zero) })),
        ]
        var notes: [String] = []
        if isEmpty { notes.append(t.empty(period, l.pick(zh: "部门基金", en: "fund"), l)) }
        if let low = overdrawn {
            notes.append(l.pick(zh: "基金余额曾低于零（最低 \(t.yuan(low))）：不同设备上的支出合并后超过了余额，请总经理处理（DISC-4）。",
                                en: "The fund went below zero (lowest \(t.yuan(low))): spendings merged from several devices took more than it held; for the GM to settle (DISC-4)."))
        }
        let people = ReportDocument.Table(
            title: l.pick(zh: "按员工", en: "By person"),
            columns: [.init(l.pick(zh: "姓名", en: "Name")), .init(l.pick(zh: "本期罚款", en: "Fined"), numeric: true),
                      .init(l.pick(zh: "本期交入", en: "Paid in"), numeric: true), .init(l.pick(zh: "尚欠", en: "Outstanding"), numeric: true)],
            rows: s.people.map { [$0.name, $0.owed.description, $0.paid.description, $0.outstanding.description] },
            empty: l.pick(zh: "没有人欠或交基金", en: "nobody owes or paid the fund"))
        let entries = ReportDocument.Table(
            title: l.pick(zh: "基金流水", en: "The fund's entries"),
            columns: [.init("#", numeric: true), .init(l.pick(zh: "日期", en: "Day")), .init(l.pick(zh: "类别", en: "Kind")),
                      .init(l.pick(zh: "经手人", en: "Who")), .init(l.pick(zh: "金额", en: "Amount"), numeric: true),
                      .init(l.pick(zh: "事由", en: "What"))],
            rows: s.entries.map {
                [String($0.position), zone.day(of: $0.at).description,
                 $0.kind == "spent" ? l.pick(zh: "支出", en: "spent") : l.pick(zh: "交入", en: "paid in"),
                 $0.name, ($0.kind == "spent" ? -$0.amount : $0.amount).description, $0.what]
            },
            empty: l.pick(zh: "本期没有流水", en: "no entries in the period"))
        let chart = SVGChart(
            title: l.pick(zh: "每日基金余额", en: "The fund's balance at each day's end"), kind: .line,
            categories: days.map { period.kind == .day ? $0.day.description : String($0.day.day) },
            series: [.init(l.pick(zh: "余额", en: "Balance"), days.map { Double($0.balance.fen) / 100 })],
            unit: l.pick(zh: "元", en: "yuan"))
        return ReportDocument(title: l.pick(zh: "部门基金报表", en: "Fund report"), subtitle: t.subtitle(period, through: through, l),
                              figures: figures, notes: notes, tables: [people, entries], charts: isEmpty ? [] : [chart])
    }
}
