import Storage
import Warehouse
import Workforce

/// The feature modules this program wires into the database. Each later module adds itself here.
enum ShopModules {
    static let all: [StorageModule] = [Warehouse.module, Workforce.module]
}
