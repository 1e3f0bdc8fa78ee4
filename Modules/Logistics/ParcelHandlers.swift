import GRDB
import ShopDomain
import Storage

/// Packing, courier pickups, weights, stubs, claims, undeliverables and mis-shipments
/// (WH-8, WH-9, LOG-4…LOG-9, LOG-12, LOG-13).
enum ParcelHandlers {
    static let all: [OpHandler] = [
        OpHandler(ParcelPacked.self, authorization: .permission(.ship), project: packed),
        OpHandler(PickupCreated.self, authorization: .permission(.ship), project: pickupCreated),
        OpHandler(PickupConfirmed.self, authorization: .permission(.ship), project: pickupConfirmed),
        OpHandler(ParcelWeighed.self, authorization: .permission(.ship), project: weighed),
        OpHandler(StubsArchived.self, authorization: .permission(.ship), project: archived),
        OpHandler(ClaimOpened.self, authorization: .permission(.ship), project: claimOpened),
        OpHandler(ParcelUndeliverable.self, authorization: .permission(.ship), project: undeliverable),
        OpHandler(ParcelMisshipped.self, authorization: .permission(.bookFines), project: misshipped),
    ]

    /// WH-8, LOG-4, LOG-5: exactly the order's lines, signed by the packer. Packed on two
    /// notebooks, the second is a harmless duplicate; packed against lines that changed
    /// meanwhile, the signature is stale.
    static func packed(_ p: ParcelPacked, _ op: Op, _ db: Database) throws {
        let state = try Waybills.requireLive(db, p.waybill)
        guard state == "printed" else {
            if try !ProjectionContext.isLocal(op, db) { return }
            throw LogisticsError.alreadyPacked(p.waybill)
        }
        let status = try OrderBook.require(db, p.order)
        guard status.awaitsShipment else { throw LogisticsError.orderNotOpen(p.order.rawValue, status) }
        guard try OrderBook.linesHash(db, p.order) == p.linesHash else { throw LogisticsError.staleSignature(p.waybill) }
        let expected = try PackCheck.expected(db, p.order)
        guard expected == Dictionary(p.items.map { ($0.sku, $0.quantity) }, uniquingKeysWith: +) else {
            throw LogisticsError.packMismatch(p.waybill)
        }
        try db.execute(sql: "UPDATE waybill SET state = 'packed', packedBy = ?, packedAt = ? WHERE number = ?",
                       arguments: [op.actor.rawValue, op.hlc.wallMillis, p.waybill])
        for item in p.items {
            try db.execute(sql: "INSERT INTO parcel_item (number, sku, quantity) VALUES (?, ?, ?)",
                           arguments: [p.waybill, item.sku.rawValue, item.quantity])
        }
        try WaybillHandlers.event(db, op, p.waybill, "packed", nil)
    }

    static func pickupCreated(_ p: PickupCreated, _ op: Op, _ db: Database) throws {
        guard !p.waybills.isEmpty else { throw LogisticsError.nothingToPickUp(p.courier.code) }
        for number in p.waybills {
            let state = try Waybills.requireLive(db, number)
            guard state == "packed" else { throw LogisticsError.notPacked(number) }
            guard try String.fetchOne(db, sql: "SELECT courier FROM waybill WHERE number = ?", arguments: [number]) == p.courier.code else {
                throw LogisticsError.otherCourier(number, p.courier.code)
            }
            if let other = try String.fetchOne(db, sql: """
                SELECT pp.pickupID FROM pickup_parcel pp JOIN pickup k ON k.id = pp.pickupID WHERE pp.number = ? AND k.status = 'open'
                """, arguments: [number]) {
                throw LogisticsError.inOtherPickup(number, other)
            }
        }
        try db.execute(sql: "INSERT INTO pickup (id, courier, status, createdBy, createdAt) VALUES (?, ?, 'open', ?, ?)",
                       arguments: [p.pickup, p.courier.code, op.actor.rawValue, op.hlc.wallMillis])
        for number in p.waybills {
            try db.execute(sql: "INSERT INTO pickup_parcel (pickupID, number) VALUES (?, ?)", arguments: [p.pickup, number])
        }
    }

    /// LOG-6: one stub per parcel, counted; the parcels not taken stay packed for the next pickup.
    /// WH-9: the outbound is registered here (Warehouse books the movements).
    static func pickupConfirmed(_ p: PickupConfirmed, _ op: Op, _ db: Database) throws {
        guard let status = try String.fetchOne(db, sql: "SELECT status FROM pickup WHERE id = ?", arguments: [p.pickup]) else {
            throw LogisticsError.unknownPickup(p.pickup)
        }
        guard status == "open" else { throw LogisticsError.pickupConfirmed(p.pickup) }
        guard p.stubs == p.parcels.count else { throw LogisticsError.stubCount(p.pickup, stubs: p.stubs, parcels: p.parcels.count, missing: []) }
        let courierName = p.courierName.trimmingWhitespace()
        guard !courierName.isEmpty else { throw LogisticsError.courierNameRequired }
        let listed = Set(try String.fetchAll(db, sql: "SELECT number FROM pickup_parcel WHERE pickupID = ?", arguments: [p.pickup]))
        for parcel in p.parcels {
            guard listed.contains(parcel.waybill) else { throw LogisticsError.notInPickup(parcel.waybill, p.pickup) }
            let state = try Waybills.requireLive(db, parcel.waybill)
            guard state == "packed" else { throw LogisticsError.notPacked(parcel.waybill) }
            try db.execute(sql: "UPDATE waybill SET state = 'handed-over', pickupID = ?, handedAt = ? WHERE number = ?",
                           arguments: [p.pickup, op.hlc.wallMillis, parcel.waybill])
            try WaybillHandlers.event(db, op, parcel.waybill, "handed-over", courierName)
        }
        // Parcels the courier did not take leave this pickup and wait for the next.
        let taken = Set(p.parcels.map(\.waybill))
        for number in listed.subtracting(taken) {
            try db.execute(sql: "DELETE FROM pickup_parcel WHERE pickupID = ? AND number = ?", arguments: [p.pickup, number])
        }
        try db.execute(sql: """
            UPDATE pickup SET status = 'confirmed', stubs = ?, courierName = ?, confirmedBy = ?, confirmedAt = ? WHERE id = ?
            """, arguments: [p.stubs, courierName, op.actor.rawValue, op.hlc.wallMillis, p.pickup])
    }

