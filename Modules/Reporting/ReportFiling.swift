import ShopDomain

/// ORG-2's due reports met by a report (`report sales --month 2026-11 --file`): the report is
/// handed in through Workforce's `plan.written`, so it shows as done in `due list` like any other.
public enum ReportFiling {
    /// The monthly reports each report stands for: the sales agent's monthly sales report and
    /// finance's monthly sales statistics; finance's inventory statistics.
    public static func kinds(for report: String) -> [ReportKind] {
        switch report {
        case "sales": [.monthlySalesReport, .monthlySalesStats]
        case "inventory": [.inventoryStats]
        default: []
        }
    }

    /// The `plan.written` ops filing `report` for a person with `roles`: one for each due report
    /// it stands for that the person owes. Refused for a period that is not a month, or when the
    /// person owes none of them.
    public static func ops(report: String, period: ReportPeriod, name: String, roles: [Role], summary: String,
                           in language: Language) throws(ReportingError) -> [PlanWritten] {
        guard period.kind == .month else { throw .fileNeedsMonth(period.label) }
        let owed = Set(ReportKind.owed(by: roles))
        let owedKinds = Self.kinds(for: report).filter(owed.contains)
        guard !owedKinds.isEmpty else {
            throw .nothingDue(name: name, report: Self.kinds(for: report).map { $0.title(in: language) }.joined(separator: language.pick(zh: "或", en: " or ")))
        }
        return owedKinds.map { PlanWritten(kind: $0, period: period.label, text: summary) }
    }
}
