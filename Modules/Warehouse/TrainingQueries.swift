import Foundation
import GRDB
import ShopDomain
import Storage

extension WarehouseQueries {
    /// Who has learned a product (DES-8) and which active staff have not yet.
    public struct Training: Sendable, Codable, Equatable {
        public var sku: String
        public var trained: [String]
        public var untrained: [String]
    }

    /// Training per product; with `sku`, one product; `gapsOnly` drops products everyone knows.
    public static func training(_ db: Database, sku: SKU? = nil, gapsOnly: Bool = false) throws -> [Training] {
        let staff = try CoreQueries.staffList(db, includeInactive: false).map(\.staff)
        let done = Dictionary(grouping: try Row.fetchAll(db, sql: "SELECT sku, staffID FROM product_training"), by: { $0["sku"] as String })
            .mapValues { Set($0.map { $0["staffID"] as String }) }
        let skus: [String]
        if let sku {
            _ = try Ledger.requireProduct(db, sku)
            skus = [sku.rawValue]
        } else {
            skus = try String.fetchAll(db, sql: "SELECT sku FROM product WHERE kind = 'goods' ORDER BY sku")
        }
        return skus.compactMap { sku in
            let learned = done[sku] ?? []
            let row = Training(sku: sku, trained: staff.filter { learned.contains($0.id.rawValue) }.map(\.name),
                               untrained: staff.filter { !learned.contains($0.id.rawValue) }.map(\.name))
            return gapsOnly && row.untrained.isEmpty ? nil : row
        }
    }
}
