import Foundation
import GRDB
import ShopDomain
import Storage

/// Leave notes (HR-3, HR-4): each kind's limit from the policy in force on the first day, valid
/// once a supervisor other than the person signs; a spouse's parent's bereavement only the GM.
/// One decision per note: two approvals made on two devices are one (the earlier is kept).
enum LeaveHandlers {
    static let all: [OpHandler] = [
        OpHandler(LeaveRequested.self, authorization: .anyStaff, project: requested),
        OpHandler(LeaveApproved.self, authorization: .permission(.supervise), project: approved),
        OpHandler(LeaveRejected.self, authorization: .permission(.supervise), project: rejected),
        OpHandler(WageSet.self, authorization: .permission(.manageStaff), project: wageSet),
    ]

    static func requested(_ p: LeaveRequested, _ op: Op, _ db: Database) throws {
        guard let staff = try CoreQueries.staff(db, id: p.staff) else { throw StorageError.unknownStaff(p.staff.rawValue) }
        if p.staff != op.actor, try CoreQueries.staff(db, id: op.actor)?.may(.supervise) != true { throw PeopleError.leaveForOther }
        guard p.days > 0 else { throw WorkforceError.notPositive(p.days) }
        if let limit = try limit(p, staff, op, db), p.days > limit {
            throw PeopleError.overLimit(kind: p.kind, days: p.days, limit: limit)
        }
        try db.execute(sql: """
            INSERT INTO leave_request (id, staffID, kind, relation, wedding, startDay, endDay, days, note, requestedBy, requestedAt, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'requested')
            """, arguments: [p.leave, p.staff.rawValue, p.kind.rawValue, p.relation?.rawValue, p.wedding?.description, p.from.description,
                             p.from.adding(days: p.days - 1).description, p.days, p.note.trimmingWhitespace(), op.actor.rawValue, op.hlc.wallMillis])
    }

    /// The most days of the kind the note may ask for (nil: no limit by rule — sick and personal
    /// leave), from the policy in force on its first day.
    static func limit(_ p: LeaveRequested, _ staff: Staff, _ op: Op, _ db: Database) throws -> Int? {
        func days(_ key: String) throws -> Int {
            guard case .days(let n) = try ProjectionContext.policy(PolicyCatalog.item(key)!, on: p.from, db) else { return 0 }
            return n
        }
        switch p.kind {
        case .sick, .personal: return nil
        case .marriage:
            guard let wedding = p.wedding else { throw PeopleError.weddingDateRequired }
            return try days("HR-3.leave.marriage") + (try isLateMarriage(staff, wedding, on: p.from, db) ? days("HR-3.leave.late-marriage-extra") : 0)
        case .bereavement:
            guard let relation = p.relation else { throw PeopleError.relationRequired }
            return try days(relation == .spouseParent ? "HR-3.leave.in-law-bereavement" : "HR-3.leave.bereavement")
        case .annual:
            let year = p.from.year
            let taken = try Int.fetchOne(db, sql: """
                SELECT COALESCE(SUM(days), 0) FROM leave_request
                WHERE staffID = ? AND kind = 'annual' AND status != 'rejected' AND startDay >= ? AND startDay < ?
                """, arguments: [p.staff.rawValue, "\(year)-01-01", "\(year + 1)-01-01"]) ?? 0
            return max(0, try days("HR-3.leave.annual") - taken)
        }
    }

    /// HR-3: a man of 25 or more, a woman of 23 or more on the wedding date (by the staff record).
    static func isLateMarriage(_ staff: Staff, _ wedding: CivilDate, on day: CivilDate, _ db: Database) throws -> Bool {
        guard let birth = staff.birthDate, let gender = staff.gender else { return false }
        let key = gender == .male ? "HR-3.late-marriage-age.m" : "HR-3.late-marriage-age.f"
        guard case .years(let age) = try ProjectionContext.policy(PolicyCatalog.item(key)!, on: day, db) else { return false }
        return Self.age(born: birth, on: wedding) >= age
    }

    /// Whole years from `born` to `day`.
    static func age(born: CivilDate, on day: CivilDate) -> Int {
        day.year - born.year - ((day.month, day.day) < (born.month, born.day) ? 1 : 0)
    }

    static func approved(_ p: LeaveApproved, _ op: Op, _ db: Database) throws {
        try decide(p.leave, "approved", reason: nil, op, db)
    }

    static func rejected(_ p: LeaveRejected, _ op: Op, _ db: Database) throws {
        let reason = p.reason.trimmingWhitespace()
        guard !reason.isEmpty else { throw WorkforceError.reasonRequired }
        try decide(p.leave, "rejected", reason: reason, op, db)
    }

    static func decide(_ leave: String, _ status: String, reason: String?, _ op: Op, _ db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM leave_request WHERE id = ?", arguments: [leave]) else {
            throw PeopleError.unknownLeave(leave)
        }
        guard row["staffID"] as String != op.actor.rawValue else { throw PeopleError.ownLeave }
        if status == "approved", row["relation"] as String? == Bereavement.spouseParent.rawValue,
           try CoreQueries.staff(db, id: op.actor)?.roles.contains(.gm) != true {
            throw PeopleError.inLawNeedsGM
        }
        if row["status"] as String != "requested" {
            // Decided already: here a mistake; merged from another device, the earlier decision stands.
            guard try !ProjectionContext.isLocal(op, db) else { throw PeopleError.leaveDecided(leave, row["status"]) }
            let mine = (op.hlc.wallMillis, Int(op.hlc.counter), op.deviceID.rawValue, op.deviceSeq)
            let theirs = (row["decidedAt"] as Int64, row["decisionCounter"] as Int, row["decisionDevice"] as String, row["decisionSeq"] as Int64)
            guard mine < theirs else { return }
        }
        try db.execute(sql: """
            UPDATE leave_request SET status = ?, decidedBy = ?, decidedAt = ?, decisionCounter = ?, decisionDevice = ?, decisionSeq = ?, reason = ?
            WHERE id = ?
            """, arguments: [status, op.actor.rawValue, op.hlc.wallMillis, op.hlc.counter, op.deviceID.rawValue, op.deviceSeq, reason, leave])
    }

    static func wageSet(_ p: WageSet, _ op: Op, _ db: Database) throws {
        guard p.daily > .zero else { throw PeopleError.notPositiveAmount(p.daily) }
        guard try CoreQueries.staff(db, id: p.staff) != nil else { throw StorageError.unknownStaff(p.staff.rawValue) }
        try db.execute(sql: """
            INSERT INTO staff_wage (staffID, daily, at, hlcCounter, opDevice, opSeq) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (staffID) DO UPDATE SET daily = excluded.daily, at = excluded.at, hlcCounter = excluded.hlcCounter,
                opDevice = excluded.opDevice, opSeq = excluded.opSeq
            WHERE (excluded.at, excluded.hlcCounter, excluded.opDevice, excluded.opSeq) > (at, hlcCounter, opDevice, opSeq)
            """, arguments: [p.staff.rawValue, p.daily.fen, op.hlc.wallMillis, op.hlc.counter, op.deviceID.rawValue, op.deviceSeq])
    }
}
