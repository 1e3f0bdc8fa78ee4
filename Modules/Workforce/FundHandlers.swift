import Foundation
import GRDB
import ShopDomain
import Storage

/// The department fund (DISC-4): money paid into the box and spent on the team, each entry
/// chained to the one before by its hash so anyone can check the ledger (`fund verify`).
enum FundHandlers {
    static let all: [OpHandler] = [
        OpHandler(FundPaid.self, authorization: .anyStaff, project: paid),
        OpHandler(FundSpent.self, authorization: .anyStaff, project: spent),
    ]

    static func paid(_ p: FundPaid, _ op: Op, _ db: Database) throws {
        guard p.amount > .zero else { throw PeopleError.notPositiveAmount(p.amount) }
        guard try CoreQueries.staff(db, id: p.staff) != nil else { throw StorageError.unknownStaff(p.staff.rawValue) }
        try append(kind: "paid", staff: p.staff, amount: p.amount, what: p.note.trimmingWhitespace(), receipt: nil, op, db)
    }

    /// Approved by the GM, who records it; never more than the fund holds (a merged one that would
    /// be is kept: the statement shows the balance below zero for the GM to settle).
    static func spent(_ p: FundSpent, _ op: Op, _ db: Database) throws {
        guard try CoreQueries.staff(db, id: op.actor)?.roles.contains(.gm) == true else { throw PeopleError.spendingNotGM }
        guard p.amount > .zero else { throw PeopleError.notPositiveAmount(p.amount) }
        guard !p.what.trimmingWhitespace().isEmpty else { throw PeopleError.whatRequired }
        guard ContentHash.isHash(p.receipt) else { throw PeopleError.badReceipt(p.receipt) }
        if try ProjectionContext.isLocal(op, db) {
            let balance = try FundQueries.balance(db)
            guard p.amount <= balance else { throw PeopleError.fundTooSmall(asked: p.amount, holds: balance) }
        }
        try append(kind: "spent", staff: op.actor, amount: p.amount, what: p.what.trimmingWhitespace(), receipt: p.receipt, op, db)
    }

    /// Inserts the entry at its place in the one order and chains it and every entry after it.
    static func append(kind: String, staff: StaffID, amount: Money, what: String, receipt: String?, _ op: Op, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO fund_entry (position, kind, staffID, amount, what, receipt, at, hlcCounter, opDevice, opSeq, prevHash, hash)
            VALUES (0, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '')
            """, arguments: [kind, staff.rawValue, amount.fen, what, receipt, op.hlc.wallMillis, op.hlc.counter, op.deviceID.rawValue, op.deviceSeq])
        let key: [any DatabaseValueConvertible] = [op.hlc.wallMillis, op.hlc.counter, op.deviceID.rawValue, op.deviceSeq]
        let before = try Row.fetchOne(db, sql: """
            SELECT position, hash FROM fund_entry WHERE (at, hlcCounter, opDevice, opSeq) < (?, ?, ?, ?) AND position > 0
            ORDER BY at DESC, hlcCounter DESC, opDevice DESC, opSeq DESC LIMIT 1
            """, arguments: StatementArguments(key))
        var position: Int = before?["position"] ?? 0
        var previous: String = before?["hash"] ?? Op.genesisHash
        let later = try Row.fetchAll(db, sql: """
            SELECT * FROM fund_entry WHERE (at, hlcCounter, opDevice, opSeq) >= (?, ?, ?, ?) ORDER BY at, hlcCounter, opDevice, opSeq
            """, arguments: StatementArguments(key))
        for row in later {
            position += 1
            let hash = FundEntry(row: row, position: position, prevHash: previous).computedHash
            try db.execute(sql: "UPDATE fund_entry SET position = ?, prevHash = ?, hash = ? WHERE id = ?",
                           arguments: [position, previous, hash, row["id"] as Int64])
            previous = hash
        }
        try db.execute(sql: """
            INSERT INTO fund_head (id, entries, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET entries = excluded.entries, hash = excluded.hash
            """, arguments: [position, previous])
    }
}

/// One entry of the fund's ledger.
public struct FundEntry: Sendable, Equatable, Codable {
    public var position: Int
    /// `paid` or `spent`.
    public var kind: String
    /// Who paid in; for a spending, the GM who approved it.
    public var staff: String
    public var name: String
    public var amount: Money
    public var what: String
    public var receipt: String?
    public var at: Date
    public var op: String
    public var prevHash: String
    public var hash: String

    init(row: Row, position: Int? = nil, prevHash: String? = nil) {
        self.position = position ?? row["position"]
        kind = row["kind"]
        staff = row["staffID"]
        name = row["name"] ?? row["staffID"]
        amount = Money(fen: row["amount"])
        what = row["what"]
        receipt = row["receipt"]
        at = Date(millis: row["at"])
        op = "\(row["opDevice"] as String):\(row["opSeq"] as Int64):\(row["hlcCounter"] as Int)"
        self.prevHash = prevHash ?? row["prevHash"]
        hash = row["hash"]
    }

    /// SHA-256 over the entry's fields and the previous entry's hash.
    public var computedHash: String {
        ContentHash.of(["zhanggui-fund/1", String(position), kind, staff, String(amount.fen), what, receipt ?? "",
                        String(at.millis), op, prevHash].joined(separator: "\n"))
    }
}
