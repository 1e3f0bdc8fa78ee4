import Foundation
import GRDB
import ShopDomain
import Storage

/// Declaring a campaign, amending it and attaching the page draft (CAMP-1). Every change
/// recomputes the content hash the signatures bind; a signature on other content is stale.
enum CampaignHandlers {
    static let all: [OpHandler] = [
        OpHandler(CampaignDeclared.self, authorization: .anyStaff, project: declared),
        OpHandler(CampaignAmended.self, authorization: .anyStaff, project: amended),
        OpHandler(CampaignDraftAttached.self, authorization: .anyStaff, project: attached),
    ]

    /// CAMP-1 申报: the tech lead declares; SKUs must be in the catalogue (Warehouse's `product_v`).
    static func declared(_ p: CampaignDeclared, _ op: Op, _ db: Database) throws {
        let actor = try CampaignStore.roles(db, op.actor)
        guard actor.roles.contains(.techLead) else { throw ApprovalError.notDeclarer(actor.name) }
        guard try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM campaign WHERE id = ?)", arguments: [p.campaign])! else {
            throw ApprovalError.campaignExists(p.campaign)
        }
        try validate(p.declaration, db)
        try db.execute(sql: """
            INSERT INTO campaign (id, name, platform, startsOn, endsOn, requirements, budget, declaration, contentHash, declarationHash,
                                  declaredBy, declaredAt, changedBy, changedAt)
            VALUES (?, '', '', '', '', '', 0, '{}', '', '', ?, ?, ?, ?)
            """, arguments: [p.campaign, op.actor.rawValue, op.hlc.wallMillis, op.actor.rawValue, op.hlc.wallMillis])
        try CampaignStore.saveDeclaration(db, p.campaign, p.declaration, op)
    }

    /// A changed declaration: every signature on the old one goes stale (the chain shows it).
    static func amended(_ p: CampaignAmended, _ op: Op, _ db: Database) throws {
        let actor = try CampaignStore.roles(db, op.actor)
        guard actor.roles.contains(.techLead) else { throw ApprovalError.notDeclarer(actor.name) }
        let record = try CampaignStore.load(db, p.campaign)
        guard !record.isLive else { throw ApprovalError.alreadyLive(p.campaign) }
        try validate(p.declaration, db)
        if record.contentHash != p.basedOn {
            // Merged onto content that changed meanwhile: the same change is a harmless duplicate.
            if CampaignContent(declaration: p.declaration, files: record.files).hash == record.contentHash { return }
            throw ApprovalError.draftChanged(basedOn: p.basedOn, current: record.contentHash)
        }
        try CampaignStore.saveDeclaration(db, p.campaign, p.declaration, op)
    }

    /// CAMP-1 图文设计: the designer's files replace the draft's. Made on content that changed on
    /// another device meanwhile, it is a conflict (two drafts: a person picks).
    static func attached(_ p: CampaignDraftAttached, _ op: Op, _ db: Database) throws {
        let actor = try CampaignStore.roles(db, op.actor)
        guard actor.roles.contains(where: CampaignStep.design.roles.contains) else {
            throw ApprovalError.wrongRole(name: actor.name, step: .design)
        }
        let record = try CampaignStore.load(db, p.campaign)
        guard !record.isLive else { throw ApprovalError.alreadyLive(p.campaign) }
        guard !p.files.isEmpty else { throw ApprovalError.noDraft }
        if record.contentHash != p.basedOn {
            if CampaignContent(declaration: record.declaration, files: p.files).hash == record.contentHash { return }
            throw ApprovalError.draftChanged(basedOn: p.basedOn, current: record.contentHash)
        }
        try db.execute(sql: "DELETE FROM campaign_file WHERE campaignID = ?", arguments: [p.campaign])
        for file in p.files {
            try db.execute(sql: "INSERT OR REPLACE INTO campaign_file (campaignID, name, path, sha256, bytes) VALUES (?, ?, ?, ?, ?)",
                           arguments: [p.campaign, file.name, file.path, file.sha256, file.bytes])
        }
        try db.execute(sql: "UPDATE campaign SET changedBy = ?, changedAt = ?, draftBy = ? WHERE id = ?",
                       arguments: [op.actor.rawValue, op.hlc.wallMillis, op.actor.rawValue, p.campaign])
        try CampaignStore.rehash(db, p.campaign)
    }

    static func validate(_ d: CampaignDeclaration, _ db: Database) throws {
        guard !d.name.trimmingWhitespace().isEmpty else { throw ApprovalError.emptyName }
        guard !d.platform.trimmingWhitespace().isEmpty else { throw ApprovalError.emptyPlatform }
        guard d.startsOn <= d.endsOn else { throw ApprovalError.badDates(d.startsOn.description, d.endsOn.description) }
        guard !d.items.isEmpty else { throw ApprovalError.noItems }
        guard d.budget >= .zero else { throw ApprovalError.badBudget }
        if let fee = d.feePermille, !(0...1000).contains(fee) { throw ApprovalError.badFeeRate("\(fee)‰") }
        var seen: Set<SKU> = []
        for item in d.items {
            guard seen.insert(item.sku).inserted else { throw ApprovalError.duplicateSKU(item.sku.rawValue) }
            guard item.price > .zero else { throw ApprovalError.badPrice(item.sku.rawValue) }
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM product_v WHERE sku = ?)", arguments: [item.sku.rawValue])! else {
                throw ApprovalError.unknownSKU(item.sku.rawValue)
            }
        }
    }
}
