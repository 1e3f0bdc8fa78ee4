import GRDB
import ShopDomain
import Storage

/// Waybill number stock, printing, reprints and voids (LOG-1, LOG-2, LOG-10).
enum WaybillHandlers {
    static let all: [OpHandler] = [
        OpHandler(WaybillStockAdded.self, authorization: .permission(.ship), project: stockAdded),
        OpHandler(WaybillPrinted.self, authorization: .permission(.ship), project: printed),
        OpHandler(WaybillReprinted.self, authorization: .permission(.ship), project: reprinted),
        OpHandler(WaybillVoided.self, authorization: .permission(.ship), readsJournal: true, project: voided),  // a parked print (ParkedOps)
        OpHandler(BatchResumed.self, authorization: .permission(.ship), project: resumed),
    ]

    /// Two devices never hold the same number: an overlapping range is refused here, and one
    /// merged from another notebook is parked as a conflict.
    static func stockAdded(_ p: WaybillStockAdded, _ op: Op, _ db: Database) throws {
        // Issue 19: at most `InputLimits.labels` numbers, of at most 18 digits (no overflow below).
        guard (1...InputLimits.labels).contains(p.count), p.first >= 0, p.first < 1_000_000_000_000_000_000 else { throw LogisticsError.badRange }
        let last = p.first + Int64(p.count) - 1
        guard String(last).count <= p.width, p.width <= 18 else { throw LogisticsError.badRange }
        if let clash = try Row.fetchOne(db, sql: """
            SELECT first, last, width, device FROM waybill_range WHERE courier = ? AND prefix = ? AND first <= ? AND last >= ? LIMIT 1
            """, arguments: [p.courier.code, p.prefix, last, p.first]) {
            let width: Int = clash["width"]
            throw LogisticsError.rangeOverlaps(WaybillStock.format(p.prefix, clash["first"], width),
                                               WaybillStock.format(p.prefix, clash["last"], width), device: String((clash["device"] as String).prefix(8)))
        }
        try db.execute(sql: """
            INSERT INTO waybill_range (courier, prefix, first, last, width, device, addedBy, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [p.courier.code, p.prefix, p.first, last, p.width, op.deviceID.rawValue, op.actor.rawValue, op.hlc.wallMillis])
    }

    /// LOG-2: only a paid, open order, one live waybill per order, one use per number, and the
    /// number from this device's stock. A second waybill for an order merged from another
    /// notebook is parked as a conflict naming both, until a person voids one.
    static func printed(_ p: WaybillPrinted, _ op: Op, _ db: Database) throws {
        let status = try OrderBook.require(db, p.order)
        guard status.awaitsShipment else { throw LogisticsError.notPaid(p.order.rawValue, status) }
        if let live = try Waybills.live(db, order: p.order) {
            throw LogisticsError.orderHasWaybill(p.order.rawValue, live, new: p.waybill)
        }
        if try Waybills.exists(db, p.waybill) { throw LogisticsError.numberUsed(p.waybill) }
        guard try WaybillStock.holder(db, p.courier, p.waybill) == op.deviceID.rawValue else {
            throw LogisticsError.notInStock(p.waybill, p.courier.code)
        }
        try batch(db, op, p)
        try db.cachedStatement(sql: """
            INSERT INTO waybill (number, courier, orderID, batch, seq, printedBy, printedAt) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [p.waybill, p.courier.code, p.order.rawValue, p.batch, p.seq, op.actor.rawValue, op.hlc.wallMillis])
        try printedEvent(db, op, p)
    }

