import GRDB
import ShopDomain
import Storage

/// `target.set`: the GM's sales target for a month (ORG-2), replacing an earlier one.
enum TargetHandlers {
    static let all: [OpHandler] = [
        OpHandler(SalesTargetSet.self, authorization: .permission(.setSalesTarget), project: setTarget),
    ]

    static func setTarget(_ p: SalesTargetSet, _ op: Op, _ db: Database) throws {
        guard ReportPeriod.monthStart(p.month) != nil else { throw ReportingError.badMonth(p.month) }
        guard p.amount > .zero else { throw ReportingError.notPositive(p.amount.description) }
        try db.execute(sql: "INSERT OR REPLACE INTO sales_target (month, amount, setBy, at) VALUES (?, ?, ?, ?)",
                       arguments: [p.month, p.amount.fen, op.actor.rawValue, op.hlc.wallMillis])
    }
}
