/// The listing's read tables and its public view. Landed migrations never change; add new ones after them.
enum ListingSchema {
    static let v1 = """
        CREATE TABLE listing (
            style TEXT PRIMARY KEY NOT NULL,
            arrivedAt INTEGER,
            arrivalDay TEXT,
            dueOn TEXT,
            receiptID TEXT,
            photographedAt INTEGER,
            photographedBy TEXT,
            retouchedAt INTEGER,
            retouchedBy TEXT,
            listedAt INTEGER,
            listedBy TEXT,
            onSaleAt INTEGER,
            onSaleDay TEXT,
            onSaleBy TEXT
        );
        CREATE TABLE listing_tick (
            style TEXT NOT NULL REFERENCES listing (style),
            item TEXT NOT NULL,
            passed INTEGER NOT NULL,
            price INTEGER,
            note TEXT,
            byStaff TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (style, item)
        );
        CREATE TABLE listing_folder_check (
            id TEXT PRIMARY KEY NOT NULL,
            style TEXT NOT NULL REFERENCES listing (style),
            directory TEXT NOT NULL,
            backupDirectory TEXT,
            mainWidth INTEGER,
            requiredWidth INTEGER NOT NULL,
            passed INTEGER NOT NULL,
            checkedAt INTEGER NOT NULL,
            checkedBy TEXT NOT NULL
        );
        CREATE INDEX listing_folder_check_style ON listing_folder_check (style, checkedAt);
        CREATE TABLE listing_file (
            checkID TEXT NOT NULL REFERENCES listing_folder_check (id),
            folder TEXT NOT NULL,
            name TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            PRIMARY KEY (checkID, folder, name)
        );
        CREATE TABLE listing_finding (
            id INTEGER PRIMARY KEY,
            checkID TEXT NOT NULL REFERENCES listing_folder_check (id),
            rule TEXT NOT NULL,
            code TEXT NOT NULL,
            file TEXT,
            found TEXT,
            expected TEXT
        );
        CREATE INDEX listing_finding_check ON listing_finding (checkID);
        CREATE TABLE listing_sold_out_note (
            id INTEGER PRIMARY KEY,
            style TEXT NOT NULL REFERENCES listing (style),
            attribute TEXT NOT NULL,
            value TEXT NOT NULL,
            file TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            at INTEGER NOT NULL,
            byStaff TEXT NOT NULL
        );
        """

    /// What other modules may read (the wave-2 contract): one row per style with its state and
    /// clock. `overdue` is 1 or 0 once the style is on sale (whether that was after its due day);
    /// while it is not, it is NULL and a reader compares `dueOn` with the shop's today
    /// (`ListingQueries.listings(_:today:)` does).
    static let views = """
        CREATE VIEW listing_v AS
            SELECT style,
                   CASE WHEN onSaleAt IS NOT NULL THEN 'on-sale'
                        WHEN EXISTS (SELECT 1 FROM listing_tick t WHERE t.style = listing.style AND t.item = 'page-reviewed' AND t.passed = 1)
                             THEN 'reviewed'
                        WHEN listedAt IS NOT NULL THEN 'listed'
                        WHEN retouchedAt IS NOT NULL THEN 'retouched'
                        WHEN photographedAt IS NOT NULL THEN 'photographed'
                        WHEN arrivedAt IS NOT NULL THEN 'arrived'
                        ELSE 'not-arrived' END AS state,
                   arrivedAt, arrivalDay, dueOn, receiptID, onSaleAt, onSaleDay,
                   CASE WHEN onSaleDay IS NULL THEN NULL ELSE onSaleDay > dueOn END AS overdue
            FROM listing;
        """

    static let viewNames = ["listing_v"]

    /// Parents before children: `journal rebuild` empties them in reverse.
    static let readTables = ["listing", "listing_tick", "listing_folder_check", "listing_file", "listing_finding", "listing_sold_out_note"]
}
