import GRDB
import ShopDomain
import Storage

/// Orders and logistics as a storage module: imported orders and their reservations, CS-8 notes
/// and add-ons, waybill number stock, print batches, packing, courier pickups, claims and
/// statements (LOG-1…LOG-13, WH-7…WH-9, CS-8).
public enum Logistics {
    public static let feature = ShopFeature(
        name: "logistics",
        migrations: [.init("logistics.v1", sql: LogisticsSchema.v1), .init("logistics.v2", sql: LogisticsViews.v1),
                     .init("logistics.views-reporting", sql: LogisticsReportingViews.v1)],
        handlers: OrderHandlers.all + WaybillHandlers.all + ParcelHandlers.all + StatementHandlers.all,
        readTables: LogisticsSchema.readTables,
        publicViews: LogisticsViews.names + LogisticsReportingViews.names,
        handoverFigures: handoverFigures
    )
}

extension Logistics {
    /// What orders and shipping have waiting at a handover (HR-2).
    @Sendable static func handoverFigures(_ db: Database) throws -> [HandoverFigure] {
        func figure(_ key: String, _ zh: String, _ en: String, _ from: String, _ example: String) throws -> HandoverFigure {
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(from)")!
            let examples = try String.fetchAll(db, sql: "SELECT \(example) \(from) LIMIT 10")
            return HandoverFigure(key: key, zh: zh, en: en, count: count, examples: examples)
        }
        return [
            try figure("orders.paid-not-printed", "已付款未打单", "paid, no waybill yet", """
                FROM order_header o WHERE o.status IN ('paid', 'partly-shipped')
                AND NOT EXISTS (SELECT 1 FROM waybill w WHERE w.orderID = o.id AND w.live = 1) ORDER BY o.paidAt
                """, "o.id"),
            try figure("orders.printed-not-packed", "已打单未打包", "printed, not packed",
                       "FROM waybill WHERE live = 1 AND state = 'printed' ORDER BY batch, seq", "number"),
            try figure("orders.packed-awaiting-pickup", "已打包待揽收", "packed, awaiting pickup",
                       "FROM waybill WHERE live = 1 AND state = 'packed' ORDER BY packedAt", "number"),
            try figure("orders.closed-with-waybill", "已关闭或退款但有未作废快递单", "closed or refunded with a live waybill", """
                FROM waybill w JOIN order_header o ON o.id = w.orderID
                WHERE w.live = 1 AND w.state <> 'handed-over' AND o.status IN ('closed', 'completed') ORDER BY w.number
                """, "w.number"),
            try figure("orders.unmatched-lines", "未对应商家编码的订单行", "order lines without a SKU", """
                FROM order_line l JOIN order_header o ON o.id = l.orderID
                WHERE l.sku IS NULL AND o.status IN ('paid', 'partly-shipped') ORDER BY l.orderID
                """, "l.orderID || ' ' || l.title"),
        ]
    }
}
