import Foundation
import GRDB
import ShopDomain
import Storage

/// The chain's signatures, rejections and going live (CAMP-1, ORG-3). Each check runs where the
/// op is made and again wherever it is merged (the hub re-authorizes: a signer who lost the role
/// is refused there and the signature parked). Two outcomes for one step from two devices — signed
/// and rejected, or signed on different content — are a conflict for a person, never a pick.
enum SignatureHandlers {
    static let all: [OpHandler] = [
        OpHandler(CampaignSigned.self, authorization: .anyStaff, project: signed),
        OpHandler(CampaignRejected.self, authorization: .anyStaff, project: rejected),
        OpHandler(CampaignWentLive.self, authorization: .anyStaff, project: wentLive),
    ]

    static func signed(_ p: CampaignSigned, _ op: Op, _ db: Database) throws {
        let record = try CampaignStore.load(db, p.campaign)
        let actor = try CampaignStore.roles(db, op.actor)
        guard actor.roles.contains(where: p.step.roles.contains) else { throw ApprovalError.wrongRole(name: actor.name, step: p.step) }
        guard !record.isLive else { throw ApprovalError.alreadyLive(p.campaign) }
        let local = try ProjectionContext.isLocal(op, db)
        var chain = try CampaignStore.chain(db, record)
        var standing = chain[p.step]
        if standing.status == .signed, let signature = standing.signature, signature.contentHash == p.contentHash {
            if local { throw ApprovalError.alreadySigned(p.step) }
            // CAMP-1, merged: the same person signed the same step on the same content on two
            // devices — one signature (DESIGN.md: a harmless duplicate, settled everywhere).
            // Another person's signature is another outcome (CAMP-2 names who signed): a conflict.
            guard signature.signer == op.actor.rawValue else { throw ApprovalError.signedByOther(p.step, by: signature.signerName) }
            throw HarmlessDuplicate(zh: "\(p.campaign) 的\(p.step.chineseTitle)已签（同一内容）", en: "\(p.campaign) \(p.step.englishTitle) is signed already (same content)")
        }
        if !local, standing.status == .rejected, try ParkedOps.isParked(op, db) {
            // A person keeps this signature over the rejection it clashed with: the rejection is withdrawn.
            try withdrawRejection(db, p.campaign, p.step)
            chain = try CampaignStore.chain(db, record)
            standing = chain[p.step]
        }
        guard p.contentHash == record.contentHash else {
            throw ApprovalError.staleHash(step: p.step, signed: p.contentHash, current: record.contentHash)
        }
        guard chain.next == p.step else {
            if standing.status == .rejected, let rejection = standing.signature, rejection.contentHash == p.contentHash, !local {
                throw ApprovalError.rejectedElsewhere(p.step, by: rejection.signerName)
            }
            throw ApprovalError.outOfOrder(step: p.step, next: chain.next)
        }
        if p.step == .design, record.files.isEmpty { throw ApprovalError.noDraft }
        try db.execute(sql: "UPDATE campaign_signature SET active = 0 WHERE campaignID = ? AND step = ? AND active = 1",
                       arguments: [p.campaign, p.step.rawValue])
        try insert(db, op, record, step: p.step, outcome: .signed, reason: nil)
    }

    /// A reviewer sends the chain back (to design, or before design to the declaration), with a reason.
    static func rejected(_ p: CampaignRejected, _ op: Op, _ db: Database) throws {
        let record = try CampaignStore.load(db, p.campaign)
        let actor = try CampaignStore.roles(db, op.actor)
        guard actor.roles.contains(where: p.step.roles.contains) else { throw ApprovalError.wrongRole(name: actor.name, step: p.step) }
        guard p.step != .declare else { throw ApprovalError.cannotReject(p.step) }
        guard !record.isLive else { throw ApprovalError.alreadyLive(p.campaign) }
        let reason = p.reason.trimmingWhitespace()
        guard !reason.isEmpty else { throw ApprovalError.reasonRequired }
        let local = try ProjectionContext.isLocal(op, db)
        let chain = try CampaignStore.chain(db, record)
        let standing = chain[p.step]
        if !local, standing.status == .rejected, standing.signature?.contentHash == p.contentHash {  // rejected on two devices: once
            throw HarmlessDuplicate(zh: "\(p.campaign) 的\(p.step.chineseTitle)已驳回（同一内容）", en: "\(p.campaign) \(p.step.englishTitle) is rejected already (same content)")
        }
        // Kept by a person over the signature it clashed with: the rejection stands now.
        let resolving = try !local && ParkedOps.isParked(op, db)
        guard p.contentHash == record.contentHash else {
            throw ApprovalError.staleHash(step: p.step, signed: p.contentHash, current: record.contentHash)
        }
        if !resolving, chain.next != p.step {
            if standing.status == .signed, let signature = standing.signature, !local {
                throw ApprovalError.signedElsewhere(p.step, by: signature.signerName)
            }
            throw ApprovalError.outOfOrder(step: p.step, next: chain.next)
        }
        let id = try insert(db, op, record, step: p.step, outcome: .rejected, reason: reason)
        let back = CampaignStep.allCases.filter { $0 >= p.step.rejectsTo }.map(\.rawValue)
        try db.execute(sql: """
            UPDATE campaign_signature SET active = 0, withdrawnBy = ?
            WHERE campaignID = ? AND active = 1 AND id <> ? AND step IN (\(back.map { _ in "?" }.joined(separator: ", ")))
            """, arguments: StatementArguments([id, p.campaign, id] as [any DatabaseValueConvertible] + back.map { $0 as any DatabaseValueConvertible }))
    }

