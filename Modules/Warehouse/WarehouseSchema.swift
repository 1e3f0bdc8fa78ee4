/// The warehouse's read tables. Landed migrations never change; add new ones after them.
enum WarehouseSchema {
    static let v1 = """
        CREATE TABLE product (
            sku TEXT PRIMARY KEY NOT NULL,
            style TEXT NOT NULL,
            name TEXT NOT NULL,
            colour TEXT NOT NULL,
            size TEXT NOT NULL,
            category TEXT NOT NULL,
            barcode TEXT,
            cost INTEGER,
            price INTEGER NOT NULL,
            kind TEXT NOT NULL,
            lowThreshold INTEGER,
            addedAt INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX product_barcode ON product (barcode) WHERE barcode IS NOT NULL;
        CREATE INDEX product_style ON product (style);
        CREATE INDEX product_category ON product (category);
        CREATE TABLE product_training (
            sku TEXT NOT NULL REFERENCES product (sku),
            staffID TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (sku, staffID)
        );
        CREATE TABLE location (
            code TEXT PRIMARY KEY NOT NULL,
            zone TEXT NOT NULL,
            kind TEXT NOT NULL
        );
        CREATE TABLE category_zone (
            category TEXT PRIMARY KEY NOT NULL,
            zone TEXT NOT NULL
        );
        CREATE TABLE stock_movement (
            id INTEGER PRIMARY KEY,
            sku TEXT NOT NULL,
            location TEXT NOT NULL,
            delta INTEGER NOT NULL,
            kind TEXT NOT NULL,
            ref TEXT,
            reason TEXT,
            actor TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX stock_movement_sku ON stock_movement (sku, location);
        CREATE TABLE stock_balance (
            sku TEXT NOT NULL,
            location TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            PRIMARY KEY (sku, location)
        ) WITHOUT ROWID;
        CREATE TABLE stock_reservation (
            ref TEXT NOT NULL,
            sku TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            PRIMARY KEY (ref, sku)
        );
        CREATE INDEX stock_reservation_sku ON stock_reservation (sku);
        CREATE TABLE low_stock_alert (
            id INTEGER PRIMARY KEY,
            sku TEXT NOT NULL,
            available INTEGER NOT NULL,
            threshold INTEGER NOT NULL,
            raisedAt INTEGER NOT NULL,
            clearedAt INTEGER
        );
        CREATE INDEX low_stock_alert_open ON low_stock_alert (sku) WHERE clearedAt IS NULL;
        CREATE TABLE recount_task (
            id INTEGER PRIMARY KEY,
            sku TEXT NOT NULL,
            location TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            raisedAt INTEGER NOT NULL,
            cause TEXT NOT NULL
        );
        CREATE TABLE receipt (
            id TEXT PRIMARY KEY NOT NULL,
            vendor TEXT NOT NULL,
            status TEXT NOT NULL,
            createdAt INTEGER NOT NULL,
            createdBy TEXT NOT NULL,
            postedAt INTEGER
        );
        CREATE TABLE receipt_line (
            receiptID TEXT NOT NULL REFERENCES receipt (id),
            sku TEXT NOT NULL,
            expected INTEGER NOT NULL,
            location TEXT NOT NULL,
            accepted INTEGER,
            rejected INTEGER,
            reason TEXT,
            wrongName TEXT,
            inspectedBy TEXT,
            PRIMARY KEY (receiptID, sku)
        );
        CREATE TABLE vendor_return (
            id INTEGER PRIMARY KEY,
            receiptID TEXT NOT NULL,
            vendor TEXT NOT NULL,
            sku TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            reason TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE TABLE receipt_discrepancy (
            id INTEGER PRIMARY KEY,
            receiptID TEXT NOT NULL,
            vendor TEXT NOT NULL,
            sku TEXT NOT NULL,
            kind TEXT NOT NULL,
            expected INTEGER NOT NULL,
            received INTEGER NOT NULL,
            note TEXT,
            at INTEGER NOT NULL
        );
        CREATE TABLE stock_count (
            id TEXT PRIMARY KEY NOT NULL,
            kind TEXT NOT NULL,
            category TEXT,
            location TEXT,
            status TEXT NOT NULL,
            startedAt INTEGER NOT NULL,
            startedBy TEXT NOT NULL,
            postedAt INTEGER
        );
        CREATE TABLE stock_count_line (
            countID TEXT NOT NULL REFERENCES stock_count (id),
            sku TEXT NOT NULL,
            location TEXT NOT NULL,
            category TEXT NOT NULL,
            snapshot INTEGER NOT NULL,
            counted INTEGER,
            expectedAtEntry INTEGER,
            countedBy TEXT,
            PRIMARY KEY (countID, sku, location)
        );
        CREATE TABLE stock_count_category (
            countID TEXT NOT NULL REFERENCES stock_count (id),
            category TEXT NOT NULL,
            counted INTEGER NOT NULL,
            expectedAtEntry INTEGER NOT NULL,
            countedBy TEXT NOT NULL,
            PRIMARY KEY (countID, category)
        );
        """

