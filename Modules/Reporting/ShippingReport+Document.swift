import Logistics
import ShopDomain

extension ShippingReport {
    public func document(in l: Language) -> ReportDocument {
        let t = ReportText.self
        let figures: [ReportDocument.Figure] = [
            .init(label: l.pick(zh: "打印快递单", en: "Waybills printed"), value: String(total.printed)),
            .init(label: l.pick(zh: "作废", en: "Voided"), value: String(total.voided)),
            .init(label: l.pick(zh: "已打包", en: "Packed"), value: String(total.packed)),
            .init(label: l.pick(zh: "已交快递", en: "Handed over"), value: String(total.handedOver)),
            .init(label: l.pick(zh: "索赔", en: "Claims"), value: "\(total.claims)（\(t.yuan(total.claimed))）"),
            .init(label: l.pick(zh: "无法投递", en: "Undeliverable"), value: String(total.undeliverable)),
            .init(label: l.pick(zh: "揽收运费", en: "Fees at pickup"), value: t.yuan(total.fees)),
        ]
        var notes: [String] = []
        if isEmpty { notes.append(t.empty(period, l.pick(zh: "发货", en: "shipping"), l)) }
        let courierTable = ReportDocument.Table(
            title: l.pick(zh: "按快递公司", en: "By courier"),
            columns: [.init(l.pick(zh: "快递", en: "Courier")), .init(l.pick(zh: "打印", en: "Printed"), numeric: true),
                      .init(l.pick(zh: "作废", en: "Voided"), numeric: true), .init(l.pick(zh: "打包", en: "Packed"), numeric: true),
                      .init(l.pick(zh: "交快递", en: "Handed"), numeric: true), .init(l.pick(zh: "无法投递", en: "Undeliv."), numeric: true),
                      .init(l.pick(zh: "索赔", en: "Claims"), numeric: true), .init(l.pick(zh: "索赔金额", en: "Claimed"), numeric: true),
                      .init(l.pick(zh: "运费", en: "Fees"), numeric: true)],
            rows: couriers.map {
                [l.pick(zh: $0.name, en: $0.courier), String($0.printed), String($0.voided), String($0.packed), String($0.handedOver),
                 String($0.undeliverable), String($0.claims), $0.claimed.description, $0.fees.description]
            },
            empty: l.pick(zh: "本期没有发货", en: "nothing shipped in the period"))
        let month = reconciliation.first?.month ?? period.monthKey
        let reconcileTable = ReportDocument.Table(
            title: l.pick(zh: "\(month) 对账（LOG-11）", en: "\(month) reconciliation (LOG-11)"),
            columns: [.init(l.pick(zh: "快递", en: "Courier")), .init(l.pick(zh: "账单合计", en: "Statement"), numeric: true),
                      .init(l.pick(zh: "非我方", en: "Not ours"), numeric: true), .init(l.pick(zh: "多收", en: "Overcharged"), numeric: true),
                      .init(l.pick(zh: "扣款", en: "Deductions"), numeric: true), .init(l.pick(zh: "应付", en: "Payable"), numeric: true),
                      .init(l.pick(zh: "差异行", en: "Differences"), numeric: true)],
            rows: reconciliation.map { r -> [String] in
                guard r.statementImported else {
                    return [r.courier, l.pick(zh: "未导入账单", en: "no statement yet"), "", "", "", "", ""]
                }
                return [r.courier, t.optional(r.statementTotal), t.optional(r.notOurs), t.optional(r.overcharged), t.optional(r.deductions),
                        t.optional(r.payable), String(r.differences.count)]
            },
            empty: l.pick(zh: "本月没有账单也没有发货", en: "no statement and nothing shipped this month"))
        let differenceTable = ReportDocument.Table(
            title: l.pick(zh: "对账差异", en: "Reconciliation differences"),
            columns: [.init(l.pick(zh: "快递", en: "Courier")), .init(l.pick(zh: "运单号", en: "Waybill")), .init(l.pick(zh: "差异", en: "Kind")),
                      .init(l.pick(zh: "账单", en: "Charged"), numeric: true), .init(l.pick(zh: "应为", en: "Expected"), numeric: true),
                      .init(l.pick(zh: "差额", en: "Difference"), numeric: true)],
            rows: reconciliation.flatMap { r in
                r.differences.map { [r.courier, $0.waybill, Self.kindName($0.kind, l), t.optional($0.charged), t.optional($0.expected), t.optional($0.difference)] }
            },
            empty: l.pick(zh: "没有差异", en: "no differences"))
        let chart = SVGChart(
            title: l.pick(zh: "各快递公司包裹数", en: "Parcels per courier"), kind: .bars,
            categories: couriers.map { l.pick(zh: $0.name, en: $0.courier) },
            series: [.init(l.pick(zh: "打印", en: "Printed"), couriers.map { Double($0.printed) }),
                     .init(l.pick(zh: "打包", en: "Packed"), couriers.map { Double($0.packed) }),
                     .init(l.pick(zh: "交快递", en: "Handed over"), couriers.map { Double($0.handedOver) }),
                     .init(l.pick(zh: "索赔/无法投递", en: "Claims/undeliverable"), couriers.map { Double($0.claims + $0.undeliverable) })],
            unit: l.pick(zh: "件", en: "parcels"))
        return ReportDocument(title: l.pick(zh: "发货报表", en: "Shipping report"), subtitle: period.label, figures: figures, notes: notes,
                              tables: [courierTable, reconcileTable, differenceTable], charts: couriers.isEmpty ? [] : [chart])
    }

    static func kindName(_ kind: Reconciliation.Line.Kind, _ l: Language) -> String {
        switch kind {
        case .matched: l.pick(zh: "一致", en: "matched")
        case .feeDifference: l.pick(zh: "运费不符", en: "fee differs")
        case .notOurs: l.pick(zh: "非我方运单", en: "not ours")
        case .voided: l.pick(zh: "已作废运单", en: "voided")
        case .missing: l.pick(zh: "账单漏列", en: "missing from statement")
        }
    }
}
