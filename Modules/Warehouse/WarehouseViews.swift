/// What other modules may read of the warehouse's tables (issue 18): the catalogue, locations,
/// stock per location, reserved units, movements, receipts and low-stock alerts. The columns are
/// the contract; the tables behind them are the warehouse's own to change.
enum WarehouseViews {
    static let names = ["product_v", "location_v", "stock_v", "stock_reserved_v", "stock_movement_v", "receipt_line_v",
                        "low_stock_alert_v"]

    static let v1 = """
        CREATE VIEW product_v AS
            SELECT sku, style, name, colour, size, category, barcode, cost, price, kind, lowThreshold, addedAt FROM product;
        CREATE VIEW location_v AS
            SELECT code, zone, kind FROM location;
        CREATE VIEW stock_v AS
            SELECT b.sku, b.location, l.kind, b.quantity FROM stock_balance b JOIN location l ON l.code = b.location;
        CREATE VIEW stock_reserved_v AS
            SELECT sku, quantity FROM stock_reserved;
        CREATE VIEW stock_movement_v AS
            SELECT id, sku, location, delta, kind, ref, reason, actor, at FROM stock_movement;
        CREATE VIEW receipt_line_v AS
            SELECT l.receiptID, r.vendor, r.status, r.createdAt, r.postedAt, l.sku, l.expected, l.location, l.accepted, l.rejected
            FROM receipt_line l JOIN receipt r ON r.id = l.receiptID;
        CREATE VIEW low_stock_alert_v AS
            SELECT id, sku, available, threshold, raisedAt, clearedAt FROM low_stock_alert;
        """
}
