import Foundation
import GRDB
import ShopDomain
import Storage

/// Shifts: start (lateness against the rota), leave the post with approval, end with the
/// handover summary (HR-2, HR-4).
enum ShiftHandlers {
    static let all: [OpHandler] = [
        OpHandler(ShiftStarted.self, authorization: .anyStaff, project: started),
        OpHandler(ShiftLeft.self, authorization: .anyStaff, project: left),
        OpHandler(ShiftEnded.self, authorization: .anyStaff, project: ended),
    ]

    static func started(_ p: ShiftStarted, _ op: Op, _ db: Database) throws {
        if let open = try openShift(db, op.actor) {
            let zone = try ProjectionContext.zone(db)
            throw WorkforceError.alreadyOnShift(since: zone.format(Date(millis: open["startedAt"])))
        }
        let now = op.hlc.wallMillis
        let day = try ProjectionContext.day(of: op, db)
        // The rota line this shift belongs to: today's (from four hours before it starts, and also
        // after it should have ended: a start at 20:15 for 08:00 is late, issue 19), or
        // yesterday's while it still runs past midnight.
        let line = try Row.fetchOne(db, sql: """
            SELECT * FROM roster WHERE staffID = ?1 AND template IS NOT NULL
              AND ((day = ?2 AND start - 4 * 3600000 <= ?4) OR (day = ?3 AND start <= ?4 AND ?4 < start + minutes * 60000))
            ORDER BY day DESC LIMIT 1
            """, arguments: [op.actor.rawValue, day.description, day.adding(days: -1).description, now])
        let staff = try CoreQueries.staff(db, id: op.actor)!
        let template = (line?["template"] as String?).flatMap(ShiftTemplate.init(rawValue:))
        let scheduled: Int64? = line?["start"]
        let late = scheduled.map { max(0, Int((now - $0) / 60000)) } ?? 0
        try db.execute(sql: """
            INSERT INTO shift (id, staffID, day, team, template, scheduledStart, scheduledMinutes, startedAt, lateMinutes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [p.shift, op.actor.rawValue, (line?["day"] as String?) ?? day.description,
                             (template?.team ?? Team.of(staff.roles)).rawValue, template?.rawValue, scheduled,
                             line?["minutes"] as Int?, now, late])
    }

    /// The actor's shift that has not ended, if any.
    static func openShift(_ db: Database, _ staff: StaffID) throws -> Row? {
        try Row.fetchOne(db, sql: "SELECT * FROM shift WHERE staffID = ? AND endedAt IS NULL", arguments: [staff.rawValue])
    }

    static func requireOpenShift(_ db: Database, _ staff: StaffID) throws -> Row {
        guard let shift = try openShift(db, staff) else {
            throw WorkforceError.notOnShift(try CoreQueries.staff(db, id: staff)?.name ?? staff.rawValue)
        }
        return shift
    }

    static func left(_ p: ShiftLeft, _ op: Op, _ db: Database) throws {
        let shift = try requireOpenShift(db, op.actor)
        guard shift["id"] as String == p.shift else { throw WorkforceError.shiftMismatch }
        guard p.approvedBy != op.actor else { throw WorkforceError.cannotApproveOwn }
        guard let supervisor = try CoreQueries.staff(db, id: p.approvedBy) else { throw StorageError.unknownStaff(p.approvedBy.rawValue) }
        guard supervisor.may(.supervise) else { throw WorkforceError.supervisorNeeded(supervisor.name) }
        guard p.minutes > 0 else { throw WorkforceError.notPositive(p.minutes) }
        try InputLimits.check(p.minutes, "minutes", range: 1...InputLimits.minutes)  // issue 19
        guard !p.reason.trimmingWhitespace().isEmpty else { throw WorkforceError.reasonRequired }
        try db.execute(sql: "INSERT INTO shift_leave (shiftID, approvedBy, minutes, reason, at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [p.shift, p.approvedBy.rawValue, p.minutes, p.reason.trimmingWhitespace(), op.hlc.wallMillis])
    }

    static func ended(_ p: ShiftEnded, _ op: Op, _ db: Database) throws {
        let shift = try requireOpenShift(db, op.actor)
        guard shift["id"] as String == p.shift else { throw WorkforceError.shiftMismatch }
        let now = op.hlc.wallMillis
        var early: Int?
        if let start: Int64 = shift["scheduledStart"], let minutes: Int = shift["scheduledMinutes"] {
            early = max(0, Int((start + Int64(minutes) * 60000 - now) / 60000))
        }
        try db.execute(sql: "UPDATE shift SET endedAt = ?, earlyMinutes = ?, figures = ?, note = ? WHERE id = ?",
                       arguments: [now, early, CanonicalJSON.encode(p.figures), p.note?.trimmingWhitespace(), p.shift])
    }
}
