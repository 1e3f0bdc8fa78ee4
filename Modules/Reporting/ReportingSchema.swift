/// Reporting's one table, the general manager's monthly sales target (ORG-2), and the view other
/// modules read it through. Landed migrations never change; add new ones after them.
enum ReportingSchema {
    static let v1 = """
        CREATE TABLE sales_target (
            month TEXT PRIMARY KEY NOT NULL,
            amount INTEGER NOT NULL,
            setBy TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE VIEW sales_target_v AS SELECT month, amount, setBy, at FROM sales_target;
        """

    static let readTables = ["sales_target"]
    static let publicViews = ["sales_target_v"]
}
