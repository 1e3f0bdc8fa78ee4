import ShopDomain

extension StaffReport {
    public func document(in l: Language) -> ReportDocument {
        let t = ReportText.self
        let figures: [ReportDocument.Figure] = [
            .init(label: l.pick(zh: "班次", en: "Shifts"), value: String(total.shifts)),
            .init(label: l.pick(zh: "工作小时", en: "Hours worked"), value: String(format: "%.1f", Double(total.minutes) / 60)),
            .init(label: l.pick(zh: "迟到（次/分钟）", en: "Late (shifts/minutes)"), value: "\(total.lateShifts) / \(total.lateMinutes)"),
            .init(label: l.pick(zh: "交接事项 写/接", en: "Handover written/taken"), value: "\(total.handoversWritten) / \(total.handoversTaken)"),
            .init(label: l.pick(zh: "罚款（应交）", en: "Fines (owed)"), value: "\(total.fines)（\(t.yuan(total.fined))）"),
            .init(label: l.pick(zh: "已豁免罚款", en: "Fines waived"), value: "\(total.finesWaived)（\(t.yuan(total.waived))）"),
        ]
        let table = ReportDocument.Table(
            title: l.pick(zh: "按员工", en: "By person"),
            columns: [.init(l.pick(zh: "姓名", en: "Name")), .init(l.pick(zh: "班次", en: "Shifts"), numeric: true),
                      .init(l.pick(zh: "小时", en: "Hours"), numeric: true), .init(l.pick(zh: "迟到次", en: "Late"), numeric: true),
                      .init(l.pick(zh: "迟到分钟", en: "Late min"), numeric: true), .init(l.pick(zh: "早退分钟", en: "Early min"), numeric: true),
                      .init(l.pick(zh: "写交接", en: "Written"), numeric: true), .init(l.pick(zh: "接手", en: "Taken"), numeric: true),
                      .init(l.pick(zh: "罚款", en: "Fines"), numeric: true), .init(l.pick(zh: "金额", en: "Amount"), numeric: true),
                      .init(l.pick(zh: "豁免", en: "Waived"), numeric: true), .init(l.pick(zh: "豁免金额", en: "Waived amt"), numeric: true)],
            rows: people.map {
                [$0.name, String($0.shifts), String(format: "%.1f", Double($0.minutes) / 60), String($0.lateShifts), String($0.lateMinutes),
                 String($0.earlyMinutes), String($0.handoversWritten), String($0.handoversTaken), String($0.fines), $0.fined.description,
                 String($0.finesWaived), $0.waived.description]
            },
            empty: l.pick(zh: "没有员工", en: "no staff"))
        let chart = SVGChart(
            title: l.pick(zh: "每人班次与迟到", en: "Shifts and late shifts per person"), kind: .bars,
            categories: people.filter { $0.shifts > 0 }.map(\.name),
            series: [.init(l.pick(zh: "班次", en: "Shifts"), people.filter { $0.shifts > 0 }.map { Double($0.shifts) }),
                     .init(l.pick(zh: "迟到", en: "Late"), people.filter { $0.shifts > 0 }.map { Double($0.lateShifts) })],
            unit: l.pick(zh: "次", en: "shifts"))
        return ReportDocument(title: l.pick(zh: "员工报表", en: "Staff report"), subtitle: period.label, figures: figures,
                              notes: isEmpty ? [t.empty(period, l.pick(zh: "班次、交接或罚款", en: "shift, handover or fine"), l)] : [],
                              tables: [table], charts: total.shifts > 0 ? [chart] : [])
    }
}
