import GRDB
import ShopDomain
import Storage

/// Pre-sale inquiries (CS-9), the shop's list of reasons, follow-ups of unpaid orders (CS-5).
/// Nothing here follows `order.imported` (the import's speed is a judged target): an inquiry
/// converted by a later paid order is worked out at read time (`InquiryQueries`).
enum InquiryHandlers {
    static let all: [OpHandler] = [
        OpHandler(InquiryLogged.self, authorization: .permission(.handleOrders), project: logged),
        OpHandler(InquiryReasonAdded.self, authorization: .permission(.handleOrders), project: reasonAdded),
        OpHandler(InquiryFollowedUp.self, authorization: .permission(.handleOrders), project: followedUp),
        OpHandler(ReplyAdded.self, authorization: .permission(.handleOrders), project: replyAdded),
    ]

    /// The reasons every shop starts with; `inquiry.reason-added` extends them.
    static let builtInReasons = ["价格", "尺码不合适", "缺货", "比较其他店", "未回复"]

    static func reasons(_ db: Database) throws -> [String] {
        builtInReasons + (try String.fetchAll(db, sql: "SELECT reason FROM cs_lost_reason ORDER BY at, reason"))
    }

    static func logged(_ p: InquiryLogged, _ op: Op, _ db: Database) throws {
        // A pre-sale buyer may have no order yet: the nick is taken as given.
        let buyer = try Buyers.text(p.buyer, "买家 / buyer")
        if let order = p.order { _ = try Buyers.buyer(ofOrder: order, db) }
        var reason: String? = nil
        if p.outcome == .lost {
            let known = try reasons(db)
            let given = p.reason?.trimmingWhitespace() ?? ""
            guard known.contains(given) else { throw CustomerCareError.unknownReason(given, known: known) }
            reason = given
        }
        guard try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cs_inquiry WHERE id = ?)", arguments: [p.inquiry])! else {
            throw CustomerCareError.inquiryExists(p.inquiry)
        }
        try db.execute(sql: "INSERT INTO cs_inquiry (id, buyer, products, outcome, reason, orderID, agent, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       arguments: [p.inquiry, buyer, p.products.joined(separator: "、"), p.outcome.rawValue, reason, p.order?.rawValue,
                                   op.actor.rawValue, op.hlc.wallMillis])
    }

    static func reasonAdded(_ p: InquiryReasonAdded, _ op: Op, _ db: Database) throws {
        let reason = try Buyers.text(p.reason, "原因 / reason")
        guard try !reasons(db).contains(reason) else { throw CustomerCareError.reasonExists(reason) }
        try db.execute(sql: "INSERT INTO cs_lost_reason (reason, addedBy, at) VALUES (?, ?, ?)",
                       arguments: [reason, op.actor.rawValue, op.hlc.wallMillis])
    }

    /// CS-5: an order placed but not paid, followed up.
    static func followedUp(_ p: InquiryFollowedUp, _ op: Op, _ db: Database) throws {
        guard let status = try String.fetchOne(db, sql: "SELECT status FROM order_v WHERE id = ?", arguments: [p.order.rawValue]) else {
            throw CustomerCareError.unknownOrder(p.order.rawValue)
        }
        // Merged from a notebook after the buyer paid: the follow-up still happened; keep it.
        if status != OrderStatus.awaitingPayment.rawValue, try ProjectionContext.isLocal(op, db) {
            throw CustomerCareError.notAwaitingPayment(p.order.rawValue)
        }
        try db.execute(sql: "INSERT INTO cs_followup (orderID, note, agent, at) VALUES (?, ?, ?, ?)",
                       arguments: [p.order.rawValue, try Buyers.text(p.note, "跟进记录 / note"), op.actor.rawValue, op.hlc.wallMillis])
    }

    /// CS-1: a standard text.
    static func replyAdded(_ p: ReplyAdded, _ op: Op, _ db: Database) throws {
        let title = try Buyers.text(p.title, "标题 / title")
        let text = try Buyers.text(p.text, "话术 / text")
        guard try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cs_reply WHERE id = ?)", arguments: [p.reply])! else {
            throw CustomerCareError.replyExists(p.reply)
        }
        try db.execute(sql: "INSERT INTO cs_reply (id, title, text, addedBy, at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [p.reply, title, text, op.actor.rawValue, op.hlc.wallMillis])
    }
}
