import Foundation
import GRDB
import ShopDomain
import Storage

/// OPS-1's sales figures for a period, from Logistics' `order_v` and `order_line_v` and the
/// warehouse's `product_v`. An order is a sale on the day it was paid (the shop's zone); orders
/// never paid are not sales. Refunded orders count in `orders` and `revenue` and again in
/// `refunds`; the breakdowns by style and by colour × size are of the orders kept.
public struct SalesReport: Sendable, Equatable, Codable {
    public struct Day: Sendable, Equatable, Codable {
        public var day: CivilDate
        public var orders: Int
        public var units: Int
        public var revenue: Money
        public var refunds: Money
    }

    public struct Group: Sendable, Equatable, Codable {
        /// A style (`AF1023`), or for `byVariant` a colour and size.
        public var style: String?
        public var colour: String?
        public var size: String?
        /// Order lines (an order holding two variants of one style counts twice for the style).
        public var lines: Int
        public var units: Int
        public var amount: Money
    }

    /// The month's target and where the month is heading (ORG-2): the month to date is counted up
    /// to the period's last day, or today in a month still under way.
    public struct Target: Sendable, Equatable, Codable {
        public var month: String
        public var target: Money?
        public var monthToDate: Money
        public var daysElapsed: Int
        public var daysInMonth: Int
        /// The month to date's daily pace carried to the month's end.
        public var projected: Money
        /// The target less the month to date (negative: beaten).
        public var remaining: Money?
        /// What each day left must bring in to reach the target.
        public var neededPerDay: Money?
        /// Month to date over target, in per cent.
        public var percent: Int?
    }

    public var period: ReportPeriod
    public var through: CivilDate
    public var orders: Int
    public var units: Int
    public var revenue: Money
    public var refundedOrders: Int
    public var refunds: Money
    public var net: Money
    /// Revenue over orders (zero with no orders).
    public var averageOrder: Money
    public var days: [Day]
    public var byStyle: [Group]
    public var byVariant: [Group]
    public var target: Target

    public var isEmpty: Bool { orders == 0 }

    public static func build(_ db: Database, period: ReportPeriod, today: CivilDate, zone: ShopZone) throws -> SalesReport {
        let elapsed = period.elapsed(today: today)
        let through = elapsed.last!
        let span = ReportPeriod(kind: period.kind, label: period.label, days: elapsed).millis(in: zone)
        let dayStarts = elapsed.map { zone.start(of: $0).millis }
        var days = elapsed.map { Day(day: $0, orders: 0, units: 0, revenue: .zero, refunds: .zero) }
        var totals = (orders: 0, units: 0, revenue: Int64(0), refundedOrders: 0, refunds: Int64(0))
        let rows = try Row.fetchCursor(db, sql: """
            SELECT o.paidAt, o.paid, o.refunded, (SELECT COALESCE(SUM(l.quantity), 0) FROM order_line_v l WHERE l.orderID = o.id) AS units
            FROM order_v o WHERE o.paidAt >= ? AND o.paidAt < ?
            """, arguments: [span.lowerBound, span.upperBound])
        while let row = try rows.next() {
            let at: Int64 = row[0], paid: Int64 = row[1], refunded: Bool = row[2], units: Int = row[3]
            let index = Self.dayIndex(at, dayStarts)
            days[index].orders += 1
            days[index].units += units
            days[index].revenue = days[index].revenue + Money(fen: paid)
            totals.orders += 1
            totals.units += units
            totals.revenue += paid
            if refunded {
                days[index].refunds = days[index].refunds + Money(fen: paid)
                totals.refundedOrders += 1
                totals.refunds += paid
            }
        }
        let (byStyle, byVariant) = try breakdown(db, span)
        let revenue = Money(fen: totals.revenue), refunds = Money(fen: totals.refunds)
        return SalesReport(
            period: period, through: through, orders: totals.orders, units: totals.units, revenue: revenue,
            refundedOrders: totals.refundedOrders, refunds: refunds, net: revenue - refunds,
            averageOrder: totals.orders == 0 ? .zero : Money(fen: (totals.revenue + Int64(totals.orders) / 2) / Int64(totals.orders)),
            days: days, byStyle: byStyle, byVariant: byVariant,
            target: try target(db, through: through, zone: zone))
    }

