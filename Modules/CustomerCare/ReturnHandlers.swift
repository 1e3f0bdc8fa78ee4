import GRDB
import ShopDomain
import Storage

/// Returns and exchanges (CS-6, CS-12). The stock is the warehouse's: the action that records a
/// receipt books the goods through Warehouse's receipt ops (WH-1); this register keeps the 退/换货单.
enum ReturnHandlers {
    static let all: [OpHandler] = [
        OpHandler(ReturnOpened.self, authorization: .permission(.handleOrders), project: opened),
        OpHandler(ReturnReceived.self, authorization: .permission(.receiveGoods), project: received),
        OpHandler(ReturnClosed.self, authorization: .permission(.handleOrders), project: closed),
    ]

    static func opened(_ p: ReturnOpened, _ op: Op, _ db: Database) throws {
        let buyer = try Buyers.buyer(ofOrder: p.order, db)
        let reason = try Buyers.text(p.reason, "退换原因 / reason")
        guard try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cs_return WHERE id = ?)", arguments: [p.returnID])! else {
            throw CustomerCareError.returnExists(p.returnID)
        }
        guard !p.lines.isEmpty else { throw CustomerCareError.badQuantity(0) }
        for line in p.lines {
            guard line.quantity > 0 else { throw CustomerCareError.badQuantity(line.quantity) }
            guard let bought = try Int.fetchOne(db, sql: "SELECT SUM(quantity) FROM order_line_v WHERE orderID = ? AND sku = ?",
                                                arguments: [p.order.rawValue, line.sku.rawValue]), bought >= line.quantity else {
                throw CustomerCareError.notOnOrder(line.sku.rawValue, p.order.rawValue)
            }
        }
        try db.execute(sql: """
            INSERT INTO cs_return (id, orderID, buyer, kind, reason, waybill, state, openedBy, openedAt) VALUES (?, ?, ?, ?, ?, ?, 'opened', ?, ?)
            """, arguments: [p.returnID, p.order.rawValue, buyer, p.kind.rawValue, reason, p.waybill, op.actor.rawValue, op.hlc.wallMillis])
        for line in p.lines {
            try db.execute(sql: """
                INSERT INTO cs_return_line (returnID, sku, quantity) VALUES (?, ?, ?)
                ON CONFLICT DO UPDATE SET quantity = quantity + excluded.quantity
                """, arguments: [p.returnID, line.sku.rawValue, line.quantity])
        }
    }

    static func state(_ db: Database, _ id: String) throws -> String {
        guard let state = try String.fetchOne(db, sql: "SELECT state FROM cs_return WHERE id = ?", arguments: [id]) else {
            throw CustomerCareError.unknownReturn(id)
        }
        return state
    }

    /// WH-1: every unit returned is inspected into sellable or defective stock.
    static func received(_ p: ReturnReceived, _ op: Op, _ db: Database) throws {
        let current = try state(db, p.returnID)
        if current != "opened", try !ProjectionContext.isLocal(op, db), try receivedAs(p, db) {
            throw HarmlessDuplicate(zh: "退换货单 \(p.returnID) 已验收", en: "return \(p.returnID) is received already")
        }
        guard current == "opened" else { throw CustomerCareError.returnState(p.returnID, state: current, expected: "opened") }
        var expected = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT sku, quantity FROM cs_return_line WHERE returnID = ?",
                                                                          arguments: [p.returnID]).map { ($0["sku"] as String, $0["quantity"] as Int) })
        for line in p.sellable + p.defective {
            guard line.quantity > 0 else { throw CustomerCareError.badQuantity(line.quantity) }
            expected[line.sku.rawValue, default: 0] -= line.quantity
        }
        guard expected.values.allSatisfy({ $0 == 0 }) else { throw CustomerCareError.receivedMismatch(p.returnID) }
        for line in p.sellable {
            try db.execute(sql: "UPDATE cs_return_line SET sellable = sellable + ? WHERE returnID = ? AND sku = ?",
                           arguments: [line.quantity, p.returnID, line.sku.rawValue])
        }
        for line in p.defective {
            try db.execute(sql: "UPDATE cs_return_line SET defective = defective + ? WHERE returnID = ? AND sku = ?",
                           arguments: [line.quantity, p.returnID, line.sku.rawValue])
        }
        try db.execute(sql: "UPDATE cs_return SET state = 'received', receipt = ?, receivedAt = ? WHERE id = ?",
                       arguments: [p.receipt, op.hlc.wallMillis, p.returnID])
    }

    /// Whether the return was received with the same split into sellable and defective units.
    private static func receivedAs(_ p: ReturnReceived, _ db: Database) throws -> Bool {
        var split: [String: [Int]] = [:]
        for line in p.sellable { split[line.sku.rawValue, default: [0, 0]][0] += line.quantity }
        for line in p.defective { split[line.sku.rawValue, default: [0, 0]][1] += line.quantity }
        let stored = try Row.fetchAll(db, sql: "SELECT sku, sellable, defective FROM cs_return_line WHERE returnID = ?", arguments: [p.returnID])
        return stored.allSatisfy { row in
            (split.removeValue(forKey: row["sku"]) ?? [0, 0]) == [row["sellable"] as Int, row["defective"] as Int]
        } && split.isEmpty
    }

    static func closed(_ p: ReturnClosed, _ op: Op, _ db: Database) throws {
        let current = try state(db, p.returnID)
        if current == "closed", try !ProjectionContext.isLocal(op, db),
           let row = try Row.fetchOne(db, sql: "SELECT refund, replacementOrder FROM cs_return WHERE id = ?", arguments: [p.returnID]),
           row["refund"] as Int64? == p.refund.fen, row["replacementOrder"] as String? == p.replacementOrder?.rawValue {
            throw HarmlessDuplicate(zh: "退换货单 \(p.returnID) 已完结（退款 \(p.refund)）", en: "return \(p.returnID) is closed already (refund \(p.refund))")
        }
        guard current == "received" else { throw CustomerCareError.returnState(p.returnID, state: current, expected: "received") }
        guard p.refund >= .zero else { throw CustomerCareError.badCompensation }
        if let replacement = p.replacementOrder { _ = try Buyers.buyer(ofOrder: replacement, db) }
        try db.execute(sql: "UPDATE cs_return SET state = 'closed', refund = ?, replacementOrder = ?, note = ?, closedAt = ? WHERE id = ?",
                       arguments: [p.refund.fen, p.replacementOrder?.rawValue, p.note, op.hlc.wallMillis, p.returnID])
    }
}
