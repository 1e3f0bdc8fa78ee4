import Storage

/// The warehouse as a storage module: products and locations, the stock ledger, receipts with
/// inspection, stocktakes and low-stock alerts (WH-1…WH-10, CS-10, DES-8).
public enum Warehouse {
    public static let module = StorageModule(
        name: "warehouse",
        migrations: [.init("warehouse.v1", sql: WarehouseSchema.v1)],
        handlers: CatalogHandlers.all + StockHandlers.all + ReceiptHandlers.all + CountHandlers.all,
        readTables: WarehouseSchema.readTables
    )
}
