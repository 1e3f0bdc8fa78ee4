import GRDB
import ShopDomain
import Storage

/// Stocktakes (WH-4): snapshot, blind counts (category totals, then items), post variances.
///
/// Each count records the book quantity at the moment it is entered, so goods that move while
/// a stocktake is open are neither lost nor counted twice: the variance is the count minus the
/// book at that moment, and posting adds it to whatever the book holds by then.
enum CountHandlers {
    static let all: [OpHandler] = [
        OpHandler(CountStarted.self, authorization: .permission(.countStock), project: started),
        OpHandler(CountEntered.self, authorization: .permission(.countStock), project: entered),
        OpHandler(CountPosted.self, authorization: .permission(.postCount), project: posted),
    ]

    static func started(_ p: CountStarted, _ op: Op, _ db: Database) throws {
        if let location = p.location { _ = try Ledger.requireLocation(db, location) }
        try db.execute(sql: """
            INSERT INTO stock_count (id, kind, category, location, status, startedAt, startedBy) VALUES (?, ?, ?, ?, 'open', ?, ?)
            """, arguments: [p.count, p.kind.rawValue, p.category, p.location?.rawValue, op.hlc.wallMillis, op.actor.rawValue])
        try db.execute(sql: """
            INSERT INTO stock_count_line (countID, sku, location, category, snapshot)
            SELECT ?, b.sku, b.location, p.category, b.quantity FROM stock_balance b JOIN product p ON p.sku = b.sku
            WHERE b.quantity != 0 AND (?2 IS NULL OR p.category = ?2) AND (?3 IS NULL OR b.location = ?3)
            ORDER BY b.sku, b.location
            """, arguments: [p.count, p.category, p.location?.rawValue])
    }

    static func openCount(_ db: Database, _ id: String) throws -> Row {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM stock_count WHERE id = ?", arguments: [id]) else {
            throw WarehouseError.unknownCount(id)
        }
        guard row["status"] as String == "open" else { throw WarehouseError.countClosed(id) }
        return row
    }

    static func entered(_ p: CountEntered, _ op: Op, _ db: Database) throws {
        let count = try openCount(db, p.count)
        guard p.quantity >= 0 else { throw WarehouseError.notPositive(p.quantity) }
        try InputLimits.check(p.quantity, "quantity", range: 0...InputLimits.balance)  // issue 19: a category total may pass one line's limit
        if let sku = p.sku {
            guard let location = p.location else { throw WarehouseError.unknownLocation("") }
            let product = try Ledger.requireProduct(db, sku)
            _ = try Ledger.requireLocation(db, location)
            if let scope: String = count["location"], scope != location.rawValue {
                throw WarehouseError.outOfScope(sku: "\(sku.rawValue)@\(location.rawValue)", count: p.count)
            }
            if let scope: String = count["category"], scope != product.category {
                throw WarehouseError.outOfScope(sku: sku.rawValue, count: p.count)
            }
            let book = try Ledger.balance(db, sku, location)
            try db.execute(sql: """
                INSERT INTO stock_count_line (countID, sku, location, category, snapshot, counted, expectedAtEntry, countedBy)
                VALUES (?, ?, ?, ?, 0, ?, ?, ?)
                ON CONFLICT (countID, sku, location) DO UPDATE SET counted = excluded.counted,
                    expectedAtEntry = excluded.expectedAtEntry, countedBy = excluded.countedBy
                """, arguments: [p.count, sku.rawValue, location.rawValue, product.category, p.quantity, book, op.actor.rawValue])
        } else if let category = p.category {
            let known = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM stock_count_line WHERE countID = ? AND category = ?)",
                                          arguments: [p.count, category])!
            guard known else { throw WarehouseError.unknownCategory(category) }
            let book = try categoryBook(db, p.count, category)
            try db.execute(sql: """
                INSERT INTO stock_count_category (countID, category, counted, expectedAtEntry, countedBy) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (countID, category) DO UPDATE SET counted = excluded.counted,
                    expectedAtEntry = excluded.expectedAtEntry, countedBy = excluded.countedBy
                """, arguments: [p.count, category, p.quantity, book, op.actor.rawValue])
        } else {
            throw WarehouseError.unknownCategory("")
        }
    }

    /// The book quantity now of every item of a category in the count's scope.
    static func categoryBook(_ db: Database, _ count: String, _ category: String) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT COALESCE(SUM(b.quantity), 0) FROM stock_count_line l
            LEFT JOIN stock_balance b ON b.sku = l.sku AND b.location = l.location
            WHERE l.countID = ? AND l.category = ?
            """, arguments: [count, category])!
    }

    static func posted(_ p: CountPosted, _ op: Op, _ db: Database) throws {
        // Posted on two devices: the second is a harmless duplicate, its target state already holds.
        if try !ProjectionContext.isLocal(op, db),
           try String.fetchOne(db, sql: "SELECT status FROM stock_count WHERE id = ?", arguments: [p.count]) == "posted" { return }
        _ = try openCount(db, p.count)
        let lines = try Row.fetchAll(db, sql: "SELECT * FROM stock_count_line WHERE countID = ? ORDER BY sku, location", arguments: [p.count])
        let totals = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
            SELECT category, counted, expectedAtEntry FROM stock_count_category WHERE countID = ?
            """, arguments: [p.count]).map { ($0["category"] as String, ($0["counted"] as Int, $0["expectedAtEntry"] as Int)) })
        guard lines.contains(where: { ($0["counted"] as Int?) != nil }) || !totals.isEmpty else { throw WarehouseError.nothingCounted }
        for (category, categoryLines) in Dictionary(grouping: lines, by: { $0["category"] as String }).sorted(by: { $0.key < $1.key }) {
            let uncounted = categoryLines.filter { ($0["counted"] as Int?) == nil }
            guard !uncounted.isEmpty else { continue }
            if let total = totals[category], total.0 == total.1 { continue }  // the category total matched the book
            throw WarehouseError.uncountedCategory(category: category, difference: totals[category].map { $0.0 - $0.1 } ?? 0,
                                                   items: uncounted.map { "\($0["sku"] as String)@\($0["location"] as String)" })
        }
        for line in lines {
            guard let counted: Int = line["counted"], let book: Int = line["expectedAtEntry"], counted != book else { continue }
            let sku = SKU(rawValue: line["sku"])
            try Ledger.post(db, op, sku: sku, location: LocationCode(rawValue: line["location"]), delta: counted - book,
                            kind: .countVariance, ref: p.count)
            try Ledger.evaluateAlert(db, op, sku)
        }
        try db.execute(sql: "UPDATE stock_count SET status = 'posted', postedAt = ? WHERE id = ?", arguments: [op.hlc.wallMillis, p.count])
    }
}
