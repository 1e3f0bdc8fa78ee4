import Foundation
import GRDB
import ShopDomain
import Storage

/// The one fines ledger (DISC-3): every fine any rule books goes in the `fine` table through here.
/// Fines are deltas and merge by addition; DISC-1's amounts are derived again from the month's
/// complaints whenever one arrives, so every device agrees whatever order they merged in.
enum FineLedger {
    /// Books an op's claims. A claim's key is the op's hash (and its place in the op): the same on
    /// every device, so a waiver can name it.
    static func book(_ claims: [FineClaim], _ op: Op, _ db: Database) throws {
        guard !claims.isEmpty else { return }
        let day = try ProjectionContext.day(of: op, db)
        var months: Set<String> = []
        for (index, claim) in claims.enumerated() {
            var amount = Money.zero
            var escalated = false
            switch claim.amount {
            case .fixed(let money): amount = money
            case .policy(let key): amount = try money(key, on: day, db)
            case .monthlyEscalation: escalated = true
            }
            try insert(key: key(op, index), staff: claim.staff, amount: amount, rule: claim.rule, ref: claim.ref, zh: claim.reasonZh,
                       en: claim.reasonEn, op: op, day: day, escalated: escalated, db)
            if escalated { months.insert(claim.staff.rawValue + "|" + month(day)) }
        }
        for staffMonth in months.sorted() {
            let parts = staffMonth.split(separator: "|").map(String.init)
            try escalate(staff: parts[0], month: parts[1], db)
        }
    }

    static func key(_ op: Op, _ index: Int) -> String {
        String(op.hash.prefix(10)) + (index == 0 ? "" : "-\(index + 1)")
    }

    static func month(_ day: CivilDate) -> String { String(day.description.prefix(7)) }

    static func insert(key: String, staff: StaffID, amount: Money, rule: String, ref: String, zh: String, en: String, op: Op,
                       day: CivilDate, escalated: Bool = false, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO fine (staffID, amount, rule, ref, reasonZh, reasonEn, bookedBy, at, fineKey, day, month, hlcCounter, opDevice, opSeq, escalated)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [staff.rawValue, amount.fen, rule, ref, zh, en, op.actor.rawValue, op.hlc.wallMillis, key, day.description,
                             month(day), op.hlc.counter, op.deviceID.rawValue, op.deviceSeq, escalated])
    }

    /// The money policy `key` in force on `day`.
    static func money(_ key: String, on day: CivilDate, _ db: Database) throws -> Money {
        guard let item = PolicyCatalog.item(key), case .money(let money) = try ProjectionContext.policy(item, on: day, db) else {
            throw PeopleError.unknownFinePolicy(key)
        }
        return money
    }

    /// DISC-1: ranks the person's service complaints of the month (not waived) by the op's HLC,
    /// then its device and sequence — the same order on every device — and sets each one's amount
    /// from the policy in force on its own day: the first, the second, and from the policy's count
    /// on, no money but a flag of dismissal for the GM.
    static func escalate(staff: String, month: String, _ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, day FROM fine
            WHERE staffID = ? AND month = ? AND escalated = 1 AND fineKey NOT IN (SELECT fineKey FROM fine_waiver)
            ORDER BY at, hlcCounter, opDevice, opSeq, fineKey
            """, arguments: [staff, month])
        for (index, row) in rows.enumerated() {
            let rank = index + 1
            let day = CivilDate(row["day"] as String)!
            guard case .count(let dismissal) = try ProjectionContext.policy(PolicyCatalog.item("DISC-1.complaint.dismissal")!, on: day, db)
            else { continue }
            let amount: Money = rank >= dismissal ? .zero
                : try money(rank == 1 ? "DISC-1.complaint.first" : "DISC-1.complaint.second", on: day, db)
            try db.execute(sql: "UPDATE fine SET amount = ?, escalation = ?, dismissal = ? WHERE id = ?",
                           arguments: [amount.fen, rank, rank >= dismissal, row["id"] as Int64])
        }
        try db.execute(sql: """
            UPDATE fine SET escalation = NULL, dismissal = 0
            WHERE staffID = ? AND month = ? AND escalated = 1 AND fineKey IN (SELECT fineKey FROM fine_waiver)
            """, arguments: [staff, month])
    }
}

/// The follower of every fine-bearing op kind (DISC-3): each claim booked in the ledger.
enum FineFollower {
    static func handlers(_ kinds: [any FineBearing.Type]) -> [OpHandler] {
        kinds.map { handler($0) }
    }

    static func handler<P: FineBearing>(_ type: P.Type) -> OpHandler {
        .following(P.self) { payload, op, db in try FineLedger.book(payload.fineClaims, op, db) }
    }
}
