import GRDB
import ShopDomain
import Storage

/// What orders and shipping do to stock, projected by the warehouse on Logistics' ops: an order
/// reserves its items (`Reservations`) and a reservation that changed re-checks the SKU's
/// low-stock alert; a parcel handed to the courier leaves stock (WH-9); packing uses supplies
/// (WH-10). `Reservations` says which SKUs each recompute touched.
enum OrderStockHandlers {
    static let all: [OpHandler] = [
        .following(OrderImported.self) { p, op, db in try reserve(op, db, [p.order.order]) },
        .following(OrderStatusChanged.self) { p, op, db in try reserve(op, db, [p.order]) },
        .following(SKUMappingSet.self) { p, op, db in try reserve(op, db, try Reservations.mapped(db, p)) },
        .following(OrderItemAdded.self) { p, op, db in try reserve(op, db, [p.order]) },
        .following(PickupConfirmed.self, project: handedOver),
        .following(ParcelPacked.self, project: packed),
    ]

    /// The orders' reservations worked out again, then the alerts of the SKUs that changed.
    static func reserve(_ op: Op, _ db: Database, _ orders: [OrderID]) throws {
        var touched = Reservations.Touched()
        for order in orders { try Reservations.recompute(db, order, touched: &touched) }
        try reservationsChanged(op, db, touched)
    }

    /// WH-6: the alerts of the SKUs whose reservations changed, in SKU order.
    static func reservationsChanged(_ op: Op, _ db: Database, _ touched: Reservations.Touched) throws {
        for sku in touched.sorted { try Ledger.evaluateAlert(db, op, SKU(rawValue: sku)) }
    }

    /// WH-9: the courier has the parcels; each item leaves the sellable location holding most of
    /// it. The goods are gone whatever the book says, so a shortfall raises a recount, never a refusal.
    static func handedOver(_ p: PickupConfirmed, _ op: Op, _ db: Database) throws {
        var touched = Reservations.Touched()
        for parcel in p.parcels { try Reservations.recompute(db, parcel.order, touched: &touched) }
        for parcel in p.parcels {
            for item in parcel.items {
                try take(db, op, item, kind: .shipment, ref: parcel.waybill)
            }
        }
        try reservationsChanged(op, db, touched)
        for sku in Set(p.parcels.flatMap(\.items).map(\.sku)).sorted() { try Ledger.evaluateAlert(db, op, sku) }
    }

    /// WH-10: the bags, tape and boxes a parcel used.
    static func packed(_ p: ParcelPacked, _ op: Op, _ db: Database) throws {
        for supply in p.supplies where supply.quantity > 0 {
            try take(db, op, supply, kind: .consumed, ref: p.waybill)
            try Ledger.evaluateAlert(db, op, supply.sku)
        }
    }

    private static func take(_ db: Database, _ op: Op, _ item: ItemCount, kind: Ledger.MovementKind, ref: String) throws {
        var left = item.quantity
        let holdings = try Row.fetchAll(db, sql: """
            SELECT b.location, b.quantity FROM stock_balance b JOIN location l ON l.code = b.location
            WHERE b.sku = ? AND l.kind = 'sellable' AND b.quantity > 0 ORDER BY b.quantity DESC, b.location
            """, arguments: [item.sku.rawValue])
        for row in holdings where left > 0 {
            let n = min(left, row["quantity"] as Int)
            try Ledger.post(db, op, sku: item.sku, location: LocationCode(rawValue: row["location"]), delta: -n, kind: kind, ref: ref)
            left -= n
        }
        guard left > 0 else { return }
        let fallback = try String.fetchOne(db, sql: """
            SELECT b.location FROM stock_balance b JOIN location l ON l.code = b.location
            WHERE b.sku = ? AND l.kind = 'sellable' ORDER BY b.quantity DESC, b.location LIMIT 1
            """, arguments: [item.sku.rawValue])
            ?? String.fetchOne(db, sql: "SELECT code FROM location WHERE kind = 'sellable' ORDER BY code LIMIT 1")
        guard let fallback else { return }
        try Ledger.post(db, op, sku: item.sku, location: LocationCode(rawValue: fallback), delta: -left, kind: kind, ref: ref,
                        refuseNegative: false)
    }
}
