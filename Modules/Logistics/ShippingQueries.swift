import Foundation
import GRDB
import ShopDomain
import Storage

/// What one label prints (LOG-1, LOG-10): the caller renders it.
public struct LabelInfo: Sendable, Equatable, Codable {
    public var waybill: String
    public var courier: String
    public var batch: String
    public var seq: Int
    public var order: String
    public var consignee: String
    public var phone: String
    public var address: String
    public var postcode: String
    /// `model/colour/size×qty` per line (LOG-1).
    public var items: [String]
    public var buyerMessage: String?
    public var sellerNote: String?
    public var reprints: Int
}

public struct Sender: Sendable, Equatable, Codable {
    public var name: String
    public var phone: String
    public var address: String
}

/// A line of a pick list (WH-7): one SKU across the batch.
public struct PickLine: Sendable, Equatable, Codable {
    public var sku: String
    public var style: String
    public var name: String
    public var colour: String
    public var size: String
    public var quantity: Int
    public var orders: Int
    public var locations: [String]
}

/// Something on a waybill to check while picking (WH-7): a remark, a gift, a made-to-order item (CS-11).
public struct PickFlag: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case remark, gift, buyerMessage = "buyer-message", madeToOrder = "made-to-order", unmatched }
    public var waybill: String
    public var order: String
    public var consignee: String
    public var kind: Kind
    public var text: String
}

public struct WaybillRow: Sendable, Equatable, Codable {
    public var waybill: String
    public var courier: String
    public var order: String
    public var batch: String
    public var seq: Int
    public var live: Bool
    public var state: String
    public var consignee: String
    /// The packer's staff ID (LOG-5) and name.
    public var packedBy: String?
    public var packer: String?
    public var pickup: String?
    public var grams: Int?
    public var fee: Money?
    public var printedAt: Date
    public var handedAt: Date?
}

/// Reads for printing, picking, packing and pickups. No writes: those are ops.
public enum ShippingQueries {
    public static func sender(_ db: Database) throws -> Sender? {
        try Row.fetchOne(db, sql: "SELECT * FROM sender WHERE id = 1").map { Sender(name: $0["name"], phone: $0["phone"], address: $0["address"]) }
    }

    /// Labels of a batch from `from` on, in sequence order; `waybills` picks single labels instead.
    public static func labels(_ db: Database, batch: String? = nil, from: Int = 1, waybills: [String] = []) throws -> [LabelInfo] {
        let rows: [Row]
        let select = """
            SELECT w.number, w.courier, w.batch, w.seq, w.orderID, o.consignee, o.phone, o.address, o.postcode, o.buyerMessage, o.sellerRemark,
                   (SELECT COUNT(*) FROM waybill_event e WHERE e.number = w.number AND e.kind = 'reprinted') AS reprints
            FROM waybill w JOIN order_header o ON o.id = w.orderID
            """
        if let batch {
            rows = try Row.fetchAll(db, sql: select + " WHERE w.batch = ? AND w.seq >= ? AND w.live = 1 ORDER BY w.seq", arguments: [batch, from])
        } else {
            rows = try waybills.compactMap { try Row.fetchOne(db, sql: select + " WHERE w.number = ?", arguments: [$0]) }
        }
        return try rows.map { row in
            LabelInfo(waybill: row["number"], courier: row["courier"], batch: row["batch"], seq: row["seq"], order: row["orderID"],
                      consignee: row["consignee"], phone: row["phone"] ?? "", address: row["address"], postcode: row["postcode"] ?? "",
                      items: try items(db, OrderID(rawValue: row["orderID"])), buyerMessage: row["buyerMessage"], sellerNote: row["sellerRemark"],
                      reprints: row["reprints"])
        }
    }

