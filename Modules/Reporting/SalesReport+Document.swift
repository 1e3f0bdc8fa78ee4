import ShopDomain

extension SalesReport {
    public func document(in l: Language) -> ReportDocument {
        let t = ReportText.self
        var figures: [ReportDocument.Figure] = [
            .init(label: l.pick(zh: "订单数", en: "Orders"), value: String(orders)),
            .init(label: l.pick(zh: "件数", en: "Units"), value: String(units)),
            .init(label: l.pick(zh: "销售额", en: "Revenue"), value: t.yuan(revenue)),
            .init(label: l.pick(zh: "退款", en: "Refunds"), value: "\(t.yuan(refunds)) (\(refundedOrders))"),
            .init(label: l.pick(zh: "净销售额", en: "Net revenue"), value: t.yuan(net)),
            .init(label: l.pick(zh: "客单价", en: "Average order"), value: t.yuan(averageOrder)),
        ]
        figures += [
            .init(label: l.pick(zh: "\(target.month) 销售目标", en: "\(target.month) target"), value: t.optional(target.target)),
            .init(label: l.pick(zh: "本月至今", en: "Month to date"),
                  value: t.yuan(target.monthToDate) + (target.percent.map { "（\($0)%）" } ?? "")),
            .init(label: l.pick(zh: "按当前速度月末可达", en: "Run-rate to month end"), value: t.yuan(target.projected)),
        ]
        if let remaining = target.remaining, let perDay = target.neededPerDay {
            figures.append(remaining > .zero
                ? .init(label: l.pick(zh: "距目标 / 每日需", en: "To go / needed a day"), value: "\(t.yuan(remaining)) / \(t.yuan(perDay))")
                : .init(label: l.pick(zh: "距目标", en: "To go"), value: l.pick(zh: "已完成", en: "reached")))
        }
        var notes: [String] = []
        if isEmpty { notes.append(t.empty(period, l.pick(zh: "销售", en: "sales"), l)) }
        if target.target == nil {
            notes.append(l.pick(zh: "\(target.month) 还没有销售目标：总经理用 zhanggui target set --month \(target.month) --amount 金额 设定。",
                                en: "No sales target for \(target.month) yet: the GM sets one with zhanggui target set --month \(target.month) --amount AMOUNT."))
        }
        let dayTable = ReportDocument.Table(
            title: l.pick(zh: "按日", en: "By day"),
            columns: [.init(l.pick(zh: "日期", en: "Day")), .init(l.pick(zh: "订单", en: "Orders"), numeric: true),
                      .init(l.pick(zh: "件数", en: "Units"), numeric: true), .init(l.pick(zh: "销售额", en: "Revenue"), numeric: true),
                      .init(l.pick(zh: "退款", en: "Refunds"), numeric: true)],
            rows: days.map { [$0.day.description, String($0.orders), String($0.units), $0.revenue.description, $0.refunds.description] },
            empty: l.pick(zh: "没有订单", en: "no orders"))
        let styleTable = ReportDocument.Table(
            title: l.pick(zh: "按款（不含退款订单）", en: "By style (refunded orders left out)"),
            columns: [.init(l.pick(zh: "款号", en: "Style")), .init(l.pick(zh: "订单行", en: "Lines"), numeric: true),
                      .init(l.pick(zh: "件数", en: "Units"), numeric: true), .init(l.pick(zh: "金额", en: "Amount"), numeric: true)],
            rows: byStyle.map { [$0.style ?? "—", String($0.lines), String($0.units), $0.amount.description] },
            empty: l.pick(zh: "没有售出商品", en: "nothing sold"))
        let variantTable = ReportDocument.Table(
            title: l.pick(zh: "按颜色 × 尺码", en: "By colour × size"),
            columns: [.init(l.pick(zh: "颜色", en: "Colour")), .init(l.pick(zh: "尺码", en: "Size")),
                      .init(l.pick(zh: "订单行", en: "Lines"), numeric: true), .init(l.pick(zh: "件数", en: "Units"), numeric: true),
                      .init(l.pick(zh: "金额", en: "Amount"), numeric: true)],
            rows: byVariant.map { [$0.colour ?? "—", $0.size ?? "—", String($0.lines), String($0.units), $0.amount.description] },
            empty: l.pick(zh: "没有售出商品", en: "nothing sold"))
        let dailyTarget = target.target.map { Double($0.fen) / 100 / Double(target.daysInMonth) }
        let chart = SVGChart(
            title: l.pick(zh: "每日销售额与目标", en: "Revenue per day against the target"), kind: .line,
            categories: days.map { String($0.day.day) },
            series: [.init(l.pick(zh: "销售额", en: "Revenue"), days.map { Double($0.revenue.fen) / 100 }),
                     .init(l.pick(zh: "退款", en: "Refunds"), days.map { Double($0.refunds.fen) / 100 })],
            reference: dailyTarget.map { SVGChart.Reference(l.pick(zh: "日均目标 \(SVGChart.label($0))", en: "Daily target \(SVGChart.label($0))"), $0) },
            unit: l.pick(zh: "元", en: "yuan"))
        return ReportDocument(title: l.pick(zh: "销售报表", en: "Sales report"), subtitle: t.subtitle(period, through: through, l),
                              figures: figures, notes: notes, tables: [dayTable, styleTable, variantTable], charts: [chart])
    }
}
