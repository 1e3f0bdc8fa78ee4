/// The read tables of orders and logistics. Landed migrations never change; add new ones after them.
enum LogisticsSchema {
    static let v1 = """
        CREATE TABLE order_header (
            id TEXT PRIMARY KEY NOT NULL,
            buyer TEXT,
            status TEXT NOT NULL,
            closeReason TEXT,
            refunded INTEGER NOT NULL DEFAULT 0,
            goodsTotal INTEGER NOT NULL,
            postage INTEGER NOT NULL,
            total INTEGER NOT NULL,
            paid INTEGER NOT NULL,
            buyerMessage TEXT,
            consignee TEXT NOT NULL,
            phone TEXT,
            address TEXT NOT NULL,
            postcode TEXT,
            createdAt INTEGER NOT NULL,
            paidAt INTEGER,
            sellerRemark TEXT,
            importedAt INTEGER NOT NULL,
            updatedAt INTEGER NOT NULL,
            takenBy TEXT,
            takenAt INTEGER,
            extraPostage INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX order_header_status ON order_header (status, paidAt);
        CREATE TABLE order_line (
            orderID TEXT NOT NULL REFERENCES order_header (id),
            line INTEGER NOT NULL,
            title TEXT NOT NULL,
            attributes TEXT NOT NULL,
            colour TEXT,
            size TEXT,
            quantity INTEGER NOT NULL,
            price INTEGER NOT NULL,
            merchantCode TEXT,
            sku TEXT,
            matchKey TEXT NOT NULL,
            addedBy TEXT,
            PRIMARY KEY (orderID, line)
        ) WITHOUT ROWID;
        CREATE INDEX order_line_unmatched ON order_line (matchKey) WHERE sku IS NULL;
        CREATE TABLE sku_mapping (
            key TEXT PRIMARY KEY NOT NULL,
            sku TEXT NOT NULL,
            setBy TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE TABLE order_note (
            id INTEGER PRIMARY KEY,
            orderID TEXT NOT NULL REFERENCES order_header (id),
            text TEXT NOT NULL,
            author TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX order_note_order ON order_note (orderID);
        CREATE TABLE order_notice (
            id INTEGER PRIMARY KEY,
            orderID TEXT NOT NULL,
            staffID TEXT NOT NULL,
            zh TEXT NOT NULL,
            en TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE TABLE waybill_range (
            id INTEGER PRIMARY KEY,
            courier TEXT NOT NULL,
            prefix TEXT NOT NULL,
            first INTEGER NOT NULL,
            last INTEGER NOT NULL,
            width INTEGER NOT NULL,
            device TEXT NOT NULL,
            addedBy TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE TABLE print_batch (
            id TEXT PRIMARY KEY NOT NULL,
            courier TEXT NOT NULL,
            printedBy TEXT NOT NULL,
            printedAt INTEGER NOT NULL
        );
        CREATE TABLE waybill (
            number TEXT PRIMARY KEY NOT NULL,
            courier TEXT NOT NULL,
            orderID TEXT NOT NULL,
            batch TEXT NOT NULL,
            seq INTEGER NOT NULL,
            live INTEGER NOT NULL DEFAULT 1,
            state TEXT NOT NULL DEFAULT 'printed',
            printedBy TEXT NOT NULL,
            printedAt INTEGER NOT NULL,
            voidReason TEXT,
            voidedBy TEXT,
            voidedAt INTEGER,
            packedBy TEXT,
            packedAt INTEGER,
            pickupID TEXT,
            handedAt INTEGER,
            grams INTEGER,
            fee INTEGER,
            stubArchivedAt INTEGER,
            undeliverableAt INTEGER,
            undeliverableNote TEXT
        );
        CREATE UNIQUE INDEX waybill_live_order ON waybill (orderID) WHERE live = 1;
        CREATE INDEX waybill_batch ON waybill (batch, seq);
        CREATE INDEX waybill_state ON waybill (state, courier);
        CREATE TABLE waybill_event (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL,
            kind TEXT NOT NULL,
            detail TEXT,
            actor TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX waybill_event_number ON waybill_event (number);
        CREATE TABLE parcel_item (
            number TEXT NOT NULL,
            sku TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            PRIMARY KEY (number, sku)
        ) WITHOUT ROWID;
        CREATE TABLE pickup (
            id TEXT PRIMARY KEY NOT NULL,
            courier TEXT NOT NULL,
            status TEXT NOT NULL,
            createdBy TEXT NOT NULL,
            createdAt INTEGER NOT NULL,
            stubs INTEGER,
            courierName TEXT,
            confirmedBy TEXT,
            confirmedAt INTEGER
        );
        CREATE TABLE pickup_parcel (
            pickupID TEXT NOT NULL REFERENCES pickup (id),
            number TEXT NOT NULL,
            PRIMARY KEY (pickupID, number)
        ) WITHOUT ROWID;
        CREATE TABLE claim (
            id TEXT PRIMARY KEY NOT NULL,
            number TEXT NOT NULL,
            kind TEXT NOT NULL,
            amount INTEGER NOT NULL,
            note TEXT,
            openedBy TEXT NOT NULL,
            openedAt INTEGER NOT NULL
        );
        CREATE TABLE misship (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL,
            kind TEXT NOT NULL,
            packer TEXT NOT NULL,
            postage INTEGER NOT NULL,
            goods INTEGER NOT NULL,
            fine INTEGER NOT NULL,
            note TEXT,
            recordedBy TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE TABLE courier_rate (
            courier TEXT NOT NULL,
            region TEXT NOT NULL,
            firstKg INTEGER NOT NULL,
            extraKg INTEGER NOT NULL,
            PRIMARY KEY (courier, region)
        ) WITHOUT ROWID;
        CREATE TABLE statement (
            id TEXT PRIMARY KEY NOT NULL,
            courier TEXT NOT NULL,
            month TEXT NOT NULL,
            file TEXT NOT NULL,
            importedBy TEXT NOT NULL,
            importedAt INTEGER NOT NULL
        );
        CREATE TABLE statement_line (
            statementID TEXT NOT NULL REFERENCES statement (id),
            line INTEGER NOT NULL,
            number TEXT NOT NULL,
            grams INTEGER,
            amount INTEGER NOT NULL,
            date TEXT,
            destination TEXT,
            PRIMARY KEY (statementID, line)
        ) WITHOUT ROWID;
        CREATE INDEX statement_line_number ON statement_line (number);
        CREATE TABLE sender (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL,
            phone TEXT NOT NULL,
            address TEXT NOT NULL
        );
        """

    /// Children before parents, the order `journal rebuild` empties them in reverse.
    static let readTables = [
        "order_header", "order_line", "sku_mapping", "order_note", "order_notice", "waybill_range", "print_batch", "waybill",
        "waybill_event", "parcel_item", "pickup", "pickup_parcel", "claim", "misship", "courier_rate", "statement", "statement_line",
        "sender",
    ]
}