    /// `model/colour/size×qty` for each line (LOG-1); an unmatched line shows its title and attributes.
    static func items(_ db: Database, _ order: OrderID) throws -> [String] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT l.title, l.attributes, l.quantity, p.style, p.colour, p.size FROM order_line l LEFT JOIN product_v p ON p.sku = l.sku
            WHERE l.orderID = ? ORDER BY l.line
            """), arguments: [order.rawValue]).map { row in
            let quantity: Int = row["quantity"]
            if let style: String = row["style"] {
                let parts = [style, row["colour"] as String, row["size"] as String].filter { !$0.isEmpty }
                return parts.joined(separator: "/") + "×\(quantity)"
            }
            let attributes: String = row["attributes"]
            return (row["title"] as String) + (attributes.isEmpty ? "" : " \(attributes)") + "×\(quantity)"
        }
    }

    /// WH-7: a batch's goods grouped by SKU (the caller groups by style × colour × size), with
    /// the sellable locations holding them, and each waybill's remarks and gifts to check.
    public static func pickList(_ db: Database, batch: String) throws -> (lines: [PickLine], flags: [PickFlag]) {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM print_batch WHERE id = ?)", arguments: [batch])! else {
            throw LogisticsError.unknownBatch(batch)
        }
        let lines = try Row.fetchAll(db, sql: """
            SELECT l.sku, p.style, p.name, p.colour, p.size, SUM(l.quantity) AS quantity, COUNT(DISTINCT l.orderID) AS orders
            FROM waybill w JOIN order_line l ON l.orderID = w.orderID JOIN product_v p ON p.sku = l.sku
            WHERE w.batch = ? AND w.live = 1 GROUP BY l.sku ORDER BY p.style, p.colour, p.size
            """, arguments: [batch]).map { row in
            PickLine(sku: row["sku"], style: row["style"], name: row["name"], colour: row["colour"], size: row["size"], quantity: row["quantity"],
                     orders: row["orders"], locations: try String.fetchAll(db, sql: """
                        SELECT location || '(' || quantity || ')' FROM stock_v
                        WHERE sku = ? AND kind = 'sellable' AND quantity > 0 ORDER BY quantity DESC, location
                        """, arguments: [row["sku"] as String]))
        }
        var flags: [PickFlag] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT w.number, w.orderID, o.consignee, o.buyerMessage, o.sellerRemark FROM waybill w JOIN order_header o ON o.id = w.orderID
            WHERE w.batch = ? AND w.live = 1 ORDER BY w.seq
            """, arguments: [batch]) {
            func flag(_ kind: PickFlag.Kind, _ text: String) {
                flags.append(PickFlag(waybill: row["number"], order: row["orderID"], consignee: row["consignee"], kind: kind, text: text))
            }
            if let message: String = row["buyerMessage"], !message.isEmpty { flag(.buyerMessage, message) }
            if let remark: String = row["sellerRemark"], !remark.isEmpty { flag(.remark, remark) }
            for line in try Row.fetchAll(db, sql: "SELECT title, quantity, price, sku FROM order_line WHERE orderID = ? ORDER BY line",
                                         arguments: [row["orderID"] as String]) {
                let title: String = line["title"]
                if (line["price"] as Int) == 0 || title.contains("赠品") || title.contains("赠送") { flag(.gift, "\(title)×\(line["quantity"] as Int)") }
                if title.contains("定做") || title.contains("定制") { flag(.madeToOrder, title) }
                if (line["sku"] as String?) == nil { flag(.unmatched, title) }
            }
        }
        return (lines, flags)
    }

    public static func waybills(_ db: Database, state: String? = nil, batch: String? = nil, courier: Courier? = nil, limit: Int = 500) throws -> [WaybillRow] {
        try Row.fetchAll(db, sql: """
            SELECT w.*, o.consignee, (SELECT name FROM staff_v s WHERE s.id = w.packedBy) AS packerName FROM waybill w JOIN order_header o ON o.id = w.orderID
            WHERE (?1 IS NULL OR w.state = ?1) AND (?2 IS NULL OR w.batch = ?2) AND (?3 IS NULL OR w.courier = ?3)
            ORDER BY w.printedAt DESC, w.batch DESC, w.seq LIMIT ?4
            """, arguments: [state, batch, courier?.code, limit]).map(waybillRow)
    }

    public static func waybill(_ db: Database, _ text: String) throws -> WaybillRow {
        let number = text.trimmingWhitespace().uppercased()
        guard let row = try Row.fetchOne(db, sql: "SELECT w.*, o.consignee, (SELECT name FROM staff_v s WHERE s.id = w.packedBy) AS packerName FROM waybill w JOIN order_header o ON o.id = w.orderID WHERE w.number = ?",
                                         arguments: [number]) else { throw LogisticsError.unknownWaybill(text) }
        return waybillRow(row)
    }

    static func waybillRow(_ row: Row) -> WaybillRow {
        WaybillRow(waybill: row["number"], courier: row["courier"], order: row["orderID"], batch: row["batch"], seq: row["seq"], live: row["live"],
                   state: row["state"], consignee: row["consignee"], packedBy: row["packedBy"], packer: row["packerName"], pickup: row["pickupID"], grams: row["grams"],
                   fee: (row["fee"] as Int64?).map(Money.init(fen:)), printedAt: Date(millis: row["printedAt"]),
                   handedAt: (row["handedAt"] as Int64?).map(Date.init(millis:)))
    }

    /// The journal of one waybill: printed, reprinted, packed, handed over, voided …
    public static func events(_ db: Database, _ number: String) throws -> [(kind: String, detail: String?, actor: String, at: Date)] {
        try Row.fetchAll(db, sql: "SELECT e.*, COALESCE((SELECT name FROM staff_v s WHERE s.id = e.actor), e.actor) AS actorName FROM waybill_event e WHERE number = ? ORDER BY id", arguments: [number])
            .map { ($0["kind"], $0["detail"], $0["actorName"], Date(millis: $0["at"])) }
    }

    /// Packed parcels of a courier not yet on an open pickup.
    public static func readyForPickup(_ db: Database, courier: Courier) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT w.number FROM waybill w WHERE w.live = 1 AND w.state = 'packed' AND w.courier = ?
            AND NOT EXISTS (SELECT 1 FROM pickup_parcel pp JOIN pickup k ON k.id = pp.pickupID WHERE pp.number = w.number AND k.status = 'open')
            ORDER BY w.packedAt, w.number
            """, arguments: [courier.code])
    }

    /// The parcels listed on a pickup, with what each holds.
    public static func pickupParcels(_ db: Database, _ pickup: String) throws -> [PickupConfirmed.Parcel] {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM pickup WHERE id = ?)", arguments: [pickup])! else {
            throw LogisticsError.unknownPickup(pickup)
        }
        return try Row.fetchAll(db, sql: """
            SELECT pp.number, w.orderID FROM pickup_parcel pp JOIN waybill w ON w.number = pp.number WHERE pp.pickupID = ? ORDER BY pp.number
            """, arguments: [pickup]).map { row in
            let items = try Row.fetchAll(db, sql: "SELECT sku, quantity FROM parcel_item WHERE number = ? ORDER BY sku", arguments: [row["number"] as String])
                .map { ItemCount(sku: SKU(rawValue: $0["sku"]), quantity: $0["quantity"]) }
            return PickupConfirmed.Parcel(waybill: row["number"], order: OrderID(rawValue: row["orderID"]), items: items)
        }
    }

    public static func pickups(_ db: Database) throws -> [(id: String, courier: String, status: String, parcels: Int, stubs: Int?, courierName: String?, at: Date)] {
        try Row.fetchAll(db, sql: """
            SELECT k.*, (SELECT COUNT(*) FROM pickup_parcel pp WHERE pp.pickupID = k.id) AS parcels FROM pickup k ORDER BY k.createdAt DESC LIMIT 100
            """).map { ($0["id"], $0["courier"], $0["status"], $0["parcels"], $0["stubs"], $0["courierName"], Date(millis: $0["createdAt"])) }
    }

    /// LOG-7: stubs handed over before `before`, not archived, and not kept apart for a claim or
    /// an undeliverable parcel (LOG-8, LOG-9).
    public static func stubsToArchive(_ db: Database, before: Date) throws -> [WaybillRow] {
        try Row.fetchAll(db, sql: """
            SELECT w.*, o.consignee, (SELECT name FROM staff_v s WHERE s.id = w.packedBy) AS packerName FROM waybill w JOIN order_header o ON o.id = w.orderID
            WHERE w.live = 1 AND w.state = 'handed-over' AND w.handedAt < ? AND w.stubArchivedAt IS NULL AND w.undeliverableAt IS NULL
            AND NOT EXISTS (SELECT 1 FROM claim c WHERE c.number = w.number) ORDER BY w.handedAt, w.courier, w.number
            """, arguments: [before.millis]).map(waybillRow)
    }
}

/// A claim with the trade it concerns: what the evidence sheet prints (LOG-8).
public struct ClaimInfo: Sendable, Equatable, Codable {
    public struct Item: Sendable, Equatable, Codable {
        public var description: String
        public var quantity: Int
        public var price: Money
    }
    public var claim: String
    public var kind: String
    public var amount: Money
    public var note: String?
    public var openedAt: Date
    public var openedBy: String
    public var waybill: String
    public var courier: String
    public var order: String
    public var buyer: String?
    public var consignee: String
    public var phone: String
    public var address: String
    public var postcode: String?
    public var items: [Item]
    public var orderAmount: Money
    public var postage: Money
    public var grams: Int?
    public var fee: Money?
    public var handedAt: Date?
    public var courierName: String?
    public var packedBy: String?
}

extension ShippingQueries {
    public static func claims(_ db: Database) throws -> [ClaimInfo] {
        try String.fetchAll(db, sql: "SELECT id FROM claim ORDER BY openedAt DESC").map { try claim(db, $0) }
    }

    public static func claim(_ db: Database, _ id: String) throws -> ClaimInfo {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT c.*, w.courier, w.orderID, w.grams, w.fee, w.handedAt, k.courierName,
                   COALESCE((SELECT name FROM staff_v s WHERE s.id = w.packedBy), w.packedBy) AS packedBy,
                   o.buyer, o.consignee, o.phone, o.address, o.postcode, o.paid, o.postage
            FROM claim c JOIN waybill w ON w.number = c.number JOIN order_header o ON o.id = w.orderID LEFT JOIN pickup k ON k.id = w.pickupID
            WHERE c.id = ? OR c.number = ?
            """, arguments: [id.uppercased(), id.uppercased()]) else { throw LogisticsError.unknownClaim(id) }
        let order: String = row["orderID"]
        let items = try Row.fetchAll(db, sql: "SELECT title, attributes, quantity, price FROM order_line WHERE orderID = ? ORDER BY line",
                                     arguments: [order]).map { line in
            let attributes: String = line["attributes"]
            return ClaimInfo.Item(description: (line["title"] as String) + (attributes.isEmpty ? "" : " " + attributes),
                                  quantity: line["quantity"], price: Money(fen: line["price"]))
        }
        return ClaimInfo(claim: row["id"], kind: row["kind"], amount: Money(fen: row["amount"]), note: row["note"],
                         openedAt: Date(millis: row["openedAt"]), openedBy: row["openedBy"], waybill: row["number"], courier: row["courier"],
                         order: order, buyer: row["buyer"], consignee: row["consignee"], phone: row["phone"] ?? "", address: row["address"],
                         postcode: row["postcode"], items: items, orderAmount: Money(fen: row["paid"]), postage: Money(fen: row["postage"]),
                         grams: row["grams"], fee: (row["fee"] as Int64?).map(Money.init(fen:)),
                         handedAt: (row["handedAt"] as Int64?).map(Date.init(millis:)), courierName: row["courierName"], packedBy: row["packedBy"])
    }
}

