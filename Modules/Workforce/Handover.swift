import Foundation
import GRDB
import ShopDomain
import Storage

/// Building the ops of a shift that need more than one read: the end-of-shift summary.
public enum ShiftWork {
    /// The `shift.ended` payload for a person's current shift: every module's figures as they
    /// stand now, the team's handover items still open (this shift's own included: the next
    /// shift takes them over), and the person's own note (HR-2).
    public static func end(_ database: ShopDatabase, staff: StaffID, note: String?) throws -> ShiftEnded {
        let (shift, open) = try database.read { db -> (WorkforceQueries.ShiftRecord?, [String]) in
            guard let shift = try WorkforceQueries.currentShift(db, staff: staff) else { return (nil, []) }
            return (shift, try String.fetchAll(db, sql: "SELECT id FROM handover_item WHERE status = 'open' AND team = ? ORDER BY writtenAt, rowid",
                                               arguments: [shift.team]))
        }
        guard let shift else {
            throw WorkforceError.notOnShift(try database.read { db in try CoreQueries.staff(db, id: staff)?.name } ?? staff.rawValue)
        }
        return ShiftEnded(shift: shift.id, figures: try database.handoverFigures(), openItems: open,
                          note: note.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 })
    }
}
