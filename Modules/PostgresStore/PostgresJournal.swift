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
    let logger: Logger
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
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
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
