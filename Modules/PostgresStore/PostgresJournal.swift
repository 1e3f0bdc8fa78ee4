import Foundation
import Logging
import PostgresNIO
import ShopDomain
import Storage

/// The hub's journal in PostgreSQL: the store of record behind the hub's SQLite working copy
/// (docs/decisions/0011-hub-on-postgresql.md). The database's own constraints hold the journal's
/// rules: one row per apply position and per op ID, every device's ops in order with nothing
/// missing and each naming its predecessor's hash, apply positions without gaps.
///
/// The merge that calls `record` is synchronous (GRDB), so this talks to the server through
/// postgres-nio's EventLoopFuture interface and waits: the I/O runs on NIO's event loops, never
/// on the thread that waits.
public final class PostgresJournal: StoreOfRecord, @unchecked Sendable {
    /// The store's schema version: a database of another one is refused (but `journal.v1`, the
    /// same table with the order held by foreign keys, which `open` upgrades in place).
    public static let schema = "journal.v2"
    /// Entries per statement when a catch-up or a copy sends a whole journal.
    static let chunk = 10_000

    public let location: PostgresLocation
    /// The working copy's device: the hub whose journal this is.
    public let hub: DeviceID
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger
    private let lock = NSLock()
    private var idle: [PostgresConnection] = []
    private var knownLast: Int64?
    private var nextID = 1
    /// How long a statement may go unanswered before its connection is given up (a server that
    /// went away without closing the socket, a connection the server ended mid-query).
    public var statementTimeout: TimeAmount = .seconds(60)

    /// Connects and checks the store: it must exist (unless `create`), be of this schema and
    /// belong to `hub`.
    public static func open(_ url: String, hub: DeviceID, create: Bool = false) throws(PostgresStoreError) -> PostgresJournal {
        let location = try PostgresLocation(url)
        let journal: PostgresJournal
        do {
            journal = try PostgresJournal(location, hub: hub)
        } catch {
            throw .badURL(location.description)
        }
        do {
            try journal.check(create: create)
        } catch {
            journal.close()
            throw PostgresStoreError.from(error, at: location)
        }
        return journal
    }

    private init(_ location: PostgresLocation, hub: DeviceID) throws {
        self.location = location
        self.hub = hub
        configuration = try location.configuration()
        var logger = Logger(label: "zhanggui.postgres")
        logger.logLevel = .error
        self.logger = logger
    }

    deinit { close() }

    /// Closes every connection.
    public func close() {
        let connections = lock.withLock { () -> [PostgresConnection] in
            defer { idle.removeAll() }
            return idle
        }
        for connection in connections { try? connection.close().wait() }
    }

    // MARK: - StoreOfRecord

    public func lastSeq() throws -> Int64 {
        if let known = lock.withLock({ knownLast }) { return known }
        let last = try withConnection { connection in
            try connection.query("SELECT COALESCE(MAX(seq), 0)::bigint FROM hub_journal", logger: logger).wait(within: statementTimeout)
                .first.map { try $0.decode(Int64.self) } ?? 0
        }
        lock.withLock { knownLast = last }
        return last
    }

    /// One statement, so one transaction: every entry or none (its constraints are checked at
    /// the statement's end, so entries of one device may follow each other in one batch).
    public func record(_ entries: [JournalEntry], after anchor: (seq: Int64, hash: String)?) throws {
        // A push is at most `SyncProtocol.maxOpsPerPush` ops, so one statement; only a catch-up or
        // a copy of a whole journal (already committed in the file) goes in several, each anchored.
        guard entries.count <= Self.chunk else {
            var anchor = anchor
            for start in stride(from: 0, to: entries.count, by: Self.chunk) {
                let part = Array(entries[start..<min(start + Self.chunk, entries.count)])
                try record(part, after: anchor)
                anchor = (seq: part.last!.seq, hash: part.last!.op.hash)
            }
            return
        }
        guard let lastSeq = entries.last?.seq else { return }
        lock.withLock { knownLast = nil }  // until it is known to have committed
        let query = Self.insert(entries, after: anchor)
        let inserted = try withConnection { connection in try connection.query(query, logger: logger).wait(within: statementTimeout).metadata.rows }
        guard inserted == entries.count else { throw StoreOfRecordError.diverged(seq: anchor?.seq ?? 0) }
        lock.withLock { knownLast = lastSeq }
    }

