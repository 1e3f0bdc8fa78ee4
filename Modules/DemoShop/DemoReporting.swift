import ShopDomain
import Storage

/// The demo's reporting: the general manager's sales target for this month (ORG-2), so the sales
/// report and the dashboard have something to measure against.
struct DemoReporting {
    let database: ShopDatabase
    let gm: StaffID
    let today: CivilDate

    func build() throws {
        try database.apply(OpDraft(actor: gm, SalesTargetSet(month: today.monthKey, amount: Money(yuan: 6000))))
    }
}
