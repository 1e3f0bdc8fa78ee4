import Foundation
import GRDB
import ShopDomain
import Storage

/// CAMP-3: a campaign's financial report, computed from the imported orders paid in the campaign's
/// window (Logistics' `order_v`, `order_line_v`, `waybill_v`) for its SKUs, with product costs from
/// Warehouse's `product_v` — never typed in.
public struct CampaignReport: Sendable, Equatable, Codable {
    public struct Line: Sendable, Equatable, Codable {
        public var sku: String
        public var campaignPrice: Money
        public var units: Int
        public var sales: Money
        /// Units × the product's cost; nil when the catalogue has no cost for it.
        public var cost: Money?
    }

    public var campaign: String
    public var name: String
    public var startsOn: String
    public var endsOn: String
    public var live: Bool
    public var lines: [Line]
    public var orders: Int
    public var units: Int
    public var sales: Money
    public var productCost: Money
    /// SKUs sold with no cost in the catalogue (their cost counts as 0).
    public var missingCost: [String]
    /// The courier fees of those orders' waybills.
    public var postage: Money
    public var feePermille: Int
    public var platformFee: Money
    public var budget: Money
    public var spent: Money
    public var totalCost: Money
    public var margin: Money
    /// Margin over sales in tenths of a percent; nil without sales.
    public var marginPermille: Int?
    public var summary: String?

    public static func compute(_ db: Database, _ text: String) throws -> CampaignReport {
        let id = try CampaignQueries.resolve(db, text)
        let record = try CampaignStore.load(db, id)
        let d = record.declaration
        let zone = try ProjectionContext.zone(db)
        let from = zone.start(of: d.startsOn).millis, until = zone.start(of: d.endsOn.adding(days: 1)).millis
        let skus = d.items.map(\.sku.rawValue)
        let marks = skus.map { _ in "?" }.joined(separator: ", ")
        let window = """
            FROM order_line_v l JOIN order_v o ON o.id = l.orderID
            WHERE o.paidAt >= ? AND o.paidAt < ? AND o.status NOT IN ('awaiting-payment', 'closed') AND o.refunded = 0
              AND l.sku IN (\(marks))
            """
        let arguments = StatementArguments([from, until] as [Int64]) + StatementArguments(skus)
        var lines: [Line] = []
        var missing: [String] = []
        let sold = try Row.fetchAll(db, sql: """
            SELECT l.sku, SUM(l.quantity) AS units, SUM(l.quantity * l.price) AS sales,
                   (SELECT cost FROM product_v p WHERE p.sku = l.sku) AS cost
            \(window) GROUP BY l.sku
            """, arguments: arguments)
        let bySKU = Dictionary(uniqueKeysWithValues: sold.map { ($0["sku"] as String, $0) })
        for item in d.items.sorted(by: { $0.sku.rawValue < $1.sku.rawValue }) {
            let row = bySKU[item.sku.rawValue]
            let units: Int = row?["units"] ?? 0
            let unitCost: Int64? = row?["cost"]
            if units > 0, unitCost == nil { missing.append(item.sku.rawValue) }
            lines.append(Line(sku: item.sku.rawValue, campaignPrice: item.price, units: units, sales: Money(fen: row?["sales"] ?? 0),
                              cost: unitCost.map { Money(fen: $0 * Int64(units)) }))
        }
        let orders = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT l.orderID) \(window)", arguments: arguments)!
        let postage = try Int64.fetchOne(db, sql: """
            SELECT COALESCE(SUM(w.fee), 0) FROM waybill_v w WHERE w.live = 1 AND w.orderID IN (SELECT l.orderID \(window))
            """, arguments: arguments)!
        let day = record.liveAt.map { zone.day(of: Date(millis: $0)) } ?? d.startsOn
        let permille: Int
        if let declared = d.feePermille {
            permille = declared
        } else if case .percent(let percent) = try ProjectionContext.policy(PolicyCatalog.item("CAMP-3.platform-fee")!, on: day, db) {
            permille = percent * 10
        } else {
            permille = 0
        }
        let summary = try Row.fetchOne(db, sql: "SELECT summary, spent FROM campaign WHERE id = ?", arguments: [id])!
        let sales = lines.reduce(Money.zero) { $0 + $1.sales }
        let productCost = lines.reduce(Money.zero) { $0 + ($1.cost ?? .zero) }
        let fee = Money(fen: (sales.fen * Int64(permille) + 500) / 1000)
        let spent = (summary["spent"] as Int64?).map(Money.init(fen:)) ?? d.budget
        let total = productCost + Money(fen: postage) + fee + spent
        let margin = sales - total
        return CampaignReport(
            campaign: id, name: d.name, startsOn: d.startsOn.description, endsOn: d.endsOn.description, live: record.isLive, lines: lines,
            orders: orders, units: lines.reduce(0) { $0 + $1.units }, sales: sales, productCost: productCost, missingCost: missing,
            postage: Money(fen: postage), feePermille: permille, platformFee: fee, budget: d.budget, spent: spent, totalCost: total,
            margin: margin, marginPermille: sales.fen > 0 ? Int((margin.fen * 1000) / sales.fen) : nil, summary: summary["summary"])
    }
}
