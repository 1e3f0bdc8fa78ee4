import GRDB
import ShopDomain
import Storage

/// Shifts and handover as a storage module: rota, cleaning rota, shifts with lateness, the
/// handover book, memos and reports (HR-1, HR-2, HR-4, HR-5, HR-7, ORG-2).
public enum Workforce {
    public static let feature = feature(fineKinds: FineBearingKinds.all)

    /// The feature, following `fineKinds` to book their fines (every program: `FineBearingKinds.all`;
    /// a test adds kinds of its own).
    public static func feature(fineKinds: [any FineBearing.Type]) -> ShopFeature {
        ShopFeature(
            name: "workforce",
            migrations: [.init("workforce.v1", sql: WorkforceSchema.v1), .init("workforce.v2", sql: WorkforceSchema.v2),
                         .init("workforce.v3", sql: WorkforceViews.v1), .init("workforce.views-reporting", sql: WorkforceReportingViews.v1),
                         .init("workforce.people-1", sql: PeopleSchema.fines),
                         .init("workforce.people-2", sql: PeopleSchema.fund),
                         .init("workforce.people-3", sql: PeopleSchema.leave),
                         .init("workforce.fine-view-2", sql: WorkforceViews.v2)],
            handlers: RosterHandlers.all + ShiftHandlers.all + HandoverHandlers.all + FineHandlers.all + FundHandlers.all + LeaveHandlers.all
                + TrainingHandlers.all + FineFollower.handlers(fineKinds),
            readTables: WorkforceSchema.readTables + PeopleSchema.readTables,
            publicViews: WorkforceViews.names + WorkforceReportingViews.names + PeopleSchema.views,
            handoverFigures: handoverFigures
        )
    }

    @Sendable static func handoverFigures(_ db: Database) throws -> [HandoverFigure] {
        let open = try String.fetchAll(db, sql: "SELECT id FROM handover_item WHERE status = 'open' ORDER BY writtenAt, rowid")
        let dismissals = try FineQueries.dismissalFlags(db)
        var figures = [HandoverFigure(key: "workforce.handover-open", zh: "未接手的交接事项", en: "handover items not yet taken over",
                                      count: open.count, examples: Array(open.prefix(10)))]
        guard !dismissals.isEmpty else { return figures }
        figures.append(
                // DISC-1: a month's complaints that mean dismissal, for the GM to decide (ORG-3).
                HandoverFigure(key: "workforce.dismissal-flags", zh: "当月投诉达辞退次数（待总经理决定）", en: "complaints reaching dismissal (for the GM)",
                               count: dismissals.count, examples: dismissals.prefix(10).map { "\($0.name) \($0.month)" }))
        return figures
    }
}
