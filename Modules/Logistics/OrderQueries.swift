import Foundation
import GRDB
import ShopDomain
import Storage

/// An order as `order list` and `order show` print it.
public struct OrderSummary: Sendable, Equatable, Codable {
    public var order: String
    public var buyer: String?
    public var status: OrderStatus
    public var refunded: Bool
    public var consignee: String
    public var total: Money
    public var paidAt: Date?
    public var items: Int
    public var waybill: String?
    public var parcelState: String?
    public var takenBy: String?
}

public struct OrderDetail: Sendable, Equatable, Codable {
    public struct Line: Sendable, Equatable, Codable {
        public var line: Int
        public var title: String
        public var attributes: String
        public var quantity: Int
        public var price: Money
        public var sku: String?
        public var addedBy: String?
    }
    public struct Note: Sendable, Equatable, Codable {
        public var text: String
        public var author: String
        public var at: Date
    }
    public var summary: OrderSummary
    public var closeReason: String?
    public var phone: String?
    public var address: String
    public var postcode: String?
    public var buyerMessage: String?
    public var sellerRemark: String?
    public var postage: Money
    public var extraPostage: Money
    public var createdAt: Date
    public var lines: [Line]
    public var notes: [Note]
    public var notices: [String]
    public var waybills: [String]
}

/// An order line no SKU matched: the user maps it once (`order map`) and the mapping is remembered.
public struct UnmatchedLine: Sendable, Equatable, Codable {
    public var key: String
    public var title: String
    public var attributes: String
    public var orders: Int
    public var units: Int
}

/// Reads of orders for the CLI and TUI. No writes: those are ops.
public enum OrderQueries {
    static let summarySQL = """
        SELECT o.id, o.buyer, o.status, o.refunded, o.consignee, o.total, o.paidAt,
               COALESCE((SELECT name FROM staff_v s WHERE s.id = o.takenBy), o.takenBy) AS takenBy,
               (SELECT SUM(quantity) FROM order_line l WHERE l.orderID = o.id) AS items,
               w.number AS waybill, w.state AS parcelState
        FROM order_header o LEFT JOIN waybill w ON w.orderID = o.id AND w.live = 1
        """

    static func summary(_ row: Row) -> OrderSummary {
        OrderSummary(order: row["id"], buyer: row["buyer"], status: OrderStatus(rawValue: row["status"]) ?? .closed,
                     refunded: row["refunded"], consignee: row["consignee"], total: Money(fen: row["total"]),
                     paidAt: (row["paidAt"] as Int64?).map(Date.init(millis:)), items: row["items"] ?? 0, waybill: row["waybill"],
                     parcelState: row["parcelState"], takenBy: row["takenBy"])
    }

    /// Orders, newest first; `status` filters, `unprinted` keeps paid orders without a live waybill.
    public static func list(_ db: Database, status: OrderStatus? = nil, unprinted: Bool = false, limit: Int = 200) throws -> [OrderSummary] {
        var conditions: [String] = [], arguments: [any DatabaseValueConvertible] = []
        if let status {
            conditions.append("o.status = ?")
            arguments.append(status.rawValue)
        }
        if unprinted { conditions.append("o.status IN ('paid', 'partly-shipped') AND w.number IS NULL") }
        arguments.append(limit)
        return try Row.fetchAll(db, sql: summarySQL + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
                                + " ORDER BY COALESCE(o.paidAt, o.createdAt) DESC, o.id LIMIT ?", arguments: StatementArguments(arguments))
            .map(summary)
    }

