import GRDB
import ShopDomain
import Storage

/// Packing one waybill by scans (WH-8, LOG-4): every scan is checked against the order; an item
/// not on it or one unit too many is refused; the parcel completes only when every line is matched.
/// The CLI and the TUI both drive this; neither adds a rule of its own.
public struct PackSession: Sendable {
    public let waybill: String
    public let order: OrderID
    public let courier: String
    public let expected: [SKU: Int]
    public private(set) var packed: [SKU: Int] = [:]
    let linesHash: String

    public enum Outcome: Sendable, Equatable {
        case accepted(SKU, packed: Int, of: Int)
        case complete
    }

    /// Opens a session for a live, printed, not yet packed waybill of an order still awaiting shipment.
    public init(_ db: Database, waybill text: String) throws {
        let number = text.trimmingWhitespace().uppercased()
        guard let row = try Row.fetchOne(db, sql: "SELECT orderID, courier FROM waybill WHERE number = ?", arguments: [number]) else {
            throw LogisticsError.unknownWaybill(text)
        }
        guard try Waybills.requireLive(db, number) == "printed" else { throw LogisticsError.alreadyPacked(number) }
        order = OrderID(rawValue: row["orderID"])
        let status = try OrderBook.require(db, order)
        guard status.awaitsShipment else { throw LogisticsError.orderNotOpen(order.rawValue, status) }
        waybill = number
        courier = row["courier"]
        expected = try PackCheck.expected(db, order)
        linesHash = try OrderBook.linesHash(db, order)
    }

    /// One scan: a SKU code or a barcode.
    public mutating func scan(_ code: String, _ db: Database) throws -> Outcome {
        let key = code.trimmingWhitespace()
        let sku = try String.fetchOne(db, sql: "SELECT sku FROM product_v WHERE sku = ?1 OR barcode = ?1 ORDER BY sku = ?1 DESC LIMIT 1",
                                      arguments: [key]).map(SKU.init(rawValue:))
        guard let sku, let wanted = expected[sku] else { throw LogisticsError.notOnOrder(key, waybill) }
        guard packed[sku, default: 0] < wanted else { throw LogisticsError.overQuantity(sku.rawValue, waybill, wanted) }
        packed[sku, default: 0] += 1
        return isComplete ? .complete : .accepted(sku, packed: packed[sku]!, of: wanted)
    }

    public var isComplete: Bool { packed == expected }

    /// What is still to scan, as `SKU ×n`.
    public var missing: [String] {
        expected.keys.sorted().compactMap { sku in
            let left = expected[sku]! - packed[sku, default: 0]
            return left > 0 ? "\(sku.rawValue) ×\(left)" : nil
        }
    }

    /// The signed op (LOG-5: the actor applying it is the packer). Refused until complete.
    public func finish(supplies: [ItemCount]) throws -> ParcelPacked {
        guard isComplete else { throw LogisticsError.packIncomplete(waybill, missing) }
        return ParcelPacked(waybill: waybill, order: order, linesHash: linesHash,
                            items: expected.keys.sorted().map { ItemCount(sku: $0, quantity: expected[$0]!) }, supplies: supplies)
    }
}
