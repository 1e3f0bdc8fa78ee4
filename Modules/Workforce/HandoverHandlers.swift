import Foundation
import GRDB
import ShopDomain
import Storage

/// The handover book (交接本, HR-2): items written on shift travel forward from shift to shift
/// until someone takes them over or closes them.
enum HandoverHandlers {
    static let all: [OpHandler] = [
        OpHandler(HandoverWritten.self, authorization: .anyStaff, project: written),
        OpHandler(HandoverAcked.self, authorization: .anyStaff, project: acked),
        OpHandler(HandoverClosed.self, authorization: .anyStaff, project: closed),
        OpHandler(MemoAdded.self, authorization: .anyStaff, project: memo),
        OpHandler(PlanWritten.self, authorization: .anyStaff, project: plan),
    ]

    static func written(_ p: HandoverWritten, _ op: Op, _ db: Database) throws {
        let shift = try ShiftHandlers.requireOpenShift(db, op.actor)
        let text = p.text.trimmingWhitespace()
        guard !text.isEmpty else { throw WorkforceError.emptyText }
        try db.execute(sql: """
            INSERT INTO handover_item (id, shiftID, author, team, text, about, writtenAt, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'open')
            """, arguments: [p.item, shift["id"] as String, op.actor.rawValue, shift["team"] as String, text,
                             p.about?.trimmingWhitespace(), op.hlc.wallMillis])
    }

    /// Taking over needs to be on shift, and an item is taken over from another shift.
    static func acked(_ p: HandoverAcked, _ op: Op, _ db: Database) throws {
        let shift = try ShiftHandlers.requireOpenShift(db, op.actor)
        let shiftID: String = shift["id"]
        let merged = try !ProjectionContext.isLocal(op, db)
        for id in p.items {
            // Taken over on two devices: the second is a harmless duplicate.
            if merged, try String.fetchOne(db, sql: "SELECT status FROM handover_item WHERE id = ?", arguments: [id]).map({ $0 != "open" }) ?? false {
                continue
            }
            let item = try openItem(db, id)
            guard item["shiftID"] as String != shiftID else { throw WorkforceError.ownItem(id) }
            try db.execute(sql: "UPDATE handover_item SET status = 'acked', settledBy = ?, settledShift = ?, settledAt = ? WHERE id = ?",
                           arguments: [op.actor.rawValue, shiftID, op.hlc.wallMillis, id])
        }
    }

    /// Closing needs to be on shift, or a supervisor.
    static func closed(_ p: HandoverClosed, _ op: Op, _ db: Database) throws {
        _ = try openItem(db, p.item)
        let shift = try ShiftHandlers.openShift(db, op.actor)
        if shift == nil, try !(CoreQueries.staff(db, id: op.actor)?.may(.supervise) ?? false) {
            throw WorkforceError.notOnShift(try CoreQueries.staff(db, id: op.actor)?.name ?? op.actor.rawValue)
        }
        try db.execute(sql: """
            UPDATE handover_item SET status = 'closed', settledBy = ?, settledShift = ?, settledAt = ?, note = ? WHERE id = ?
            """, arguments: [op.actor.rawValue, shift?["id"] as String?, op.hlc.wallMillis, p.note?.trimmingWhitespace(), p.item])
    }

    static func openItem(_ db: Database, _ id: String) throws -> Row {
        guard let item = try Row.fetchOne(db, sql: "SELECT * FROM handover_item WHERE id = ?", arguments: [id]) else {
            throw WorkforceError.unknownItem(id)
        }
        guard item["status"] as String == "open" else { throw WorkforceError.itemSettled(id) }
        return item
    }

    static func memo(_ p: MemoAdded, _ op: Op, _ db: Database) throws {
        let text = p.text.trimmingWhitespace()
        guard !text.isEmpty else { throw WorkforceError.emptyText }
        try db.execute(sql: "INSERT INTO memo (id, staffID, text, at) VALUES (?, ?, ?, ?)",
                       arguments: [p.memo, op.actor.rawValue, text, op.hlc.wallMillis])
    }

    static func plan(_ p: PlanWritten, _ op: Op, _ db: Database) throws {
        let text = p.text.trimmingWhitespace()
        guard !text.isEmpty else { throw WorkforceError.emptyText }
        guard p.kind.isWeekly ? ISOWeek(p.period) != nil : Period.month(p.period) != nil else { throw WorkforceError.badPeriod(p.period) }
        try db.execute(sql: "INSERT OR REPLACE INTO plan_report (staffID, kind, period, text, at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [op.actor.rawValue, p.kind.rawValue, p.period, text, op.hlc.wallMillis])
    }
}

/// Month periods, `2026-11`.
enum Period {
    static func month(_ text: String) -> (year: Int, month: Int)? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else {
            return nil
        }
        return (y, m)
    }
}
