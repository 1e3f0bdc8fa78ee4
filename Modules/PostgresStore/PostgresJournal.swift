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
    /// The store's schema version: a database of another one is refused.
    public static let schema = "journal.v1"
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
        var binds = PostgresBindings(capacity: 10)
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
        // Only where the store's entry at the anchor is the working copy's: else nothing goes in.
        let query = PostgresQuery(unsafeSQL: """
            INSERT INTO hub_journal (seq, device_id, device_seq, hlc, actor, kind, version, payload, prev_hash, hash)
            SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[],
                                 $7::bigint[], $8::text[], $9::text[], $10::text[])
            WHERE $11::bigint = 0 OR EXISTS (SELECT 1 FROM hub_journal WHERE seq = $11::bigint AND hash = $12::text)
            """, binds: binds)
        let inserted = try withConnection { connection in try connection.query(query, logger: logger).wait(within: statementTimeout).metadata.rows }
        guard inserted == entries.count else { throw StoreOfRecordError.diverged(seq: anchor?.seq ?? 0) }
        lock.withLock { knownLast = lastSeq }
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

    /// The store's tables. Per-device order and the hash chain are foreign keys from each op to
    /// its device's previous op (its `device_seq - 1` and the hash it names); the first op of a
    /// device names the genesis hash; apply positions follow each other the same way.
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
            prev_seq bigint GENERATED ALWAYS AS (CASE WHEN seq > 1 THEN seq - 1 END) STORED,
            prev_device_seq bigint GENERATED ALWAYS AS (CASE WHEN device_seq > 1 THEN device_seq - 1 END) STORED,
            UNIQUE (device_id, device_seq),
            UNIQUE (device_id, device_seq, hash),
            CHECK (device_seq > 1 OR prev_hash = '\(Op.genesisHash)'),
            FOREIGN KEY (prev_seq) REFERENCES hub_journal (seq),
            FOREIGN KEY (device_id, prev_device_seq, prev_hash) REFERENCES hub_journal (device_id, device_seq, hash)
        )
        """,
        """
        CREATE INDEX hub_journal_device ON hub_journal (device_id, seq)
        """,
    ]

    private func check(create: Bool) throws {
        try withConnection { connection in
            let exists = try connection.query("SELECT to_regclass('zhanggui_store') IS NOT NULL", logger: logger).wait(within: statementTimeout)
                .first.map { try $0.decode(Bool.self) } ?? false
            if !exists {
                guard create else { throw PostgresStoreError.notInitialized(location.description) }
                // One statement a query (the extended protocol takes no more), in one transaction.
                let statements = ["BEGIN"] + Self.ddl + [
                    "INSERT INTO zhanggui_store (key, value) VALUES ('schema', '\(Self.schema)'), ('hub', '\(hub.rawValue)')", "COMMIT"]
                do {
                    for statement in statements { _ = try connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).wait(within: statementTimeout) }
                } catch {
                    _ = try? connection.query("ROLLBACK", logger: logger).wait()
                    throw error
                }
            }
            var found: [String: String] = [:]
            for row in try connection.query("SELECT key, value FROM zhanggui_store", logger: logger).wait(within: statementTimeout) {
                let (key, value) = try row.decode((String, String).self)
                found[key] = value
            }
            guard found["schema"] == Self.schema else {
                throw PostgresStoreError.otherSchema(location.description, found: found["schema"] ?? "none", expected: Self.schema)
            }
            guard found["hub"] == hub.rawValue else {
                throw PostgresStoreError.otherHub(location.description, found: found["hub"] ?? "none", expected: hub.rawValue)
            }
        }
    }

    // MARK: - Connections

    /// Runs `body` on an idle connection or a new one. A connection that failed is closed and
    /// dropped, so a server that went away and came back is reached again by the next call.
    private func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection: PostgresConnection
        do {
            // A connection the server closed meanwhile (restarted, or it ended the session) is dropped.
            let open = lock.withLock { () -> PostgresConnection? in
                while let candidate = idle.popLast() {
                    if !candidate.isClosed { return candidate }
                }
                return nil
            }
            connection = try open ?? connect()
        } catch {
            throw PostgresStoreError.from(error, at: location)
        }
        do {
            let result = try body(connection)
            lock.withLock { idle.append(connection) }
            return result
        } catch {
            lock.withLock { knownLast = nil }
            if connection.isClosed || !(error is PSQLError) || (error as? PSQLError)?.serverInfo == nil {
                // The connection failed, not the statement: the server restarted or ended the
                // sessions, so the idle ones are gone too; the next call connects afresh.
                let stale = lock.withLock { () -> [PostgresConnection] in
                    defer { idle.removeAll() }
                    return idle
                }
                for other in stale + [connection] { try? other.close().wait() }
            } else {
                lock.withLock { idle.append(connection) }
            }
            throw PostgresStoreError.from(error, at: location)
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
