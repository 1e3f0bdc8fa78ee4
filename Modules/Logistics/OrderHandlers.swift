import GRDB
import ShopDomain
import Storage

/// Orders: import, forward-only status, SKU mappings, notes, taking and add-ons (CS-8). What a
/// paid order reserves the warehouse works out itself, following these ops (`Reservations`).
enum OrderHandlers {
    static let all: [OpHandler] = [
        OpHandler(OrderImported.self, authorization: .permission(.handleOrders), project: imported),
        OpHandler(OrderStatusChanged.self, authorization: .permission(.handleOrders), project: statusChanged),
        OpHandler(SKUMappingSet.self, authorization: .permission(.handleOrders), project: mapped),
        OpHandler(OrderNoted.self, authorization: .permission(.handleOrders), project: noted),
        OpHandler(OrderTaken.self, authorization: .permission(.handleOrders), project: taken),
        OpHandler(OrderItemAdded.self, authorization: .permission(.handleOrders), project: itemAdded),
    ]

    static func imported(_ p: OrderImported, _ op: Op, _ db: Database) throws {
        let o = p.order
        guard !o.consignee.isEmpty, !o.address.isEmpty else {
            if try OrderBook.status(db, o.order) != nil { return try importedAgain(p, op, db) }
            throw LogisticsError.noConsignee(o.order.rawValue)
        }
        // Inserted unless the order is known (one statement for the common case, a new order).
        try db.cachedStatement(insertHeader).executeFast(o.order.rawValue, o.buyer, o.status.rawValue, o.closeReason, o.refunded ? 1 : 0, o.goodsTotal.fen, o.postage.fen,
                             o.total.fen, o.paid.fen, o.buyerMessage, o.consignee, o.phone, o.address, o.postcode, o.createdAt, o.paidAt,
                             o.sellerRemark, op.hlc.wallMillis, op.hlc.wallMillis)
        guard db.changesCount == 1 else { return try importedAgain(p, op, db) }
        for (name, amount) in [("goods total", o.goodsTotal), ("postage", o.postage), ("total", o.total), ("paid", o.paid)] {
            try InputLimits.check(money: amount, name)  // issue 19 (rolled back with the insert)
        }
        for (index, line) in o.lines.enumerated() {
            guard line.quantity > 0 else { throw LogisticsError.badQuantity(line.quantity) }
            try InputLimits.check(quantity: line.quantity, "quantity", positive: true)  // issue 19
            try InputLimits.check(money: line.price, "price")
            let sku = try line.sku?.rawValue ?? db.cachedStatement(mappedSKU).readFirst(line.matchKey) { $0.text(0) } ?? nil
            try insertLine(db, o.order, index + 1, line, sku: sku, addedBy: nil)
        }
    }

