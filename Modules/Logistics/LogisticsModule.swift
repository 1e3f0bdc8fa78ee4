import GRDB
import ShopDomain
import Storage

/// Orders and logistics as a storage module (LOG-1…LOG-13, WH-7…WH-9, CS-8).
public enum Logistics {
    public static let module = StorageModule(
        name: "logistics",
        migrations: [],
        handlers: [],
        readTables: []
    )
}
