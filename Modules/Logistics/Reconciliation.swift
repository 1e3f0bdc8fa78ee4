import Foundation
import GRDB
import ShopDomain
import Storage

/// A month's statement checked line by line against our parcels and the agreed prices, with
/// deductions for claims and undeliverables (LOG-8, LOG-9, LOG-11).
public struct Reconciliation: Sendable, Equatable, Codable {
    public struct Line: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Codable {
            case matched, feeDifference = "fee-difference", notOurs = "not-ours", voided, missing
            /// Ours, but handed to the courier in another month than the statement's (or not yet): not this month's to pay.
            case otherMonth = "other-month"
        }
        public var kind: Kind
        public var waybill: String
        public var statementLine: Int?
        /// The weight the agreed price is computed from: the one the courier wrote at pickup
        /// (LOG-6, `parcel weigh`), else the statement's.
        public var grams: Int?
        /// The weight on the statement line, when it has one.
        public var statementGrams: Int?
        /// `written` (LOG-6) or `statement`: where `grams` comes from.
        public var weightFrom: String?
        public var charged: Money?
        public var expected: Money?
        public var difference: Money?
        /// How `expected` follows from the agreed rate: first kilogram plus each started kilogram after it.
        public var rate: Rate?
        /// The day the parcel was handed over, for `otherMonth` (empty when it has not been).
        public var handedOn: String?
    }
    /// The agreed rate a line was priced at: `firstKg + extraKilograms × extraKg`.
    public struct Rate: Sendable, Equatable, Codable {
        public var region: String
        public var firstKg: Money
        public var extraKg: Money
        public var extraKilograms: Int
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
    /// Lines for parcels handed over in another month (or not yet): left out of this month's payment.
    public var otherMonthTotal: Money
    public var overcharged: Money
    public var deductionsTotal: Money
    /// Deductions beyond what this statement leaves to pay: never a negative payment, they are
    /// settled with the courier separately (or from the next statement).
    public var deductionsUncovered: Money
    /// What the shop should pay, never below zero: the statement less lines that are not ours
    /// (or voided, or another month's), overcharges and deductions.
    public var payable: Money

    public static func run(_ db: Database, courier: Courier, month: String, zone: ShopZone) throws -> Reconciliation {
        guard Statements.isMonth(month) else { throw LogisticsError.badMonth(month) }
        let id = Statements.id(courier, month)
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM statement WHERE id = ?)", arguments: [id])! else {
            throw LogisticsError.noStatement(courier.code, month)
        }
        let (start, end) = try bounds(month, zone)
        let rates = try Row.fetchAll(db, sql: "SELECT region, firstKg, extraKg FROM courier_rate WHERE courier = ?", arguments: [courier.code])
        // Every live waybill of the courier, with its hand-over time: a statement line is checked
        // against the parcel whatever month it left in.
        let parcels = try Row.fetchAll(db, sql: """
            SELECT w.number, w.grams, w.fee, w.state, w.handedAt, o.address FROM waybill w JOIN order_header o ON o.id = w.orderID
            WHERE w.courier = ? AND w.live = 1
            """, arguments: [courier.code])
        var byNumber: [String: Row] = [:]
        for row in parcels { byNumber[row["number"]] = row }
        func inMonth(_ row: Row) -> Bool {
            guard row["state"] as String == "handed-over", let at: Int64 = row["handedAt"] else { return false }
            return at >= start.millis && at < end.millis
        }
        let voided = Set(try String.fetchAll(db, sql: "SELECT number FROM waybill WHERE courier = ? AND live = 0", arguments: [courier.code]))
        var lines: [Line] = [], seen: Set<String> = []
        var total = Money.zero, notOurs = Money.zero, otherMonth = Money.zero, over = Money.zero
        for row in try Row.fetchAll(db, sql: "SELECT * FROM statement_line WHERE statementID = ? ORDER BY line", arguments: [id]) {
            let number: String = row["number"], charged = Money(fen: row["amount"]), statementGrams: Int? = row["grams"]
            total = total + charged
            seen.insert(number)
            guard let parcel = byNumber[number] else {
                // Not a parcel of ours, or a label we voided and never sent: not to be paid.
                notOurs = notOurs + charged
                lines.append(Line(kind: voided.contains(number) ? .voided : .notOurs, waybill: number, statementLine: row["line"],
                                  grams: statementGrams, statementGrams: statementGrams, weightFrom: statementGrams.map { _ in "statement" },
                                  charged: charged))
                continue
            }
            // LOG-6: the weight the courier wrote at pickup prices the parcel; the statement's only without it.
            let written: Int? = parcel["grams"]
            let weight = written ?? statementGrams
            let address: String = parcel["address"] ?? ""
            let rate = weight.flatMap { rateFor(grams: $0, address: address, rates: rates) }
            let expected = rate.map { $0.firstKg + $0.extraKg * Int64($0.extraKilograms) } ?? (parcel["fee"] as Int64?).map(Money.init(fen:))
            let difference = expected.map { charged - $0 }
            guard inMonth(parcel) else {
                otherMonth = otherMonth + charged
                let handed = (parcel["handedAt"] as Int64?).map { zone.day(of: Date(millis: $0)).description } ?? ""
                lines.append(Line(kind: .otherMonth, waybill: number, statementLine: row["line"], grams: weight, statementGrams: statementGrams,
                                  weightFrom: written != nil ? "written" : weight.map { _ in "statement" }, charged: charged,
                                  expected: expected, difference: difference, rate: rate, handedOn: handed))
                continue
            }
            if let difference, difference > .zero { over = over + difference }
            lines.append(Line(kind: difference.map { $0 == .zero } ?? true ? .matched : .feeDifference, waybill: number, statementLine: row["line"],
                              grams: weight, statementGrams: statementGrams, weightFrom: written != nil ? "written" : weight.map { _ in "statement" },
                              charged: charged, expected: expected, difference: difference, rate: rate))
        }
        for row in parcels where inMonth(row) && !seen.contains(row["number"] as String) {
            let grams: Int? = row["grams"]
            let rate = grams.flatMap { rateFor(grams: $0, address: row["address"] ?? "", rates: rates) }
            lines.append(Line(kind: .missing, waybill: row["number"], grams: grams, weightFrom: grams.map { _ in "written" },
                              expected: rate.map { $0.firstKg + $0.extraKg * Int64($0.extraKilograms) } ?? (row["fee"] as Int64?).map(Money.init(fen:)),
                              rate: rate))
        }
        lines.sort { ($0.statementLine ?? .max, $0.waybill) < ($1.statementLine ?? .max, $1.waybill) }
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
        let owed = total - notOurs - otherMonth - over - deducted
        return Reconciliation(courier: courier.code, month: month, lines: lines, deductions: deductions, statementTotal: total,
                              notOursTotal: notOurs, otherMonthTotal: otherMonth, overcharged: over, deductionsTotal: deducted,
                              deductionsUncovered: owed < .zero ? -owed : .zero, payable: max(owed, .zero))
    }

    /// The agreed rate for a parcel: the region whose name starts the address, else the
    /// courier's default; each started kilogram after the first at the extra rate.
    static func rateFor(grams: Int, address: String, rates: [Row]) -> Rate? {
        let rate = rates.first { !($0["region"] as String).isEmpty && address.hasPrefix($0["region"] as String) }
            ?? rates.first { ($0["region"] as String).isEmpty }
        guard let rate else { return nil }
        return Rate(region: rate["region"], firstKg: Money(fen: rate["firstKg"]), extraKg: Money(fen: rate["extraKg"]),
                    extraKilograms: max(0, (grams - 1) / 1000))
    }

    /// The agreed price of a parcel of `grams`.
    static func price(grams: Int, address: String, rates: [Row]) -> Money? {
        rateFor(grams: grams, address: address, rates: rates).map { $0.firstKg + $0.extraKg * Int64($0.extraKilograms) }
    }

    static func bounds(_ month: String, _ zone: ShopZone) throws -> (Date, Date) {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, let first = CivilDate(year: parts[0], month: parts[1], day: 1),
              let next = parts[1] == 12 ? CivilDate(year: parts[0] + 1, month: 1, day: 1) : CivilDate(year: parts[0], month: parts[1] + 1, day: 1)
        else { throw LogisticsError.badMonth(month) }
        return (zone.start(of: first), zone.start(of: next))
    }
}
