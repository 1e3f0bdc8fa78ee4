import GRDB
import ShopDomain
import Storage

/// Mid and bad reviews (CS-2, CS-4).
enum ReviewHandlers {
    static let all: [OpHandler] = [
        OpHandler(ReviewAdded.self, authorization: .permission(.handleOrders), project: added),
        OpHandler(ReviewHandled.self, authorization: .permission(.handleOrders), project: handled),
    ]

    /// CS-2: registered against an imported order; it is open (the GM's) until handled.
    static func added(_ p: ReviewAdded, _ op: Op, _ db: Database) throws {
        let buyer = try Buyers.buyer(ofOrder: p.order, db) ?? ""
        let text = try Buyers.text(p.text, "评价内容 / review text")
        guard try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cs_review WHERE id = ?)", arguments: [p.review])! else {
            throw CustomerCareError.reviewExists(p.review)
        }
        try db.execute(sql: "INSERT INTO cs_review (id, orderID, buyer, rating, text, addedBy, addedAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [p.review, p.order.rawValue, buyer, p.rating.rawValue, text, op.actor.rawValue, op.hlc.wallMillis])
    }

    /// CS-4: a refund up to `CS-4.refund-limit` by the handler, above it only the GM; reported
    /// as malicious, the buyer is blacklisted in the same op. Handled once: a second handling
    /// merged from another device with another outcome (another compensation …) is refused here
    /// and so parked as a conflict; with the same outcome it is a harmless duplicate (one refund).
    static func handled(_ p: ReviewHandled, _ op: Op, _ db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT buyer, handled, contacted, outcome, compensation FROM cs_review WHERE id = ?",
                                         arguments: [p.review]) else {
            throw CustomerCareError.unknownReview(p.review)
        }
        if row["handled"] as Int != 0, try !ProjectionContext.isLocal(op, db), ((row["contacted"] as Int? ?? 0) != 0) == p.contacted,
           row["outcome"] as String? == p.outcome.rawValue, row["compensation"] as Int64? == p.compensation.fen {
            throw HarmlessDuplicate(zh: "评价 \(p.review) 已处理（补偿 \(p.compensation)）", en: "review \(p.review) is handled already (compensation \(p.compensation))")
        }
        guard row["handled"] as Int == 0 else { throw CustomerCareError.reviewHandled(p.review) }
        guard p.compensation >= .zero else { throw CustomerCareError.badCompensation }
        let limit = try Buyers.money("CS-4.refund-limit", op, db)
        if p.compensation > limit, try !Buyers.actor(op, has: .gm, db) {
            throw CustomerCareError.overRefundLimit(p.compensation, limit: limit)
        }
        try db.execute(sql: """
            UPDATE cs_review SET handled = 1, contacted = ?, outcome = ?, compensation = ?, note = ?, handledBy = ?, handledAt = ? WHERE id = ?
            """, arguments: [p.contacted ? 1 : 0, p.outcome.rawValue, p.compensation.fen, p.note, op.actor.rawValue, op.hlc.wallMillis, p.review])
        let buyer: String = row["buyer"]
        if p.outcome == .reported, !buyer.isEmpty {
            try CustomerHandlers.list(buyer, reason: "CS-4 恶意评价 \(p.review)（已投诉到平台）", op, db)
        }
    }
}
