import ShopDomain

/// Wording shared by the reports' documents.
enum ReportText {
    static func subtitle(_ period: ReportPeriod, through: CivilDate?, _ l: Language) -> String {
        guard let through, through < period.last else { return period.label }
        return l.pick(zh: "\(period.label)（截至 \(through)）", en: "\(period.label) (to \(through))")
    }

    static func empty(_ period: ReportPeriod, _ what: String, _ l: Language) -> String {
        l.pick(zh: "\(period.label) 没有\(what)数据：本报表为空。", en: "No \(what) data for \(period.label): this report is empty.")
    }

    static func yuan(_ money: Money) -> String { money.withSign }

    static func optional(_ money: Money?) -> String { money.map(yuan) ?? "—" }

    static func optional(_ n: Int?) -> String { n.map(String.init) ?? "—" }
}
