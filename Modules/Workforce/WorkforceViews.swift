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
}
