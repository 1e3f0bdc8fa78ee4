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
    /// SKU, in the order `GROUP BY` gives (byte order), if the order still awaits shipment.
    static func recompute(_ db: Database, _ order: OrderID) throws {
        try db.cachedStatement(sql: "DELETE FROM stock_reservation WHERE ref = ?").executeFast(order.rawValue)
        try db.cachedStatement(sql: insertSQL).executeFast(order.rawValue)
    }

    /// The orders a SKU mapping matched: their lines now carry the mapped SKU.
    static func mapped(_ db: Database, _ p: SKUMappingSet) throws -> [OrderID] {
        try String.fetchAll(db, sql: "SELECT DISTINCT orderID FROM order_line_v WHERE matchKey = ? AND sku = ? ORDER BY orderID",
                            arguments: [p.key, p.sku.rawValue]).map(OrderID.init(rawValue:))
    }

    private static let insertSQL = """
        INSERT INTO stock_reservation (ref, sku, quantity)
        SELECT orderID, sku, SUM(quantity) FROM order_line_v
        WHERE orderID = ?1 AND sku IS NOT NULL
          AND (SELECT status FROM order_v WHERE id = ?1) IN (\(awaiting))
          AND NOT EXISTS (SELECT 1 FROM waybill_v WHERE orderID = ?1 AND live = 1 AND state = 'handed-over')
        GROUP BY sku
        """

    private static let awaiting = OrderStatus.allCases.filter(\.awaitsShipment).map { "'\($0.rawValue)'" }.joined(separator: ", ")
}
