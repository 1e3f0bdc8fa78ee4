import ShopDomain
import Storage
import Warehouse

extension ShopSession {
    /// WH-5: goods found defective move into the defective stock — the location given, else the
    /// shop's first defective location. Returns the product and where the goods went.
    @discardableResult
    public func moveToDefective(_ sku: String, from: String, to: String?, quantity: Int, reason: String,
                                as actor: Staff) throws -> (sku: SKU, to: LocationCode) {
        let (code, target) = try read { db in
            let target = try to.map { try LocationCode.parse($0) } ?? WarehouseQueries.firstLocation(db, of: .defective)
            guard let target else { throw WarehouseError.noLocation(.defective) }
            return (try WarehouseQueries.findProduct(db, sku), target)
        }
        try apply(StockMoved(sku: code, from: try LocationCode.parse(from), to: target, quantity: quantity, reason: reason), as: actor)
        return (code, target)
    }
}
