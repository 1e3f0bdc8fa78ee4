import Foundation
import GRDB
import ShopDomain
import Storage

/// A month's statement checked line by line against our parcels and the agreed prices, with
/// deductions for claims and undeliverables (LOG-8, LOG-9, LOG-11).
public struct Reconciliation: Sendable, Equatable, Codable {
    public struct Line: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Codable { case matched, feeDifference = "fee-difference", notOurs = "not-ours", voided, missing }
        public var kind: Kind
        public var waybill: String
        public var statementLine: Int?
        public var grams: Int?
        public var charged: Money?
        public var expected: Money?
        public var difference: Money?
    }
    public struct Deduction: Sendable, Equatable, Codable {
        public var waybill: String
        /// `claim-lost`, `claim-damaged`, `undeliverable`.
        public var reason: String
        public var amount: Money
    }
    public var courier: String
    public var month: String
    public var lines: [Line]
    public var deductions: [Deduction]
    public var statementTotal: Money
    public var notOursTotal: Money
    public var overcharged: Money
    public var deductionsTotal: Money
    /// What the shop should pay: the statement less lines that are not ours (or voided), overcharges and deductions.
    public var payable: Money

    public static func run(_ db: Database, courier: Courier, month: String, zone: ShopZone) throws -> Reconciliation {
        guard Statements.isMonth(month) else { throw LogisticsError.badMonth(month) }
        let id = Statements.id(courier, month)
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM statement WHERE id = ?)", arguments: [id])! else {
            throw LogisticsError.noStatement(courier.code, month)
        }
        let (start, end) = try bounds(month, zone)
        let rates = try Row.fetchAll(db, sql: "SELECT region, firstKg, extraKg FROM courier_rate WHERE courier = ?", arguments: [courier.code])
        let ours = try Row.fetchAll(db, sql: """
            SELECT w.number, w.grams, w.fee, o.address FROM waybill w JOIN order_header o ON o.id = w.orderID
            WHERE w.courier = ? AND w.state = 'handed-over' AND w.live = 1 AND w.handedAt >= ? AND w.handedAt < ?
            """, arguments: [courier.code, start.millis, end.millis])
        var byNumber: [String: Row] = [:]
        for row in ours { byNumber[row["number"]] = row }
        let known = Set(try String.fetchAll(db, sql: "SELECT number FROM waybill WHERE courier = ? AND live = 1", arguments: [courier.code]))
        let voided = Set(try String.fetchAll(db, sql: "SELECT number FROM waybill WHERE courier = ? AND live = 0", arguments: [courier.code]))
        var lines: [Line] = [], seen: Set<String> = []
        var total = Money.zero, notOurs = Money.zero, over = Money.zero
        for row in try Row.fetchAll(db, sql: "SELECT * FROM statement_line WHERE statementID = ? ORDER BY line", arguments: [id]) {
            let number: String = row["number"], charged = Money(fen: row["amount"]), grams: Int? = row["grams"]
            total = total + charged
            seen.insert(number)
            guard known.contains(number) else {
                // Not a parcel of ours, or a label we voided and never sent: not to be paid.
                notOurs = notOurs + charged
                lines.append(Line(kind: voided.contains(number) ? .voided : .notOurs, waybill: number, statementLine: row["line"],
                                  grams: grams, charged: charged))
                continue
            }
            let parcel = byNumber[number]
            let weight = grams ?? parcel?["grams"]
            let address: String = parcel?["address"] ?? ""
            let expected = weight.flatMap { price(grams: $0, address: address, rates: rates) } ?? parcel.flatMap { ($0["fee"] as Int64?).map(Money.init(fen:)) }
            let difference = expected.map { charged - $0 }
            if let difference, difference > .zero { over = over + difference }
            lines.append(Line(kind: difference.map { $0 == .zero } ?? true ? .matched : .feeDifference, waybill: number, statementLine: row["line"],
                              grams: weight, charged: charged, expected: expected, difference: difference))
        }
        for row in ours where !seen.contains(row["number"] as String) {
            lines.append(Line(kind: .missing, waybill: row["number"], grams: row["grams"],
                              expected: (row["fee"] as Int64?).map(Money.init(fen:))))
        }
        var deductions: [Deduction] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT c.number, c.kind, c.amount FROM claim c JOIN waybill w ON w.number = c.number
            WHERE w.courier = ? AND c.openedAt >= ? AND c.openedAt < ? ORDER BY c.openedAt
            """, arguments: [courier.code, start.millis, end.millis]) {
            deductions.append(Deduction(waybill: row["number"], reason: "claim-" + (row["kind"] as String), amount: Money(fen: row["amount"])))
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT w.number, COALESCE((SELECT amount FROM statement_line s WHERE s.statementID = ? AND s.number = w.number LIMIT 1), w.fee, 0) AS amount
            FROM waybill w WHERE w.courier = ? AND w.undeliverableAt >= ? AND w.undeliverableAt < ? ORDER BY w.undeliverableAt
            """, arguments: [id, courier.code, start.millis, end.millis]) {
            deductions.append(Deduction(waybill: row["number"], reason: "undeliverable", amount: Money(fen: row["amount"])))
        }
        let deducted = deductions.reduce(Money.zero) { $0 + $1.amount }
        return Reconciliation(courier: courier.code, month: month, lines: lines, deductions: deductions, statementTotal: total,
                              notOursTotal: notOurs, overcharged: over, deductionsTotal: deducted,
                              payable: total - notOurs - over - deducted)
    }

    /// The agreed price: the region whose name starts the address, else the courier's default.
    static func price(grams: Int, address: String, rates: [Row]) -> Money? {
        let rate = rates.first { !($0["region"] as String).isEmpty && address.hasPrefix($0["region"] as String) }
            ?? rates.first { ($0["region"] as String).isEmpty }
        guard let rate else { return nil }
        let extraKg = max(0, (grams - 1) / 1000)  // each started kilogram after the first
        return Money(fen: rate["firstKg"]) + Money(fen: rate["extraKg"]) * Int64(extraKg)
    }

    static func bounds(_ month: String, _ zone: ShopZone) throws -> (Date, Date) {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, let first = CivilDate(year: parts[0], month: parts[1], day: 1),
              let next = parts[1] == 12 ? CivilDate(year: parts[0] + 1, month: 1, day: 1) : CivilDate(year: parts[0], month: parts[1] + 1, day: 1)
        else { throw LogisticsError.badMonth(month) }
        return (zone.start(of: first), zone.start(of: next))
    }
}
