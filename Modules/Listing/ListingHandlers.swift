import Foundation
import GRDB
import ShopDomain
import Storage

/// The listing clock (DES-1), the stages and the checklist (DES-2…DES-6), going on sale.
enum ListingHandlers {
    static let all: [OpHandler] = [
        .following(ReceiptPosted.self, project: receiptPosted),
        OpHandler(ListingStageRecorded.self, authorization: .permission(.manageCatalog), project: stageRecorded),
        OpHandler(ListingTicked.self, authorization: .permission(.manageCatalog), project: ticked),
        OpHandler(ListingOnSale.self, authorization: .permission(.manageCatalog), project: onSale),
    ]

    /// DES-1: a style's first accepted goods start its clock; it is due on sale within the policy's
    /// days of that shop day (the policy in force on the arrival day). Reads Warehouse's views only.
    static func receiptPosted(_ p: ReceiptPosted, _ op: Op, _ db: Database) throws {
        let styles = try String.fetchAll(db, sql: """
            SELECT DISTINCT p.style FROM receipt_line_v l JOIN product_v p ON p.sku = l.sku
            WHERE l.receiptID = ? AND l.accepted > 0 AND p.kind = 'goods' ORDER BY p.style
            """, arguments: [p.receipt])
        guard !styles.isEmpty else { return }
        let day = try ProjectionContext.day(of: op, db)
        guard case .days(let days) = try ProjectionContext.policy(ListingPolicy.listingDays, on: day, db) else { return }
        for style in styles {
            try db.execute(sql: "INSERT OR IGNORE INTO listing (style) VALUES (?)", arguments: [style])
            try db.execute(sql: """
                UPDATE listing SET arrivedAt = ?, arrivalDay = ?, dueOn = ?, receiptID = ? WHERE style = ? AND arrivedAt IS NULL
                """, arguments: [op.hlc.wallMillis, day.description, day.adding(days: days).description, p.receipt, style])
        }
    }

    /// The style must be in the catalogue (`product_v`); its listing row is made on first use.
    static func requireListing(_ db: Database, _ style: String) throws -> Row {
        if let row = try Row.fetchOne(db, sql: "SELECT * FROM listing WHERE style = ?", arguments: [style]) { return row }
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM product_v WHERE style = ? AND kind = 'goods')",
                                arguments: [style]) == true
        else { throw ListingError.unknownStyle(style) }
        try db.execute(sql: "INSERT INTO listing (style) VALUES (?)", arguments: [style])
        return try Row.fetchOne(db, sql: "SELECT * FROM listing WHERE style = ?", arguments: [style])!
    }

    static func stageRecorded(_ p: ListingStageRecorded, _ op: Op, _ db: Database) throws {
        let row = try requireListing(db, p.style)
        guard (row["onSaleAt"] as Int64?) == nil else { throw ListingError.alreadyOnSale(p.style) }
        guard (row["\(p.stage.rawValue)At"] as Int64?) == nil else { throw ListingError.stageRecorded(style: p.style, stage: p.stage) }
        let index = ListingStage.allCases.firstIndex(of: p.stage)!
        if index > 0 {
            let before = ListingStage.allCases[index - 1]
            guard (row["\(before.rawValue)At"] as Int64?) != nil else {
                throw ListingError.stageOutOfOrder(style: p.style, stage: p.stage, needs: before)
            }
        }
        try db.execute(sql: "UPDATE listing SET \(p.stage.rawValue)At = ?, \(p.stage.rawValue)By = ? WHERE style = ?",
                       arguments: [op.hlc.wallMillis, op.actor.rawValue, p.style])
    }

    static func ticked(_ p: ListingTicked, _ op: Op, _ db: Database) throws {
        let row = try requireListing(db, p.style)
        guard (row["onSaleAt"] as Int64?) == nil else { throw ListingError.alreadyOnSale(p.style) }
        // DES-6: the page is reviewed after it is listed.
        if p.item == .pageReviewed, (row["listedAt"] as Int64?) == nil { throw ListingError.reviewBeforeListing(p.style) }
        var passed = p.passed
        if p.item == .price {
            guard let price = p.price else { throw ListingError.priceRequired }
            let mismatches = try PriceCheck.mismatches(db, style: p.style, price: price)
            passed = passed && mismatches.isEmpty
        }
        let note = p.note?.trimmingWhitespace()
        try db.execute(sql: """
            INSERT OR REPLACE INTO listing_tick (style, item, passed, price, note, byStaff, at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [p.style, p.item.rawValue, passed, p.price?.fen, note?.isEmpty == true ? nil : note,
                             op.actor.rawValue, op.hlc.wallMillis])
    }

    static func onSale(_ p: ListingOnSale, _ op: Op, _ db: Database) throws {
        let row = try requireListing(db, p.style)
        guard (row["onSaleAt"] as Int64?) == nil else { throw ListingError.alreadyOnSale(p.style) }
        let blockers = try ListingRules.blockers(db, style: p.style)
        guard blockers.isEmpty else { throw ListingError.notReady(style: p.style, blockers: blockers) }
        let day = try ProjectionContext.day(of: op, db)
        try db.execute(sql: "UPDATE listing SET onSaleAt = ?, onSaleDay = ?, onSaleBy = ? WHERE style = ?",
                       arguments: [op.hlc.wallMillis, day.description, op.actor.rawValue, p.style])
    }
}

/// The policy items the listing reads.
enum ListingPolicy {
    static let listingDays = PolicyCatalog.item("DES-1.listing-days")!
    static let mainWidth = PolicyCatalog.item("DES-2.main-image-width")!
    static let detailImages = PolicyCatalog.item("DES-3.detail-images")!
    static let soldOutDays = PolicyCatalog.item("DES-7.sold-out-days")!
}