    /// `record`, overlapped with the caller's work: `BEGIN`, then the same one statement, sent
    /// at once on a connection of its own; the server checks and writes the rows while the hub
    /// projects them into its working copy. `commit()` waits for the statement, then commits;
    /// `cancel()` rolls it back (docs/decisions/0011: the store still commits before the file).
    public func begin(_ entries: [JournalEntry], after anchor: (seq: Int64, hash: String)?) throws -> any StoreOfRecordWrite {
        guard entries.count <= Self.chunk, let lastSeq = entries.last?.seq else {
            return try PlainWrite(journal: self, entries: entries, anchor: anchor)
        }
        lock.withLock { knownLast = nil }  // until it is known to have committed
        let query = Self.insert(entries, after: anchor)
        let connection = try acquire()
        let logger = logger
        let inserted = connection.query("BEGIN", logger: logger).flatMap { _ in connection.query(query, logger: logger) }
        return PendingWrite(journal: self, connection: connection, inserted: inserted, count: entries.count,
                            lastSeq: lastSeq, anchorSeq: anchor?.seq ?? 0)
    }

    /// The one statement that stores a batch: only where the store's entry at the anchor is the
    /// working copy's, else nothing goes in (the caller compares the rows inserted).
    static func insert(_ entries: [JournalEntry], after anchor: (seq: Int64, hash: String)?) -> PostgresQuery {
        var binds = PostgresBindings(capacity: 12)
        binds.append(entries.map(\.seq))
        binds.append(entries.map(\.op.deviceID.rawValue))
        binds.append(entries.map(\.op.deviceSeq))
        binds.append(entries.map(\.op.hlc.description))
        binds.append(entries.map(\.op.actor.rawValue))
        binds.append(entries.map(\.op.kind))
        binds.append(entries.map { Int64($0.op.version) })
        binds.append(entries.map(\.op.payload))
        binds.append(entries.map(\.op.prevHash))
        binds.append(entries.map(\.op.hash))
        binds.append(anchor?.seq ?? 0)
        binds.append(anchor?.hash ?? "")
        return PostgresQuery(unsafeSQL: """
            INSERT INTO hub_journal (seq, device_id, device_seq, hlc, actor, kind, version, payload, prev_hash, hash)
            SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[],
                                 $7::bigint[], $8::text[], $9::text[], $10::text[])
            WHERE $11::bigint = 0 OR EXISTS (SELECT 1 FROM hub_journal WHERE seq = $11::bigint AND hash = $12::text)
            """, binds: binds)
    }

    /// A whole journal's entries (a catch-up's): `record` at the commit.
    private final class PlainWrite: StoreOfRecordWrite {
        let journal: PostgresJournal
        let entries: [JournalEntry]
        let anchor: (seq: Int64, hash: String)?

        init(journal: PostgresJournal, entries: [JournalEntry], anchor: (seq: Int64, hash: String)?) throws {
            self.journal = journal
            self.entries = entries
            self.anchor = anchor
        }

        func commit() throws { try journal.record(entries, after: anchor) }
        func cancel() {}
    }

    /// A batch sent inside an open transaction, its connection held until commit or cancel.
    private final class PendingWrite: StoreOfRecordWrite {
        let journal: PostgresJournal
        let connection: PostgresConnection
        let inserted: EventLoopFuture<PostgresQueryResult>
        let count: Int
        let lastSeq: Int64
        let anchorSeq: Int64
        var finished = false

        init(journal: PostgresJournal, connection: PostgresConnection, inserted: EventLoopFuture<PostgresQueryResult>,
             count: Int, lastSeq: Int64, anchorSeq: Int64) {
            self.journal = journal
            self.connection = connection
            self.inserted = inserted
            self.count = count
            self.lastSeq = lastSeq
            self.anchorSeq = anchorSeq
        }

        deinit { cancel() }

        func commit() throws {
            guard !finished else { return }
            finished = true
            let rows: Int?
            do {
                rows = try inserted.wait(within: journal.statementTimeout).metadata.rows
            } catch {
                throw journal.failed(connection, error, rollback: true)
            }
            guard rows == count else {
                journal.rollBack(connection)
                throw StoreOfRecordError.diverged(seq: anchorSeq)
            }
            do {
                _ = try connection.query("COMMIT", logger: journal.logger).wait(within: journal.statementTimeout)
            } catch {
                // Whether it committed is not known: the next write or start compares the two copies.
                throw journal.failed(connection, error, rollback: false)
            }
            journal.release(connection, last: lastSeq)
        }

        func cancel() {
            guard !finished else { return }
            finished = true
            // The insert is sent only once `BEGIN` has answered: a `ROLLBACK` sent before that
            // would end the transaction first and the insert then commit on its own. So wait for
            // the insert's answer (a refusal is one too); without one, drop the connection — the
            // server rolls back a transaction whose session ends.
            do {
                _ = try inserted.wait(within: journal.statementTimeout)
            } catch let error as PSQLError where error.serverInfo != nil && !connection.isClosed {
                // Refused by the server: the transaction is aborted, and rolled back below.
            } catch {
                journal.discard(connection)
                return
            }
            journal.rollBack(connection)
        }
    }

