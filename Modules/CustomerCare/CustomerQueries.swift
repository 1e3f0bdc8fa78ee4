import Foundation
import GRDB
import ShopDomain
import Storage

/// A buyer as `customer list` shows it: worked out from the orders at read time (CS-5).
public struct CustomerSummary: Sendable, Equatable, Codable {
    public var nick: String
    public var orders: Int
    public var spent: Money
    public var lastOrderAt: Date?
    public var vipGroup: String?
    public var blacklisted: String?
    public var tags: [String]
}

/// One buyer with everything known (CS-5, CS-6).
public struct CustomerDetail: Sendable, Equatable, Codable {
    public struct Order: Sendable, Equatable, Codable {
        public var order: String
        public var status: String
        public var total: Money
        public var createdAt: Date
    }
    public struct Note: Sendable, Equatable, Codable {
        public var text: String
        public var author: String
        public var at: Date
    }
    public struct Contact: Sendable, Equatable, Codable {
        public var method: ContactMethod
        public var value: String
    }
    public var summary: CustomerSummary
    public var names: [String]
    public var phones: [String]
    public var addresses: [String]
    public var contacts: [Contact]
    public var vipOffer: String?
    public var notes: [Note]
    public var orders: [Order]
    public var reviews: [ReviewRecord]
    public var complaints: [ComplaintRecord]
}

public enum CustomerQueries {
    private static let summarySQL = """
        SELECT c.nick, c.orders, c.spent, c.lastOrderAt, c.vipGroup, c.blacklistReason,
               (SELECT group_concat(tag, ',') FROM cs_tag t WHERE t.buyer = c.nick) AS tags
        FROM customer_v c
        """

    private static func summary(_ row: Row) -> CustomerSummary {
        CustomerSummary(nick: row["nick"], orders: row["orders"], spent: Money(fen: row["spent"] ?? 0),
                        lastOrderAt: (row["lastOrderAt"] as Int64?).map(Date.init(millis:)), vipGroup: row["vipGroup"],
                        blacklisted: row["blacklistReason"], tags: (row["tags"] as String?)?.split(separator: ",").map(String.init) ?? [])
    }

    /// Buyers, biggest spenders first; `search` matches a nick, a phone fragment (the orders' or a
    /// recorded contact) or an order number (whole, or its last 4+ digits).
    public static func list(_ db: Database, search: String? = nil, tag: String? = nil, blacklistedOnly: Bool = false,
                            limit: Int = 200) throws -> [CustomerSummary] {
        var conditions: [String] = [], arguments: [any DatabaseValueConvertible] = []
        if let search = search?.trimmingWhitespace(), !search.isEmpty {
            conditions.append("""
                (c.nick LIKE '%' || ?1 || '%'
                 OR c.nick IN (SELECT buyer FROM order_v WHERE phone LIKE '%' || ?1 || '%' OR id = ?1 OR (length(?1) >= 4 AND id LIKE '%' || ?1))
                 OR c.nick IN (SELECT buyer FROM cs_contact WHERE value LIKE '%' || ?1 || '%'))
                """)
            arguments.append(search)
        }
        if let tag {
            conditions.append("c.nick IN (SELECT buyer FROM cs_tag WHERE tag = ?\(arguments.count + 1))")
            arguments.append(tag)
        }
        if blacklistedOnly { conditions.append("c.blacklistReason IS NOT NULL") }
        arguments.append(limit)
        let sql = summarySQL + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            + " ORDER BY c.spent DESC, c.nick LIMIT ?\(arguments.count)"
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(summary)
    }

    /// Finds one buyer by nick, phone or order number; throws when none (or several) match.
    public static func find(_ db: Database, _ text: String) throws -> String {
        let key = text.trimmingWhitespace()
        if try Buyers.known(db, key) { return key }
        let matches = try list(db, search: key, limit: 5)
        guard matches.count == 1 else { throw CustomerCareError.unknownBuyer(text) }
        return matches[0].nick
    }

