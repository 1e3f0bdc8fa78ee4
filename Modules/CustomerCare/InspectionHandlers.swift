import GRDB
import ShopDomain
import Storage

/// Inspect before signing (CS-3). The CS-3 fine itself is booked by Workforce, following
/// `customer.damage-reported` (a `FineBearing` kind).
enum InspectionHandlers {
    static let all: [OpHandler] = [
        OpHandler(CustomerInspectionTold.self, authorization: .permission(.handleOrders), project: told),
        OpHandler(CustomerDamageReported.self, authorization: .permission(.handleOrders), project: damage),
    ]

    static func told(_ p: CustomerInspectionTold, _ op: Op, _ db: Database) throws {
        _ = try Buyers.buyer(ofOrder: p.order, db)
        try db.execute(sql: "INSERT INTO cs_inspection (orderID, agent, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                       arguments: [p.order.rawValue, op.actor.rawValue, op.hlc.wallMillis])
        if db.changesCount == 0, try ProjectionContext.isLocal(op, db) { throw CustomerCareError.alreadyTold(p.order.rawValue) }
    }

    /// CS-3: `told` must be what the register says, so the fine claim (read from the payload
    /// alone by Workforce) is the rule's.
    static func damage(_ p: CustomerDamageReported, _ op: Op, _ db: Database) throws {
        _ = try Buyers.buyer(ofOrder: p.order, db)
        let told = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cs_inspection WHERE orderID = ?)", arguments: [p.order.rawValue])!
        guard told == p.told else { throw CustomerCareError.toldMismatch(p.order.rawValue) }
        if let responsible = p.responsible, try CoreQueries.staff(db, id: responsible) == nil {
            throw StorageError.unknownStaff(responsible.rawValue)
        }
        try db.execute(sql: "INSERT INTO cs_damage (orderID, note, told, responsible, reportedBy, at) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [p.order.rawValue, try Buyers.text(p.note, "货损说明 / note"), told ? 1 : 0, p.responsible?.rawValue,
                                   op.actor.rawValue, op.hlc.wallMillis])
    }
}