    static func weighed(_ p: ParcelWeighed, _ op: Op, _ db: Database) throws {
        let state = try Waybills.requireLive(db, p.waybill)
        guard state != "printed" else { throw LogisticsError.notPacked(p.waybill) }
        guard p.grams > 0, p.grams <= 100_000, p.fee >= .zero else { throw LogisticsError.badWeight }
        try db.execute(sql: "UPDATE waybill SET grams = ?, fee = ? WHERE number = ?", arguments: [p.grams, p.fee.fen, p.waybill])
        try WaybillHandlers.event(db, op, p.waybill, "weighed", "\(p.grams) g, \(p.fee)")
    }

    static func archived(_ p: StubsArchived, _ op: Op, _ db: Database) throws {
        for number in p.waybills {
            guard try Waybills.requireLive(db, number) == "handed-over" else { throw LogisticsError.notHandedOver(number) }
            try db.execute(sql: "UPDATE waybill SET stubArchivedAt = COALESCE(stubArchivedAt, ?) WHERE number = ?",
                           arguments: [op.hlc.wallMillis, number])
        }
    }

    static func claimOpened(_ p: ClaimOpened, _ op: Op, _ db: Database) throws {
        guard try Waybills.requireLive(db, p.waybill) == "handed-over" else { throw LogisticsError.notHandedOver(p.waybill) }
        guard p.amount >= .zero else { throw LogisticsError.badAmount }
        if let other = try String.fetchOne(db, sql: "SELECT id FROM claim WHERE number = ?", arguments: [p.waybill]) {
            throw LogisticsError.claimExists(p.waybill, other)
        }
        try db.execute(sql: "INSERT INTO claim (id, number, kind, amount, note, openedBy, openedAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [p.claim, p.waybill, p.kind.rawValue, p.amount.fen, p.note, op.actor.rawValue, op.hlc.wallMillis])
        try WaybillHandlers.event(db, op, p.waybill, "claim", p.kind.rawValue)
    }

    static func undeliverable(_ p: ParcelUndeliverable, _ op: Op, _ db: Database) throws {
        guard try Waybills.requireLive(db, p.waybill) == "handed-over" else { throw LogisticsError.notHandedOver(p.waybill) }
        try db.execute(sql: "UPDATE waybill SET undeliverableAt = COALESCE(undeliverableAt, ?), undeliverableNote = ? WHERE number = ?",
                       arguments: [op.hlc.wallMillis, p.note, p.waybill])
        try WaybillHandlers.event(db, op, p.waybill, "undeliverable", p.note)
    }

    /// LOG-12: the packer who signed bears it (Workforce books the fine).
    static func misshipped(_ p: ParcelMisshipped, _ op: Op, _ db: Database) throws {
        let state = try Waybills.requireLive(db, p.waybill)
        guard state != "printed" else { throw LogisticsError.notPacked(p.waybill) }
        let packer = try String.fetchOne(db, sql: "SELECT packedBy FROM waybill WHERE number = ?", arguments: [p.waybill])
        guard packer == p.packer.rawValue else { throw LogisticsError.notThePacker(p.waybill, packer ?? "") }
        guard p.postage >= .zero, p.goods >= .zero, p.fine >= .zero else { throw LogisticsError.badAmount }
        try db.execute(sql: """
            INSERT INTO misship (number, kind, packer, postage, goods, fine, note, recordedBy, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [p.waybill, p.kind.rawValue, p.packer.rawValue, p.postage.fen, p.goods.fen, p.fine.fen, p.note,
                             op.actor.rawValue, op.hlc.wallMillis])
        try WaybillHandlers.event(db, op, p.waybill, "misshipped", p.kind.rawValue)
    }
}

/// What a parcel must hold.
public enum PackCheck {
    /// The order's lines as SKU → quantity; an unmatched line cannot be packed.
    static func expected(_ db: Database, _ order: OrderID) throws -> [SKU: Int] {
        let rows = try Row.fetchAll(db, sql: "SELECT sku, title, quantity FROM order_line WHERE orderID = ?", arguments: [order.rawValue])
        var expected: [SKU: Int] = [:]
        for row in rows {
            guard let sku: String = row["sku"] else { throw LogisticsError.unmatchedLine(order.rawValue, row["title"]) }
            expected[SKU(rawValue: sku), default: 0] += row["quantity"] as Int
        }
        return expected
    }
}
