/// What other modules may read of the workforce's tables (issue 18): the rota, shifts and fines.
enum WorkforceViews {
    static let names = ["roster_v", "shift_v", "fine_v"]

    static let v1 = """
        CREATE VIEW roster_v AS
            SELECT day, staffID, template, start, minutes FROM roster;
        CREATE VIEW shift_v AS
            SELECT id, staffID, day, team, template, scheduledStart, scheduledMinutes, startedAt, lateMinutes, endedAt, earlyMinutes
            FROM shift;
        CREATE VIEW fine_v AS
            SELECT id, staffID, amount, rule, ref, reasonZh, reasonEn, bookedBy, at FROM fine;
        """

    /// `fine_v` again with the fine's key and the GM's waiver (ORG-3), if any: when and by whom.
    /// Landed migrations never change; this one replaces the view, so the
    /// staff report tells fines owed from fines waived (issue 15).
    static let v2 = """
        DROP VIEW fine_v;
        CREATE VIEW fine_v AS
            SELECT f.id, f.staffID, f.amount, f.rule, f.ref, f.reasonZh, f.reasonEn, f.bookedBy, f.at, f.fineKey,
                   w.at AS waivedAt, w.waivedBy
            FROM fine f LEFT JOIN fine_waiver w ON w.fineKey = f.fineKey;
        """
}
