/// The reports people owe (ORG-2) and the weekly summary and plan everyone keeps (HR-5).
public enum ReportKind: String, Sendable, Codable, CaseIterable {
    case weeklyPlan = "weekly-plan"
    case weeklySummary = "weekly-summary"
    case monthlyReport = "monthly-report"
    case monthlySalesReport = "monthly-sales-report"
    case monthlySalesStats = "monthly-sales-stats"
    case inventoryStats = "inventory-stats"
    case monthlySalesPlan = "monthly-sales-plan"

    public var isWeekly: Bool { self == .weeklyPlan || self == .weeklySummary }

    public func title(in language: Language) -> String {
        switch self {
        case .weeklyPlan: language.pick(zh: "周总结与计划", en: "weekly summary and plan")
        case .weeklySummary: language.pick(zh: "周工作总结", en: "weekly summary")
        case .monthlyReport: language.pick(zh: "月度报告", en: "monthly report")
        case .monthlySalesReport: language.pick(zh: "月度销售报表", en: "monthly sales report")
        case .monthlySalesStats: language.pick(zh: "月度销售统计", en: "monthly sales statistics")
        case .inventoryStats: language.pick(zh: "库存统计", en: "inventory statistics")
        case .monthlySalesPlan: language.pick(zh: "月度销售计划", en: "monthly sales plan")
        }
    }

    /// What a person with these roles owes (ORG-2; HR-5 for everyone's weekly plan).
    /// Finance's per-campaign financial report arrives with campaigns.
    public static func owed(by roles: [Role]) -> [ReportKind] {
        var kinds: [ReportKind] = [.weeklyPlan]
        if roles.contains(.gm) { kinds += [.weeklySummary, .monthlySalesPlan] }
        if roles.contains(.techLead) { kinds += [.monthlyReport] }
        if roles.contains(where: { $0 == .csAgent || $0 == .csLead }) { kinds += [.monthlySalesReport] }
        if roles.contains(.finance) { kinds += [.monthlySalesStats, .inventoryStats] }
        return kinds
    }
}
