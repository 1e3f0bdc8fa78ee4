import Foundation
import PostgresNIO
import ShopDomain

/// The store's schema: its tables, the rules the database enforces, and the upgrade from
/// `journal.v1` (`PostgresJournal.check` applies them).
extension PostgresJournal {
    /// The store's tables. The journal's rules are the database's own: `seq` the primary key,
    /// `(device_id, device_seq)` unique (the op ID), a device's first op naming the genesis hash
    /// (a `CHECK`), and one trigger per statement (`hub_journal_follows`, over the rows the
    /// statement inserted, after it: one set-based query per batch instead of two foreign-key
    /// lookups and row locks per row, as `journal.v1` had) refusing positions that do not follow
    /// the journal's last without a gap and an op that does not follow its device's previous op
    /// with the hash it names. The journal is append-only (`hub_journal_append_only`: no update,
    /// delete or truncate), so what those checks found at insert stays true.
    static let ddl: [String] = [
        """
        CREATE TABLE zhanggui_store (key text PRIMARY KEY, value text NOT NULL)
        """,
        """
        CREATE TABLE hub_journal (
            seq bigint PRIMARY KEY CHECK (seq > 0),
            device_id text NOT NULL,
            device_seq bigint NOT NULL CHECK (device_seq > 0),
            hlc text NOT NULL,
            actor text NOT NULL,
            kind text NOT NULL,
            version bigint NOT NULL,
            payload text NOT NULL,
            prev_hash text NOT NULL,
            hash text NOT NULL,
            UNIQUE (device_id, device_seq),
            CHECK (device_seq > 1 OR prev_hash = '\(Op.genesisHash)')
        )
        """,
    ] + rules

    /// The triggers that hold positions, chains and the journal's append-only rule (`journal.v2`).
    static let rules: [String] = [
        """
        CREATE FUNCTION hub_journal_follows() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            first_seq bigint; last_seq bigint; added_count bigint; broken text;
        BEGIN
            SELECT min(seq), max(seq), count(*) INTO first_seq, last_seq, added_count FROM added;
            IF added_count = 0 THEN RETURN NULL; END IF;
            IF last_seq - first_seq + 1 <> added_count
               OR (first_seq > 1 AND NOT EXISTS (SELECT 1 FROM hub_journal WHERE seq = first_seq - 1)) THEN
                RAISE EXCEPTION 'journal positions % to % do not follow the journal''s last without a gap', first_seq, last_seq
                    USING ERRCODE = 'foreign_key_violation';
            END IF;
            SELECT a.device_id || ' #' || a.device_seq INTO broken FROM added a
                LEFT JOIN hub_journal p ON p.device_id = a.device_id AND p.device_seq = a.device_seq - 1
                WHERE a.device_seq > 1 AND p.hash IS DISTINCT FROM a.prev_hash
                LIMIT 1;
            IF broken IS NOT NULL THEN
                RAISE EXCEPTION 'op % does not follow its device''s previous op with the hash it names', broken
                    USING ERRCODE = 'foreign_key_violation';
            END IF;
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER hub_journal_follows AFTER INSERT ON hub_journal REFERENCING NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION hub_journal_follows()
        """,
        """
        CREATE FUNCTION hub_journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the journal is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
        END $$
        """,
        """
        CREATE TRIGGER hub_journal_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON hub_journal
            FOR EACH STATEMENT EXECUTE FUNCTION hub_journal_append_only()
        """,
    ]

    /// `journal.v1` → `journal.v2`, in place: the same rows, the foreign keys (and the generated
    /// columns and the index they needed) replaced by the triggers; what v1's constraints held
    /// the triggers hold too.
    static let upgradeV1: [String] = [
        "ALTER TABLE hub_journal DROP COLUMN prev_seq CASCADE",
        "ALTER TABLE hub_journal DROP COLUMN prev_device_seq CASCADE",
        "ALTER TABLE hub_journal DROP CONSTRAINT IF EXISTS hub_journal_device_id_device_seq_hash_key",
        "DROP INDEX IF EXISTS hub_journal_device",
    ] + rules + ["UPDATE zhanggui_store SET value = '\(schema)' WHERE key = 'schema'"]
}
