import Foundation
import GRDB
import ShopDomain
import Storage

/// A campaign as the handlers and queries read it from the approval tables.
struct CampaignRecord: Sendable {
    var id: String
    var declaration: CampaignDeclaration
    var files: [DraftFile]
    var contentHash: String
    var declarationHash: String
    var declaredBy: String
    var liveAt: Int64?
    var liveBy: String?
    var liveOverride: String?

    var content: CampaignContent { CampaignContent(declaration: declaration, files: files) }
    var isLive: Bool { liveAt != nil }
}

/// Reading and writing the approval tables inside a projection or a read.
enum CampaignStore {
    static func load(_ db: Database, _ id: String) throws -> CampaignRecord {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM campaign WHERE id = ?", arguments: [id]) else {
            throw ApprovalError.unknownCampaign(id)
        }
        let declaration = try JSONDecoder().decode(CampaignDeclaration.self, from: Data((row["declaration"] as String).utf8))
        let files = try Row.fetchAll(db, sql: "SELECT * FROM campaign_file WHERE campaignID = ? ORDER BY name", arguments: [id]).map {
            DraftFile(name: $0["name"], path: $0["path"], sha256: $0["sha256"], bytes: $0["bytes"])
        }
        return CampaignRecord(id: id, declaration: declaration, files: files, contentHash: row["contentHash"],
                              declarationHash: row["declarationHash"], declaredBy: row["declaredBy"], liveAt: row["liveAt"],
                              liveBy: row["liveBy"], liveOverride: row["liveOverride"])
    }

    /// Each step's standing signature or rejection (withdrawn ones are history).
    static func signatures(_ db: Database, _ id: String, activeOnly: Bool = true) throws -> [CampaignSignature] {
        try Row.fetchAll(db, sql: """
            SELECT g.*, COALESCE((SELECT name FROM staff_v s WHERE s.id = g.signer), g.signer) AS signerName
            FROM campaign_signature g WHERE g.campaignID = ? AND (g.active = 1 OR ? = 0) ORDER BY g.id
            """, arguments: [id, activeOnly ? 1 : 0]).map(signature)
    }

    static func signature(_ row: Row) throws -> CampaignSignature {
        CampaignSignature(step: CampaignStep(rawValue: row["step"]) ?? .declare,
                          outcome: CampaignSignature.Outcome(rawValue: row["outcome"]) ?? .signed, signer: row["signer"],
                          signerName: row["signerName"], contentHash: row["contentHash"], declarationHash: row["declarationHash"],
                          files: try JSONDecoder().decode([CampaignContent.File].self, from: Data((row["files"] as String).utf8)),
                          reason: row["reason"], at: Date(millis: row["at"]))
    }

    static func chain(_ db: Database, _ record: CampaignRecord) throws -> CampaignChain {
        CampaignChain(signatures: try signatures(db, record.id), contentHash: record.contentHash, declarationHash: record.declarationHash)
    }

    /// Writes the declaration's columns and the content hashes after a change.
    static func saveDeclaration(_ db: Database, _ id: String, _ declaration: CampaignDeclaration, _ op: Op) throws {
        try db.execute(sql: """
            UPDATE campaign SET name = ?, platform = ?, startsOn = ?, endsOn = ?, requirements = ?, budget = ?, feePermille = ?,
                declaration = ?, changedBy = ?, changedAt = ? WHERE id = ?
            """, arguments: [declaration.name, declaration.platform, declaration.startsOn.description, declaration.endsOn.description,
                             declaration.requirements, declaration.budget.fen, declaration.feePermille, CanonicalJSON.encode(declaration),
                             op.actor.rawValue, op.hlc.wallMillis, id])
        try db.execute(sql: "DELETE FROM campaign_item WHERE campaignID = ?", arguments: [id])
        for item in declaration.items {
            try db.execute(sql: "INSERT INTO campaign_item (campaignID, sku, price) VALUES (?, ?, ?)",
                           arguments: [id, item.sku.rawValue, item.price.fen])
        }
        try rehash(db, id)
    }

    static func rehash(_ db: Database, _ id: String) throws {
        let content = try load(db, id).content
        try db.execute(sql: "UPDATE campaign SET contentHash = ?, declarationHash = ? WHERE id = ?",
                       arguments: [content.hash, content.declarationHash, id])
    }

    /// The roles a person holds now (checked when signing and again on merge, CAMP-1).
    static func roles(_ db: Database, _ staff: StaffID) throws -> (name: String, roles: [Role]) {
        let person = try CoreQueries.staff(db, id: staff)
        return (person?.name ?? staff.rawValue, person?.active == true ? person!.roles : [])
    }

    static func name(_ db: Database, _ staff: String) throws -> String {
        try String.fetchOne(db, sql: "SELECT name FROM staff_v WHERE id = ?", arguments: [staff]) ?? staff
    }
}
