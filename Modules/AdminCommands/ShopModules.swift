import Storage
import Warehouse

/// The feature modules this program wires into the database. Each later module adds itself here.
enum ShopModules {
    static let all: [StorageModule] = [Warehouse.module]
}