    /// The kept orders' lines by style and by colour × size. SQLite sums them per SKU (one small
    /// sort; three text keys over every line cost twice as much), the product's style, colour and
    /// size come from `product_v`; lines matched to no product are grouped by their own text.
    static func breakdown(_ db: Database, _ span: Range<Int64>) throws -> (byStyle: [Group], byVariant: [Group]) {
        let products = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT sku, style, colour, size FROM product_v").map {
            ($0["sku"] as String, (style: $0["style"] as String, colour: $0["colour"] as String?, size: $0["size"] as String?))
        })
        var styles: [String: Group] = [:], variants: [String: Group] = [:]
        func add(style: String, colour: String?, size: String?, lines: Int, units: Int, amount: Int64) {
            styles[style, default: Group(style: style, lines: 0, units: 0, amount: .zero)].add(lines, units, amount)
            variants["\(colour ?? "")\u{1}\(size ?? "")", default: Group(colour: colour, size: size, lines: 0, units: 0, amount: .zero)]
                .add(lines, units, amount)
        }
        let kept = "FROM order_v o JOIN order_line_v l ON l.orderID = o.id WHERE o.paidAt >= ? AND o.paidAt < ? AND o.refunded = 0"
        for row in try Row.fetchAll(db, sql: """
            SELECT l.sku, COUNT(*) AS lines, SUM(l.quantity) AS units, SUM(l.quantity * l.price) AS amount \(kept) AND l.sku IS NOT NULL
            GROUP BY l.sku
            """, arguments: [span.lowerBound, span.upperBound]) {
            let sku: String = row["sku"]
            let product = products[sku] ?? (style: sku, colour: nil, size: nil)
            add(style: product.style, colour: product.colour, size: product.size, lines: row["lines"], units: row["units"], amount: row["amount"])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT COALESCE(l.merchantCode, l.title) AS style, l.colour, l.size, COUNT(*) AS lines, SUM(l.quantity) AS units,
                   SUM(l.quantity * l.price) AS amount \(kept) AND l.sku IS NULL
            GROUP BY 1, 2, 3
            """, arguments: [span.lowerBound, span.upperBound]) {
            add(style: row["style"], colour: row["colour"], size: row["size"], lines: row["lines"], units: row["units"], amount: row["amount"])
        }
        let byStyle = styles.values.sorted { ($1.amount, $0.style ?? "") < ($0.amount, $1.style ?? "") }
        let byVariant = variants.values.sorted { ($1.units, $0.colour ?? "", $0.size ?? "") < ($0.units, $1.colour ?? "", $1.size ?? "") }
        return (byStyle, byVariant)
    }

    /// The month `through` lies in, to that day: the kept orders' money against the target.
    static func target(_ db: Database, through: CivilDate, zone: ShopZone) throws -> Target {
        let month = ReportPeriod.month(containing: through)
        let span = ReportPeriod(kind: .month, label: month.label, days: month.days.filter { $0 <= through }).millis(in: zone)
        let soFar = Money(fen: try Int64.fetchOne(db, sql: """
            SELECT COALESCE(SUM(paid), 0) FROM order_v WHERE paidAt >= ? AND paidAt < ? AND refunded = 0
            """, arguments: [span.lowerBound, span.upperBound])!)
        let goal = try Int64.fetchOne(db, sql: "SELECT amount FROM sales_target_v WHERE month = ?", arguments: [month.label]).map(Money.init(fen:))
        let elapsed = through.day, total = month.days.count
        let projected = Money(fen: (soFar.fen * Int64(total) + Int64(elapsed) / 2) / Int64(elapsed))
        let remaining = goal.map { $0 - soFar }
        let left = total - elapsed
        return Target(month: month.label, target: goal, monthToDate: soFar, daysElapsed: elapsed, daysInMonth: total, projected: projected,
                      remaining: remaining,
                      neededPerDay: remaining.map { left == 0 ? $0 : Money(fen: max(0, ($0.fen + Int64(left) - 1) / Int64(left))) },
                      percent: goal.map { $0.fen == 0 ? 0 : Int(soFar.fen * 100 / $0.fen) })
    }

    /// The day an instant falls in, given the days' starts (sorted).
    static func dayIndex(_ millis: Int64, _ starts: [Int64]) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= millis { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

extension SalesReport.Group {
    mutating func add(_ lines: Int, _ units: Int, _ amount: Int64) {
        self.lines += lines
        self.units += units
        self.amount = self.amount + Money(fen: amount)
    }
}
