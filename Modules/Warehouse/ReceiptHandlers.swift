import GRDB
import ShopDomain
import Storage

/// Receipts with inspection (WH-1, WH-2): create with expected lines, inspect each line, post.
enum ReceiptHandlers {
    static let all: [OpHandler] = [
        OpHandler(ReceiptCreated.self, authorization: .permission(.receiveGoods), project: created),
        OpHandler(ReceiptInspected.self, authorization: .permission(.receiveGoods), project: inspected),
        OpHandler(ReceiptPosted.self, authorization: .permission(.receiveGoods), project: posted),
    ]

    static func created(_ p: ReceiptCreated, _ op: Op, _ db: Database) throws {
        let vendor = p.vendor.trimmingWhitespace()
        guard !vendor.isEmpty else { throw WarehouseError.emptyVendor }
        guard !p.lines.isEmpty else { throw WarehouseError.receiptEmpty }
        try db.execute(sql: "INSERT INTO receipt (id, vendor, status, createdAt, createdBy) VALUES (?, ?, 'open', ?, ?)",
                       arguments: [p.receipt, vendor, op.hlc.wallMillis, op.actor.rawValue])
        var seen: Set<SKU> = []
        for line in p.lines {
            guard line.expected > 0 else { throw WarehouseError.notPositive(line.expected) }
            try InputLimits.check(quantity: line.expected, "expected", positive: true)  // issue 19
            guard seen.insert(line.sku).inserted else { throw WarehouseError.duplicateLine(line.sku.rawValue) }
            let product = try Ledger.requireProduct(db, line.sku)
            let location = try line.location ?? homeLocation(db, category: product.category)
            _ = try Ledger.requireLocation(db, location)
            try db.execute(sql: "INSERT INTO receipt_line (receiptID, sku, expected, location) VALUES (?, ?, ?, ?)",
                           arguments: [p.receipt, line.sku.rawValue, line.expected, location.rawValue])
        }
    }

    /// The first sellable location in the category's home zone (WH-3).
    static func homeLocation(_ db: Database, category: String) throws -> LocationCode {
        let code = try String.fetchOne(db, sql: """
            SELECT l.code FROM category_zone z JOIN location l ON l.zone = z.zone AND l.kind = 'sellable'
            WHERE z.category = ? ORDER BY l.code LIMIT 1
            """, arguments: [category])
        guard let code else { throw WarehouseError.noHomeLocation(category: category) }
        return LocationCode(rawValue: code)
    }

    static func openReceipt(_ db: Database, _ id: String) throws -> String {
        guard let row = try Row.fetchOne(db, sql: "SELECT status, vendor FROM receipt WHERE id = ?", arguments: [id]) else {
            throw WarehouseError.unknownReceipt(id)
        }
        guard row["status"] as String == "open" else { throw WarehouseError.receiptPosted(id) }
        return row["vendor"]
    }

    static func inspected(_ p: ReceiptInspected, _ op: Op, _ db: Database) throws {
        _ = try openReceipt(db, p.receipt)
        guard p.accepted >= 0, p.rejected >= 0 else { throw WarehouseError.notPositive(min(p.accepted, p.rejected)) }
        try InputLimits.check(quantity: p.accepted, "accepted")  // issue 19
        try InputLimits.check(quantity: p.rejected, "rejected")
        let reason = p.reason?.trimmingWhitespace()
        if p.rejected > 0, reason?.isEmpty ?? true { throw WarehouseError.reasonRequired }
        try db.execute(sql: """
            UPDATE receipt_line SET accepted = ?, rejected = ?, reason = ?, wrongName = ?, inspectedBy = ?
            WHERE receiptID = ? AND sku = ?
            """, arguments: [p.accepted, p.rejected, reason, p.wrongName?.trimmingWhitespace(), op.actor.rawValue,
                             p.receipt, p.sku.rawValue])
        guard db.changesCount == 1 else { throw WarehouseError.notOnReceipt(sku: p.sku.rawValue, receipt: p.receipt) }
    }

    static func posted(_ p: ReceiptPosted, _ op: Op, _ db: Database) throws {
        // Posted on two devices: the second is a harmless duplicate, its target state already holds.
        if try !ProjectionContext.isLocal(op, db),
           try String.fetchOne(db, sql: "SELECT status FROM receipt WHERE id = ?", arguments: [p.receipt]) == "posted" { return }
        let vendor = try openReceipt(db, p.receipt)
        let lines = try Row.fetchAll(db, sql: "SELECT * FROM receipt_line WHERE receiptID = ? ORDER BY rowid", arguments: [p.receipt])
        let uninspected = lines.filter { ($0["accepted"] as Int?) == nil }.map { $0["sku"] as String }
        guard uninspected.isEmpty else { throw WarehouseError.uninspected(uninspected) }
        for line in lines {
            let sku = SKU(rawValue: line["sku"])
            let expected: Int = line["expected"], accepted: Int = line["accepted"], rejected: Int = line["rejected"]
            if accepted > 0 {
                try Ledger.post(db, op, sku: sku, location: LocationCode(rawValue: line["location"]), delta: accepted,
                                kind: .receipt, ref: p.receipt)
                try Ledger.evaluateAlert(db, op, sku)
            }
            if rejected > 0 {  // WH-1: unqualified goods go back to the vendor
                try db.execute(sql: """
                    INSERT INTO vendor_return (receiptID, vendor, sku, quantity, reason, at) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [p.receipt, vendor, sku.rawValue, rejected, line["reason"] as String? ?? "", op.hlc.wallMillis])
            }
            if accepted + rejected != expected {  // WH-2: a wrong quantity is reported to purchasing
                try discrepancy(db, op, p.receipt, vendor, sku, "quantity", expected, accepted + rejected, nil)
            }
            if let wrongName: String = line["wrongName"], !wrongName.isEmpty {  // WH-2: a wrong name too
                try discrepancy(db, op, p.receipt, vendor, sku, "name", expected, accepted + rejected, wrongName)
            }
        }
        try db.execute(sql: "UPDATE receipt SET status = 'posted', postedAt = ? WHERE id = ?", arguments: [op.hlc.wallMillis, p.receipt])
    }

    private static func discrepancy(_ db: Database, _ op: Op, _ receipt: String, _ vendor: String, _ sku: SKU, _ kind: String,
                                    _ expected: Int, _ received: Int, _ note: String?) throws {
        try db.execute(sql: """
            INSERT INTO receipt_discrepancy (receiptID, vendor, sku, kind, expected, received, note, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [receipt, vendor, sku.rawValue, kind, expected, received, note, op.hlc.wallMillis])
    }
}
