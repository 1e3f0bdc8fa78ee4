import Approval
import Foundation
import ShopDomain
import Storage

/// The demo's campaigns (CAMP-1…CAMP-3): 雪纺衬衫 on 淘抢购 the week the demo's orders come in,
/// signed through all six steps, live, summarized, with its P&L from those orders; and 双十二
/// 聚划算, half-way: declared, approved, reviewed and designed, waiting for the tech lead's 校对.
struct DemoApproval {
    let database: ShopDatabase
    let clock: DemoClock
    let zone: ShopZone
    let today: CivilDate

    static let finished = "CP-DEMO-1"
    static let halfway = "CP-DEMO-2"

    func staff(_ name: String) throws -> StaffID {
        try database.read { db in try CoreQueries.findStaff(db, name).id }
    }

    func apply<P: OpPayload>(_ payload: P, as name: String, on day: CivilDate, _ hour: Int, _ minute: Int = 0) throws {
        clock.set(day, hour, minute, in: zone)
        try database.apply(OpDraft(actor: try staff(name), payload))
    }

    /// The draft's files as a designer's folder would give them (the demo holds no image files:
    /// the sheet prints their names and hashes).
    static func files(_ campaign: String, version: Int) -> [DraftFile] {
        ["主图.png", "详情-1.png", "详情-2.png"].map { name in
            let content = "\(campaign)/\(name)/v\(version)"
            return DraftFile(name: name, path: "演示稿件/\(campaign)/\(name)", sha256: ContentHash.of(content), bytes: Int64(40_000 + content.utf8.count))
        }
    }

    func sign(_ campaign: String, _ step: CampaignStep, as name: String, on day: CivilDate, _ hour: Int, _ minute: Int) throws {
        let hash = try database.read { db in try CampaignActions.contentHash(db, campaign) }
        try apply(CampaignSigned(campaign: campaign, step: step, contentHash: hash), as: name, on: day, hour, minute)
    }

    func attach(_ campaign: String, version: Int, on day: CivilDate, _ hour: Int, _ minute: Int) throws {
        let hash = try database.read { db in try CampaignActions.contentHash(db, campaign) }
        try apply(CampaignDraftAttached(campaign: campaign, files: Self.files(campaign, version: version), basedOn: hash), as: "汪莎",
                  on: day, hour, minute)
    }

    /// Before the week of orders (the evening before it, after the warehouse's day): both chains,
    /// the first campaign live for the window that starts the next morning.
    func buildChains() throws {
        let start = today.adding(days: -11)
        let skus = try database.read { db in
            try String.fetchAll(db, sql: "SELECT sku FROM product_v WHERE style = 'AF1023' ORDER BY sku")
        }
        let first = CampaignDeclaration(
            name: "雪纺衬衫淘抢购", platform: "淘抢购", startsOn: today.adding(days: -10), endsOn: today.adding(days: -4),
            requirements: "活动价不高于近 30 天最低价；主图 800×800 白底无水印；库存不少于 50 件",
            items: skus.map { CampaignItem(sku: SKU(rawValue: $0), price: Money(yuan: 69)) }, budget: Money(yuan: 150), feePermille: 50)
        try apply(CampaignDeclared(campaign: Self.finished, declaration: first), as: "史文龙", on: start, 20, 10)
        try sign(Self.finished, .declare, as: "史文龙", on: start, 20, 11)
        try sign(Self.finished, .approve, as: DemoShop.owner.name, on: start, 20, 25)
        try sign(Self.finished, .review, as: "刘芬", on: start, 20, 40)
        try attach(Self.finished, version: 1, on: start, 21, 0)
        try sign(Self.finished, .design, as: "汪莎", on: start, 21, 5)
        // The proofreader finds the price badge wrong: back to design, then signed through.
        let hash = try database.read { db in try CampaignActions.contentHash(db, Self.finished) }
        try apply(CampaignRejected(campaign: Self.finished, step: .proofread, contentHash: hash, reason: "主图价签写成 59 元，应为 69 元"),
                  as: "史文龙", on: start, 21, 30)
        try attach(Self.finished, version: 2, on: start, 21, 50)
        try sign(Self.finished, .design, as: "汪莎", on: start, 21, 52)
        try sign(Self.finished, .proofread, as: "史文龙", on: start, 22, 5)
        try sign(Self.finished, .finalize, as: DemoShop.owner.name, on: start, 22, 20)
        let live = try database.read { db in try CampaignActions.goLive(db, Self.finished, override: nil) }
        try apply(live, as: "史文龙", on: start, 23, 0)

        let second = CampaignDeclaration(
            name: "双十二聚划算", platform: "聚划算", startsOn: today.adding(days: 8), endsOn: today.adding(days: 10),
            requirements: "报名价为近 30 天最低价的九折以下；需 7 天无理由退换；主图 800×800 不得出现价格",
            items: try database.read { db in
                try String.fetchAll(db, sql: "SELECT sku FROM product_v WHERE style = 'QZ2305' ORDER BY sku")
            }.map { CampaignItem(sku: SKU(rawValue: $0), price: Money(yuan: 139)) }, budget: Money(yuan: 800))
        try apply(CampaignDeclared(campaign: Self.halfway, declaration: second), as: "史文龙", on: start, 23, 10)
        try sign(Self.halfway, .declare, as: "史文龙", on: start, 23, 11)
        try sign(Self.halfway, .approve, as: DemoShop.owner.name, on: start, 23, 20)
        try sign(Self.halfway, .review, as: "周小雨", on: start, 23, 30)
        try attach(Self.halfway, version: 1, on: start, 23, 40)
        try sign(Self.halfway, .design, as: "汪莎", on: start, 23, 45)
    }

    /// After the week of orders (on whatever day the demo's clock has reached): the summary.
    func summarize() throws {
        try database.apply(OpDraft(actor: try staff("史文龙"), CampaignSummarized(
            campaign: Self.finished,
            text: "淘抢购一周：雪纺衬衫按 69 元走量；主图价签写错在校对时发现并改正。下次提前报名、备足库存。",
            spent: Money(yuan: 120))))
    }
}
