import Foundation
import GRDB
import ShopDomain
import Storage
import Warehouse

/// OPS-2 and WH-6: the stock at the period's end, by state and by category, valued at cost, with
/// days of cover from the last days' shipments and the warehouse's own reorder suggestions.
/// Today's stock comes from the warehouse's `stockList`; a period that is over is counted back
/// from it through the movements booked after the period (`stock_movement_v`). Reserved units,
/// low stock and reorder suggestions exist only for now: a past period shows none.
public struct InventoryReport: Sendable, Equatable, Codable {
    public struct Category: Sendable, Equatable, Codable {
        public var category: String
        public var skus: Int
        public var sellable: Int
        public var reserved: Int
        /// In defective, returns and quarantine locations (WH-5): never for sale.
        public var defective: Int
        public var value: Money
        /// Units shipped in the cover window.
        public var shipped: Int
        /// Sellable units not reserved, over the window's daily shipments; nil when nothing shipped.
        public var daysOfCover: Int?
    }

    public struct Reorder: Sendable, Equatable, Codable {
        public var sku: String
        public var name: String
        public var available: Int
        public var threshold: Int
        public var shipped: Int
        public var daysOfCover: Int?
        public var suggested: Int
    }

    public var period: ReportPeriod
    /// The instant the figures are for: now, or the end of a period that is over.
    public var asOf: Date
    public var isCurrent: Bool
    /// The days of shipments days of cover are measured over (WH-6.reorder-days).
    public var coverDays: Int
    public var categories: [Category]
    public var total: Category
    public var lowStock: Int
    public var reorder: [Reorder]
    /// Stock movements booked in the period, by kind (receipt, shipment, adjustment …): units.
    public var movements: [String: Int]

    public var isEmpty: Bool { total.skus == 0 }

    public static func build(_ db: Database, period: ReportPeriod, today: CivilDate, now: Date, zone: ShopZone) throws -> InventoryReport {
        let isCurrent = period.last >= today
        let end = isCurrent ? now : zone.start(of: period.last.adding(days: 1))
        guard case .days(let coverDays) = try ProjectionContext.policy(PolicyCatalog.item("WH-6.reorder-days")!, on: today, db) else {
            preconditionFailure("WH-6.reorder-days is a number of days")
        }
        let all = try WarehouseQueries.stockList(db, on: today)
        let lines = all.filter { $0.kind == ProductKind.goods.rawValue }
        // Movements after the period: taken off today's balance to give the period's closing stock.
        var later: [String: (sellable: Int, other: Int)] = [:]
        if !isCurrent {
            for row in try Row.fetchAll(db, sql: """
                SELECT m.sku, SUM(CASE WHEN l.kind = 'sellable' THEN m.delta ELSE 0 END) AS sellable,
                       SUM(CASE WHEN l.kind = 'sellable' THEN 0 ELSE m.delta END) AS other
                FROM stock_movement_v m JOIN location_v l ON l.code = m.location WHERE m.at >= ? GROUP BY m.sku
                """, arguments: [end.millis]) {
                later[row["sku"]] = (row["sellable"], row["other"])
            }
        }
        let cost = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT sku, cost FROM product_v").map {
            ($0["sku"] as String, ($0["cost"] as Int64?) ?? 0)
        })
        let windowStart = end.addingTimeInterval(-Double(coverDays) * 86_400).millis
        let shipped = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
            SELECT sku, -SUM(delta) AS shipped FROM stock_movement_v WHERE kind = 'shipment' AND at >= ? AND at < ? GROUP BY sku
            """, arguments: [windowStart, end.millis]).map { ($0["sku"] as String, $0["shipped"] as Int) })
        var byCategory: [String: Category] = [:]
        for line in lines {
            let back = later[line.sku] ?? (0, 0)
            let sellable = line.sellable - back.sellable, defective = line.unavailable - back.other
            let reserved = isCurrent ? line.reserved : 0
            var entry = byCategory[line.category] ?? Category(category: line.category, skus: 0, sellable: 0, reserved: 0, defective: 0,
                                                             value: .zero, shipped: 0)
            entry.skus += 1
            entry.sellable += sellable
            entry.reserved += reserved
            entry.defective += defective
            entry.value = entry.value + Money(fen: Int64(sellable + defective) * (cost[line.sku] ?? 0))
            entry.shipped += shipped[line.sku] ?? 0
            byCategory[line.category] = entry
        }
        func cover(_ c: inout Category) { c.daysOfCover = Self.cover(available: c.sellable - c.reserved, shipped: c.shipped, days: coverDays) }
        var categories = byCategory.values.sorted { $0.category < $1.category }
        for index in categories.indices { cover(&categories[index]) }
        var total = categories.reduce(into: Category(category: "", skus: 0, sellable: 0, reserved: 0, defective: 0, value: .zero, shipped: 0)) {
            $0.skus += $1.skus; $0.sellable += $1.sellable; $0.reserved += $1.reserved; $0.defective += $1.defective
            $0.value = $0.value + $1.value; $0.shipped += $1.shipped
        }
        cover(&total)
        // WH-6: the warehouse's reorder suggestions, not a second formula.
        let reorder = isCurrent ? try WarehouseQueries.reorder(db, today: today, zone: zone, lines: all).map {
            Reorder(sku: $0.sku, name: $0.name, available: $0.available, threshold: $0.threshold, shipped: $0.shipped,
                    daysOfCover: Self.cover(available: $0.available, shipped: $0.shipped, days: coverDays), suggested: $0.suggested)
        } : []
        let span = period.millis(in: zone)
        let movements = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
            SELECT kind, SUM(delta) AS units FROM stock_movement_v WHERE at >= ? AND at < ? GROUP BY kind ORDER BY kind
            """, arguments: [span.lowerBound, span.upperBound]).map { ($0["kind"] as String, $0["units"] as Int) })
        return InventoryReport(period: period, asOf: end, isCurrent: isCurrent, coverDays: coverDays, categories: categories, total: total,
                               lowStock: isCurrent ? lines.filter(\.low).count : 0, reorder: reorder, movements: movements)
    }

    static func cover(available: Int, shipped: Int, days: Int) -> Int? {
        guard shipped > 0 else { return nil }
        return max(0, available) * days / shipped
    }
}
