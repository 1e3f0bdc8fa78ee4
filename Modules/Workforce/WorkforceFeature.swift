import GRDB
import ShopDomain
import Storage

/// Shifts and handover as a storage module: rota, cleaning rota, shifts with lateness, the
/// handover book, memos and reports (HR-1, HR-2, HR-4, HR-5, HR-7, ORG-2).
public enum Workforce {
    public static let feature = ShopFeature(
        name: "workforce",
        migrations: [.init("workforce.v1", sql: WorkforceSchema.v1), .init("workforce.v2", sql: WorkforceSchema.v2),
                     .init("workforce.v3", sql: WorkforceViews.v1), .init("workforce.views-reporting", sql: WorkforceReportingViews.v1)],
        handlers: RosterHandlers.all + ShiftHandlers.all + HandoverHandlers.all + FineHandlers.all,
        readTables: WorkforceSchema.readTables,
        publicViews: WorkforceViews.names + WorkforceReportingViews.names,
        handoverFigures: handoverFigures
    )

    @Sendable static func handoverFigures(_ db: Database) throws -> [HandoverFigure] {
        let open = try String.fetchAll(db, sql: "SELECT id FROM handover_item WHERE status = 'open' ORDER BY writtenAt, rowid")
        return [HandoverFigure(key: "workforce.handover-open", zh: "未接手的交接事项", en: "handover items not yet taken over",
                               count: open.count, examples: Array(open.prefix(10)))]
    }
}
