/// The tables of fines, the fund, leave and training (issue 14). Landed migrations never change.
enum PeopleSchema {
    /// DISC-1..4, ORG-3: a stable key on every fine, DISC-1's month ranking, waivers, contests.
    static let fines = """
        ALTER TABLE fine ADD COLUMN fineKey TEXT;
        ALTER TABLE fine ADD COLUMN day TEXT;
        ALTER TABLE fine ADD COLUMN month TEXT;
        ALTER TABLE fine ADD COLUMN hlcCounter INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE fine ADD COLUMN opDevice TEXT NOT NULL DEFAULT '';
        ALTER TABLE fine ADD COLUMN opSeq INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE fine ADD COLUMN escalated INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE fine ADD COLUMN escalation INTEGER;
        ALTER TABLE fine ADD COLUMN dismissal INTEGER NOT NULL DEFAULT 0;
        UPDATE fine SET fineKey = 'F' || id, month = strftime('%Y-%m', at / 1000, 'unixepoch'), day = date(at / 1000, 'unixepoch');
        CREATE UNIQUE INDEX fine_key ON fine (fineKey);
        CREATE INDEX fine_month ON fine (staffID, month) WHERE escalated = 1;
        CREATE TABLE fine_waiver (
            fineKey TEXT PRIMARY KEY NOT NULL,
            waivedBy TEXT NOT NULL,
            reason TEXT NOT NULL,
            at INTEGER NOT NULL,
            hlcCounter INTEGER NOT NULL,
            opDevice TEXT NOT NULL,
            opSeq INTEGER NOT NULL
        );
        CREATE TABLE fine_contest (
            id INTEGER PRIMARY KEY,
            fineKey TEXT NOT NULL,
            staffID TEXT NOT NULL,
            reason TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        """

    /// What other features may read: the fund's ledger and leave notes.
    static let views = ["fund_entry_v", "leave_v"]

    static let readTables = ["fine_waiver", "fine_contest", "fund_entry", "fund_head", "leave_request", "staff_wage", "training", "training_signoff", "shift_return"]
}

extension PeopleSchema {
    /// DISC-4: the department fund's own hash-chained ledger, in one order on every device (the
    /// op's HLC, device, sequence), and its head (how many entries, the last hash).
    static let fund = """
        CREATE TABLE fund_entry (
            id INTEGER PRIMARY KEY,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            staffID TEXT NOT NULL,
            amount INTEGER NOT NULL,
            what TEXT NOT NULL,
            receipt TEXT,
            at INTEGER NOT NULL,
            hlcCounter INTEGER NOT NULL,
            opDevice TEXT NOT NULL,
            opSeq INTEGER NOT NULL,
            prevHash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX fund_entry_order ON fund_entry (at, hlcCounter, opDevice, opSeq);
        CREATE TABLE fund_head (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            entries INTEGER NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE VIEW fund_entry_v AS
            SELECT position, kind, staffID, amount, what, receipt, at, prevHash, hash FROM fund_entry;
        """
}

extension PeopleSchema {
    /// HR-3, HR-4, HR-6: leave notes and their one decision, daily wages, training.
    static let leave = """
        CREATE TABLE leave_request (
            id TEXT PRIMARY KEY NOT NULL,
            staffID TEXT NOT NULL,
            kind TEXT NOT NULL,
            relation TEXT,
            wedding TEXT,
            startDay TEXT NOT NULL,
            endDay TEXT NOT NULL,
            days INTEGER NOT NULL,
            note TEXT NOT NULL,
            requestedBy TEXT NOT NULL,
            requestedAt INTEGER NOT NULL,
            status TEXT NOT NULL,
            decidedBy TEXT,
            decidedAt INTEGER,
            decisionCounter INTEGER,
            decisionDevice TEXT,
            decisionSeq INTEGER,
            reason TEXT
        );
        CREATE INDEX leave_staff ON leave_request (staffID, startDay);
        CREATE TABLE staff_wage (
            staffID TEXT PRIMARY KEY NOT NULL,
            daily INTEGER NOT NULL,
            at INTEGER NOT NULL,
            hlcCounter INTEGER NOT NULL,
            opDevice TEXT NOT NULL,
            opSeq INTEGER NOT NULL
        );
        CREATE TABLE training (
            id INTEGER PRIMARY KEY,
            staffID TEXT NOT NULL,
            topic TEXT NOT NULL,
            day TEXT NOT NULL,
            trainer TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE TABLE training_signoff (
            staffID TEXT PRIMARY KEY NOT NULL,
            signedBy TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE TABLE shift_return (
            shiftID TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE VIEW leave_v AS
            SELECT id, staffID, kind, relation, startDay, endDay, days, status, decidedBy, decidedAt FROM leave_request;
        """
}
