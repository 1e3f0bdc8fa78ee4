/// The approval read tables. Landed migrations never change; add new ones after them.
enum ApprovalSchema {
    static let v1 = """
        CREATE TABLE campaign (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            platform TEXT NOT NULL,
            startsOn TEXT NOT NULL,
            endsOn TEXT NOT NULL,
            requirements TEXT NOT NULL,
            budget INTEGER NOT NULL,
            feePermille INTEGER,
            declaration TEXT NOT NULL,
            contentHash TEXT NOT NULL,
            declarationHash TEXT NOT NULL,
            declaredBy TEXT NOT NULL,
            declaredAt INTEGER NOT NULL,
            changedBy TEXT NOT NULL,
            changedAt INTEGER NOT NULL,
            draftBy TEXT,
            liveAt INTEGER,
            liveBy TEXT,
            liveHash TEXT,
            liveOverride TEXT,
            summary TEXT,
            spent INTEGER,
            summaryBy TEXT,
            summaryAt INTEGER
        );
        CREATE TABLE campaign_item (
            campaignID TEXT NOT NULL REFERENCES campaign (id),
            sku TEXT NOT NULL,
            price INTEGER NOT NULL,
            PRIMARY KEY (campaignID, sku)
        );
        CREATE TABLE campaign_file (
            campaignID TEXT NOT NULL REFERENCES campaign (id),
            name TEXT NOT NULL,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            PRIMARY KEY (campaignID, name)
        );
        CREATE TABLE campaign_signature (
            id INTEGER PRIMARY KEY,
            campaignID TEXT NOT NULL REFERENCES campaign (id),
            step TEXT NOT NULL,
            outcome TEXT NOT NULL,
            signer TEXT NOT NULL,
            contentHash TEXT NOT NULL,
            declarationHash TEXT NOT NULL,
            files TEXT NOT NULL,
            reason TEXT,
            at INTEGER NOT NULL,
            opDevice TEXT NOT NULL,
            opSeq INTEGER NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            withdrawnBy INTEGER
        );
        CREATE INDEX campaign_signature_campaign ON campaign_signature (campaignID, step);
        CREATE TABLE campaign_error (
            id TEXT PRIMARY KEY NOT NULL,
            campaignID TEXT NOT NULL REFERENCES campaign (id),
            what TEXT NOT NULL,
            kind TEXT NOT NULL,
            signed INTEGER NOT NULL,
            fines INTEGER NOT NULL,
            recordedBy TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        """

    /// What other modules read (the wave-2 contract): campaigns and their prices. A campaign price
    /// applies only while the campaign is live (`live`), over its dates.
    static let views = """
        CREATE VIEW campaign_v AS
            SELECT id, name, platform, startsOn, endsOn,
                   CASE WHEN liveAt IS NOT NULL THEN 'live' ELSE 'draft' END AS state,
                   liveAt, liveOverride IS NOT NULL AS liveByOverride, budget, feePermille, spent, contentHash, declaredBy, declaredAt
            FROM campaign;
        CREATE VIEW campaign_price_v AS
            SELECT i.campaignID, i.sku, i.price, c.startsOn, c.endsOn, c.liveAt IS NOT NULL AS live
            FROM campaign_item i JOIN campaign c ON c.id = i.campaignID;
        """

    static let viewNames = ["campaign_v", "campaign_price_v"]

    static let readTables = ["campaign", "campaign_item", "campaign_file", "campaign_signature", "campaign_error"]
}