    public func entries(after seq: Int64, excluding device: DeviceID?, limit: Int?) throws -> [JournalEntry] {
        let query: PostgresQuery = """
            SELECT seq, device_id, device_seq, hlc, actor, kind, version, payload, prev_hash, hash FROM hub_journal
            WHERE seq > \(seq) AND device_id <> \(device?.rawValue ?? "") ORDER BY seq LIMIT \(limit.map(Int64.init))
            """
        return try withConnection { connection in
            try connection.query(query, logger: logger).wait(within: statementTimeout).map(Self.entry)
        }
    }

    // MARK: - Reading the whole journal

    /// Every entry in apply order, a page at a time (bounded memory for a large journal).
    public func forEach(_ body: (JournalEntry) throws -> Void) throws {
        var after: Int64 = 0
        while true {
            let page = try entries(after: after, excluding: nil, limit: 10_000)
            for entry in page { try body(entry) }
            guard let last = page.last, page.count == 10_000 else { return }
            after = last.seq
        }
    }

    /// The journal's digest, as `ShopDatabase.journalDigest` computes it for a file.
    public func journalDigest() throws -> JournalDigest {
        var digest = JournalDigest()
        try forEach { digest.add($0) }
        return digest
    }

    /// How many ops the store holds.
    public func count() throws -> Int {
        try withConnection { connection in
            try connection.query("SELECT COUNT(*)::bigint FROM hub_journal", logger: logger).wait(within: statementTimeout).first.map { Int(try $0.decode(Int64.self)) } ?? 0
        }
    }

    static func entry(_ row: PostgresRow) throws -> JournalEntry {
        let (seq, device, deviceSeq, hlc, actor, kind, version, payload, prevHash, hash) =
            try row.decode((Int64, String, Int64, String, String, String, Int64, String, String, String).self)
        return JournalEntry(seq: seq, op: Op(deviceID: DeviceID(rawValue: device), deviceSeq: deviceSeq, hlc: HLC(hlc) ?? .zero,
                                             actor: StaffID(rawValue: actor), kind: kind, version: Int(version), payload: payload,
                                             prevHash: prevHash, hash: hash))
    }

    // MARK: - Schema

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

    private func check(create: Bool) throws {
        try withConnection { connection in
            let exists = try connection.query("SELECT to_regclass('zhanggui_store') IS NOT NULL", logger: logger).wait(within: statementTimeout)
                .first.map { try $0.decode(Bool.self) } ?? false
            if !exists {
                guard create else { throw PostgresStoreError.notInitialized(location.description) }
                // One statement a query (the extended protocol takes no more), in one transaction.
                try transaction(Self.ddl + [
                    "INSERT INTO zhanggui_store (key, value) VALUES ('schema', '\(Self.schema)'), ('hub', '\(hub.rawValue)')"], on: connection)
            }
            var found = try settings(connection)
            if found["schema"] == "journal.v1", found["hub"] == hub.rawValue {
                try transaction(Self.upgradeV1, on: connection)
                found = try settings(connection)
            }
            guard found["schema"] == Self.schema else {
                throw PostgresStoreError.otherSchema(location.description, found: found["schema"] ?? "none", expected: Self.schema)
            }
            guard found["hub"] == hub.rawValue else {
                throw PostgresStoreError.otherHub(location.description, found: found["hub"] ?? "none", expected: hub.rawValue)
            }
        }
    }

    private func settings(_ connection: PostgresConnection) throws -> [String: String] {
        var found: [String: String] = [:]
        for row in try connection.query("SELECT key, value FROM zhanggui_store", logger: logger).wait(within: statementTimeout) {
            let (key, value) = try row.decode((String, String).self)
            found[key] = value
        }
        return found
    }

