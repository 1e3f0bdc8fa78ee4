import GRDB
import ShopDomain
import Storage

/// Products, training, thresholds, locations and home zones.
enum CatalogHandlers {
    static let all: [OpHandler] = [
        OpHandler(ProductAdded.self, authorization: .permission(.manageCatalog), project: productAdded),
        OpHandler(ProductTrained.self, authorization: .anyStaff, project: productTrained),
        OpHandler(ThresholdSet.self, authorization: .permission(.manageCatalog), project: thresholdSet),
        OpHandler(LocationAdded.self, authorization: .permission(.manageCatalog), project: locationAdded),
        OpHandler(CategoryZoneSet.self, authorization: .permission(.manageCatalog), project: categoryZoneSet),
    ]

    static func productAdded(_ p: ProductAdded, _ op: Op, _ db: Database) throws {
        let product = try p.product.validated()
        let exists = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM product WHERE sku = ?)"),
                                       arguments: [product.sku.rawValue])!
        guard !exists else { throw WarehouseError.productExists(product.sku.rawValue) }
        if let barcode = product.barcode,
           let holder = try String.fetchOne(db.cachedStatement(sql: "SELECT sku FROM product WHERE barcode = ?"), arguments: [barcode]) {
            throw WarehouseError.barcodeTaken(barcode, by: holder)
        }
        try db.cachedStatement(sql: """
            INSERT INTO product (sku, style, name, colour, size, category, barcode, cost, price, kind, addedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                product.sku.rawValue, product.style, product.name, product.colour, product.size, product.category,
                product.barcode, product.cost?.fen, product.price.fen, product.kind.rawValue, op.hlc.wallMillis,
            ])
        ProjectionContext.forget(db)  // `Ledger.CatalogMemo` is read from `product`
    }

    /// DES-8: each person acknowledges for themselves; a second acknowledgement is harmless.
    static func productTrained(_ p: ProductTrained, _ op: Op, _ db: Database) throws {
        guard p.staff == op.actor else { throw WarehouseError.trainingForOther }
        _ = try Ledger.requireProduct(db, p.sku)
        try db.execute(sql: "INSERT OR IGNORE INTO product_training (sku, staffID, at) VALUES (?, ?, ?)",
                       arguments: [p.sku.rawValue, p.staff.rawValue, op.hlc.wallMillis])
    }

    static func thresholdSet(_ p: ThresholdSet, _ op: Op, _ db: Database) throws {
        _ = try Ledger.requireProduct(db, p.sku)
        if let threshold = p.threshold, threshold < 0 { throw WarehouseError.notPositive(threshold) }
        if let threshold = p.threshold { try InputLimits.check(quantity: threshold, "threshold") }  // issue 19
        try db.execute(sql: "UPDATE product SET lowThreshold = ? WHERE sku = ?", arguments: [p.threshold, p.sku.rawValue])
        ProjectionContext.forget(db)  // the rule `Ledger.CatalogMemo` holds
        try Ledger.evaluateAlert(db, op, p.sku)
    }

    static func locationAdded(_ p: LocationAdded, _ op: Op, _ db: Database) throws {
        let code = try LocationCode.parse(p.code.rawValue)
        let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM location WHERE code = ?)", arguments: [code.rawValue])!
        guard !exists else { throw WarehouseError.locationExists(code.rawValue) }
        try db.execute(sql: "INSERT INTO location (code, zone, kind) VALUES (?, ?, ?)",
                       arguments: [code.rawValue, code.zone, p.kind.rawValue])
        ProjectionContext.forget(db)  // `Ledger.CatalogMemo` is read from `location`
    }

    static func categoryZoneSet(_ p: CategoryZoneSet, _ op: Op, _ db: Database) throws {
        let category = p.category.trimmingWhitespace()
        guard !category.isEmpty else { throw CatalogError.missing("category") }
        try db.execute(sql: """
            INSERT INTO category_zone (category, zone) VALUES (?, ?)
            ON CONFLICT (category) DO UPDATE SET zone = excluded.zone
            """, arguments: [category, p.zone.uppercased()])
    }
}
