import GRDB
import ShopDomain
import Storage

/// The stock each order holds back from sale (`stock_reservation`, the warehouse's own table):
/// a paid order not yet handed to the courier reserves its matched items; closed, refunded or
/// handed over, it reserves nothing. The warehouse works it out itself, following Logistics' order
/// ops and reading the order through Logistics' views (`order_v`, `order_line_v`, `waybill_v`),
/// so no other module writes the table (issue 18).
enum Reservations {
    /// What an order reserves, from scratch: its rows are replaced by its matched lines summed per
    /// SKU, in byte order of the SKU (as `GROUP BY` would give), if the order still awaits
    /// shipment. Summed here rather than by `GROUP BY`, whose temporary B-tree cost more than the
    /// order's own rows (issue 20: every imported order comes here).
    static func recompute(_ db: Database, _ order: OrderID) throws {
        try db.cachedStatement(deleteSQL).executeFast(order.rawValue)
        guard try db.cachedStatement(awaitingSQL).readFirst(order.rawValue, row: { $0.int(0) }) == 1 else { return }
        let lines = try db.cachedStatement(linesSQL).readAll(order.rawValue) { ($0.text(0) ?? "", $0.int(1)) }
        var sums: [(sku: String, quantity: Int)] = []
        for (sku, quantity) in lines {
            if let index = sums.firstIndex(where: { $0.sku.utf8.elementsEqual(sku.utf8) }) {
                sums[index].quantity += quantity
            } else {
                sums.append((sku, quantity))
            }
        }
        if sums.count > 1 { sums.sort { $0.sku.utf8.lexicographicallyPrecedes($1.sku.utf8) } }
        for line in sums { try db.cachedStatement(insertSQL).executeFast(order.rawValue, line.sku, line.quantity) }
    }

    /// The orders a SKU mapping matched: their lines now carry the mapped SKU.
    static func mapped(_ db: Database, _ p: SKUMappingSet) throws -> [OrderID] {
        try String.fetchAll(db, sql: "SELECT DISTINCT orderID FROM order_line_v WHERE matchKey = ? AND sku = ? ORDER BY orderID",
                            arguments: [p.key, p.sku.rawValue]).map(OrderID.init(rawValue:))
    }

    private static let deleteSQL = FastSQL("DELETE FROM stock_reservation WHERE ref = ?")
    private static let awaitingSQL = FastSQL("""
        SELECT (SELECT status FROM order_v WHERE id = ?1) IN (\(awaiting))
           AND NOT EXISTS (SELECT 1 FROM waybill_v WHERE orderID = ?1 AND live = 1 AND state = 'handed-over')
        """)
    private static let linesSQL = FastSQL("SELECT sku, quantity FROM order_line_v WHERE orderID = ? AND sku IS NOT NULL ORDER BY line")
    private static let insertSQL = FastSQL("INSERT INTO stock_reservation (ref, sku, quantity) VALUES (?, ?, ?)")

    private static let awaiting = OrderStatus.allCases.filter(\.awaitsShipment).map { "'\($0.rawValue)'" }.joined(separator: ", ")
}
