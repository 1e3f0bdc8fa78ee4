import GRDB
import ShopDomain
import Storage

/// What handlers ask of the orders, always through Logistics' `order_v` (never its tables).
enum Buyers {
    /// Whether a buyer nick has any imported order.
    static func known(_ db: Database, _ nick: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM order_v WHERE buyer = ?)"), arguments: [nick])!
    }

    /// Refuses an unknown buyer (CS-5: a customer is a buyer seen in the orders).
    static func require(_ db: Database, _ nick: String) throws {
        guard !nick.trimmingWhitespace().isEmpty else { throw CustomerCareError.emptyText("买家 / buyer") }
        guard try known(db, nick) else { throw CustomerCareError.unknownBuyer(nick) }
    }

    /// An order's buyer (nil when the export gave none); throws for an unknown order.
    static func buyer(ofOrder order: OrderID, _ db: Database) throws -> String? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT buyer FROM order_v WHERE id = ?"), arguments: [order.rawValue]) else {
            throw CustomerCareError.unknownOrder(order.rawValue)
        }
        return row["buyer"]
    }

    /// Whether the actor holds the role (CS-4: the GM above the refund limit).
    static func actor(_ op: Op, has role: Role, _ db: Database) throws -> Bool {
        try CoreQueries.staff(db, id: op.actor)?.roles.contains(role) ?? false
    }

    static func actor(_ op: Op, may permission: Permission, _ db: Database) throws -> Bool {
        try CoreQueries.staff(db, id: op.actor)?.may(permission) ?? false
    }

    /// A money policy in force on the op's shop day.
    static func money(_ key: String, _ op: Op, _ db: Database) throws -> Money {
        let item = PolicyCatalog.item(key)!
        guard case .money(let amount) = try ProjectionContext.policy(item, on: ProjectionContext.day(of: op, db), db) else { return .zero }
        return amount
    }

    static func text(_ value: String, _ what: String) throws -> String {
        let trimmed = value.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw CustomerCareError.emptyText(what) }
        return trimmed
    }
}
