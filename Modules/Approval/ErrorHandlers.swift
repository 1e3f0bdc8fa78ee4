import Foundation
import GRDB
import ShopDomain
import Storage

/// Errors found on a live page (CAMP-2) and the summary after the campaign (CAMP-3).
enum ErrorHandlers {
    static let all: [OpHandler] = [
        OpHandler(CampaignErrorRecorded.self, authorization: .anyStaff, project: errorRecorded),
        OpHandler(CampaignSummarized.self, authorization: .anyStaff, project: summarized),
    ]

    /// The error is one by its content-derived ID: recorded again here it is refused. The same error
    /// recorded offline on another device and merged here is a harmless duplicate (CAMP-2: one
    /// error, one set of fines): the refusal comes before the fines follower runs, so it books
    /// nothing wherever it arrives second, and the merge settles it at once on every device.
    static func errorRecorded(_ p: CampaignErrorRecorded, _ op: Op, _ db: Database) throws {
        let record = try CampaignStore.load(db, p.campaign)
        guard record.isLive else { throw ApprovalError.notLive(p.campaign) }
        let what = p.what.trimmingWhitespace()
        guard !what.isEmpty else { throw ApprovalError.emptyError }
        guard p.error == CampaignErrorID.make(campaign: p.campaign, what: p.what) else { throw ApprovalError.badErrorID }
        let local = try ProjectionContext.isLocal(op, db)
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM campaign_error WHERE id = ?)", arguments: [p.error])! {
            if local { throw ApprovalError.errorRecorded(p.error) }
            throw HarmlessDuplicate(zh: "错误 \(p.error) 已登记，罚款已记", en: "error \(p.error) is recorded already, its fines booked")
        }
        if local {
            let expected = try CampaignLiability.claims(db, campaign: p.campaign, error: p.error, what: p.what)
            guard expected.signed == p.signed, expected.claims == p.claims else { throw ApprovalError.claimsMismatch }
        }
        try db.execute(sql: """
            INSERT INTO campaign_error (id, campaignID, what, kind, signed, fines, recordedBy, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [p.error, p.campaign, what, p.errorKind.rawValue, p.signed, p.claims.count, op.actor.rawValue, op.hlc.wallMillis])
    }

    /// CAMP-3: the written summary and the budget spent; a later summary replaces the earlier.
    static func summarized(_ p: CampaignSummarized, _ op: Op, _ db: Database) throws {
        let record = try CampaignStore.load(db, p.campaign)
        let actor = try CampaignStore.roles(db, op.actor)
        guard actor.roles.contains(.techLead) || actor.roles.contains(.gm) else { throw ApprovalError.notDeclarer(actor.name) }
        guard record.isLive else { throw ApprovalError.notLive(p.campaign) }
        let text = p.text.trimmingWhitespace()
        guard !text.isEmpty else { throw ApprovalError.emptySummary }
        if let spent = p.spent, spent < .zero { throw ApprovalError.badSpent }
        try db.execute(sql: "UPDATE campaign SET summary = ?, spent = ?, summaryBy = ?, summaryAt = ? WHERE id = ?",
                       arguments: [text, p.spent?.fen, op.actor.rawValue, op.hlc.wallMillis, p.campaign])
    }
}
