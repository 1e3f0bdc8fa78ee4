/// Views Reporting reads (issue 15): claims (LOG-8) and which courier statements are in (LOG-11).
enum LogisticsReportingViews {
    static let names = ["claim_v", "statement_v"]

    static let v1 = """
        CREATE VIEW claim_v AS
            SELECT id, number, kind, amount, note, openedBy, openedAt FROM claim;
        CREATE VIEW statement_v AS
            SELECT id, courier, month, file, importedBy, importedAt FROM statement;
        """
}
