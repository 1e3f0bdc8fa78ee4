import GRDB
import ShopDomain
import Storage

/// The warehouse as a storage module: products and locations, the stock ledger, receipts with
/// inspection, stocktakes and low-stock alerts (WH-1…WH-10, CS-10, DES-8).
public enum Warehouse {
    public static let feature = ShopFeature(
        name: "warehouse",
        migrations: [.init("warehouse.v1", sql: WarehouseSchema.v1), .init("warehouse.v2", sql: WarehouseSchema.v2),
                     .init("warehouse.v3", sql: WarehouseSchema.v3), .init("warehouse.v4", sql: WarehouseViews.v1),
                     .init("warehouse.v5", sql: WarehouseSchema.v5),
                     .init("warehouse.v6", sql: WarehouseSchema.v6), .init("warehouse.v7", sql: WarehouseSchema.v7)],
        handlers: CatalogHandlers.all + StockHandlers.all + ReceiptHandlers.all + CountHandlers.all + OrderStockHandlers.all,
        readTables: WarehouseSchema.readTables,
        publicViews: WarehouseViews.names,
        handoverFigures: handoverFigures
    )
}

extension Warehouse {
    /// What the warehouse has waiting at a handover (HR-2): low stock, deliveries to inspect,
    /// open stocktakes, recounts after a merge.
    @Sendable static func handoverFigures(_ db: Database) throws -> [HandoverFigure] {
        func figure(_ key: String, _ zh: String, _ en: String, _ sql: String) throws -> HandoverFigure {
            let examples = try String.fetchAll(db, sql: sql)
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(sql.replacingOccurrences(of: " LIMIT 10", with: "")))")!
            return HandoverFigure(key: key, zh: zh, en: en, count: count, examples: examples)
        }
        return [
            try figure("warehouse.low-stock", "低库存提醒", "low-stock alerts",
                       "SELECT sku FROM low_stock_alert WHERE clearedAt IS NULL ORDER BY raisedAt DESC, id DESC LIMIT 10"),
            try figure("warehouse.receipts-open", "待验货收货单", "receipts to inspect",
                       "SELECT id FROM receipt WHERE status = 'open' ORDER BY createdAt LIMIT 10"),
            try figure("warehouse.counts-open", "进行中的盘点", "stocktakes in progress",
                       "SELECT id FROM stock_count WHERE status = 'open' ORDER BY startedAt LIMIT 10"),
            try figure("warehouse.recounts", "需重新清点的库位", "locations to recount",
                       "SELECT sku || '@' || location FROM recount_task ORDER BY id LIMIT 10"),
        ]
    }
}
