import Foundation
import GRDB
import ShopDomain
import Storage

/// A product with its stock figures.
public struct StockLine: Sendable, Equatable, Codable {
    public var sku: String
    public var style: String
    public var name: String
    public var colour: String
    public var size: String
    public var category: String
    public var kind: String
    /// On hand in sellable locations.
    public var sellable: Int
    /// On hand in defective, returns and quarantine locations: never available (WH-5).
    public var unavailable: Int
    public var reserved: Int
    public var available: Int
    public var threshold: Int
    public var low: Bool
}

/// Reads of the warehouse tables for the CLI and TUI. No writes: those are ops.
public enum WarehouseQueries {
    /// Every product's stock, by SKU. `category` and `lowOnly` filter; `matching` keeps products
    /// whose SKU code or name contains the text, or whose barcode starts with it (a search box).
    public static func stockList(_ db: Database, category: String? = nil, sku: SKU? = nil, lowOnly: Bool = false,
                                 matching text: String? = nil, on day: CivilDate) throws -> [StockLine] {
        let goods = try threshold(db, "CS-10.low-stock", day), supplies = try threshold(db, "WH-10.low-supplies", day)
        // Conditions are written into the SQL (not `? IS NULL OR …`) so SQLite can use the indexes.
        var productFilter: [String] = [], arguments: [any DatabaseValueConvertible] = []
        var balanceFilter = "", reservationFilter = ""
        if let sku {
            productFilter.append("p.sku = ?")
            balanceFilter = "WHERE b.sku = ?"
            reservationFilter = "WHERE sku = ?"
            arguments = [sku.rawValue, sku.rawValue]
        }
        if category != nil {
            productFilter.append("p.category = ?")
        }
        arguments += [sku?.rawValue, category].compactMap { $0 }
        if let text = text?.trimmingWhitespace(), !text.isEmpty {
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            productFilter.append(#"(p.sku LIKE ? ESCAPE '\' OR p.name LIKE ? ESCAPE '\' OR p.barcode LIKE ? ESCAPE '\')"#)
            arguments += ["%" + escaped + "%", "%" + escaped + "%", escaped + "%"]
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT p.sku, p.style, p.name, p.colour, p.size, p.category, p.kind, p.lowThreshold,
                   COALESCE(s.sellable, 0) AS sellable, COALESCE(s.unavailable, 0) AS unavailable, COALESCE(r.reserved, 0) AS reserved
            FROM product p
            LEFT JOIN (SELECT b.sku, SUM(CASE WHEN l.kind = 'sellable' THEN b.quantity ELSE 0 END) AS sellable,
                              SUM(CASE WHEN l.kind = 'sellable' THEN 0 ELSE b.quantity END) AS unavailable
                       FROM stock_balance b JOIN location l ON l.code = b.location \(balanceFilter) GROUP BY b.sku) s ON s.sku = p.sku
            LEFT JOIN (SELECT sku, quantity AS reserved FROM stock_reserved \(reservationFilter)) r ON r.sku = p.sku
            \(productFilter.isEmpty ? "" : "WHERE " + productFilter.joined(separator: " AND "))
            ORDER BY p.sku
            """, arguments: StatementArguments(arguments))
        return rows.compactMap { row in
            let kind: String = row["kind"]
            let threshold = (row["lowThreshold"] as Int?) ?? (kind == ProductKind.supply.rawValue ? supplies : goods)
            let sellable: Int = row["sellable"], reserved: Int = row["reserved"]
            let line = StockLine(sku: row["sku"], style: row["style"], name: row["name"], colour: row["colour"], size: row["size"],
                                 category: row["category"], kind: kind, sellable: sellable, unavailable: row["unavailable"],
                                 reserved: reserved, available: sellable - reserved, threshold: threshold,
                                 low: sellable - reserved < threshold)
            return lowOnly && !line.low ? nil : line
        }
    }

    static func threshold(_ db: Database, _ key: String, _ day: CivilDate) throws -> Int {
        guard case .count(let n) = try ProjectionContext.policy(PolicyCatalog.item(key)!, on: day, db) else { return 0 }
        return n
    }

    /// One product: its record, balance per location and the movements behind them.
    public struct StockDetail: Sendable, Codable {
        public var line: StockLine
        public var barcode: String?
        public var price: Int
        public var cost: Int?
        public var balances: [Balance]
        public var movements: [Movement]
    }

    public struct Balance: Sendable, Codable, Equatable {
        public var location: String
        public var kind: String
        public var quantity: Int
    }

    public struct Movement: Sendable, Codable, Equatable {
        public var at: Date
        public var location: String
        public var delta: Int
        public var kind: String
        public var ref: String?
        public var reason: String?
        public var actor: String
    }

    public static func stockDetail(_ db: Database, sku: SKU, on day: CivilDate, movements limit: Int = 50) throws -> StockDetail {
        guard let product = try Row.fetchOne(db, sql: "SELECT * FROM product WHERE sku = ?", arguments: [sku.rawValue]) else {
            throw WarehouseError.unknownProduct(sku.rawValue)
        }
        let line = try stockList(db, sku: sku, on: day)[0]
        let balances = try Row.fetchAll(db, sql: """
            SELECT b.location, l.kind, b.quantity FROM stock_balance b JOIN location l ON l.code = b.location
            WHERE b.sku = ? AND b.quantity != 0 ORDER BY l.kind = 'sellable' DESC, b.location
            """, arguments: [sku.rawValue]).map { Balance(location: $0["location"], kind: $0["kind"], quantity: $0["quantity"]) }
        let movements = try Row.fetchAll(db, sql: """
            SELECT m.*, COALESCE(s.name, m.actor) AS actorName FROM stock_movement m LEFT JOIN staff_v s ON s.id = m.actor
            WHERE m.sku = ? ORDER BY m.id DESC LIMIT ?
            """, arguments: [sku.rawValue, limit]).map { row in
            Movement(at: Date(millis: row["at"]), location: row["location"], delta: row["delta"], kind: row["kind"],
                     ref: row["ref"], reason: row["reason"], actor: row["actorName"])
        }
        return StockDetail(line: line, barcode: product["barcode"], price: product["price"], cost: product["cost"],
                           balances: balances, movements: movements)
    }

    /// Finds a product by SKU code or barcode (what a scanner types).
    public static func findProduct(_ db: Database, _ text: String) throws -> SKU {
        let key = text.trimmingWhitespace()
        if let sku = try String.fetchOne(db, sql: "SELECT sku FROM product WHERE sku = ?1 OR barcode = ?1 ORDER BY sku = ?1 DESC LIMIT 1",
                                         arguments: [key]) {
            return SKU(rawValue: sku)
        }
        throw WarehouseError.unknownProduct(key)
    }

    /// The first location of a kind by code (the default defective location, WH-5).
    public static func firstLocation(_ db: Database, of kind: LocationKind) throws -> LocationCode? {
        try String.fetchOne(db, sql: "SELECT code FROM location WHERE kind = ? ORDER BY code LIMIT 1", arguments: [kind.rawValue])
            .map(LocationCode.init(rawValue:))
    }

    /// A product's name and selling price: what an item added to an order takes by default.
    public static func nameAndPrice(_ db: Database, _ sku: SKU) throws -> (name: String, price: Money) {
        guard let row = try Row.fetchOne(db, sql: "SELECT name, price FROM product WHERE sku = ?", arguments: [sku.rawValue]) else {
            throw WarehouseError.unknownProduct(sku.rawValue)
        }
        return (row["name"], Money(fen: row["price"]))
    }

    public struct Alert: Sendable, Codable, Equatable {
        public var sku: String
        public var name: String
        public var available: Int
        public var threshold: Int
        public var raisedAt: Date
        public var clearedAt: Date?
    }

    /// Open low-stock alerts (with `all`, cleared ones too), newest first.
    public static func alerts(_ db: Database, all: Bool = false) throws -> [Alert] {
        try Row.fetchAll(db, sql: """
            SELECT a.*, p.name FROM low_stock_alert a JOIN product p ON p.sku = a.sku
            WHERE ? OR a.clearedAt IS NULL ORDER BY a.raisedAt DESC, a.id DESC
            """, arguments: [all]).map { row in
            Alert(sku: row["sku"], name: row["name"], available: row["available"], threshold: row["threshold"],
                  raisedAt: Date(millis: row["raisedAt"]), clearedAt: (row["clearedAt"] as Int64?).map(Date.init(millis:)))
        }
    }

    public struct RecountTask: Sendable, Codable, Equatable {
        public var sku: String
        public var location: String
        public var quantity: Int
        public var raisedAt: Date
        public var cause: String
    }

    /// Locations a merge left negative: someone must count them.
    public static func recountTasks(_ db: Database) throws -> [RecountTask] {
        try Row.fetchAll(db, sql: "SELECT * FROM recount_task ORDER BY id").map { row in
            RecountTask(sku: row["sku"], location: row["location"], quantity: row["quantity"],
                        raisedAt: Date(millis: row["raisedAt"]), cause: row["cause"])
        }
    }

    public struct Location: Sendable, Codable, Equatable {
        public var code: String
        public var zone: String
        public var kind: String
        public var homeOf: [String]
        public var skus: Int
        public var units: Int
    }

    public static func locations(_ db: Database) throws -> [Location] {
        let homes = Dictionary(grouping: try Row.fetchAll(db, sql: "SELECT category, zone FROM category_zone ORDER BY category"),
                               by: { $0["zone"] as String }).mapValues { $0.map { $0["category"] as String } }
        return try Row.fetchAll(db, sql: """
            SELECT l.code, l.zone, l.kind, COUNT(b.sku) AS skus, COALESCE(SUM(b.quantity), 0) AS units
            FROM location l LEFT JOIN stock_balance b ON b.location = l.code AND b.quantity != 0
            GROUP BY l.code ORDER BY l.code
            """).map { row in
            Location(code: row["code"], zone: row["zone"], kind: row["kind"], homeOf: homes[row["zone"] as String] ?? [],
                     skus: row["skus"], units: row["units"])
        }
    }

    /// Resolves a receipt or stocktake ID from its full text or a unique prefix.
    public static func resolve(_ db: Database, table: String, _ text: String) throws -> String {
        let key = text.trimmingWhitespace().uppercased()
        let matches = try String.fetchAll(db, sql: "SELECT id FROM \(table) WHERE id = ?1 OR id LIKE ?1 || '%' ORDER BY id LIMIT 5",
                                          arguments: [key])
        if matches.contains(key) { return key }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw table == "receipt" ? WarehouseError.unknownReceipt(text) : WarehouseError.unknownCount(text) }
        throw WarehouseError.ambiguous(text, matches: matches)
    }
}
