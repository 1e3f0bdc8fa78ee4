import Foundation
import GRDB
import ShopDomain
import Storage

/// A campaign in the list.
public struct CampaignSummaryLine: Sendable, Equatable, Codable {
    public var campaign: String
    public var name: String
    public var platform: String
    public var startsOn: String
    public var endsOn: String
    /// `draft` or `live`.
    public var state: String
    /// The step the chain waits for (nil: finalized on the current content).
    public var next: CampaignStep?
    public var stale: [CampaignStep]
    public var liveByOverride: Bool
    public var contentHash: String
}

/// Everything `campaign show` and the printed draft show.
public struct CampaignDetail: Sendable, Equatable, Codable {
    public var campaign: String
    public var declaration: CampaignDeclaration
    public var itemNames: [String: String]
    public var files: [DraftFile]
    public var contentHash: String
    public var declarationHash: String
    public var declaredBy: String
    public var declaredAt: Date
    public var chain: CampaignChain
    /// Every signature and rejection ever made, the withdrawn ones too, oldest first.
    public var history: [CampaignSignature]
    public var liveAt: Date?
    public var liveBy: String?
    public var liveOverride: String?
    public var errors: [CampaignErrorLine]
    public var summary: String?
    public var spent: Money?

    public var state: String { liveAt == nil ? "draft" : "live" }

    /// What changed in the files since the last standing signature.
    public var changesSinceLastSignature: DraftChanges? {
        chain.lastSignature.map { DraftChanges(from: $0.files, to: CampaignContent(declaration: declaration, files: files).files) }
    }
}

public struct CampaignErrorLine: Sendable, Equatable, Codable {
    public var error: String
    public var what: String
    public var kind: String
    public var signed: Bool
    public var fines: Int
    public var recordedBy: String
    public var at: Date
}

/// A signature that waits for a person (the TUI's inbox, `campaign inbox`).
public struct PendingSignature: Sendable, Equatable, Codable {
    public var campaign: String
    public var name: String
    public var step: CampaignStep
    public var contentHash: String
    public var stale: [CampaignStep]
    public var changes: DraftChanges?
}

public enum CampaignQueries {
    public static func list(_ db: Database) throws -> [CampaignSummaryLine] {
        try String.fetchAll(db, sql: "SELECT id FROM campaign ORDER BY startsOn DESC, declaredAt DESC").map { id in
            let record = try CampaignStore.load(db, id)
            let chain = try CampaignStore.chain(db, record)
            return CampaignSummaryLine(campaign: id, name: record.declaration.name, platform: record.declaration.platform,
                                       startsOn: record.declaration.startsOn.description, endsOn: record.declaration.endsOn.description,
                                       state: record.isLive ? "live" : "draft", next: record.isLive ? nil : chain.next, stale: chain.stale,
                                       liveByOverride: record.liveOverride != nil, contentHash: record.contentHash)
        }
    }

    /// A campaign by its ID or, failing that, its exact name.
    public static func resolve(_ db: Database, _ text: String) throws -> String {
        let key = text.trimmingWhitespace()
        if let id = try String.fetchOne(db, sql: "SELECT id FROM campaign WHERE id = ? COLLATE NOCASE", arguments: [key]) { return id }
        let byName = try String.fetchAll(db, sql: "SELECT id FROM campaign WHERE name = ?", arguments: [key])
        guard byName.count == 1 else { throw ApprovalError.unknownCampaign(key) }
        return byName[0]
    }

    public static func detail(_ db: Database, _ text: String) throws -> CampaignDetail {
        let id = try resolve(db, text)
        let record = try CampaignStore.load(db, id)
        let row = try Row.fetchOne(db, sql: "SELECT declaredAt, summary, spent FROM campaign WHERE id = ?", arguments: [id])!
        var names: [String: String] = [:]
        for item in record.declaration.items {
            let product = try Row.fetchOne(db, sql: "SELECT name, colour, size FROM product_v WHERE sku = ?", arguments: [item.sku.rawValue])
            names[item.sku.rawValue] = product.map { [$0["name"], $0["colour"], $0["size"]].compactMap { $0 as String? }.joined(separator: " ") }
        }
        let errors = try Row.fetchAll(db, sql: "SELECT * FROM campaign_error WHERE campaignID = ? ORDER BY at", arguments: [id]).map {
            CampaignErrorLine(error: $0["id"], what: $0["what"], kind: $0["kind"], signed: $0["signed"], fines: $0["fines"],
                              recordedBy: try CampaignStore.name(db, $0["recordedBy"]), at: Date(millis: $0["at"]))
        }
        return CampaignDetail(
            campaign: id, declaration: record.declaration, itemNames: names, files: record.files, contentHash: record.contentHash,
            declarationHash: record.declarationHash, declaredBy: try CampaignStore.name(db, record.declaredBy),
            declaredAt: Date(millis: row["declaredAt"]), chain: try CampaignStore.chain(db, record),
            history: try CampaignStore.signatures(db, id, activeOnly: false), liveAt: record.liveAt.map(Date.init(millis:)),
            liveBy: try record.liveBy.map { try CampaignStore.name(db, $0) }, liveOverride: record.liveOverride, errors: errors,
            summary: row["summary"], spent: (row["spent"] as Int64?).map(Money.init(fen:)))
    }

    /// What waits for this person's signature: campaigns not live whose next step one of their roles signs.
    public static func inbox(_ db: Database, for staff: StaffID) throws -> [PendingSignature] {
        let roles = try CampaignStore.roles(db, staff).roles
        return try String.fetchAll(db, sql: "SELECT id FROM campaign WHERE liveAt IS NULL ORDER BY startsOn, declaredAt").compactMap { id in
            let record = try CampaignStore.load(db, id)
            let chain = try CampaignStore.chain(db, record)
            guard let next = chain.next, next.roles.contains(where: roles.contains) else { return nil }
            let changes = chain.lastSignature.map { DraftChanges(from: $0.files, to: record.content.files) }
            return PendingSignature(campaign: id, name: record.declaration.name, step: next, contentHash: record.contentHash,
                                    stale: chain.stale, changes: changes)
        }
    }

    /// Campaigns whose chain waits for a signature, for the handover summary.
    static func waiting(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT id FROM campaign WHERE liveAt IS NULL ORDER BY startsOn").filter { id in
            try CampaignStore.chain(db, CampaignStore.load(db, id)).next != nil
        }
    }
}
