/// CustomerCare's own tables (prefix `cs_`). A buyer's orders, names, phones and addresses are
/// never copied here: they are read from Logistics' `order_v` at read time (CS-5, the wave-2
/// contract). Landed migrations never change; add new ones after them.
enum CustomerCareSchema {
    static let v1 = """
        CREATE TABLE cs_contact (
            id INTEGER PRIMARY KEY,
            buyer TEXT NOT NULL,
            method TEXT NOT NULL,
            value TEXT NOT NULL,
            addedBy TEXT NOT NULL,
            at INTEGER NOT NULL,
            UNIQUE (buyer, method, value)
        );
        CREATE INDEX cs_contact_value ON cs_contact (value);
        CREATE TABLE cs_note (
            id INTEGER PRIMARY KEY,
            buyer TEXT NOT NULL,
            text TEXT NOT NULL,
            author TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX cs_note_buyer ON cs_note (buyer);
        CREATE TABLE cs_tag (
            buyer TEXT NOT NULL,
            tag TEXT NOT NULL,
            PRIMARY KEY (buyer, tag)
        ) WITHOUT ROWID;
        CREATE TABLE cs_vip_group (
            name TEXT PRIMARY KEY NOT NULL,
            offer TEXT
        );
        CREATE TABLE cs_vip (
            buyer TEXT PRIMARY KEY NOT NULL,
            groupName TEXT NOT NULL
        );
        CREATE TABLE cs_blacklist (
            buyer TEXT PRIMARY KEY NOT NULL,
            reason TEXT NOT NULL,
            listedBy TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE TABLE cs_review (
            id TEXT PRIMARY KEY NOT NULL,
            orderID TEXT NOT NULL,
            buyer TEXT NOT NULL,
            rating TEXT NOT NULL,
            text TEXT NOT NULL,
            addedBy TEXT NOT NULL,
            addedAt INTEGER NOT NULL,
            handled INTEGER NOT NULL DEFAULT 0,
            contacted INTEGER,
            outcome TEXT,
            compensation INTEGER,
            note TEXT,
            handledBy TEXT,
            handledAt INTEGER
        );
        CREATE TABLE cs_complaint (
            id TEXT PRIMARY KEY NOT NULL,
            buyer TEXT NOT NULL,
            orderID TEXT,
            text TEXT NOT NULL,
            step TEXT NOT NULL,
            kind TEXT,
            against TEXT,
            upheld INTEGER,
            fine INTEGER,
            evaluation TEXT,
            openedBy TEXT NOT NULL,
            openedAt INTEGER NOT NULL,
            updatedAt INTEGER NOT NULL
        );
        CREATE INDEX cs_complaint_by_step ON cs_complaint (step);
        CREATE TABLE cs_complaint_step (
            complaintID TEXT NOT NULL,
            step TEXT NOT NULL,
            actor TEXT NOT NULL,
            at INTEGER NOT NULL,
            note TEXT,
            PRIMARY KEY (complaintID, step)
        ) WITHOUT ROWID;
        CREATE TABLE cs_inquiry (
            id TEXT PRIMARY KEY NOT NULL,
            buyer TEXT NOT NULL,
            products TEXT NOT NULL,
            outcome TEXT NOT NULL,
            reason TEXT,
            orderID TEXT,
            agent TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX cs_inquiry_at ON cs_inquiry (at);
        CREATE INDEX cs_inquiry_buyer ON cs_inquiry (buyer);
        CREATE TABLE cs_lost_reason (
            reason TEXT PRIMARY KEY NOT NULL,
            addedBy TEXT,
            at INTEGER
        );
        CREATE TABLE cs_followup (
            id INTEGER PRIMARY KEY,
            orderID TEXT NOT NULL,
            note TEXT NOT NULL,
            agent TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX cs_followup_order ON cs_followup (orderID);
        CREATE TABLE cs_reply (
            id TEXT PRIMARY KEY NOT NULL,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            addedBy TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE TABLE cs_inspection (
            orderID TEXT PRIMARY KEY NOT NULL,
            agent TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE TABLE cs_damage (
            id INTEGER PRIMARY KEY,
            orderID TEXT NOT NULL,
            note TEXT NOT NULL,
            told INTEGER NOT NULL,
            responsible TEXT,
            reportedBy TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE TABLE cs_return (
            id TEXT PRIMARY KEY NOT NULL,
            orderID TEXT NOT NULL,
            buyer TEXT,
            kind TEXT NOT NULL,
            reason TEXT NOT NULL,
            waybill TEXT,
            state TEXT NOT NULL,
            receipt TEXT,
            refund INTEGER,
            replacementOrder TEXT,
            note TEXT,
            openedBy TEXT NOT NULL,
            openedAt INTEGER NOT NULL,
            receivedAt INTEGER,
            closedAt INTEGER
        );
        CREATE TABLE cs_return_line (
            returnID TEXT NOT NULL,
            sku TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            sellable INTEGER NOT NULL DEFAULT 0,
            defective INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (returnID, sku)
        ) WITHOUT ROWID;
        """

    /// What other modules may read (issue 18, the wave-2 contract). Reporting reads these.
    static let views = """
        CREATE VIEW customer_v AS
            SELECT o.buyer AS nick, COUNT(*) AS orders,
                   SUM(CASE WHEN o.paidAt IS NOT NULL AND o.refunded = 0 THEN o.paid ELSE 0 END) AS spent,
                   MIN(o.createdAt) AS firstOrderAt, MAX(o.createdAt) AS lastOrderAt,
                   (SELECT groupName FROM cs_vip v WHERE v.buyer = o.buyer) AS vipGroup,
                   (SELECT reason FROM cs_blacklist b WHERE b.buyer = o.buyer) AS blacklistReason
            FROM order_v o WHERE o.buyer IS NOT NULL AND o.buyer <> '' GROUP BY o.buyer;
        CREATE VIEW customer_flag_v AS
            SELECT buyer AS nick, reason, at FROM cs_blacklist;
        CREATE VIEW inquiry_v AS
            SELECT id, buyer, products, outcome, reason, orderID, agent, at FROM cs_inquiry;
        CREATE VIEW review_v AS
            SELECT id, orderID, buyer, rating, text, addedBy, addedAt, handled, outcome, compensation, handledBy, handledAt FROM cs_review;
        CREATE VIEW complaint_v AS
            SELECT id, buyer, orderID, step, kind, against, upheld, fine, openedBy, openedAt, updatedAt FROM cs_complaint;
        CREATE VIEW return_v AS
            SELECT id, orderID, buyer, kind, reason, state, refund, replacementOrder, openedBy, openedAt, receivedAt, closedAt FROM cs_return;
        """

    static let viewNames = ["customer_v", "customer_flag_v", "inquiry_v", "review_v", "complaint_v", "return_v"]

    /// Children before parents, the order `journal rebuild` empties them in reverse.
    static let readTables = [
        "cs_contact", "cs_note", "cs_tag", "cs_vip_group", "cs_vip", "cs_blacklist", "cs_review", "cs_complaint", "cs_complaint_step",
        "cs_inquiry", "cs_lost_reason", "cs_followup", "cs_reply", "cs_inspection", "cs_damage", "cs_return", "cs_return_line",
    ]
}
