import Foundation
import GRDB
import ShopDomain
import Storage

extension WarehouseQueries {
    public struct StockCount: Sendable, Codable, Equatable {
        public var id: String
        public var kind: String
        public var category: String?
        public var location: String?
        public var status: String
        public var startedAt: Date
        public var lines: Int
        public var counted: Int
    }

    public static func counts(_ db: Database) throws -> [StockCount] {
        try Row.fetchAll(db, sql: """
            SELECT c.*, COUNT(l.sku) AS lines, COUNT(l.counted) AS counted
            FROM stock_count c LEFT JOIN stock_count_line l ON l.countID = c.id
            GROUP BY c.id ORDER BY c.startedAt DESC, c.id
            """).map { row in
            StockCount(id: row["id"], kind: row["kind"], category: row["category"], location: row["location"], status: row["status"],
                       startedAt: Date(millis: row["startedAt"]), lines: row["lines"], counted: row["counted"])
        }
    }

    /// What a counter sees: the items and categories to count, never the book quantities (blind).
    public struct CountSheetLine: Sendable, Codable, Equatable {
        public var category: String
        public var sku: String
        public var name: String
        public var location: String
        public var counted: Int?
    }

    public static func countSheet(_ db: Database, _ id: String) throws -> [CountSheetLine] {
        try Row.fetchAll(db, sql: """
            SELECT l.category, l.sku, p.name, l.location, l.counted FROM stock_count_line l JOIN product p ON p.sku = l.sku
            WHERE l.countID = ? ORDER BY l.category, l.location, l.sku
            """, arguments: [id]).map { row in
            CountSheetLine(category: row["category"], sku: row["sku"], name: row["name"], location: row["location"], counted: row["counted"])
        }
    }

    /// The differences, for the lead: per category total and per item, counted against the book
    /// at the moment of counting.
    public struct Variance: Sendable, Codable, Equatable {
        public var category: String
        /// nil for a category total.
        public var sku: String?
        public var location: String?
        public var counted: Int?
        public var book: Int
        public var variance: Int?
    }

    public static func variance(_ db: Database, _ id: String) throws -> [Variance] {
        let totals = try Row.fetchAll(db, sql: "SELECT * FROM stock_count_category WHERE countID = ? ORDER BY category", arguments: [id]).map { row in
            Variance(category: row["category"], sku: nil, location: nil, counted: row["counted"], book: row["expectedAtEntry"],
                     variance: (row["counted"] as Int) - (row["expectedAtEntry"] as Int))
        }
        let items = try Row.fetchAll(db, sql: """
            SELECT l.*, COALESCE(b.quantity, 0) AS current FROM stock_count_line l
            LEFT JOIN stock_balance b ON b.sku = l.sku AND b.location = l.location
            WHERE l.countID = ? ORDER BY l.category, l.sku, l.location
            """, arguments: [id]).map { row -> Variance in
            let counted: Int? = row["counted"]
            let book: Int = (row["expectedAtEntry"] as Int?) ?? row["current"]
            return Variance(category: row["category"], sku: row["sku"], location: row["location"], counted: counted, book: book,
                            variance: counted.map { $0 - book })
        }
        return totals + items
    }

    /// Reorder suggestions (WH-6): goods below their threshold or selling faster than stock lasts,
    /// with what the last `days` days shipped.
    public struct Reorder: Sendable, Codable, Equatable {
        public var sku: String
        public var name: String
        public var available: Int
        public var threshold: Int
        public var shipped: Int
        public var suggested: Int
    }

    /// `lines`: today's `stockList`, when the caller has read it already (the inventory report),
    /// so 10,000 SKUs are not listed twice.
    public static func reorder(_ db: Database, today: CivilDate, zone: ShopZone, lines: [StockLine]? = nil) throws -> [Reorder] {
        guard case .days(let days) = try ProjectionContext.policy(PolicyCatalog.item("WH-6.reorder-days")!, on: today, db) else { return [] }
        let since = Int64(zone.start(of: today).addingTimeInterval(-Double(days) * 86400).timeIntervalSince1970 * 1000)
        let shipped = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
            SELECT sku, -SUM(delta) AS shipped FROM stock_movement WHERE kind = 'shipment' AND at >= ? GROUP BY sku
            """, arguments: [since]).map { ($0["sku"] as String, $0["shipped"] as Int) })
        return try (lines ?? stockList(db, on: today)).compactMap { line in
            let sold = shipped[line.sku] ?? 0
            // Enough for the next period at the last period's pace, plus the threshold as a buffer.
            let suggested = max(0, sold + line.threshold - line.available)
            guard line.low || sold > line.available, suggested > 0 else { return nil }
            return Reorder(sku: line.sku, name: line.name, available: line.available, threshold: line.threshold,
                           shipped: sold, suggested: suggested)
        }
    }
}
