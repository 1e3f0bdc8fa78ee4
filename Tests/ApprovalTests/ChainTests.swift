import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Approval
@testable import Storage

/// CAMP-1: the six signatures in order, each by the step's role, bound to the draft's content.
@Suite struct ChainTests {
    @Test func theChainSignsInOrderAndFinalizes() throws {
        let shop = try ApprovalShop()
        let id = try shop.declare()
        #expect(try shop.detail(id).chain.next == .approve)
        try shop.signThrough(id)
        let detail = try shop.detail(id)
        #expect(detail.chain.finalized)
        #expect(detail.chain.steps.allSatisfy { $0.status == .signed })
        #expect(detail.chain[.design].signature?.contentHash == detail.contentHash)
        #expect(detail.chain[.approve].signature?.signerName == "黄乔")
        #expect(detail.files.map(\.name) == ["detail.png", "main.png"])
    }

    @Test func signingOutOfOrderIsRefusedAndWritesNothing() throws {
        let shop = try ApprovalShop()
        let id = try shop.declare()
        let before = try shop.journalCount()
        #expect(throws: ApprovalError.outOfOrder(step: .review, next: .approve)) { try shop.sign(id, .review, as: shop.sales) }
        #expect(try shop.journalCount() == before)
    }

    @Test func theWrongRoleIsRefused() throws {
        let shop = try ApprovalShop()
        let id = try shop.declare()
        #expect(throws: ApprovalError.wrongRole(name: "史文龙", step: .approve)) { try shop.sign(id, .approve, as: shop.lead) }
        #expect(throws: ApprovalError.notDeclarer("汪莎")) {
            try shop.apply(CampaignDeclared(campaign: "A-2", declaration: ApprovalShop.declaration()), as: shop.designer)
        }
    }

    @Test func aSignatureOnAStaleHashIsRefused() throws {
        let shop = try ApprovalShop()
        let id = try shop.declare()
        let old = try shop.detail(id).contentHash
        try shop.sign(id, .approve, as: shop.gm)
        try shop.sign(id, .review, as: shop.sales)
        try shop.attach(id, ["main.png": "v1"])
        let before = try shop.journalCount()
        #expect(throws: ApprovalError.staleHash(step: .design, signed: old, current: try shop.detail(id).contentHash)) {
            try shop.apply(CampaignSigned(campaign: id, step: .design, contentHash: old), as: shop.designer)
        }
        #expect(try shop.journalCount() == before)
    }

    /// Changing the draft after 校对 makes 图文设计, 校对 stale; the chain goes back to 图文设计.
    @Test func changingTheDraftMakesLaterSignaturesStale() throws {
        let shop = try ApprovalShop()
        let id = try shop.declare()
        try shop.signThrough(id, upTo: .proofread)
        try shop.attach(id, ["main.png": "主图 v2", "detail.png": "细节 v1"])
        let detail = try shop.detail(id)
        #expect(detail.chain.stale == [.design, .proofread])
        #expect(detail.chain.next == .design)
        #expect(detail.chain[.review].status == .signed)  // the declaration is unchanged
        #expect(detail.changesSinceLastSignature?.changed == ["main.png"])
        #expect(detail.changesSinceLastSignature?.added == [])
        #expect(throws: ApprovalError.outOfOrder(step: .finalize, next: .design)) { try shop.sign(id, .finalize, as: shop.gm) }
        try shop.sign(id, .design, as: shop.designer)
        try shop.sign(id, .proofread, as: shop.lead)
        try shop.sign(id, .finalize, as: shop.gm)
        #expect(try shop.detail(id).chain.finalized)
    }

    /// A changed declaration makes every signature stale: back to 申报.
    @Test func amendingTheDeclarationGoesBackToDeclare() throws {
        let shop = try ApprovalShop()
        let id = try shop.declare()
        try shop.signThrough(id, upTo: .review)
        try shop.apply(try shop.database.read { db in
            try CampaignActions.amend(db, id) { $0.budget = Money(yuan: 800) }
        }, as: shop.lead)
        let detail = try shop.detail(id)
        #expect(detail.chain.next == .declare)
        #expect(detail.chain.stale == [.declare, .approve, .review])
    }

    @Test func aRejectionGoesBackToDesign() throws {
        let shop = try ApprovalShop()
        let id = try shop.declare()
        try shop.signThrough(id, upTo: .design)
        #expect(throws: ApprovalError.reasonRequired) {
            try shop.apply(try shop.database.read { db in try CampaignActions.reject(db, id, step: .proofread, reason: " ") }, as: shop.lead)
        }
        try shop.apply(try shop.database.read { db in try CampaignActions.reject(db, id, step: .proofread, reason: "价格写错") }, as: shop.lead)
        let detail = try shop.detail(id)
        #expect(detail.chain.next == .design)
        #expect(detail.chain[.design].status == .pending)
        #expect(detail.chain[.proofread].status == .rejected)
        #expect(detail.chain[.proofread].signature?.reason == "价格写错")
        #expect(detail.history.count == 5)  // four signatures and the rejection
        try shop.attach(id, ["main.png": "主图 v2"])
        try shop.sign(id, .design, as: shop.designer)
        try shop.sign(id, .proofread, as: shop.lead)
        #expect(try shop.detail(id).chain.next == .finalize)
    }

    @Test func anAttachedFileMissingOrChangedBeforeSigningIsRefused() throws {
        let shop = try ApprovalShop()
        let id = try shop.declare()
        try shop.signThrough(id, upTo: .review)
        let folder = try shop.attach(id, ["main.png": "v1", "detail.png": "d1"])
        try Data("v1 edited".utf8).write(to: folder.appendingPathComponent("main.png"))
        let before = try shop.journalCount()
        #expect(throws: ApprovalError.fileChanged(folder.appendingPathComponent("main.png").standardizedFileURL.path)) {
            try shop.sign(id, .design, as: shop.designer)
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("detail.png"))
        #expect(throws: ApprovalError.fileMissing(folder.appendingPathComponent("detail.png").standardizedFileURL.path)) {
            _ = try CampaignActions.verify(try shop.detail(id).files.filter { $0.name == "detail.png" }, requirePresent: true)
        }
        #expect(throws: ApprovalError.fileMissing("/no/such/draft")) {
            try shop.database.read { db in try CampaignActions.attach(db, id, paths: ["/no/such/draft"]) }
        }
        #expect(try shop.journalCount() == before)
    }

    @Test func declarationsAreChecked() throws {
        let shop = try ApprovalShop()
        var d = ApprovalShop.declaration()
        d.items.append(CampaignItem(sku: SKU(rawValue: "NOPE"), price: Money(yuan: 1)))
        #expect(throws: ApprovalError.unknownSKU("NOPE")) { try shop.apply(CampaignDeclared(campaign: "A-9", declaration: d), as: shop.lead) }
        d = ApprovalShop.declaration()
        d.endsOn = CivilDate("2026-12-01")!
        #expect(throws: ApprovalError.badDates("2026-12-10", "2026-12-01")) {
            try shop.apply(CampaignDeclared(campaign: "A-9", declaration: d), as: shop.lead)
        }
    }

    /// The content hash is canonical: item order and file paths do not change it.
    @Test func theContentHashIsCanonical() {
        var d = ApprovalShop.declaration()
        let a = CampaignContent(declaration: d, files: [DraftFile(name: "a.png", path: "/x/a.png", sha256: "1", bytes: 1),
                                                       DraftFile(name: "b.png", path: "/x/b.png", sha256: "2", bytes: 1)])
        d.items.reverse()
        let b = CampaignContent(declaration: d, files: [DraftFile(name: "b.png", path: "/elsewhere/b.png", sha256: "2", bytes: 1),
                                                       DraftFile(name: "a.png", path: "/y/a.png", sha256: "1", bytes: 1)])
        #expect(a.hash == b.hash)
        #expect(a.hash != a.declarationHash)
        #expect(CampaignErrorID.make(campaign: "A-1", what: " 主图  价格 错 ") == CampaignErrorID.make(campaign: "A-1", what: "主图 价格 错"))
    }

    @Test func rebuildAndVerifyReplayTheChain() throws {
        let shop = try ApprovalShop()
        let id = try shop.declare()
        try shop.signThrough(id, upTo: .design)
        try shop.apply(try shop.database.read { db in try CampaignActions.reject(db, id, step: .proofread, reason: "错字") }, as: shop.lead)
        let before = try shop.detail(id)
        _ = try shop.database.rebuild()
        #expect(try shop.detail(id) == before)
        #expect(try shop.database.verify().passed)
    }
}
