import Foundation
import GRDB
import Logistics
import ShopDomain
import Storage
import Testing
import Warehouse
@testable import Reporting

@Suite("report inventory, shipping and staff on the demo shop, checked against independent SQL")
struct StockShippingStaffTests {
    @Test("inventory (OPS-2, WH-6): value at cost and states from the balances; reorder is the warehouse's")
    func inventory() throws {
        let database = try ReportShop.open()
        let period = ReportPeriod.month(containing: ReportShop.today)
        let report = try database.read { db in
            try InventoryReport.build(db, period: period, today: ReportShop.today, now: ReportShop.now, zone: ReportShop.zone)
        }
        let expected = try database.read { db in
            try Row.fetchOne(db, sql: """
                SELECT SUM(b.quantity * COALESCE(p.cost, 0)) AS value,
                       SUM(CASE WHEN l.kind = 'sellable' THEN b.quantity ELSE 0 END) AS sellable,
                       SUM(CASE WHEN l.kind = 'sellable' THEN 0 ELSE b.quantity END) AS defective
                FROM stock_balance b JOIN product p ON p.sku = b.sku JOIN location l ON l.code = b.location WHERE p.kind = 'goods'
                """)!
        }
        #expect(report.total.value.fen == expected["value"])
        #expect(report.total.sellable == expected["sellable"])
        #expect(report.total.defective == expected["defective"])
        #expect(report.total.reserved == (try database.read { db in
            try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(r.quantity), 0) FROM stock_reservation r JOIN product p ON p.sku = r.sku WHERE p.kind = 'goods'")!
        }))
        let reorder = try database.read { db in try WarehouseQueries.reorder(db, today: ReportShop.today, zone: ReportShop.zone) }
        #expect(report.reorder.map(\.sku) == reorder.map(\.sku))
        #expect(report.reorder.map(\.suggested) == reorder.map(\.suggested))
        #expect(report.movements["shipment"] == (try database.read { db in
            try Int.fetchOne(db, sql: "SELECT SUM(delta) FROM stock_movement WHERE kind = 'shipment' AND at >= ? AND at < ?",
                             arguments: [ReportShop.november.0, ReportShop.november.1])
        }))
        // October is over: its closing stock is today's less everything booked since.
        let october = try ReportPeriod.parse(date: nil, week: nil, month: "2026-10", today: ReportShop.today)
        let past = try database.read { db in
            try InventoryReport.build(db, period: october, today: ReportShop.today, now: ReportShop.now, zone: ReportShop.zone)
        }
        #expect(!past.isCurrent && past.reorder.isEmpty)
        let booked = try database.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COALESCE(SUM(m.delta), 0) FROM stock_movement m JOIN product p ON p.sku = m.sku WHERE p.kind = 'goods' AND m.at >= ?
                """, arguments: [ReportShop.november.0])!
        }
        #expect(past.total.sellable + past.total.defective == report.total.sellable + report.total.defective - booked)
    }

    @Test("shipping (LOG): per courier counts and the month's reconciliation are Logistics' own")
    func shipping() throws {
        let database = try ReportShop.open()
        let period = ReportPeriod.month(containing: ReportShop.today)
        let report = try database.read { db in try ShippingReport.build(db, period: period, zone: ReportShop.zone) }
        let (start, end) = ReportShop.november
        let counts = try database.read { db in
            try Row.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM waybill WHERE printedAt >= ?1 AND printedAt < ?2) AS printed,
                       (SELECT COUNT(*) FROM waybill WHERE packedAt >= ?1 AND packedAt < ?2) AS packed,
                       (SELECT COUNT(*) FROM waybill WHERE handedAt >= ?1 AND handedAt < ?2) AS handed,
                       (SELECT COUNT(*) FROM waybill WHERE undeliverableAt >= ?1 AND undeliverableAt < ?2) AS undeliverable,
                       (SELECT COUNT(*) FROM claim WHERE openedAt >= ?1 AND openedAt < ?2) AS claims
                """, arguments: [start, end])!
        }
        #expect(report.couriers.map(\.courier) == ["ZTO"])
        #expect(report.total.printed == counts["printed"] && report.total.printed > 0)
        #expect(report.total.packed == counts["packed"])
        #expect(report.total.handedOver == counts["handed"])
        #expect(report.total.undeliverable == counts["undeliverable"] && report.total.undeliverable == 1)
        #expect(report.total.claims == counts["claims"] && report.total.claims == 1)
        let reconciled = try database.read { db in try Reconciliation.run(db, courier: Courier(code: "ZTO"), month: "2026-11", zone: ReportShop.zone) }
        let zto = try #require(report.reconciliation.first)
        #expect(zto.statementImported && zto.payable == reconciled.payable && zto.overcharged == reconciled.overcharged)
        #expect(zto.differences.count == reconciled.lines.filter { $0.kind != .matched }.count && !zto.differences.isEmpty)
    }

    @Test("staff: shifts, lateness, handover items and fines owed (not waived) per person from the workforce tables")
    func staff() throws {
        let database = try ReportShop.open()
        let period = ReportPeriod.month(containing: ReportShop.today)
        let report = try database.read { db in try StaffReport.build(db, period: period, zone: ReportShop.zone) }
        let (start, end) = ReportShop.november
        let expected = try database.read { db in
            try Row.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM shift WHERE day BETWEEN '2026-11-01' AND '2026-11-30') AS shifts,
                       (SELECT COALESCE(SUM(lateMinutes), 0) FROM shift WHERE day BETWEEN '2026-11-01' AND '2026-11-30') AS late,
                       (SELECT COUNT(*) FROM handover_item WHERE writtenAt >= ?1 AND writtenAt < ?2) AS written,
                       (SELECT COALESCE(SUM(amount), 0) FROM fine WHERE at >= ?1 AND at < ?2
                               AND fineKey NOT IN (SELECT fineKey FROM fine_waiver)) AS fined
                """, arguments: [start, end])!
        }
        #expect(report.total.shifts == expected["shifts"] && report.total.shifts > 0)
        #expect(report.total.lateMinutes == expected["late"])
        #expect(report.total.handoversWritten == expected["written"])
        #expect(report.total.fined.fen == expected["fined"] && report.total.fined > .zero)
    }
}