    /// SKUs whose reservations changed in the op being projected: the warehouse re-checks their
    /// low-stock alerts and empties the table again within the same op.
    static let v2 = """
        CREATE TABLE reservation_dirty (sku TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;
        CREATE TRIGGER stock_reservation_inserted AFTER INSERT ON stock_reservation
        BEGIN INSERT OR IGNORE INTO reservation_dirty (sku) VALUES (NEW.sku); END;
        CREATE TRIGGER stock_reservation_deleted AFTER DELETE ON stock_reservation
        BEGIN INSERT OR IGNORE INTO reservation_dirty (sku) VALUES (OLD.sku); END;
        CREATE TRIGGER stock_reservation_updated AFTER UPDATE ON stock_reservation
        BEGIN INSERT OR IGNORE INTO reservation_dirty (sku) VALUES (OLD.sku), (NEW.sku); END;
        """

    /// The units reserved per SKU, kept by the triggers on `stock_reservation` (which also note
    /// the dirty SKUs, replacing v2's triggers), so the low-stock check reads one row instead of
    /// summing every open reservation of the SKU — a sum that grew with the number of paid orders.
    /// A SKU with nothing reserved has no row, as the backfill below gives, so a rebuild from the
    /// journal and a migrated file hold the same rows.
    static let v3 = """
        CREATE TABLE stock_reserved (sku TEXT PRIMARY KEY NOT NULL, quantity INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO stock_reserved (sku, quantity) SELECT sku, SUM(quantity) FROM stock_reservation GROUP BY sku;
        DROP TRIGGER stock_reservation_inserted;
        DROP TRIGGER stock_reservation_deleted;
        DROP TRIGGER stock_reservation_updated;
        CREATE TRIGGER stock_reservation_inserted AFTER INSERT ON stock_reservation
        BEGIN
            INSERT OR IGNORE INTO reservation_dirty (sku) VALUES (NEW.sku);
            INSERT INTO stock_reserved (sku, quantity) VALUES (NEW.sku, NEW.quantity)
            ON CONFLICT (sku) DO UPDATE SET quantity = quantity + excluded.quantity;
        END;
        CREATE TRIGGER stock_reservation_deleted AFTER DELETE ON stock_reservation
        BEGIN
            INSERT OR IGNORE INTO reservation_dirty (sku) VALUES (OLD.sku);
            UPDATE stock_reserved SET quantity = quantity - OLD.quantity WHERE sku = OLD.sku;
            DELETE FROM stock_reserved WHERE sku = OLD.sku AND quantity = 0;
        END;
        CREATE TRIGGER stock_reservation_updated AFTER UPDATE ON stock_reservation
        BEGIN
            INSERT OR IGNORE INTO reservation_dirty (sku) VALUES (OLD.sku), (NEW.sku);
            UPDATE stock_reserved SET quantity = quantity - OLD.quantity WHERE sku = OLD.sku;
            INSERT INTO stock_reserved (sku, quantity) VALUES (NEW.sku, NEW.quantity)
            ON CONFLICT (sku) DO UPDATE SET quantity = quantity + excluded.quantity;
            DELETE FROM stock_reserved WHERE sku IN (OLD.sku, NEW.sku) AND quantity = 0;
        END;
        """

    /// `Reservations`, the only writer of `stock_reservation`, keeps `stock_reserved` and the SKUs
    /// it touched itself (issue 20): the triggers and the dirty-SKU table go. `stock_reserved` is
    /// as v3's triggers left it.
    static let v5 = """
        DROP TRIGGER stock_reservation_inserted;
        DROP TRIGGER stock_reservation_deleted;
        DROP TRIGGER stock_reservation_updated;
        DROP TABLE reservation_dirty;
        """

    /// Parents before children: `journal rebuild` empties them in reverse.
    static let readTables = [
        "stock_reserved", "product", "product_training", "location", "category_zone", "stock_movement", "stock_balance",
        "stock_reservation", "low_stock_alert", "recount_task", "receipt", "receipt_line", "vendor_return",
        "receipt_discrepancy", "stock_count", "stock_count_line", "stock_count_category",
    ]

    /// The movements by kind and time, and by time (issue 15): the month reports' shipments window
    /// and movements by kind (and `reorder`'s shipments) read a range of the index instead of
    /// every movement; both cover the columns those reads sum.
    static let v6 = """
        CREATE INDEX stock_movement_kind_at ON stock_movement (kind, at, sku, delta);
        CREATE INDEX stock_movement_at ON stock_movement (at, kind, delta);
        """

    /// No index of the reservations by SKU (issue 20): the units reserved per SKU are read from
    /// `stock_reserved`, which `Reservations` keeps, so nothing reads `stock_reservation` by SKU.
    /// An order import adds reservations in order-number order but SKUs in no order, so every
    /// chunk's commit wrote most of that index's pages again: on 100,000 orders of 3 lines over
    /// 10,000 SKUs, 450 MB of write-ahead log for 267 MB of rows.
    static let v7 = """
        DROP INDEX stock_reservation_sku;
        """
}
