import Foundation
import GRDB
import ShopDomain
import Synchronization
@testable import Approval
@testable import Storage
import Logistics
import Warehouse
import Workforce

let approvalModules: [ShopFeature] = [Warehouse.feature, Logistics.feature, Workforce.feature, Approval.feature]

/// A clock the test moves by hand, in the shop's zone.
final class ApprovalClock: Sendable {
    private let instant = Mutex(Date(timeIntervalSince1970: 0))
    let zone = try! ShopZone("Asia/Shanghai")

    var clock: ShopClock { ShopClock { [self] in instant.withLock { $0 } } }

    func set(_ day: String, _ hour: Int, _ minute: Int = 0) {
        instant.withLock { $0 = zone.start(of: CivilDate(day)!).addingTimeInterval(Double(hour * 3600 + minute * 60)) }
    }
}

/// A shop with the chain's people (the seed's): GM 黄乔, tech lead 史文龙, designer 汪莎, CS 刘芬,
/// and two products with costs.
struct ApprovalShop {
    let database: ShopDatabase
    let time = ApprovalClock()
    let directory: URL
    let gm: StaffID, lead: StaffID, designer: StaffID, sales: StaffID, hand: StaffID

    init(modules: [ShopFeature] = approvalModules) throws {
        time.set("2026-11-20", 9)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-approval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try ShopDatabase.create(at: directory.appendingPathComponent("shop.sqlite").path, shop: "测试小店", owner: "黄乔",
                                           modules: modules, clock: time.clock)
        gm = try database.read(CoreQueries.shop).owner
        let ids: [StaffID] = (0..<4).map { _ in IDSource.random.next() }
        (lead, designer, sales, hand) = (ids[0], ids[1], ids[2], ids[3])
        try database.apply([
            OpDraft(actor: gm, StaffAdded(staff: lead, name: "史文龙", roles: [.techLead])),
            OpDraft(actor: gm, StaffAdded(staff: designer, name: "汪莎", roles: [.designer])),
            OpDraft(actor: gm, StaffAdded(staff: sales, name: "刘芬", roles: [.csLead, .csAgent])),
            OpDraft(actor: gm, StaffAdded(staff: hand, name: "二哥", roles: [.warehouse])),
            OpDraft(actor: gm, ProductAdded(product: Product(sku: SKU(rawValue: "AF-1"), name: "衫", colour: "白", size: "M", category: "上衣",
                                                             cost: Money(yuan: 30), price: Money(yuan: 99)))),
            OpDraft(actor: gm, ProductAdded(product: Product(sku: SKU(rawValue: "AF-2"), name: "衫", colour: "黑", size: "M", category: "上衣",
                                                             cost: Money(yuan: 32), price: Money(yuan: 99)))),
        ])
    }

    static func declaration(name: String = "双十二聚划算", platform: String = "聚划算") -> CampaignDeclaration {
        CampaignDeclaration(name: name, platform: platform, startsOn: CivilDate("2026-12-10")!, endsOn: CivilDate("2026-12-12")!,
                            requirements: "主图 800×800，白底；价格为 30 天最低价", items: [
                                CampaignItem(sku: SKU(rawValue: "AF-1"), price: Money(yuan: 59)),
                                CampaignItem(sku: SKU(rawValue: "AF-2"), price: Money(yuan: 59)),
                            ], budget: Money(yuan: 500), feePermille: 50)
    }

    @discardableResult
    func apply<P: OpPayload>(_ payload: P, as actor: StaffID) throws -> Op {
        try database.apply(OpDraft(actor: actor, payload))
    }

    /// Declares a campaign and signs 申报, as `campaign declare` does.
    func declare(_ id: String = "A-1", _ declaration: CampaignDeclaration = ApprovalShop.declaration()) throws -> String {
        try apply(CampaignDeclared(campaign: id, declaration: declaration), as: lead)
        try sign(id, .declare, as: lead)
        return id
    }

    @discardableResult
    func sign(_ id: String, _ step: CampaignStep, as actor: StaffID) throws -> Op {
        try apply(try database.read { db in try CampaignActions.sign(db, id, step: step) }, as: actor)
    }

    /// Writes draft files into a folder and attaches it.
    @discardableResult
    func attach(_ id: String, _ files: [String: String], folder: String = "draft") throws -> URL {
        let url = directory.appendingPathComponent(folder)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
        try apply(try database.read { db in try CampaignActions.attach(db, id, paths: [url.path]) }, as: designer)
        return url
    }

    /// Signs the whole chain after 申报: 审批, 初审, design (with a draft), 校对, 定稿.
    func signThrough(_ id: String, upTo last: CampaignStep = .finalize) throws {
        let signers: [CampaignStep: StaffID] = [.approve: gm, .review: sales, .design: designer, .proofread: lead, .finalize: gm]
        for step in CampaignStep.allCases where step > .declare && step <= last {
            if step == .design { try attach(id, ["main.png": "主图 v1", "detail.png": "细节 v1"]) }
            try sign(id, step, as: signers[step]!)
        }
    }

    func detail(_ id: String) throws -> CampaignDetail {
        try database.read { db in try CampaignQueries.detail(db, id) }
    }

    func journalCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal")! }
    }
}
