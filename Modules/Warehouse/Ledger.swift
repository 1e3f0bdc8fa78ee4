import GRDB
import ShopDomain
import Storage

/// The stock ledger: append-only movements with balances per SKU × location kept in the same
/// transaction. Movements are deltas, so ops from several notebooks add up in any order.
enum Ledger {
    enum MovementKind: String {
        case receipt, shipment, move, adjustment, toDefective = "to-defective", returned = "return", countVariance = "count-variance", consumed
    }

    /// Books `delta` units of `sku` at `location`. A local write that would leave the location
    /// negative is refused (unless `refuseNegative` is off: goods that physically left); a merged
    /// one is booked and raises a recount task, so nothing is lost.
    /// `balanceBefore`: the location's balance read earlier in the same op (`position`), so the new
    /// one is known without reading it again.
    static func post(_ db: Database, _ op: Op, sku: SKU, location: LocationCode, delta: Int,
                     kind: MovementKind, ref: String? = nil, reason: String? = nil, refuseNegative: Bool = true,
                     balanceBefore: Int? = nil) throws {
        // Issue 19: checked arithmetic, and no booking leaves a balance beyond `InputLimits.balance`
        // either way (a merged op too: refused, it is parked as a conflict instead of booked).
        let before = try balanceBefore ?? Ledger.balance(db, sku, location)
        let balance = try checkedBalance(before, delta, sku: sku, location: location)
        try db.cachedStatement(addToBalance).executeFast(sku.rawValue, location.rawValue, delta)
        ProjectionContext.memo(CatalogMemo.self, db)?.figures[sku] = nil  // read again when next asked for
        if balance < 0 {
            guard try !refuseNegative || !ProjectionContext.isLocal(op, db) else {
                throw WarehouseError.insufficientStock(sku: sku.rawValue, location: location.rawValue,
                                                       have: balance - delta, want: -delta)
            }
            try db.cachedStatement(sql: """
                INSERT INTO recount_task (sku, location, quantity, raisedAt, cause) VALUES (?, ?, ?, ?, ?)
                """).execute(arguments: [sku.rawValue, location.rawValue, balance, op.hlc.wallMillis, op.id.description])
        }
        try db.cachedStatement(insertMovement)
            .executeFast(sku.rawValue, location.rawValue, delta, kind.rawValue, ref, reason, op.actor.rawValue, op.hlc.wallMillis)
    }

    /// `before + delta`, refused when it overflows or passes `InputLimits.balance` (issue 19).
    static func checkedBalance(_ before: Int, _ delta: Int, sku: SKU, location: LocationCode) throws -> Int {
        let (after, overflow) = before.addingReportingOverflow(delta)
        guard !overflow, after.magnitude <= UInt(InputLimits.balance) else {
            throw WarehouseError.balanceLimit(sku: sku.rawValue, location: location.rawValue, have: before, delta: delta)
        }
        return after
    }

