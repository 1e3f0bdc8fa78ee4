import Foundation
import GRDB
import ShopDomain
import Storage
import Warehouse

/// Today's figures for the shift desk's dashboard: the sales report of today and its month's
/// target, and how many products are low (the warehouse's own count).
public struct TodayFigures: Sendable, Equatable, Codable {
    public var day: CivilDate
    public var orders: Int
    public var revenue: Money
    public var target: SalesReport.Target
    public var lowStock: Int

    public static func build(_ db: Database, today: CivilDate, zone: ShopZone) throws -> TodayFigures {
        let sales = try SalesReport.build(db, period: .day(today), today: today, zone: zone)
        let low = try WarehouseQueries.stockList(db, lowOnly: true, on: today).count
        return TodayFigures(day: today, orders: sales.orders, revenue: sales.revenue, target: sales.target, lowStock: low)
    }

    /// One line: `今日 3 单 ¥387.00 · 本月 ¥2,590.00 / 目标 ¥150,000.00（1%）· 低库存 5`.
    public func line(in l: Language) -> String {
        let goal = target.target.map { l.pick(zh: " / 目标 ¥\($0)（\(target.percent ?? 0)%）", en: " / target ¥\($0) (\(target.percent ?? 0)%)") }
            ?? l.pick(zh: "（未设目标）", en: " (no target)")
        return l.pick(zh: "今日 \(orders) 单 ¥\(revenue) · 本月 ¥\(target.monthToDate)\(goal) · 低库存 \(lowStock)",
                      en: "Today \(orders) orders ¥\(revenue) · month ¥\(target.monthToDate)\(goal) · low stock \(lowStock)")
    }
}