/// One print batch and how far its live waybills have gone (WH-7, LOG-4).
public struct BatchRow: Sendable, Equatable, Codable {
    public var batch: String
    public var courier: String
    public var printedAt: Date
    /// The name of who printed it.
    public var printedBy: String
    /// Live waybills, and how many of them are still only printed, packed, handed over.
    public var waybills: Int
    public var printed: Int
    public var packed: Int
    public var handedOver: Int
}

extension ShippingQueries {
    /// Print batches, newest first, with counts of their live waybills by state.
    public static func batches(_ db: Database, limit: Int = 100) throws -> [BatchRow] {
        try Row.fetchAll(db, sql: """
            SELECT b.id, b.courier, b.printedAt, COALESCE((SELECT name FROM staff_v s WHERE s.id = b.printedBy), b.printedBy) AS printer,
                   COUNT(w.number) AS waybills, COALESCE(SUM(w.state = 'printed'), 0) AS printed,
                   COALESCE(SUM(w.state = 'packed'), 0) AS packed, COALESCE(SUM(w.state = 'handed-over'), 0) AS handed
            FROM print_batch b LEFT JOIN waybill w ON w.batch = b.id AND w.live = 1
            GROUP BY b.id ORDER BY b.printedAt DESC, b.id DESC LIMIT ?
            """, arguments: [limit]).map { row in
            BatchRow(batch: row["id"], courier: row["courier"], printedAt: Date(millis: row["printedAt"]), printedBy: row["printer"],
                     waybills: row["waybills"], printed: row["printed"], packed: row["packed"], handedOver: row["handed"])
        }
    }
}