    /// `a + b` for figures read back (available stock), refused instead of trapping on overflow.
    static func checkedSum(_ a: Int, _ b: Int, sku: SKU) throws -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw WarehouseError.balanceLimit(sku: sku.rawValue, location: "", have: a, delta: b) }
        return sum
    }

    private static let addToBalance = FastSQL("""
        INSERT INTO stock_balance (sku, location, quantity) VALUES (?, ?, ?)
        ON CONFLICT (sku, location) DO UPDATE SET quantity = quantity + excluded.quantity
        """)
    private static let insertMovement = FastSQL("""
        INSERT INTO stock_movement (sku, location, delta, kind, ref, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)

    /// What the low-stock rule needs of a product: its kind (goods or supplies, which have
    /// different default thresholds) and its own threshold, if it has one.
    struct AlertRule {
        var kind: ProductKind
        var lowThreshold: Int?
    }

    /// The product's alert rule; nil for an unknown SKU.
    /// Remembered for a merge or a batch of local writes (`CatalogMemo`): an import re-checks
    /// the same SKUs' alerts order after order.
    static func alertRule(_ db: Database, _ sku: SKU) throws -> AlertRule? {
        let memo = ProjectionContext.memo(CatalogMemo.self, db)
        if let rule = memo?.rules[sku] { return rule }
        let rule = try db.cachedStatement(sql: "SELECT kind, lowThreshold FROM product WHERE sku = ?").readFirst(sku.rawValue) { row in
            AlertRule(kind: row.text(0).flatMap(ProductKind.init(rawValue:)) ?? .goods, lowThreshold: row.optionalInt(1))
        }
        if let rule { memo?.rules[sku] = rule }
        return rule
    }

    /// Raises a low-stock alert once when available stock falls below the threshold, and clears it
    /// when stock recovers (WH-6, CS-10). Never two open alerts for one SKU.
    static func evaluateAlert(_ db: Database, _ op: Op, _ sku: SKU) throws {
        let memo = ProjectionContext.memo(CatalogMemo.self, db)
        if let rule = memo?.rules[sku] {
            if let known = memo?.figures[sku] { return try evaluateAlert(db, op, sku, rule, available: known.available, open: known.open) }
            return try evaluateAlert(db, op, sku, rule)
        }
        // Not known yet: the rule with the figures, in one statement (issue 20: every SKU of an
        // import, again in every chunk's transaction).
        guard let (rule, available, open) = try db.cachedStatement(readRuleAndAvailable).readFirst(sku.rawValue, row: { row in
            (AlertRule(kind: row.text(0).flatMap(ProductKind.init(rawValue:)) ?? .goods, lowThreshold: row.optionalInt(1)),
             row.int(2), row.optionalInt64(3))
        }) else { return }
        memo?.rules[sku] = rule
        memo?.figures[sku] = (available, open)
        try evaluateAlert(db, op, sku, rule, available: available, open: open)
    }

    private static let readRuleAndAvailable = FastSQL("""
        SELECT p.kind, p.lowThreshold,
               COALESCE((SELECT SUM(b.quantity) FROM stock_balance b JOIN location l ON l.code = b.location
                         WHERE b.sku = ?1 AND l.kind = 'sellable'), 0)
             - COALESCE((SELECT quantity FROM stock_reserved WHERE sku = ?1), 0),
               (SELECT id FROM low_stock_alert WHERE sku = ?1 AND clearedAt IS NULL)
        FROM product p WHERE p.sku = ?1
        """)

    /// The same with the product's rule already read (in the same op: products do not change
    /// while stock is booked).
    static func evaluateAlert(_ db: Database, _ op: Op, _ sku: SKU, _ rule: AlertRule) throws {
        guard let threshold = try threshold(db, op, rule) else { return }
        // Available (on hand in sellable locations − reserved by paid orders not yet shipped) and
        // the open alert, in one statement.
        let (available, open) = try db.cachedStatement(readAvailable).readFirst(sku.rawValue) { ($0.int(0), $0.optionalInt64(1)) }!
        ProjectionContext.memo(CatalogMemo.self, db)?.figures[sku] = (available, open)
        try settleAlert(db, op, sku, available: available, open: open, threshold: threshold)
    }

    private static let readAvailable = FastSQL("""
        SELECT COALESCE((SELECT SUM(b.quantity) FROM stock_balance b JOIN location l ON l.code = b.location
                         WHERE b.sku = ?1 AND l.kind = 'sellable'), 0)
             - COALESCE((SELECT quantity FROM stock_reserved WHERE sku = ?1), 0),
               (SELECT id FROM low_stock_alert WHERE sku = ?1 AND clearedAt IS NULL)
        """)

    /// The same with the available stock and the open alert known (`position`, then the delta).
    static func evaluateAlert(_ db: Database, _ op: Op, _ sku: SKU, _ rule: AlertRule, available: Int, open: Int64?) throws {
        guard let threshold = try threshold(db, op, rule) else { return }
        try settleAlert(db, op, sku, available: available, open: open, threshold: threshold)
    }

    /// The product's own threshold, else the policy's for its kind on the op's day; nil when the
    /// policy holds no count.
    private static func threshold(_ db: Database, _ op: Op, _ rule: AlertRule) throws -> Int? {
        if let own = rule.lowThreshold { return own }
        let item = rule.kind == .supply ? lowSupplies : lowStock
        guard case .count(let n) = try ProjectionContext.policy(item, on: ProjectionContext.day(of: op, db), db) else { return nil }
        return n
    }

    private static func settleAlert(_ db: Database, _ op: Op, _ sku: SKU, available: Int, open: Int64?, threshold: Int) throws {
        if available < threshold, open == nil {
            try db.cachedStatement(raiseAlert).executeFast(sku.rawValue, available, threshold, op.hlc.wallMillis)
            let memo = ProjectionContext.memo(CatalogMemo.self, db)
            if memo?.figures[sku] != nil { memo?.figures[sku] = (available, db.lastInsertedRowID) }
        } else if available >= threshold, let open {
            try db.cachedStatement(clearAlert).executeFast(op.hlc.wallMillis, open)
            let memo = ProjectionContext.memo(CatalogMemo.self, db)
            if memo?.figures[sku] != nil { memo?.figures[sku] = (available, nil) }
        }
    }

    private static let raiseAlert = FastSQL("INSERT INTO low_stock_alert (sku, available, threshold, raisedAt) VALUES (?, ?, ?, ?)")
    private static let clearAlert = FastSQL("UPDATE low_stock_alert SET clearedAt = ? WHERE id = ?")

    /// What a stock op on one SKU at one location reads before it books, in one statement: the
    /// product's alert rule, the location's kind, the balance there, the SKU's available stock and
    /// its open alert. An unknown product is refused first, then an unknown location, as
    /// `requireProduct` and `requireLocation` would.
    struct Position {
        var rule: AlertRule
        var location: LocationKind
        /// The location counts towards available stock (`kind = 'sellable'`).
        var sellable: Bool
        var balance: Int
        var available: Int
        var openAlert: Int64?
    }

    private static let readPosition = FastSQL("""
        SELECT p.kind, p.lowThreshold, l.kind,
               COALESCE((SELECT quantity FROM stock_balance WHERE sku = ?1 AND location = ?2), 0),
               COALESCE((SELECT SUM(b.quantity) FROM stock_balance b JOIN location s ON s.code = b.location
                         WHERE b.sku = ?1 AND s.kind = 'sellable'), 0)
             - COALESCE((SELECT quantity FROM stock_reserved WHERE sku = ?1), 0),
               (SELECT id FROM low_stock_alert WHERE sku = ?1 AND clearedAt IS NULL)
        FROM (SELECT ?1 AS sku, ?2 AS code) wanted
        LEFT JOIN product p ON p.sku = wanted.sku LEFT JOIN location l ON l.code = wanted.code
        """)

    static func position(_ db: Database, _ sku: SKU, _ location: LocationCode) throws -> Position {
        let memo = ProjectionContext.memo(CatalogMemo.self, db)
        if let memo, let rule = memo.rules[sku], let kind = memo.locations[location] {
            // Within a merge, once both are known: only the figures that change with every op.
            let figures = try db.cachedStatement(readFigures).readFirst(sku.rawValue, location.rawValue) {
                (balance: $0.int(0), available: $0.int(1), open: $0.optionalInt64(2))
            }!
            return Position(rule: rule, location: LocationKind(rawValue: kind) ?? .quarantine, sellable: kind == "sellable",
                            balance: figures.balance, available: figures.available, openAlert: figures.open)
        }
        let (rule, kind, figures) = try db.cachedStatement(readPosition).readFirst(sku.rawValue, location.rawValue) { row in
            (row.text(0).map { AlertRule(kind: ProductKind(rawValue: $0) ?? .goods, lowThreshold: row.optionalInt(1)) }, row.text(2),
             (balance: row.int(3), available: row.int(4), open: row.optionalInt64(5)))
        }!
        guard let rule else { throw WarehouseError.unknownProduct(sku.rawValue) }
        guard let kind else { throw WarehouseError.unknownLocation(location.rawValue) }
        memo?.rules[sku] = rule
        memo?.locations[location] = kind
        return Position(rule: rule, location: LocationKind(rawValue: kind) ?? .quarantine, sellable: kind == "sellable",
                        balance: figures.balance, available: figures.available, openAlert: figures.open)
    }

    /// `readPosition` without the product and the location.
    private static let readFigures = FastSQL("""
        SELECT COALESCE((SELECT quantity FROM stock_balance WHERE sku = ?1 AND location = ?2), 0),
               COALESCE((SELECT SUM(b.quantity) FROM stock_balance b JOIN location s ON s.code = b.location
                         WHERE b.sku = ?1 AND s.kind = 'sellable'), 0)
             - COALESCE((SELECT quantity FROM stock_reserved WHERE sku = ?1), 0),
               (SELECT id FROM low_stock_alert WHERE sku = ?1 AND clearedAt IS NULL)
        """)

    /// Within one merge or apply, products' alert rules and locations' kinds as read: they
    /// change only by `product.added`, `threshold.set` and `location.added`, whose projections
    /// forget (`ProjectionContext.forget`). Only known products and locations are remembered.
    ///
    /// And each SKU's available stock and open alert, once an alert check has read them, kept as
    /// the warehouse — their only writer — changes them: a reservation's delta (`reserved(_:_:by:)`)
    /// and a raised or cleared alert update them, a movement (`post`) drops them. An import checks
    /// the alerts of the same SKUs order after order (issue 20).
    final class CatalogMemo: MergeMemo {
        var rules: [SKU: AlertRule] = [:]
        var locations: [LocationCode: String] = [:]
        var figures: [SKU: (available: Int, open: Int64?)] = [:]
        init() {}

        /// `delta` more units of `sku` reserved.
        func reserved(_ sku: SKU, by delta: Int) {
            guard let known = figures[sku] else { return }
            let (available, overflow) = known.available.subtractingReportingOverflow(delta)
            figures[sku] = overflow ? nil : (available, known.open)
        }
    }

    private static let lowStock = PolicyCatalog.item("CS-10.low-stock")!
    private static let lowSupplies = PolicyCatalog.item("WH-10.low-supplies")!

    static func requireProduct(_ db: Database, _ sku: SKU) throws -> (category: String, kind: ProductKind) {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT category, kind FROM product WHERE sku = ?"),
                                         arguments: [sku.rawValue]) else { throw WarehouseError.unknownProduct(sku.rawValue) }
        return (row["category"], ProductKind(rawValue: row["kind"]) ?? .goods)
    }

    static func requireLocation(_ db: Database, _ code: LocationCode) throws -> LocationKind {
        guard let kind = try db.cachedStatement(sql: "SELECT kind FROM location WHERE code = ?").readFirst(code.rawValue, row: { $0.text(0) }) ?? nil
        else { throw WarehouseError.unknownLocation(code.rawValue) }
        return LocationKind(rawValue: kind) ?? .quarantine
    }

    private static let readBalance = FastSQL("SELECT quantity FROM stock_balance WHERE sku = ? AND location = ?")

    static func balance(_ db: Database, _ sku: SKU, _ location: LocationCode) throws -> Int {
        try db.cachedStatement(readBalance).readFirst(sku.rawValue, location.rawValue) { $0.int(0) } ?? 0
    }
}
