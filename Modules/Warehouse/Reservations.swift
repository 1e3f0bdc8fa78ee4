import GRDB
import ShopDomain
import Storage

/// The stock each order holds back from sale (`stock_reservation`, the warehouse's own table):
/// a paid order not yet handed to the courier reserves its matched items; closed, refunded or
/// handed over, it reserves nothing. The warehouse works it out itself, following Logistics' order
/// ops and reading the order through Logistics' views (`order_v`, `order_line_v`, `waybill_v`),
/// so no other module writes the table (issue 18). Being its only writer, it also keeps the units
/// reserved per SKU (`stock_reserved`) and says which SKUs it touched, so the low-stock alerts of
/// exactly those are checked again (WH-6) — in Swift, not by triggers (issue 20: three trigger
/// programs and two statements on a dirty-SKU table for every imported order).
enum Reservations {
    /// SKUs whose reservations an op touched, in byte order of the SKU (as SQLite's `ORDER BY`).
    struct Touched {
        private(set) var skus: [String] = []

        mutating func insert(_ sku: String) {
            if !skus.contains(where: { $0.utf8.elementsEqual(sku.utf8) }) { skus.append(sku) }
        }

        var sorted: [String] {
            skus.count > 1 ? skus.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } : skus
        }
    }

    /// What an order reserves, worked out from scratch: its matched lines summed per SKU if it
    /// still awaits shipment, else nothing. Only the rows that differ are written, and the SKUs of
    /// every row it had or has now are `touched` (as deleting and inserting them all would). Summed
    /// here rather than by `GROUP BY`, whose temporary B-tree cost more than the order's own rows.
    static func recompute(_ db: Database, _ order: OrderID, touched: inout Touched) throws {
        var old: [(sku: String, quantity: Int)] = []
        var new: [(sku: String, quantity: Int)] = []
        try db.cachedStatement(readSQL).readAll(order.rawValue) { row in
            let sku = row.text(1) ?? "", quantity = row.int(2)
            guard row.int(0) == 1 else { return old.append((sku, quantity)) }
            if let index = new.firstIndex(where: { $0.sku.utf8.elementsEqual(sku.utf8) }) {
                new[index].quantity += quantity
            } else {
                new.append((sku, quantity))
            }
        }
        if new.count > 1 { new.sort { $0.sku.utf8.lexicographicallyPrecedes($1.sku.utf8) } }
        for (sku, quantity) in new {
            touched.insert(sku)
            if let held = old.first(where: { $0.sku.utf8.elementsEqual(sku.utf8) }) {
                guard held.quantity != quantity else { continue }
                try db.cachedStatement(updateSQL).executeFast(quantity, order.rawValue, sku)
                try reserved(db, sku, by: quantity - held.quantity)
            } else {
                try db.cachedStatement(insertSQL).executeFast(order.rawValue, sku, quantity)
                try reserved(db, sku, by: quantity)
            }
        }
        for (sku, quantity) in old where !new.contains(where: { $0.sku.utf8.elementsEqual(sku.utf8) }) {
            touched.insert(sku)
            try db.cachedStatement(deleteSQL).executeFast(order.rawValue, sku)
            try reserved(db, sku, by: -quantity)
        }
    }

    /// `stock_reserved` follows a row's change; a SKU with nothing reserved has no row.
    private static func reserved(_ db: Database, _ sku: String, by delta: Int) throws {
        try db.cachedStatement(addReservedSQL).executeFast(sku, delta)
        if delta < 0 { try db.cachedStatement(dropEmptySQL).executeFast(sku) }
        ProjectionContext.memo(Ledger.CatalogMemo.self, db)?.reserved(SKU(rawValue: sku), by: delta)
    }

    /// The orders a SKU mapping matched: their lines now carry the mapped SKU.
    static func mapped(_ db: Database, _ p: SKUMappingSet) throws -> [OrderID] {
        try String.fetchAll(db, sql: "SELECT DISTINCT orderID FROM order_line_v WHERE matchKey = ? AND sku = ? ORDER BY orderID",
                            arguments: [p.key, p.sku.rawValue]).map(OrderID.init(rawValue:))
    }

    /// In one statement: what the order holds now (0), then its matched lines if it awaits
    /// shipment and is not handed over (1), none otherwise.
    private static let readSQL = FastSQL("""
        SELECT 0, sku, quantity FROM stock_reservation WHERE ref = ?1
        UNION ALL
        SELECT 1, sku, quantity FROM order_line_v WHERE orderID = ?1 AND sku IS NOT NULL
           AND (SELECT status FROM order_v WHERE id = ?1) IN (\(awaiting))
           AND NOT EXISTS (SELECT 1 FROM waybill_v WHERE orderID = ?1 AND live = 1 AND state = 'handed-over')
        """)
    private static let insertSQL = FastSQL("INSERT INTO stock_reservation (ref, sku, quantity) VALUES (?, ?, ?)")
    private static let updateSQL = FastSQL("UPDATE stock_reservation SET quantity = ? WHERE ref = ? AND sku = ?")
    private static let deleteSQL = FastSQL("DELETE FROM stock_reservation WHERE ref = ? AND sku = ?")
    private static let addReservedSQL = FastSQL("""
        INSERT INTO stock_reserved (sku, quantity) VALUES (?, ?) ON CONFLICT (sku) DO UPDATE SET quantity = quantity + excluded.quantity
        """)
    private static let dropEmptySQL = FastSQL("DELETE FROM stock_reserved WHERE sku = ? AND quantity = 0")

    private static let awaiting = OrderStatus.allCases.filter(\.awaitsShipment).map { "'\($0.rawValue)'" }.joined(separator: ", ")
}
