import CustomerCare
import Storage
import Logistics
import Sync
import Warehouse
import Workforce

/// Every module the programs wire into the shop database, in one place so the CLI, the daemon
/// and the TUI open the same schema. Each new feature module adds itself here.
public enum ShopModules {
    public static let all: [StorageModule] = [Warehouse.module, Logistics.module, Workforce.module, CustomerCare.module, SyncStore.module]
}
