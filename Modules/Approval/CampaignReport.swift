import Foundation
import GRDB
import ShopDomain
import Storage

/// CAMP-3: a campaign's financial report, computed from the imported orders paid in the campaign's
/// window (Logistics' `order_v`, `order_line_v`, `waybill_v`) for its SKUs, with product costs from
/// Warehouse's `product_v` — never typed in.
///
/// Two views of the same units (issue 13: "the campaign prices are what reports use for that
/// period"): `sales` is units × the campaign price, the campaign's figure, on which the platform
/// fee and `margin` are reckoned; `paid` is what the orders' lines say the buyers paid (quantity ×
/// the line's price in the export), with its own fee and margin, so a manager sees both and the
/// difference — units sold off the campaign price (a coupon, a price the platform did not apply).
public struct CampaignReport: Sendable, Equatable, Codable {
    public struct Line: Sendable, Equatable, Codable {
        public var sku: String
        public var campaignPrice: Money
        public var units: Int
        /// Units × the campaign price.
        public var sales: Money
        /// What the orders' lines were paid: quantity × each line's price.
        public var paid: Money
        /// Units whose line price was not the campaign price.
        public var unitsOffPrice: Int
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
    /// At the campaign price: units × the campaign price (the report's basis, issue 13).
    public var sales: Money
    /// As paid: quantity × the price on the orders' lines.
    public var paid: Money
    /// `paid` − `sales`: negative when units went for less than the campaign price.
    public var paidDifference: Money
    public var unitsOffPrice: Int
    public var productCost: Money
    /// SKUs sold with no cost in the catalogue (their cost counts as 0).
    public var missingCost: [String]
    /// The courier fees of those orders' waybills.
    public var postage: Money
    public var feePermille: Int
    /// On `sales`, at the campaign price.
    public var platformFee: Money
    public var budget: Money
    public var spent: Money
    /// Product cost + postage + platform fee + spent, at the campaign price.
    public var totalCost: Money
    /// `sales` − `totalCost`.
    public var margin: Money
    /// Margin over sales in tenths of a percent; nil without sales.
    public var marginPermille: Int?
    /// The platform fee on `paid`.
    public var paidPlatformFee: Money
    /// `paid` − (product cost + postage + the fee on `paid` + spent).
    public var paidMargin: Money
    public var paidMarginPermille: Int?
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
        // By SKU and the price each line was paid at: units at the campaign price and off it.
        let sold = try Row.fetchAll(db, sql: """
            SELECT l.sku, l.price, SUM(l.quantity) AS units, (SELECT cost FROM product_v p WHERE p.sku = l.sku) AS cost
            \(window) GROUP BY l.sku, l.price
            """, arguments: arguments)
        let bySKU = Dictionary(grouping: sold, by: { $0["sku"] as String })
        for item in d.items.sorted(by: { $0.sku.rawValue < $1.sku.rawValue }) {
            let rows = bySKU[item.sku.rawValue] ?? []
            let units = rows.reduce(0) { $0 + ($1["units"] as Int) }
            let paid = rows.reduce(Int64(0)) { $0 + ($1["units"] as Int64) * ($1["price"] as Int64) }
            let offPrice = rows.filter { $0["price"] as Int64 != item.price.fen }.reduce(0) { $0 + ($1["units"] as Int) }
            let unitCost: Int64? = rows.first?["cost"]
            if units > 0, unitCost == nil { missing.append(item.sku.rawValue) }
            lines.append(Line(sku: item.sku.rawValue, campaignPrice: item.price, units: units, sales: Money(fen: item.price.fen * Int64(units)),
                              paid: Money(fen: paid), unitsOffPrice: offPrice, cost: unitCost.map { Money(fen: $0 * Int64(units)) }))
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
        let paid = lines.reduce(Money.zero) { $0 + $1.paid }
        let productCost = lines.reduce(Money.zero) { $0 + ($1.cost ?? .zero) }
        func fee(_ on: Money) -> Money { Money(fen: (on.fen * Int64(permille) + 500) / 1000) }
        func permilleOf(_ margin: Money, _ over: Money) -> Int? { over.fen > 0 ? Int((margin.fen * 1000) / over.fen) : nil }
        let spent = (summary["spent"] as Int64?).map(Money.init(fen:)) ?? d.budget
        let total = productCost + Money(fen: postage) + fee(sales) + spent
        let margin = sales - total
        let paidMargin = paid - (productCost + Money(fen: postage) + fee(paid) + spent)
        return CampaignReport(
            campaign: id, name: d.name, startsOn: d.startsOn.description, endsOn: d.endsOn.description, live: record.isLive, lines: lines,
            orders: orders, units: lines.reduce(0) { $0 + $1.units }, sales: sales, paid: paid, paidDifference: paid - sales,
            unitsOffPrice: lines.reduce(0) { $0 + $1.unitsOffPrice }, productCost: productCost, missingCost: missing,
            postage: Money(fen: postage), feePermille: permille, platformFee: fee(sales), budget: d.budget, spent: spent, totalCost: total,
            margin: margin, marginPermille: permilleOf(margin, sales), paidPlatformFee: fee(paid), paidMargin: paidMargin,
            paidMarginPermille: permilleOf(paidMargin, paid), summary: summary["summary"])
    }
}
