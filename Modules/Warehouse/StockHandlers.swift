import GRDB
import ShopDomain
import Storage

/// Moves (including into the defective stock) and adjustments.
enum StockHandlers {
    static let all: [OpHandler] = [
        OpHandler(StockMoved.self, authorization: .permission(.moveStock), project: moved),
        OpHandler(StockAdjusted.self, authorization: .permission(.adjustStock), project: adjusted),
    ]

    static func moved(_ p: StockMoved, _ op: Op, _ db: Database) throws {
        guard p.quantity > 0 else { throw WarehouseError.notPositive(p.quantity) }
        try InputLimits.check(quantity: p.quantity, "quantity", positive: true)  // issue 19
        guard p.from != p.to else { throw WarehouseError.sameLocation }
        _ = try Ledger.requireProduct(db, p.sku)
        _ = try Ledger.requireLocation(db, p.from)
        let target = try Ledger.requireLocation(db, p.to)
        let reason = p.reason?.trimmingWhitespace()
        // WH-5: goods go to the defective stock only with the reason they are defective.
        if target == .defective, reason?.isEmpty ?? true { throw WarehouseError.reasonRequired }
        let kind: Ledger.MovementKind = target == .defective ? .toDefective : .move
        try Ledger.post(db, op, sku: p.sku, location: p.from, delta: -p.quantity, kind: kind, ref: p.to.rawValue, reason: reason)
        try Ledger.post(db, op, sku: p.sku, location: p.to, delta: p.quantity, kind: kind, ref: p.from.rawValue, reason: reason)
        try Ledger.evaluateAlert(db, op, p.sku)
    }

    static func adjusted(_ p: StockAdjusted, _ op: Op, _ db: Database) throws {
        guard p.delta != 0 else { throw WarehouseError.zeroAdjustment }
        try InputLimits.check(delta: p.delta, "delta")  // issue 19
        let reason = p.reason.trimmingWhitespace()
        guard !reason.isEmpty else { throw WarehouseError.reasonRequired }
        // One read for what the booking and the alert need; the balance and the available stock
        // after it follow from the delta.
        let position = try Ledger.position(db, p.sku, p.location)
        try Ledger.post(db, op, sku: p.sku, location: p.location, delta: p.delta, kind: .adjustment, reason: reason,
                        balanceBefore: position.balance)
        try Ledger.evaluateAlert(db, op, p.sku, position.rule, available: try Ledger.checkedSum(position.available, position.sellable ? p.delta : 0, sku: p.sku),
                                 open: position.openAlert)
    }
}
