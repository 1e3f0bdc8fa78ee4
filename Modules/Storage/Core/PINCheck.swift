import Foundation
import GRDB
import ShopDomain

/// Checking a PIN at a terminal (the TUI's login): three wrong PINs lock that person out of this
/// terminal for a while. Attempts are device-local, never journaled.
public enum PINCheck {
    public enum Outcome: Sendable, Equatable {
        case accepted
        case wrong(attemptsLeft: Int)
        case locked(until: Date)
        case noPIN
    }

    public static let maxFailures = 3
    public static let lockout: TimeInterval = 5 * 60

    public static func check(_ database: ShopDatabase, staff: StaffID, pin: String) throws -> Outcome {
        let now = database.clock.now()
        return try database.writeLocal { db in
            let lock = try Row.fetchOne(db, sql: "SELECT failures, lockedUntil FROM pin_lockout WHERE staffID = ?", arguments: [staff.rawValue])
            if let until: Int64 = lock?["lockedUntil"], until > now.millis { return .locked(until: Date(millis: until)) }
            guard let row = try Row.fetchOne(db, sql: "SELECT salt, hash, rounds FROM staff_pin WHERE staffID = ?", arguments: [staff.rawValue]) else {
                return .noPIN
            }
            if PIN.hash(pin, salt: row["salt"], rounds: row["rounds"]) == row["hash"] as String {
                try db.execute(sql: "DELETE FROM pin_lockout WHERE staffID = ?", arguments: [staff.rawValue])
                return .accepted
            }
            let failures = (lock?["lockedUntil"] as Int64? != nil ? 0 : lock?["failures"] ?? 0) + 1
            let until = failures >= maxFailures ? now.addingTimeInterval(lockout).millis : nil
            try db.execute(sql: "INSERT OR REPLACE INTO pin_lockout (staffID, failures, lockedUntil) VALUES (?, ?, ?)",
                           arguments: [staff.rawValue, failures, until])
            return until.map { .locked(until: Date(millis: $0)) } ?? .wrong(attemptsLeft: maxFailures - failures)
        }
    }

    /// Whether the staff member has a PIN on this shop.
    public static func hasPIN(_ db: Database, _ staff: StaffID) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM staff_pin WHERE staffID = ?)", arguments: [staff.rawValue])!
    }
}
