import GRDB
import ShopDomain
import Storage

/// The shop's figures for a day, week or month (OPS-1, OPS-2, LOG-11, ORG-2): pure reads over the
/// other modules' public queries and declared views, plus one small feature of its own, the
/// general manager's monthly sales target (`target.set`).
public enum Reporting {
    public static let feature = ShopFeature(
        name: "reporting",
        migrations: [.init("reporting.v1", sql: ReportingSchema.v1)],
        handlers: TargetHandlers.all,
        readTables: ReportingSchema.readTables,
        publicViews: ReportingSchema.publicViews
    )

    /// The target set for a month, if any.
    public static func target(_ db: Database, month: String) throws -> Money? {
        try Int64.fetchOne(db, sql: "SELECT amount FROM sales_target WHERE month = ?", arguments: [month]).map(Money.init(fen:))
    }
}
