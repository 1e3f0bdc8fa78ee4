import GRDB
import ShopDomain
import Storage

/// The buyer database (CS-5, CS-6): contacts, notes, tags, VIP groups, the blacklist.
enum CustomerHandlers {
    static let all: [OpHandler] = [
        OpHandler(CustomerContactAdded.self, authorization: .permission(.handleOrders), project: contactAdded),
        OpHandler(CustomerNoted.self, authorization: .permission(.handleOrders), project: noted),
        OpHandler(CustomerTagged.self, authorization: .permission(.handleOrders), project: tagged),
        OpHandler(CustomerVIPSet.self, authorization: .permission(.handleOrders), project: vipSet),
        OpHandler(CustomerBlacklisted.self, authorization: .permission(.handleOrders), project: blacklisted),
    ]

    static func contactAdded(_ p: CustomerContactAdded, _ op: Op, _ db: Database) throws {
        try Buyers.require(db, p.buyer)
        let value = try Buyers.text(p.value, "联系方式 / contact")
        try db.execute(sql: """
            INSERT INTO cs_contact (buyer, method, value, addedBy, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """, arguments: [p.buyer, p.method.rawValue, value, op.actor.rawValue, op.hlc.wallMillis])
    }

    static func noted(_ p: CustomerNoted, _ op: Op, _ db: Database) throws {
        try Buyers.require(db, p.buyer)
        let text = try Buyers.text(p.text, "备注 / note")
        try db.execute(sql: "INSERT INTO cs_note (buyer, text, author, at) VALUES (?, ?, ?, ?)",
                       arguments: [p.buyer, text, op.actor.rawValue, op.hlc.wallMillis])
    }

    static func tagged(_ p: CustomerTagged, _ op: Op, _ db: Database) throws {
        try Buyers.require(db, p.buyer)
        let tag = try Buyers.text(p.tag, "标签 / tag")
        if p.removed {
            try db.execute(sql: "DELETE FROM cs_tag WHERE buyer = ? AND tag = ?", arguments: [p.buyer, tag])
        } else {
            try db.execute(sql: "INSERT INTO cs_tag (buyer, tag) VALUES (?, ?) ON CONFLICT DO NOTHING", arguments: [p.buyer, tag])
        }
    }

    /// CS-5: a VIP group and its offer; the offer given last for a group holds.
    static func vipSet(_ p: CustomerVIPSet, _ op: Op, _ db: Database) throws {
        try Buyers.require(db, p.buyer)
        guard let group = p.group?.trimmingWhitespace(), !group.isEmpty else {
            return try db.execute(sql: "DELETE FROM cs_vip WHERE buyer = ?", arguments: [p.buyer])
        }
        try db.execute(sql: "INSERT INTO cs_vip_group (name, offer) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET offer = COALESCE(excluded.offer, offer)",
                       arguments: [group, p.offer?.trimmingWhitespace()])
        try db.execute(sql: "INSERT INTO cs_vip (buyer, groupName) VALUES (?, ?) ON CONFLICT (buyer) DO UPDATE SET groupName = excluded.groupName",
                       arguments: [p.buyer, group])
    }

    /// CS-4: a malicious buyer goes on the blacklist with the reason; orders still ship, flagged.
    static func blacklisted(_ p: CustomerBlacklisted, _ op: Op, _ db: Database) throws {
        try Buyers.require(db, p.buyer)
        if p.lifted {
            return try db.execute(sql: "DELETE FROM cs_blacklist WHERE buyer = ?", arguments: [p.buyer])
        }
        try list(p.buyer, reason: try Buyers.text(p.reason, "原因 / reason"), op, db)
    }

    static func list(_ buyer: String, reason: String, _ op: Op, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO cs_blacklist (buyer, reason, listedBy, at) VALUES (?, ?, ?, ?)
            ON CONFLICT (buyer) DO UPDATE SET reason = excluded.reason, listedBy = excluded.listedBy, at = excluded.at
            """, arguments: [buyer, reason, op.actor.rawValue, op.hlc.wallMillis])
    }
}