    // Statements every imported order runs, found by identity (`FastSQL`), not by hashing their text.
    private static let insertHeader = FastSQL("""
        INSERT INTO order_header (id, buyer, status, closeReason, refunded, goodsTotal, postage, total, paid, buyerMessage,
            consignee, phone, address, postcode, createdAt, paidAt, sellerRemark, importedAt, updatedAt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
        """)
    private static let mappedSKU = FastSQL("SELECT sku FROM sku_mapping WHERE key = ?")
    private static let insertLineSQL = FastSQL("""
        INSERT INTO order_line (orderID, line, title, attributes, colour, size, quantity, price, merchantCode, sku, matchKey, addedBy)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)

    /// Imported on two devices: the later file may only move the order forward.
    private static func importedAgain(_ p: OrderImported, _ op: Op, _ db: Database) throws {
        let o = p.order
        guard let current = try OrderBook.status(db, o.order) else { throw LogisticsError.unknownOrder(o.order.rawValue) }
        guard try !ProjectionContext.isLocal(op, db) else { throw LogisticsError.orderExists(o.order.rawValue) }
        if o.status.rank > current.rank {
            try statusChanged(OrderStatusChanged(order: o.order, from: current, to: o.status, closeReason: o.closeReason,
                                                 refunded: o.refunded, paidAt: o.paidAt), op, db)
        }
    }

    static func insertLine(_ db: Database, _ order: OrderID, _ number: Int, _ line: OrderLine, sku: String?, addedBy: StaffID?) throws {
        try db.cachedStatement(insertLineSQL).executeFast(order.rawValue, number, line.title, line.attributes, line.colour, line.size, line.quantity,
                               line.price.fen, line.merchantCode, sku, line.matchKey, addedBy?.rawValue)
    }

    /// Forward only: a move to where the order already is, or behind it, changes nothing when
    /// merged (a harmless duplicate of another device's import) and is refused when local.
    static func statusChanged(_ p: OrderStatusChanged, _ op: Op, _ db: Database) throws {
        guard let current = try OrderBook.status(db, p.order) else { throw LogisticsError.unknownOrder(p.order.rawValue) }
        guard p.to.rank > current.rank else {
            if try ProjectionContext.isLocal(op, db) { throw LogisticsError.statusNotForward(p.order.rawValue, current, p.to) }
            return
        }
        try db.execute(sql: """
            UPDATE order_header SET status = ?, closeReason = ?, refunded = ?, paidAt = COALESCE(?, paidAt), updatedAt = ? WHERE id = ?
            """, arguments: [p.to.rawValue, p.closeReason, p.refunded, p.paidAt, op.hlc.wallMillis, p.order.rawValue])
    }

    static func mapped(_ p: SKUMappingSet, _ op: Op, _ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM product_v WHERE sku = ?)", arguments: [p.sku.rawValue]) == true else {
            throw LogisticsError.unknownSKU(p.sku.rawValue)
        }
        try db.execute(sql: """
            INSERT INTO sku_mapping (key, sku, setBy, at) VALUES (?, ?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET sku = excluded.sku, setBy = excluded.setBy, at = excluded.at
            """, arguments: [p.key, p.sku.rawValue, op.actor.rawValue, op.hlc.wallMillis])
        let orders = try String.fetchAll(db, sql: "SELECT DISTINCT orderID FROM order_line WHERE matchKey = ? AND sku IS NULL", arguments: [p.key])
        try db.execute(sql: "UPDATE order_line SET sku = ? WHERE matchKey = ? AND sku IS NULL", arguments: [p.sku.rawValue, p.key])
    }

    static func noted(_ p: OrderNoted, _ op: Op, _ db: Database) throws {
        _ = try OrderBook.require(db, p.order)
        let text = p.text.trimmingWhitespace()
        guard !text.isEmpty else { throw LogisticsError.emptyNote }
        try db.execute(sql: "INSERT INTO order_note (orderID, text, author, at) VALUES (?, ?, ?, ?)",
                       arguments: [p.order.rawValue, text, op.actor.rawValue, op.hlc.wallMillis])
    }

    /// 已读取 (CS-8): the first agent to take an order keeps it.
    static func taken(_ p: OrderTaken, _ op: Op, _ db: Database) throws {
        _ = try OrderBook.require(db, p.order)
        if let by = try String.fetchOne(db, sql: "SELECT takenBy FROM order_header WHERE id = ?", arguments: [p.order.rawValue]) {
            if try ProjectionContext.isLocal(op, db), by != op.actor.rawValue { throw LogisticsError.alreadyTaken(p.order.rawValue, by: by) }
            return
        }
        try db.execute(sql: "UPDATE order_header SET takenBy = ?, takenAt = ? WHERE id = ?",
                       arguments: [op.actor.rawValue, op.hlc.wallMillis, p.order.rawValue])
    }

    /// CS-8: a taken order needs the extra postage the customer pays; an untaken one gets the
    /// item, and the agent who made the order (the first to note it) is told at once.
    static func itemAdded(_ p: OrderItemAdded, _ op: Op, _ db: Database) throws {
        let status = try OrderBook.require(db, p.order)
        guard status == .awaitingPayment || status.awaitsShipment else { throw LogisticsError.orderNotOpen(p.order.rawValue, status) }
        guard p.quantity > 0 else { throw LogisticsError.badQuantity(p.quantity) }
        try InputLimits.check(quantity: p.quantity, "quantity", positive: true)  // issue 19
        try InputLimits.check(money: p.price, "price")
        if let extra = p.extraPostage { try InputLimits.check(money: extra, "extra postage") }
        if let packed = try String.fetchOne(db, sql: "SELECT number FROM waybill WHERE orderID = ? AND live = 1 AND state <> 'printed'",
                                            arguments: [p.order.rawValue]) {
            throw LogisticsError.alreadyPacked(packed)
        }
        let takenBy = try String.fetchOne(db, sql: "SELECT takenBy FROM order_header WHERE id = ?", arguments: [p.order.rawValue])
        if takenBy != nil {
            guard let extra = p.extraPostage, extra > .zero else { throw LogisticsError.extraPostageRequired(p.order.rawValue) }
            try db.execute(sql: "UPDATE order_header SET extraPostage = extraPostage + ? WHERE id = ?", arguments: [extra.fen, p.order.rawValue])
        } else {
            let maker = try String.fetchOne(db, sql: "SELECT author FROM order_note WHERE orderID = ? ORDER BY id LIMIT 1",
                                            arguments: [p.order.rawValue])
            try db.execute(sql: "INSERT INTO order_notice (orderID, staffID, zh, en, at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [p.order.rawValue, maker ?? "", "订单 \(p.order.rawValue) 加了 \(p.quantity) 件 \(p.sku.rawValue)，请立即处理",
                                       "order \(p.order.rawValue): \(p.quantity) × \(p.sku.rawValue) added, handle it now", op.hlc.wallMillis])
        }
        let next = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(line), 0) + 1 FROM order_line WHERE orderID = ?", arguments: [p.order.rawValue])!
        let line = OrderLine(title: p.title, attributes: "", colour: nil, size: nil, quantity: p.quantity, price: p.price, merchantCode: nil, sku: p.sku)
        try insertLine(db, p.order, next, line, sku: p.sku.rawValue, addedBy: op.actor)
    }
}

/// Reading and reserving for one order inside a projection.
enum OrderBook {
    static func status(_ db: Database, _ order: OrderID) throws -> OrderStatus? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM order_header WHERE id = ?"), arguments: [order.rawValue])
            .flatMap(OrderStatus.init(rawValue:))
    }

    static func require(_ db: Database, _ order: OrderID) throws -> OrderStatus {
        guard let status = try status(db, order) else { throw LogisticsError.unknownOrder(order.rawValue) }
        return status
    }

    /// What a packer's signature binds: the order's lines as SKU × quantity, sorted.
    static func linesHash(_ db: Database, _ order: OrderID) throws -> String {
        let rows = try Row.fetchAll(db, sql: """
            SELECT COALESCE(sku, '?' || matchKey) AS sku, SUM(quantity) AS quantity FROM order_line WHERE orderID = ? GROUP BY 1 ORDER BY 1
            """, arguments: [order.rawValue])
        return ContentHash.of(rows.map { "\($0["sku"] as String)×\($0["quantity"] as Int)" }.joined(separator: ";"))
    }
}
