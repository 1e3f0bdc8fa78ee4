/// Views Reporting reads (issue 15): the handover book's items, who wrote and who took them over;
/// and (`v2`) each fine's key and its waiver, so the staff report tells fines owed from waived.
enum WorkforceReportingViews {
    static let names = ["handover_item_v"]

    static let v1 = """
        CREATE VIEW handover_item_v AS
            SELECT id, shiftID, author, team, about, writtenAt, status, settledBy, settledShift, settledAt FROM handover_item;
        """

    /// `fine_v` again with the fine's key and the GM's waiver (ORG-3), if any: when and by whom.
    /// Landed migrations never change; this one replaces the view.
    static let v2 = """
        DROP VIEW fine_v;
        CREATE VIEW fine_v AS
            SELECT f.id, f.staffID, f.amount, f.rule, f.ref, f.reasonZh, f.reasonEn, f.bookedBy, f.at, f.fineKey,
                   w.at AS waivedAt, w.waivedBy
            FROM fine f LEFT JOIN fine_waiver w ON w.fineKey = f.fineKey;
        """
}
