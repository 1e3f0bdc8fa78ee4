import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Approval
@testable import Storage
import Workforce

/// CAMP-2 and DISC-3 as booked: an error's fines land in Workforce's one fines ledger (`fine_v`,
/// `FineQueries`), per person, at the policy in force on the day the error is recorded.
@Suite struct CampaignFineTests {
    func live(_ shop: ApprovalShop, override: String? = nil) throws {
        try shop.apply(try shop.database.read { db in try CampaignActions.goLive(db, "A-1", override: override) }, as: shop.gm)
    }

    @discardableResult
    func error(_ shop: ApprovalShop, _ what: String, on day: String) throws -> CampaignErrorRecorded {
        shop.time.set(day, 15)
        let payload = try shop.database.read { db in try CampaignActions.recordError(db, "A-1", what: what, kind: .text) }
        try shop.apply(payload, as: shop.sales)
        return payload
    }

    /// "name amount" for each CAMP-2 fine of one error, through Workforce's fine queries.
    func fines(_ shop: ApprovalShop, _ error: CampaignErrorRecorded) throws -> [String] {
        try shop.database.read { db in try FineQueries.fines(db, rule: "CAMP-2") }
            .filter { $0.ref == "A-1/\(error.error)" }
            .map { "\($0.name) \($0.amount)" }.sorted()
    }

    func policy(_ shop: ApprovalShop, _ key: String, _ value: String, from day: String) throws {
        shop.time.set("2026-12-01", 9)
        try shop.apply(PolicySet(key: key, value: value, effectiveFrom: CivilDate(day)!), as: shop.gm)
    }

    @Test("CAMP-2: live unsigned (the GM's override): GM 500, lead 300, sales 100, designer 100, at the policy of the day")
    func unsignedChainFines() throws {
        let shop = try ApprovalShop()
        _ = try shop.declare()
        try shop.signThrough("A-1", upTo: .design)
        try live(shop, override: "平台今晚截止")
        // Changed from the 11th (GM) and from the 12th (sales): in force only from those days.
        try policy(shop, "CAMP-2.fine.unsigned.gm", "800.00", from: "2026-12-11")
        try policy(shop, "CAMP-2.fine.unsigned.sales", "150.00", from: "2026-12-12")
        let first = try error(shop, "主图价格写成 5.9", on: "2026-12-10")
        #expect(try fines(shop, first) == ["刘芬 100.00", "史文龙 300.00", "汪莎 100.00", "黄乔 500.00"])
        let second = try error(shop, "详情页尺码表写错", on: "2026-12-11")
        #expect(try fines(shop, second) == ["刘芬 100.00", "史文龙 300.00", "汪莎 100.00", "黄乔 800.00"])
        let third = try error(shop, "活动时间写错", on: "2026-12-12")
        #expect(try fines(shop, third) == ["刘芬 150.00", "史文龙 300.00", "汪莎 100.00", "黄乔 800.00"])
        // The first error's fines keep the policy of their own day.
        #expect(try fines(shop, first) == ["刘芬 100.00", "史文龙 300.00", "汪莎 100.00", "黄乔 500.00"])
        // Each fine names the campaign and the error (DISC-3).
        let all = try shop.database.read { db in try FineQueries.fines(db, rule: "CAMP-2") }
        #expect(all.count == 12)
        #expect(all.allSatisfy { $0.reasonZh.contains("双十二聚划算") && $0.reasonZh.contains("A-1") && $0.reasonZh.contains("未签字上线") })
        #expect(all.filter { $0.ref == "A-1/\(second.error)" }.allSatisfy { $0.reasonZh.contains("详情页尺码表写错") })
        // The same through the view other modules read.
        let viewTotal = try shop.database.read { db in
            try Int64.fetchOne(db, sql: "SELECT SUM(amount) FROM fine_v WHERE rule = 'CAMP-2' AND ref LIKE 'A-1/%'")!
        }
        #expect(viewTotal == Money(yuan: 1000 + 1300 + 1350).fen)
        #expect(try shop.database.verify().passed)  // replayed, the same amounts (policy by day, not by now)
    }

    @Test("CAMP-2: live signed but the error missed: 100 to each who reviewed (初审) or proofread (校对), at the policy of the day")
    func signedButMissedFines() throws {
        let shop = try ApprovalShop()
        _ = try shop.declare()
        try shop.signThrough("A-1")
        try live(shop)
        try policy(shop, "CAMP-2.fine.missed-review", "120.00", from: "2026-12-11")
        let first = try error(shop, "主图价格写成 5.9", on: "2026-12-10")
        #expect(try fines(shop, first) == ["刘芬 100.00", "史文龙 100.00"])
        let second = try error(shop, "详情页尺码表写错", on: "2026-12-11")
        #expect(try fines(shop, second) == ["刘芬 120.00", "史文龙 120.00"])
        let all = try shop.database.read { db in try FineQueries.fines(db, rule: "CAMP-2") }
        #expect(all.allSatisfy { $0.reasonZh.contains("签字上线但审校漏错") })
        // Nobody else: not the GM who finalized, not the designer.
        #expect(Set(all.map(\.name)) == ["刘芬", "史文龙"])
        #expect(try shop.database.verify().passed)
    }
}
