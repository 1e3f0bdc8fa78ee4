/// Views Reporting reads (issue 15): the handover book's items, who wrote and who took them over.
enum WorkforceReportingViews {
    static let names = ["handover_item_v"]

    static let v1 = """
        CREATE VIEW handover_item_v AS
            SELECT id, shiftID, author, team, about, writtenAt, status, settledBy, settledShift, settledAt FROM handover_item;
        """

}