    private static func batch(_ db: Database, _ op: Op, _ p: WaybillPrinted) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO print_batch (id, courier, printedBy, printedAt) VALUES (?, ?, ?, ?)")
            .execute(arguments: [p.batch, p.courier.code, op.actor.rawValue, op.hlc.wallMillis])
    }

    private static func printedEvent(_ db: Database, _ op: Op, _ p: WaybillPrinted) throws {
        try event(db, op, p.waybill, "printed", "\(p.batch)-\(String(format: "%04d", p.seq))")
    }

    static func reprinted(_ p: WaybillReprinted, _ op: Op, _ db: Database) throws {
        _ = try Waybills.requireLive(db, p.waybill)
        let reason = p.reason.trimmingWhitespace()
        guard !reason.isEmpty else { throw LogisticsError.reasonRequired }
        try event(db, op, p.waybill, "reprinted", reason)
    }

    /// A void frees the order for a new number; a parcel the courier already has cannot be voided
    /// (open a claim or mark it undeliverable instead).
    static func voided(_ p: WaybillVoided, _ op: Op, _ db: Database) throws {
        if try !Waybills.exists(db, p.waybill), try !ProjectionContext.isLocal(op, db),
           let parked = try ParkedOps.rejected(WaybillPrinted.self, db).first(where: { $0.payload.waybill == p.waybill }),
           try Waybills.live(db, order: parked.payload.order).map({ $0 != p.waybill }) ?? false {
            return try voidedWhileParked(p, op, printed: parked, db)
        }
        let state = try Waybills.requireLive(db, p.waybill)
        guard state != "handed-over" else { throw LogisticsError.handedOver(p.waybill) }
        let reason = p.reason.trimmingWhitespace()
        guard !reason.isEmpty else { throw LogisticsError.reasonRequired }
        try db.execute(sql: "UPDATE waybill SET live = 0, voidReason = ?, voidedBy = ?, voidedAt = ? WHERE number = ?",
                       arguments: [reason, op.actor.rawValue, op.hlc.wallMillis, p.waybill])
        try db.execute(sql: "DELETE FROM parcel_item WHERE number = ?", arguments: [p.waybill])
        try event(db, op, p.waybill, "voided", reason)
    }

    /// The void of a waybill whose print was parked here as the order's second (the other notebook
    /// printed it first, and it, or the hub, voided it to keep ours — the order's live waybill here
    /// is another): the print and the void are booked together, the row never live here, and the
    /// parked print settled. Other ops on that waybill parked meanwhile (a reprint, a pack made on
    /// the other notebook) stay parked for a person: this books the print and the void only.
    private static func voidedWhileParked(_ p: WaybillVoided, _ op: Op, printed: (op: Op, payload: WaybillPrinted), _ db: Database) throws {
        let reason = p.reason.trimmingWhitespace()
        guard !reason.isEmpty else { throw LogisticsError.reasonRequired }
        let (printOp, print) = printed
        try batch(db, printOp, print)
        try db.execute(sql: """
            INSERT INTO waybill (number, courier, orderID, batch, seq, live, printedBy, printedAt, voidReason, voidedBy, voidedAt)
            VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)
            """, arguments: [print.waybill, print.courier.code, print.order.rawValue, print.batch, print.seq, printOp.actor.rawValue,
                             printOp.hlc.wallMillis, reason, op.actor.rawValue, op.hlc.wallMillis])
        try printedEvent(db, printOp, print)
        try event(db, op, print.waybill, "voided", reason)
        try ParkedOps.settle(printOp, by: op, db)
    }

    static func resumed(_ p: BatchResumed, _ op: Op, _ db: Database) throws {
        let labels = try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM waybill WHERE batch = ?", arguments: [p.batch])
        guard let labels else { throw LogisticsError.unknownBatch(p.batch) }
        guard (1...labels).contains(p.from) else { throw LogisticsError.seqOutOfBatch(p.batch, p.from, labels) }
        try event(db, op, p.batch, "batch-resumed", String(p.from))
    }

    static func event(_ db: Database, _ op: Op, _ number: String, _ kind: String, _ detail: String?) throws {
        try db.cachedStatement(sql: "INSERT INTO waybill_event (number, kind, detail, actor, at) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [number, kind, detail, op.actor.rawValue, op.hlc.wallMillis])
    }
}

/// Reading waybills inside a projection.
enum Waybills {
    /// The order's live waybill, if it has one.
    static func live(_ db: Database, order: OrderID) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT number FROM waybill WHERE orderID = ? AND live = 1"), arguments: [order.rawValue])
    }

    static func exists(_ db: Database, _ number: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM waybill WHERE number = ?)"), arguments: [number])!
    }

    /// The state of a live waybill, or an error naming why it cannot be acted on.
    static func requireLive(_ db: Database, _ number: String) throws -> String {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT live, state FROM waybill WHERE number = ?"), arguments: [number]) else {
            throw LogisticsError.unknownWaybill(number)
        }
        guard row["live"] as Bool else { throw LogisticsError.waybillVoided(number) }
        return row["state"]
    }
}

/// Number ranges held by devices.
public enum WaybillStock {
    public static func format(_ prefix: String, _ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The device holding the range a number falls in, if any.
    static func holder(_ db: Database, _ courier: Courier, _ number: String) throws -> String? {
        guard let (prefix, digits) = WaybillNumber.split(number), let value = Int64(digits) else { return nil }
        return try String.fetchOne(db.cachedStatement(sql: """
            SELECT device FROM waybill_range WHERE courier = ? AND prefix = ? AND width = ? AND first <= ? AND last >= ? LIMIT 1
            """), arguments: [courier.code, prefix, digits.count, value, value])
    }
}