    public static func detail(_ db: Database, _ nick: String) throws -> CustomerDetail {
        guard let row = try Row.fetchOne(db, sql: summarySQL + " WHERE c.nick = ?", arguments: [nick]) else {
            throw CustomerCareError.unknownBuyer(nick)
        }
        func distinct(_ column: String) throws -> [String] {
            try String.fetchAll(db, sql: "SELECT DISTINCT \(column) FROM order_v WHERE buyer = ? AND \(column) IS NOT NULL ORDER BY createdAt DESC",
                                arguments: [nick])
        }
        let orders = try Row.fetchAll(db, sql: "SELECT id, status, total, createdAt FROM order_v WHERE buyer = ? ORDER BY createdAt DESC LIMIT 50",
                                      arguments: [nick]).map {
            CustomerDetail.Order(order: $0["id"], status: $0["status"], total: Money(fen: $0["total"]), createdAt: Date(millis: $0["createdAt"]))
        }
        let contacts = try Row.fetchAll(db, sql: "SELECT method, value FROM cs_contact WHERE buyer = ? ORDER BY id", arguments: [nick]).compactMap { row in
            ContactMethod(rawValue: row["method"]).map { CustomerDetail.Contact(method: $0, value: row["value"]) }
        }
        let notes = try Row.fetchAll(db, sql: """
            SELECT n.text, COALESCE((SELECT name FROM staff_v s WHERE s.id = n.author), n.author) AS author, n.at FROM cs_note n WHERE buyer = ? ORDER BY id
            """, arguments: [nick]).map { CustomerDetail.Note(text: $0["text"], author: $0["author"], at: Date(millis: $0["at"])) }
        let offer = try String.fetchOne(db, sql: "SELECT g.offer FROM cs_vip v JOIN cs_vip_group g ON g.name = v.groupName WHERE v.buyer = ?",
                                        arguments: [nick])
        return CustomerDetail(summary: summary(row), names: try distinct("consignee"), phones: try distinct("phone"),
                              addresses: try distinct("address"), contacts: contacts, vipOffer: offer, notes: notes, orders: orders,
                              reviews: try ReviewQueries.list(db, buyer: nick, openOnly: false),
                              complaints: try ComplaintQueries.list(db, buyer: nick, openOnly: false))
    }

    /// The blacklist flag of each buyer given that has one (CS-4): for the screens and commands
    /// that show orders (order list/show, pick, pack, the TUI). Logistics does not know of it; the
    /// programs, which wire both, ask here.
    public static func blacklisted(_ db: Database, buyers: some Collection<String>) throws -> [String: String] {
        var result: [String: String] = [:]
        let unique = Array(Set(buyers))
        for chunk in stride(from: 0, to: unique.count, by: 500).map({ Array(unique[$0..<min($0 + 500, unique.count)]) }) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT buyer, reason FROM cs_blacklist WHERE buyer IN (\(marks))",
                                        arguments: StatementArguments(chunk)) {
                result[row["buyer"]] = row["reason"]
            }
        }
        return result
    }

    /// The blacklist flag of an order's buyer, if any.
    public static func blacklisted(_ db: Database, order: OrderID) throws -> String? {
        try String.fetchOne(db, sql: "SELECT b.reason FROM order_v o JOIN cs_blacklist b ON b.buyer = o.buyer WHERE o.id = ?",
                            arguments: [order.rawValue])
    }

    /// The same for orders: order number → reason.
    public static func blacklisted(_ db: Database, orders: some Collection<String>) throws -> [String: String] {
        var result: [String: String] = [:]
        let unique = Array(Set(orders))
        for chunk in stride(from: 0, to: unique.count, by: 500).map({ Array(unique[$0..<min($0 + 500, unique.count)]) }) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT o.id, b.reason FROM order_v o JOIN cs_blacklist b ON b.buyer = o.buyer WHERE o.id IN (\(marks))",
                                        arguments: StatementArguments(chunk)) {
                result[row["id"]] = row["reason"]
            }
        }
        return result
    }
}
