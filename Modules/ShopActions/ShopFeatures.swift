import CustomerCare
import Storage
import Approval
import Listing
import Logistics
import Reporting
import Sync
import Warehouse
import Workforce

/// Every feature the programs wire into the shop database, in one place so the CLI, the daemon
/// and the TUI open the same schema. Each new feature module adds itself here.
public enum ShopFeatures {
    public static let all: [ShopFeature] = [Warehouse.feature, Logistics.feature, Workforce.feature, Approval.feature, Listing.feature, CustomerCare.feature, SyncStore.feature, Reporting.feature]
}
