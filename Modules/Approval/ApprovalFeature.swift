import GRDB
import ShopDomain
import Storage

/// Campaigns and their approval as a shop feature: the declaration, the six-signature chain
/// bound to the draft's content, going live, page errors and their fines, the summary
/// (CAMP-1…CAMP-3, DISC-3, ORG-3).
public enum Approval {
    /// Other modules (Listing, Reporting) read its views `campaign_v` and `campaign_price_v`.
    public static let feature = ShopFeature(
        name: "approval",
        migrations: [.init("approval.v1", sql: ApprovalSchema.v1), .init("approval.v2", sql: ApprovalSchema.views)],
        handlers: CampaignHandlers.all + SignatureHandlers.all + ErrorHandlers.all,
        readTables: ApprovalSchema.readTables,
        publicViews: ApprovalSchema.viewNames,
        handoverFigures: handoverFigures
    )

    @Sendable static func handoverFigures(_ db: Database) throws -> [HandoverFigure] {
        let waiting = try CampaignQueries.waiting(db)
        return [HandoverFigure(key: "approval.campaigns-waiting", zh: "等待签字的活动", en: "campaigns waiting for a signature",
                               count: waiting.count, examples: Array(waiting.prefix(10)))]
    }
}
