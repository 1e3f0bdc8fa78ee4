import Foundation
import GRDB
import Logistics
import ShopDomain
import Storage

/// The shipping figures of a period per courier (LOG-1…LOG-11): waybills printed, packed and
/// handed over, claims (LOG-8) and undeliverables (LOG-9), from Logistics' `waybill_v`,
/// `claim_v` and `statement_v`; and the month's reconciliation of each courier's statement
/// (LOG-11), run by Logistics' own `Reconciliation`.
public struct ShippingReport: Sendable, Equatable, Codable {
    public struct Courier: Sendable, Equatable, Codable {
        public var courier: String
        public var name: String
        public var printed: Int
        /// Printed in the period and voided since.
        public var voided: Int
        public var packed: Int
        public var handedOver: Int
        public var undeliverable: Int
        public var claims: Int
        public var claimed: Money
        /// Fees recorded at pickup for the parcels handed over.
        public var fees: Money
    }

    /// One courier's month-end result (LOG-11): nil figures when no statement was imported.
    public struct Reconciled: Sendable, Equatable, Codable {
        public var courier: String
        public var month: String
        public var statementImported: Bool
        public var statementTotal: Money?
        public var notOurs: Money?
        public var overcharged: Money?
        public var deductions: Money?
        public var payable: Money?
        /// The lines that do not simply match: fee differences, not ours, voided, missing.
        public var differences: [Reconciliation.Line]
    }

    public var period: ReportPeriod
    public var couriers: [Courier]
    public var total: Courier
    public var reconciliation: [Reconciled]

    public var isEmpty: Bool { total.printed == 0 && total.packed == 0 && total.handedOver == 0 && total.claims == 0 && total.undeliverable == 0 }

    public static func build(_ db: Database, period: ReportPeriod, zone: ShopZone) throws -> ShippingReport {
        let span = period.millis(in: zone)
        let arguments: StatementArguments = [span.lowerBound, span.upperBound]
        var byCourier: [String: Courier] = [:]
        func entry(_ code: String) -> Courier {
            byCourier[code] ?? Courier(courier: code, name: ShopDomain.Courier(code: code).chineseName, printed: 0, voided: 0, packed: 0,
                                       handedOver: 0, undeliverable: 0, claims: 0, claimed: .zero, fees: .zero)
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT courier, COUNT(*) AS printed, SUM(live = 0) AS voided FROM waybill_v WHERE printedAt >= ? AND printedAt < ? GROUP BY courier
            """, arguments: arguments) {
            var c = entry(row["courier"]); c.printed = row["printed"]; c.voided = row["voided"]; byCourier[c.courier] = c
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT courier, COUNT(*) AS n FROM waybill_v WHERE packedAt >= ? AND packedAt < ? GROUP BY courier
            """, arguments: arguments) {
            var c = entry(row["courier"]); c.packed = row["n"]; byCourier[c.courier] = c
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT courier, COUNT(*) AS n, COALESCE(SUM(fee), 0) AS fees FROM waybill_v WHERE handedAt >= ? AND handedAt < ? GROUP BY courier
            """, arguments: arguments) {
            var c = entry(row["courier"]); c.handedOver = row["n"]; c.fees = Money(fen: row["fees"]); byCourier[c.courier] = c
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT courier, COUNT(*) AS n FROM waybill_v WHERE undeliverableAt >= ? AND undeliverableAt < ? GROUP BY courier
            """, arguments: arguments) {
            var c = entry(row["courier"]); c.undeliverable = row["n"]; byCourier[c.courier] = c
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT w.courier, COUNT(*) AS n, SUM(c.amount) AS amount FROM claim_v c JOIN waybill_v w ON w.number = c.number
            WHERE c.openedAt >= ? AND c.openedAt < ? GROUP BY w.courier
            """, arguments: arguments) {
            var c = entry(row["courier"]); c.claims = row["n"]; c.claimed = Money(fen: row["amount"]); byCourier[c.courier] = c
        }
        let couriers = byCourier.values.sorted { $0.courier < $1.courier }
        var total = Courier(courier: "", name: "", printed: 0, voided: 0, packed: 0, handedOver: 0, undeliverable: 0, claims: 0,
                            claimed: .zero, fees: .zero)
        for c in couriers {
            total.printed += c.printed; total.voided += c.voided; total.packed += c.packed; total.handedOver += c.handedOver
            total.undeliverable += c.undeliverable; total.claims += c.claims; total.claimed = total.claimed + c.claimed
            total.fees = total.fees + c.fees
        }
        return ShippingReport(period: period, couriers: couriers, total: total,
                              reconciliation: try reconcile(db, month: period.monthKey, shipped: couriers.map(\.courier), zone: zone))
    }

    /// Every courier with a statement for the month or parcels in the period: Logistics'
    /// reconciliation, or a note that no statement is in yet.
    static func reconcile(_ db: Database, month: String, shipped: [String], zone: ShopZone) throws -> [Reconciled] {
        let withStatement = try String.fetchAll(db, sql: "SELECT courier FROM statement_v WHERE month = ?", arguments: [month])
        return try Set(withStatement + shipped).sorted().map { code -> Reconciled in
            guard withStatement.contains(code) else {
                return Reconciled(courier: code, month: month, statementImported: false, differences: [])
            }
            let result = try Reconciliation.run(db, courier: ShopDomain.Courier(code: code), month: month, zone: zone)
            return Reconciled(courier: code, month: month, statementImported: true, statementTotal: result.statementTotal,
                              notOurs: result.notOursTotal, overcharged: result.overcharged, deductions: result.deductionsTotal,
                              payable: result.payable, differences: result.lines.filter { $0.kind != .matched })
        }
    }
}
