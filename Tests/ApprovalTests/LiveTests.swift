import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Approval
@testable import Storage

/// Going live (CAMP-1, ORG-3) and errors on the live page (CAMP-2, DISC-3).
@Suite struct LiveTests {
    func live(_ shop: ApprovalShop, _ id: String, override: String? = nil, as actor: StaffID) throws {
        try shop.apply(try shop.database.read { db in try CampaignActions.goLive(db, id, override: override) }, as: actor)
    }

    func error(_ shop: ApprovalShop, _ id: String, _ what: String, as actor: StaffID) throws -> CampaignErrorRecorded {
        let payload = try shop.database.read { db in try CampaignActions.recordError(db, id, what: what, kind: .text) }
        try shop.apply(payload, as: actor)
        return payload
    }

    @Test func goesLiveOnlyAfterFinalize() throws {
        let shop = try ApprovalShop()
        let id = try shop.declare()
        try shop.signThrough(id, upTo: .proofread)
        let before = try shop.journalCount()
        #expect(throws: ApprovalError.notFinalized(id, next: .finalize)) { try live(shop, id, as: shop.gm) }
        #expect(throws: ApprovalError.overrideNeedsGM("史文龙")) { try live(shop, id, override: "平台催上线", as: shop.lead) }
        #expect(try shop.journalCount() == before)
        try shop.sign(id, .finalize, as: shop.gm)
        try live(shop, id, as: shop.lead)
        let detail = try shop.detail(id)
        #expect(detail.state == "live")
        #expect(detail.liveOverride == nil)
        #expect(throws: ApprovalError.alreadyLive(id)) { try live(shop, id, as: shop.gm) }
        let prices = try shop.database.read { db in
            try Row.fetchAll(db, sql: "SELECT sku, price, live FROM campaign_price_v WHERE campaignID = ? ORDER BY sku", arguments: [id])
                .map { "\($0["sku"] as String)=\($0["price"] as Int64) \($0["live"] as Bool)" }
        }
        #expect(prices == ["AF-1=5900 true", "AF-2=5900 true"])
    }

    @Test func pricesAreNotLiveBeforeTheCampaignIs() throws {
        let shop = try ApprovalShop()
        let id = try shop.declare()
        let live = try shop.database.read { db in try Bool.fetchAll(db, sql: "SELECT live FROM campaign_price_v WHERE campaignID = ?", arguments: [id]) }
        #expect(live == [false, false])
        #expect(try shop.database.read { db in try String.fetchOne(db, sql: "SELECT state FROM campaign_v") } == "draft")
    }

    /// ORG-3: the GM's override is recorded as such.
    @Test func theGMsOverrideIsRecorded() throws {
        let shop = try ApprovalShop()
        let id = try shop.declare()
        try live(shop, id, override: "平台今晚截止", as: shop.gm)
        let detail = try shop.detail(id)
        #expect(detail.liveOverride == "平台今晚截止")
        #expect(try shop.database.read { db in try Bool.fetchOne(db, sql: "SELECT liveByOverride FROM campaign_v") } == true)
    }

    /// Signed but missed: each person who reviewed or proofread pays CAMP-2.fine.missed-review.
    @Test func aMissedErrorFinesTheReviewers() throws {
        let shop = try ApprovalShop()
        let id = try shop.declare()
        try shop.signThrough(id)
        try live(shop, id, as: shop.gm)
        let payload = try error(shop, id, "详情页尺码表写错", as: shop.gm)
        #expect(payload.signed)
        #expect(Set(payload.claims.map(\.staff)) == [shop.sales, shop.lead])
        #expect(payload.claims.allSatisfy { $0.amount == .policy("CAMP-2.fine.missed-review") && $0.rule == "CAMP-2" })
        #expect(payload.claims.allSatisfy { $0.ref == "\(id)/\(payload.error)" && $0.reasonZh.contains("详情页尺码表写错") })
    }

    /// Unsigned (override): everyone in the chain jointly, GM, lead, sales, designer.
    @Test func anErrorOnAnUnsignedPageFinesTheWholeChain() throws {
        let shop = try ApprovalShop()
        let id = try shop.declare()
        try shop.signThrough(id, upTo: .design)
        try live(shop, id, override: "来不及校对", as: shop.gm)
        let payload = try error(shop, id, "主图价格错", as: shop.lead)
        #expect(!payload.signed)
        let keys = payload.claims.map { "\($0.staff == shop.gm ? "gm" : $0.staff == shop.lead ? "lead" : $0.staff == shop.sales ? "sales" : "designer") \($0.amount)" }
        #expect(keys.sorted() == [
            "designer policy(\"CAMP-2.fine.unsigned.designer\")", "gm policy(\"CAMP-2.fine.unsigned.gm\")",
            "lead policy(\"CAMP-2.fine.unsigned.lead\")", "sales policy(\"CAMP-2.fine.unsigned.sales\")",
        ])
        #expect(try shop.detail(id).errors.map(\.what) == ["主图价格错"])
    }

    @Test func theSameErrorTwiceIsRefusedHere() throws {
        let shop = try ApprovalShop()
        let id = try shop.declare()
        try live(shop, id, override: "急", as: shop.gm)
        let first = try error(shop, id, "主图价格错", as: shop.lead)
        let before = try shop.journalCount()
        #expect(throws: ApprovalError.errorRecorded(first.error)) { _ = try error(shop, id, " 主图价格错 ", as: shop.gm) }
        #expect(try shop.journalCount() == before)
    }

    @Test func errorsOnlyOnALivePage() throws {
        let shop = try ApprovalShop()
        let id = try shop.declare()
        #expect(throws: ApprovalError.notLive(id)) { _ = try error(shop, id, "错", as: shop.gm) }
    }

    @Test func aLiveCampaignTakesNoNewDraft() throws {
        let shop = try ApprovalShop()
        let id = try shop.declare()
        try live(shop, id, override: "急", as: shop.gm)
        #expect(throws: ApprovalError.alreadyLive(id)) { try shop.attach(id, ["main.png": "v3"]) }
    }
}
