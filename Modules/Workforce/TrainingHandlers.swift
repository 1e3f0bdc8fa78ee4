import Foundation
import GRDB
import ShopDomain
import Storage

/// A new person's hands-on training by a supervisor (HR-6, DES-8), and the return from leaving the
/// post (HR-4: `shift.left` records the going, with the supervisor's OK).
enum TrainingHandlers {
    static let all: [OpHandler] = [
        OpHandler(TrainingRecorded.self, authorization: .permission(.supervise), project: recorded),
        OpHandler(TrainingSignedOff.self, authorization: .permission(.supervise), project: signedOff),
        OpHandler(ShiftReturned.self, authorization: .anyStaff, project: returned),
    ]

    static func recorded(_ p: TrainingRecorded, _ op: Op, _ db: Database) throws {
        let topic = p.topic.trimmingWhitespace()
        guard !topic.isEmpty else { throw WorkforceError.emptyText }
        guard p.staff != op.actor else { throw PeopleError.ownTraining }
        guard try CoreQueries.staff(db, id: p.staff) != nil else { throw StorageError.unknownStaff(p.staff.rawValue) }
        try db.execute(sql: "INSERT INTO training (staffID, topic, day, trainer, at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [p.staff.rawValue, topic, p.day.description, op.actor.rawValue, op.hlc.wallMillis])
    }

    static func signedOff(_ p: TrainingSignedOff, _ op: Op, _ db: Database) throws {
        guard p.staff != op.actor else { throw PeopleError.ownTraining }
        let topics = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM training WHERE staffID = ?", arguments: [p.staff.rawValue]) ?? 0
        if try ProjectionContext.isLocal(op, db) {
            guard topics > 0 else { throw PeopleError.noTraining }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM training_signoff WHERE staffID = ?", arguments: [p.staff.rawValue]) != true else {
                throw PeopleError.trainingSignedOff
            }
        }
        try db.execute(sql: "INSERT INTO training_signoff (staffID, signedBy, at) VALUES (?, ?, ?) ON CONFLICT (staffID) DO NOTHING",
                       arguments: [p.staff.rawValue, op.actor.rawValue, op.hlc.wallMillis])
    }

    /// Back at the post: the latest leaving of the person's open shift is closed.
    static func returned(_ p: ShiftReturned, _ op: Op, _ db: Database) throws {
        let shift = try ShiftHandlers.requireOpenShift(db, op.actor)
        guard shift["id"] as String == p.shift else { throw WorkforceError.shiftMismatch }
        let left = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shift_leave WHERE shiftID = ?", arguments: [p.shift]) ?? 0
        let back = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shift_return WHERE shiftID = ?", arguments: [p.shift]) ?? 0
        guard left > back else { throw PeopleError.notAway }
        try db.execute(sql: "INSERT INTO shift_return (shiftID, at) VALUES (?, ?)", arguments: [p.shift, op.hlc.wallMillis])
    }
}
