import GRDB
import ShopDomain
import Storage

/// Agreed courier prices and month-end statements (LOG-11).
enum StatementHandlers {
    static let all: [OpHandler] = [
        OpHandler(CourierRateSet.self, authorization: .permission(.reconcile), project: rateSet),
        OpHandler(StatementImported.self, authorization: .permission(.reconcile), project: imported),
        OpHandler(SenderSet.self, authorization: .permission(.ship), project: senderSet),
    ]

    static func senderSet(_ p: SenderSet, _ op: Op, _ db: Database) throws {
        let name = p.name.trimmingWhitespace(), phone = p.phone.trimmingWhitespace(), address = p.address.trimmingWhitespace()
        guard !name.isEmpty, !phone.isEmpty, !address.isEmpty else { throw LogisticsError.senderIncomplete }
        try db.execute(sql: "INSERT OR REPLACE INTO sender (id, name, phone, address) VALUES (1, ?, ?, ?)", arguments: [name, phone, address])
    }

    static func rateSet(_ p: CourierRateSet, _ op: Op, _ db: Database) throws {
        guard p.firstKg >= .zero, p.extraKg >= .zero else { throw LogisticsError.badAmount }
        try InputLimits.check(money: p.firstKg, "first kg")  // issue 19
        try InputLimits.check(money: p.extraKg, "extra kg")
        try db.execute(sql: """
            INSERT INTO courier_rate (courier, region, firstKg, extraKg) VALUES (?, ?, ?, ?)
            ON CONFLICT (courier, region) DO UPDATE SET firstKg = excluded.firstKg, extraKg = excluded.extraKg
            """, arguments: [p.courier.code, p.region?.trimmingWhitespace() ?? "", p.firstKg.fen, p.extraKg.fen])
    }

    /// A statement replaces an earlier import of the same courier and month.
    static func imported(_ p: StatementImported, _ op: Op, _ db: Database) throws {
        guard Statements.isMonth(p.month) else { throw LogisticsError.badMonth(p.month) }
        guard !p.lines.isEmpty else { throw LogisticsError.emptyStatement(p.file) }
        // LOG-11: a statement is checked against the agreed prices; a courier without any was never configured (issue 19).
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM courier_rate WHERE courier = ?)", arguments: [p.courier.code])! else {
            throw LogisticsError.courierNotConfigured(p.courier.code)
        }
        let id = Statements.id(p.courier, p.month)
        try db.execute(sql: "DELETE FROM statement_line WHERE statementID = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM statement WHERE id = ?", arguments: [id])
        try db.execute(sql: "INSERT INTO statement (id, courier, month, file, importedBy, importedAt) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [id, p.courier.code, p.month, p.file, op.actor.rawValue, op.hlc.wallMillis])
        let insert = try db.cachedStatement(sql: """
            INSERT INTO statement_line (statementID, line, number, grams, amount, date, destination) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for line in p.lines {
            guard line.amount >= .zero else { throw LogisticsError.badAmount }
            try InputLimits.check(money: line.amount, "amount")  // issue 19
            if let grams = line.grams { try InputLimits.check(grams, "weight (g)", range: 0...InputLimits.grams) }
            try insert.execute(arguments: [id, line.line, line.waybill, line.grams, line.amount.fen, line.date, line.destination])
        }
    }
}

enum Statements {
    static func id(_ courier: Courier, _ month: String) -> String { "\(courier.code)-\(month)" }

    static func isMonth(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]) else { return false }
        return y >= 2000 && (1...12).contains(m)
    }
}