    /// CAMP-1: live only after 定稿 on the content as it is; otherwise only by the GM's override
    /// with a reason, recorded as such (ORG-3).
    static func wentLive(_ p: CampaignWentLive, _ op: Op, _ db: Database) throws {
        let record = try CampaignStore.load(db, p.campaign)
        let local = try ProjectionContext.isLocal(op, db)
        if record.isLive {
            // Live on two devices on the same content: it went live once (a harmless duplicate).
            // Live on other content is another outcome, a conflict for a person.
            let liveHash = try String.fetchOne(db, sql: "SELECT liveHash FROM campaign WHERE id = ?", arguments: [p.campaign])
            if local || liveHash != p.contentHash { throw ApprovalError.alreadyLive(p.campaign) }
            throw HarmlessDuplicate(zh: "活动 \(p.campaign) 已上线", en: "campaign \(p.campaign) is live already")
        }
        let actor = try CampaignStore.roles(db, op.actor)
        guard actor.roles.contains(.techLead) || actor.roles.contains(.gm) else { throw ApprovalError.cannotGoLive(actor.name) }
        guard p.contentHash == record.contentHash else { throw ApprovalError.draftChanged(basedOn: p.contentHash, current: record.contentHash) }
        let chain = try CampaignStore.chain(db, record)
        var override: String?
        if !chain.finalized {
            guard let reason = p.override?.trimmingWhitespace(), !reason.isEmpty else {
                throw ApprovalError.notFinalized(p.campaign, next: chain.next)
            }
            guard actor.roles.contains(.gm) else { throw ApprovalError.overrideNeedsGM(actor.name) }
            override = reason
        }
        try db.execute(sql: "UPDATE campaign SET liveAt = ?, liveBy = ?, liveHash = ?, liveOverride = ? WHERE id = ?",
                       arguments: [op.hlc.wallMillis, op.actor.rawValue, record.contentHash, override, p.campaign])
    }

    @discardableResult
    private static func insert(_ db: Database, _ op: Op, _ record: CampaignRecord, step: CampaignStep,
                               outcome: CampaignSignature.Outcome, reason: String?) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO campaign_signature (campaignID, step, outcome, signer, contentHash, declarationHash, files, reason, at, opDevice, opSeq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [record.id, step.rawValue, outcome.rawValue, op.actor.rawValue, record.contentHash, record.declarationHash,
                             CanonicalJSON.encode(record.content.files), reason, op.hlc.wallMillis, op.deviceID.rawValue, op.deviceSeq])
        return db.lastInsertedRowID
    }

    /// Undoes a standing rejection at `step`: what it withdrew stands again.
    private static func withdrawRejection(_ db: Database, _ campaign: String, _ step: CampaignStep) throws {
        guard let id = try Int64.fetchOne(db, sql: """
            SELECT id FROM campaign_signature WHERE campaignID = ? AND step = ? AND active = 1 AND outcome = 'rejected'
            """, arguments: [campaign, step.rawValue]) else { return }
        try db.execute(sql: "UPDATE campaign_signature SET active = 0 WHERE id = ?", arguments: [id])
        try db.execute(sql: "UPDATE campaign_signature SET active = 1, withdrawnBy = NULL WHERE withdrawnBy = ?", arguments: [id])
    }
}