    /// Finds an order by its number or its last digits (at least 4).
    public static func find(_ db: Database, _ text: String) throws -> OrderID {
        let key = OrderNumbers.clean(text)
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM order_header WHERE id = ?)", arguments: [key])! { return OrderID(rawValue: key) }
        guard key.count >= 4 else { throw LogisticsError.unknownOrder(text) }
        let matches = try String.fetchAll(db, sql: "SELECT id FROM order_header WHERE id LIKE '%' || ? LIMIT 5", arguments: [key])
        guard matches.count == 1 else {
            if matches.isEmpty { throw LogisticsError.unknownOrder(text) }
            throw LogisticsQueryError.ambiguous(text, matches)
        }
        return OrderID(rawValue: matches[0])
    }

    public static func detail(_ db: Database, _ order: OrderID) throws -> OrderDetail {
        guard let row = try Row.fetchOne(db, sql: summarySQL + " WHERE o.id = ?", arguments: [order.rawValue]),
              let header = try Row.fetchOne(db, sql: "SELECT * FROM order_header WHERE id = ?", arguments: [order.rawValue]) else {
            throw LogisticsError.unknownOrder(order.rawValue)
        }
        let lines = try Row.fetchAll(db, sql: "SELECT * FROM order_line WHERE orderID = ? ORDER BY line", arguments: [order.rawValue]).map {
            OrderDetail.Line(line: $0["line"], title: $0["title"], attributes: $0["attributes"], quantity: $0["quantity"],
                             price: Money(fen: $0["price"]), sku: $0["sku"], addedBy: $0["addedBy"])
        }
        let notes = try Row.fetchAll(db, sql: "SELECT n.*, (SELECT name FROM staff_v s WHERE s.id = n.author) AS authorName FROM order_note n WHERE orderID = ? ORDER BY id", arguments: [order.rawValue]).map {
            OrderDetail.Note(text: $0["text"], author: $0["authorName"] ?? $0["author"], at: Date(millis: $0["at"]))
        }
        let notices = try String.fetchAll(db, sql: "SELECT zh FROM order_notice WHERE orderID = ? ORDER BY id", arguments: [order.rawValue])
        let waybills = try String.fetchAll(db, sql: """
            SELECT number || CASE WHEN live = 1 THEN '' ELSE ' (void: ' || voidReason || ')' END FROM waybill WHERE orderID = ? ORDER BY printedAt
            """, arguments: [order.rawValue])
        return OrderDetail(summary: summary(row), closeReason: header["closeReason"], phone: header["phone"], address: header["address"],
                           postcode: header["postcode"], buyerMessage: header["buyerMessage"], sellerRemark: header["sellerRemark"],
                           postage: Money(fen: header["postage"]), extraPostage: Money(fen: header["extraPostage"]),
                           createdAt: Date(millis: header["createdAt"]), lines: lines, notes: notes, notices: notices, waybills: waybills)
    }

    /// An order's notices (an item added after the agent made it, CS-8) in both languages, oldest first.
    public static func notices(_ db: Database, _ order: OrderID) throws -> [(zh: String, en: String)] {
        try Row.fetchAll(db, sql: "SELECT zh, en FROM order_notice WHERE orderID = ? ORDER BY id", arguments: [order.rawValue])
            .map { ($0["zh"], $0["en"]) }
    }

    public static func unmatched(_ db: Database) throws -> [UnmatchedLine] {
        try Row.fetchAll(db, sql: """
            SELECT matchKey, MIN(title) AS title, MIN(attributes) AS attributes, COUNT(DISTINCT orderID) AS orders, SUM(quantity) AS units
            FROM order_line WHERE sku IS NULL GROUP BY matchKey ORDER BY units DESC, matchKey
            """).map { UnmatchedLine(key: $0["matchKey"], title: $0["title"], attributes: $0["attributes"], orders: $0["orders"], units: $0["units"]) }
    }

    /// Status of orders already known, for an import to decide what is new or moved forward.
    public static func statuses(_ db: Database, _ orders: [String]) throws -> [String: OrderStatus] {
        // One prepared statement, found by identity, asked once an order: an `IN` list of 500
        // was a new statement to prepare each time, and SQLite sorted the list first (issue 20).
        let statement = try db.cachedStatement(statusSQL)
        var result: [String: OrderStatus] = [:]
        for order in orders {
            if let status = try statement.readFirst(order, row: { $0.text(0).flatMap(OrderStatus.init(rawValue:)) }), let status {
                result[order] = status
            }
        }
        return result
    }

    private static let statusSQL = FastSQL("SELECT status FROM order_header WHERE id = ?")

    /// What a packer's signature must bind for this order now.
    public static func linesHash(_ db: Database, _ order: OrderID) throws -> String { try OrderBook.linesHash(db, order) }
}

public enum OrderNumbers {
    /// An order number as typed or exported: `="1930…"`, a leading `'`, spaces removed.
    public static func clean(_ text: String) -> String {
        var key = text.trimmingWhitespace()
        if key.hasPrefix("=\""), key.hasSuffix("\""), key.count >= 3 { key = String(key.dropFirst(2).dropLast()) }
        if key.hasPrefix("'") { key.removeFirst() }
        return key
    }
}

public enum LogisticsQueryError: Error, Equatable, Sendable {
    case ambiguous(String, [String])
}

extension LogisticsQueryError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .ambiguous(let text, let matches):
            language.pick(zh: "“\(text)”对应多条：\(matches.joined(separator: "、"))；请多写几位", en: "“\(text)” matches several: \(matches.joined(separator: ", ")); type more of it")
        }
    }
}
