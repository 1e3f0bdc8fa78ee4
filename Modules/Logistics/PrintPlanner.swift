import Foundation
import GRDB
import ShopDomain
import Storage

/// Plans a print batch (LOG-2): which paid orders get which numbers from this device's stock.
/// The plan is applied as one transaction of `waybill.printed` ops; the projection re-checks
/// every order, so two print commands at once never give an order two waybills.
public enum PrintPlanner {
    public struct Plan: Sendable {
        public var batch: String
        public var labels: [WaybillPrinted]
    }

    /// `orders` nil means every paid order awaiting shipment without a live waybill, oldest payment first.
    public static func plan(_ db: Database, courier: Courier, orders: [OrderID]?, device: DeviceID, day: CivilDate) throws -> Plan {
        let chosen: [OrderID]
        if let orders {
            for order in orders {
                let status = try OrderBook.require(db, order)
                guard status.awaitsShipment else { throw LogisticsError.notPaid(order.rawValue, status) }
                if let live = try String.fetchOne(db, sql: "SELECT number FROM waybill WHERE orderID = ? AND live = 1", arguments: [order.rawValue]) {
                    throw LogisticsError.orderHasWaybill(order.rawValue, live, new: "?")
                }
            }
            chosen = orders
        } else {
            chosen = try String.fetchAll(db, sql: """
                SELECT o.id FROM order_header o WHERE o.status IN ('paid', 'partly-shipped')
                AND NOT EXISTS (SELECT 1 FROM waybill w WHERE w.orderID = o.id AND w.live = 1) ORDER BY o.paidAt, o.id
                """).map(OrderID.init(rawValue:))
        }
        guard !chosen.isEmpty else { throw LogisticsError.noPaidOrders }
        let numbers = try freeNumbers(db, courier: courier, device: device, count: chosen.count)
        let batch = try nextBatch(db, day: day)
        let labels = zip(chosen, numbers).enumerated().map { index, pair in
            WaybillPrinted(batch: batch, seq: index + 1, order: pair.0, courier: courier, waybill: pair.1)
        }
        return Plan(batch: batch, labels: labels)
    }

    /// The next unused numbers of this device's ranges, in range order.
    public static func freeNumbers(_ db: Database, courier: Courier, device: DeviceID, count: Int) throws -> [String] {
        let used = Set(try String.fetchAll(db, sql: "SELECT number FROM waybill WHERE courier = ?", arguments: [courier.code]))
        var result: [String] = []
        let ranges = try Row.fetchAll(db, sql: "SELECT prefix, first, last, width FROM waybill_range WHERE courier = ? AND device = ? ORDER BY id",
                                      arguments: [courier.code, device.rawValue])
        for range in ranges where result.count < count {
            var value: Int64 = range["first"]
            let last: Int64 = range["last"]
            while value <= last, result.count < count {
                let number = WaybillStock.format(range["prefix"], value, range["width"])
                if !used.contains(number) { result.append(number) }
                value += 1
            }
        }
        guard result.count == count else { throw LogisticsError.noStock(courier.code) }
        return result
    }

    /// Numbers left in this device's stock per courier.
    public static func stockLeft(_ db: Database, device: DeviceID) throws -> [(courier: String, ranges: Int, total: Int, used: Int)] {
        try Row.fetchAll(db, sql: """
            SELECT r.courier, COUNT(*) AS ranges, SUM(r.last - r.first + 1) AS total,
                   (SELECT COUNT(*) FROM waybill w WHERE w.courier = r.courier
                    AND EXISTS (SELECT 1 FROM waybill_range x WHERE x.courier = r.courier AND x.device = ?1
                                AND w.number = x.prefix || substr('000000000000000000' || CAST(substr(w.number, length(x.prefix) + 1) AS INTEGER), -x.width)
                                AND CAST(substr(w.number, length(x.prefix) + 1) AS INTEGER) BETWEEN x.first AND x.last)) AS used
            FROM waybill_range r WHERE r.device = ?1 GROUP BY r.courier ORDER BY r.courier
            """, arguments: [device.rawValue]).map { ($0["courier"], $0["ranges"], $0["total"], $0["used"]) }
    }

    /// `20261130-01`: the day and the day's batch count.
    static func nextBatch(_ db: Database, day: CivilDate) throws -> String {
        let prefix = day.description.replacingOccurrences(of: "-", with: "")
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM print_batch WHERE id LIKE ? || '-%'", arguments: [prefix])!
        return "\(prefix)-\(String(format: "%02d", count + 1))"
    }
}
