/// The workforce read tables. Landed migrations never change; add new ones after them.
enum WorkforceSchema {
    static let v1 = """
        CREATE TABLE roster (
            day TEXT NOT NULL,
            staffID TEXT NOT NULL,
            week TEXT NOT NULL,
            template TEXT,
            start INTEGER,
            minutes INTEGER,
            PRIMARY KEY (day, staffID)
        );
        CREATE INDEX roster_week ON roster (week);
        CREATE TABLE cleaning (
            day TEXT PRIMARY KEY NOT NULL,
            staffID TEXT NOT NULL,
            week TEXT NOT NULL
        );
        CREATE TABLE roster_swap (
            id TEXT PRIMARY KEY NOT NULL,
            day TEXT NOT NULL,
            requester TEXT NOT NULL,
            other TEXT NOT NULL,
            what TEXT NOT NULL,
            status TEXT NOT NULL,
            requestedAt INTEGER NOT NULL,
            acceptedAt INTEGER
        );
        CREATE TABLE shift (
            id TEXT PRIMARY KEY NOT NULL,
            staffID TEXT NOT NULL,
            day TEXT NOT NULL,
            team TEXT NOT NULL,
            template TEXT,
            scheduledStart INTEGER,
            scheduledMinutes INTEGER,
            startedAt INTEGER NOT NULL,
            lateMinutes INTEGER NOT NULL,
            endedAt INTEGER,
            earlyMinutes INTEGER,
            figures TEXT,
            note TEXT
        );
        CREATE INDEX shift_open ON shift (staffID) WHERE endedAt IS NULL;
        CREATE TABLE shift_leave (
            id INTEGER PRIMARY KEY,
            shiftID TEXT NOT NULL REFERENCES shift (id),
            approvedBy TEXT NOT NULL,
            minutes INTEGER NOT NULL,
            reason TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE TABLE handover_item (
            id TEXT PRIMARY KEY NOT NULL,
            shiftID TEXT NOT NULL REFERENCES shift (id),
            author TEXT NOT NULL,
            team TEXT NOT NULL,
            text TEXT NOT NULL,
            about TEXT,
            writtenAt INTEGER NOT NULL,
            status TEXT NOT NULL,
            settledBy TEXT,
            settledShift TEXT,
            settledAt INTEGER,
            note TEXT
        );
        CREATE INDEX handover_item_open ON handover_item (team) WHERE status = 'open';
        CREATE TABLE memo (
            id TEXT PRIMARY KEY NOT NULL,
            staffID TEXT NOT NULL,
            text TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE TABLE plan_report (
            staffID TEXT NOT NULL,
            kind TEXT NOT NULL,
            period TEXT NOT NULL,
            text TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (staffID, kind, period)
        );
        """

    /// Fines booked against staff (DISC-3: the fines other rules name, such as LOG-12's).
    static let v2 = """
        CREATE TABLE fine (
            id INTEGER PRIMARY KEY,
            staffID TEXT NOT NULL,
            amount INTEGER NOT NULL,
            rule TEXT NOT NULL,
            ref TEXT NOT NULL,
            reasonZh TEXT NOT NULL,
            reasonEn TEXT NOT NULL,
            bookedBy TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX fine_staff ON fine (staffID, at);
        """

    static let readTables = ["roster", "cleaning", "roster_swap", "shift", "shift_leave", "handover_item", "memo", "plan_report", "fine"]
}
