import Foundation
import GRDB
import ShopDomain
import Storage

/// The rota and the cleaning rota (HR-1, HR-7), and swaps both people agree to.
enum RosterHandlers {
    static let all: [OpHandler] = [
        OpHandler(RosterPlanned.self, authorization: .permission(.planRoster), project: planned),
        OpHandler(SwapRequested.self, authorization: .anyStaff, project: swapRequested),
        OpHandler(SwapAccepted.self, authorization: .anyStaff, project: swapAccepted),
    ]

    static func planned(_ p: RosterPlanned, _ op: Op, _ db: Database) throws {
        let week = p.week.description
        try db.execute(sql: "DELETE FROM roster WHERE week = ?", arguments: [week])
        try db.execute(sql: "DELETE FROM cleaning WHERE week = ?", arguments: [week])
        let policy = try CoreQueries.policy(db)
        let zone = try ProjectionContext.zone(db)
        for entry in p.entries {
            guard try CoreQueries.staff(db, id: entry.staff) != nil else { throw StorageError.unknownStaff(entry.staff.rawValue) }
            try insert(db, entry.day, entry.staff, entry.template, week: week, policy: policy, zone: zone)
        }
        for turn in p.cleaning {
            try db.execute(sql: "INSERT OR REPLACE INTO cleaning (day, staffID, week) VALUES (?, ?, ?)",
                           arguments: [turn.day.description, turn.staff.rawValue, week])
        }
    }

    /// A rota line with its start instant: the template's start in the shop's zone on that day.
    static func insert(_ db: Database, _ day: CivilDate, _ staff: StaffID, _ template: ShiftTemplate?, week: String,
                       policy: Policy, zone: ShopZone) throws {
        var start: Int64?, minutes: Int?
        if let template {
            let times = template.times(in: policy, on: day)
            start = Int64((zone.start(of: day).timeIntervalSince1970 + Double(times.start * 60)) * 1000)
            minutes = times.minutes
        }
        try db.execute(sql: "INSERT OR REPLACE INTO roster (day, staffID, week, template, start, minutes) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [day.description, staff.rawValue, week, template?.rawValue, start, minutes])
    }

    static func swapRequested(_ p: SwapRequested, _ op: Op, _ db: Database) throws {
        guard p.with != op.actor, let other = try CoreQueries.staff(db, id: p.with), other.active else {
            throw StorageError.unknownStaff(p.with.rawValue)
        }
        let table = p.what == "cleaning" ? "cleaning" : "roster"
        let rostered = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE day = ? AND staffID IN (?, ?))",
                                         arguments: [p.day.description, op.actor.rawValue, p.with.rawValue])!
        guard rostered else {
            throw WorkforceError.notRostered(name: try CoreQueries.staff(db, id: op.actor)?.name ?? op.actor.rawValue, day: p.day.description)
        }
        try db.execute(sql: """
            INSERT INTO roster_swap (id, day, requester, other, what, status, requestedAt) VALUES (?, ?, ?, ?, ?, 'requested', ?)
            """, arguments: [p.swap, p.day.description, op.actor.rawValue, p.with.rawValue, p.what, op.hlc.wallMillis])
    }

    static func swapAccepted(_ p: SwapAccepted, _ op: Op, _ db: Database) throws {
        guard let swap = try Row.fetchOne(db, sql: "SELECT * FROM roster_swap WHERE id = ?", arguments: [p.swap]) else {
            throw WorkforceError.unknownSwap(p.swap)
        }
        guard swap["other"] as String == op.actor.rawValue else { throw WorkforceError.swapNotYours }
        guard swap["status"] as String == "requested" else { throw WorkforceError.swapDone(p.swap) }
        let day: String = swap["day"], a: String = swap["requester"], b: String = swap["other"]
        if swap["what"] as String == "cleaning" {
            try db.execute(sql: "UPDATE cleaning SET staffID = CASE staffID WHEN ?1 THEN ?2 WHEN ?2 THEN ?1 ELSE staffID END WHERE day = ?3",
                           arguments: [a, b, day])
        } else {
            // Exchange the two people's lines for the day (a shift for a rest day, or two shifts).
            try db.execute(sql: "UPDATE roster SET staffID = '~' WHERE day = ? AND staffID = ?", arguments: [day, a])
            try db.execute(sql: "UPDATE roster SET staffID = ? WHERE day = ? AND staffID = ?", arguments: [a, day, b])
            try db.execute(sql: "UPDATE roster SET staffID = ? WHERE day = ? AND staffID = '~'", arguments: [b, day])
        }
        try db.execute(sql: "UPDATE roster_swap SET status = 'accepted', acceptedAt = ? WHERE id = ?", arguments: [op.hlc.wallMillis, p.swap])
    }
}