    /// Runs `statements` in one transaction (one statement a query: the extended protocol takes
    /// no more).
    private func transaction(_ statements: [String], on connection: PostgresConnection) throws {
        do {
            for statement in ["BEGIN"] + statements + ["COMMIT"] {
                _ = try connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).wait(within: statementTimeout)
            }
        } catch {
            _ = try? connection.query("ROLLBACK", logger: logger).wait()
            throw error
        }
    }

    // MARK: - Connections

    /// Runs `body` on an idle connection or a new one. A connection that failed is closed and
    /// dropped, so a server that went away and came back is reached again by the next call.
    private func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try acquire()
        do {
            let result = try body(connection)
            release(connection)
            return result
        } catch {
            throw failed(connection, error, rollback: false)
        }
    }

    /// An idle connection, or a new one.
    private func acquire() throws -> PostgresConnection {
        do {
            // A connection the server closed meanwhile (restarted, or it ended the session) is dropped.
            let open = lock.withLock { () -> PostgresConnection? in
                while let candidate = idle.popLast() {
                    if !candidate.isClosed { return candidate }
                }
                return nil
            }
            return try open ?? connect()
        } catch {
            // Whatever stops a session from starting (refused, not accepting connections, too many
            // of them) is the server not reachable for now.
            let refusal = PostgresStoreError.from(error, at: location)
            if case .failed(let reason) = refusal { throw PostgresStoreError.unreachable(location.description, reason: reason) }
            throw refusal
        }
    }

    /// Back among the idle ones; `last` the store's last position if a write just committed.
    private func release(_ connection: PostgresConnection, last: Int64? = nil) {
        lock.withLock {
            idle.append(connection)
            if let last { knownLast = last }
        }
    }

    /// The error `error` of a statement on `connection`, as the store reports it. A connection
    /// that failed, not its statement — the server restarted or ended the sessions, so the idle
    /// ones are gone too — is closed with the idle ones, and the next call connects afresh; one
    /// whose statement the server refused is kept (rolled back first, if `rollback`: it was in a
    /// transaction).
    private func failed(_ connection: PostgresConnection, _ error: any Error, rollback: Bool) -> PostgresStoreError {
        lock.withLock { knownLast = nil }
        if connection.isClosed || !(error is PSQLError) || (error as? PSQLError)?.serverInfo == nil {
            let stale = lock.withLock { () -> [PostgresConnection] in
                defer { idle.removeAll() }
                return idle
            }
            for other in stale + [connection] { try? other.close().wait() }
        } else if rollback {
            rollBack(connection)
        } else {
            release(connection)
        }
        return PostgresStoreError.from(error, at: location)
    }

    /// Closes `connection` without returning it to the idle ones.
    private func discard(_ connection: PostgresConnection) {
        lock.withLock { knownLast = nil }
        try? connection.close().wait()
    }

    /// Ends `connection`'s transaction without storing anything; a connection that cannot is closed.
    private func rollBack(_ connection: PostgresConnection) {
        lock.withLock { knownLast = nil }
        do {
            _ = try connection.query("ROLLBACK", logger: logger).wait(within: statementTimeout)
            release(connection)
        } catch {
            try? connection.close().wait()
        }
    }

    private func connect() throws -> PostgresConnection {
        let id = lock.withLock { () -> Int in
            defer { nextID += 1 }
            return nextID
        }
        return try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration,
                                              id: id, logger: logger).wait()
    }
}

/// Statements outside the journal: making a database for a test or a bench run, and the raw
/// SQL those need. Not used by the hub itself.
public enum PostgresAdmin {
    /// Runs each statement (no parameters) on the database `url` names.
    public static func execute(_ url: String, _ statements: String...) throws {
        let location = try PostgresLocation(url)
        var logger = Logger(label: "zhanggui.postgres.admin")
        logger.logLevel = .error
        do {
            let connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(),
                                                            configuration: location.configuration(), id: 0, logger: logger).wait()
            defer { try? connection.close().wait() }
            for sql in statements { _ = try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait() }
        } catch {
            throw PostgresStoreError.from(error, at: location)
        }
    }

    /// Creates a new, empty database beside the one `url` names; returns its URL.
    public static func createDatabase(beside url: String, named name: String) throws -> String {
        try execute(url, "CREATE DATABASE \"\(name)\"")
        let location = try PostgresLocation(url)
        return url.replacingOccurrences(of: "/\(location.database)", with: "/\(name)", options: .backwards)
    }

    /// Drops a database `createDatabase` made (its connections first).
    public static func dropDatabase(beside url: String, named name: String) throws {
        try execute(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)' AND pid <> pg_backend_pid()",
                    "DROP DATABASE IF EXISTS \"\(name)\"")
    }
}

extension EventLoopFuture {
    /// Waits for the value, or gives up after `timeout` (the connection is then dropped).
    func wait(within timeout: TimeAmount) throws -> Value {
        let promise = eventLoop.makePromise(of: Value.self)
        let timer = eventLoop.scheduleTask(in: timeout) {
            promise.fail(PostgresStoreError.failed("no answer from the server within \(timeout.nanoseconds / 1_000_000_000) s"))
        }
        cascade(to: promise)
        defer { timer.cancel() }
        return try promise.futureResult.wait()
    }
}
