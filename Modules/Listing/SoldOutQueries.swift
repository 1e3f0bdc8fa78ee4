import Foundation
import GRDB
import ShopDomain
import Storage

/// DES-7: a colour or size of a style on sale with no units in any sellable location for the
/// policy's days is listed for annotation, until the designer records the annotated image.
/// Read from Warehouse's views: `product_v`, `stock_v` (units per location and its kind) and
/// `stock_movement_v` (the last movement in a sellable location is when the units ran out).
public enum SoldOutQueries {
    public struct Line: Sendable, Codable, Equatable {
        public var style: String
        public var name: String
        public var attribute: String
        public var value: String
        /// Since when it has had no sellable units.
        public var since: Date
        public var days: Int
        /// The annotated image recorded since then, if any.
        public var annotatedFile: String?
    }

    /// Sold out at least the policy's days on `today`; with `all`, annotated ones too.
    public static func lines(_ db: Database, today: CivilDate, all: Bool = false) throws -> [Line] {
        let zone = try ProjectionContext.zone(db)
        guard case .days(let needed) = try ProjectionContext.policy(ListingPolicy.soldOutDays, on: today, db) else { return [] }
        var result: [Line] = []
        for listing in try Row.fetchAll(db, sql: "SELECT style, arrivedAt FROM listing WHERE onSaleAt IS NOT NULL ORDER BY style") {
            let style: String = listing["style"]
            let variants = try Row.fetchAll(db, sql: """
                SELECT p.sku, p.name, p.colour, p.size,
                       COALESCE((SELECT SUM(s.quantity) FROM stock_v s WHERE s.sku = p.sku AND s.kind = 'sellable'), 0) AS units,
                       (SELECT MAX(m.at) FROM stock_movement_v m JOIN location_v l ON l.code = m.location
                        WHERE m.sku = p.sku AND l.kind = 'sellable') AS lastMove
                FROM product_v p WHERE p.style = ? AND p.kind = 'goods' ORDER BY p.sku
                """, arguments: [style])
            let arrived: Int64 = listing["arrivedAt"] ?? 0
            for attribute in SoldOutAttribute.allCases {
                let key = attribute == .colour ? "colour" : "size"
                let groups = Dictionary(grouping: variants, by: { $0[key] as String })
                for value in groups.keys.sorted() where !value.isEmpty {
                    let group = groups[value]!
                    guard group.allSatisfy({ ($0["units"] as Int) <= 0 }) else { continue }
                    let sinceMillis = group.map { ($0["lastMove"] as Int64?) ?? arrived }.max() ?? arrived
                    let since = Date(millis: sinceMillis)
                    let days = zone.day(of: since).days(to: today)
                    guard days >= needed else { continue }
                    let file = try String.fetchOne(db, sql: """
                        SELECT file FROM listing_sold_out_note WHERE style = ? AND attribute = ? AND value = ? AND at >= ?
                        ORDER BY at DESC LIMIT 1
                        """, arguments: [style, attribute.rawValue, value, sinceMillis])
                    guard all || file == nil else { continue }
                    result.append(Line(style: style, name: group[0]["name"], attribute: attribute.rawValue, value: value, since: since,
                                       days: days, annotatedFile: file))
                }
            }
        }
        return result
    }
}
