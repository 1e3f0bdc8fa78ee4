/// What other modules may read of the orders and shipping tables (issue 18): orders, their
/// lines and waybills. The columns are the contract; the tables behind them are Logistics' own.
enum LogisticsViews {
    static let names = ["order_v", "order_line_v", "waybill_v"]

    static let v1 = """
        CREATE VIEW order_v AS
            SELECT id, buyer, status, closeReason, refunded, goodsTotal, postage, total, paid, buyerMessage, consignee, phone,
                   address, postcode, createdAt, paidAt, sellerRemark, importedAt, updatedAt, takenBy, takenAt, extraPostage
            FROM order_header;
        CREATE VIEW order_line_v AS
            SELECT orderID, line, title, attributes, colour, size, quantity, price, merchantCode, sku, matchKey FROM order_line;
        CREATE VIEW waybill_v AS
            SELECT number, courier, orderID, live, state, printedBy, printedAt, packedBy, packedAt, pickupID, handedAt, grams, fee,
                   undeliverableAt
            FROM waybill;
        """
}
