import Foundation
import GRDB
@testable import HubServer
import PostgresStore
import Prometheus
import ShopDomain
import Testing
@testable import Storage
@testable import Sync

/// The hub with its journal in PostgreSQL (issue 17, docs/decisions/0011): the store of record
/// takes every batch before the working copy commits; a crash between the two commits loses and
/// doubles nothing; the database's constraints hold the journal's order.
@Suite("The hub on PostgreSQL", .enabled(if: TestPostgres.available,
                                          "needs ZHANGGUI_TEST_POSTGRES=postgres://user@host:port/db (.ci/run starts a private server)"))
struct PostgresHubTests {
    @Test("pulls are answered from PostgreSQL with the working copy's positions and ops; both journals have one head")
    func sameAnswers() async throws {
        let world = try SyncWorld(store: .postgres)
        let (laptop, client, token) = try await world.laptopWithToken("笔记本")
        try laptop.apply((1...5).map { _ in SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead) })
        _ = try await client.sync()
        let pulled = try world.service.pull(token: token, after: 0, limit: 1000)
        let copy = try world.hub.read { db in try Row.fetchAll(db, sql: "SELECT * FROM journal ORDER BY seq").map(JournalEntry.init(row:)) }
        #expect(pulled.ops.map(\.hubSeq) == copy.filter { $0.op.deviceID != laptop.deviceID }.map(\.seq))
        #expect(pulled.ops.map(\.op) == copy.filter { $0.op.deviceID != laptop.deviceID }.map(\.op))
        #expect(try world.storeDigest() == world.hub.journalDigest())
        #expect(try world.postgres!.count() == world.hub.journalCount())
        #expect(try world.hub.verify().passed)
    }

    @Test("killed between PostgreSQL's commit and the file's: the copy catches up at start, a re-push doubles nothing")
    func crashBetweenCommits() async throws {
        let world = try SyncWorld(store: .postgres)
        let (laptop, _, token) = try await world.laptopWithToken("笔记本")
        try laptop.apply((1...20).map { index in SyncWorld.adjust(index % 2 == 0 ? "AF-1" : "AF-2", "A-01-1", 1, by: world.lead) })
        // The file as it was on disk before the batch: what a hub killed after PostgreSQL's commit
        // and before its own comes back to.
        let before = world.directory.appendingPathComponent("before.sqlite").path
        try world.hub.backup(to: before)
        let body = try SyncProtocol.encoder().encode(SyncProtocol.PushRequest(device: laptop.deviceID, migrations: laptop.migrations,
                                                                              ops: laptop.ops(from: laptop.deviceID)))
        let pushed = try world.service.push(token: token, body: body)
        #expect(pushed.applied == 20)

        var restarted = try ShopDatabase.open(at: before, modules: modules)
        #expect(try restarted.journalCount() == world.hub.journalCount() - 20)
        restarted.storeOfRecord = try PostgresJournal.open(world.postgresURL!, hub: restarted.deviceID)
        let caughtUp = try restarted.catchUp()
        #expect(caughtUp.adopted == 20 && caughtUp.recorded == 0)
        #expect(try restarted.journalDigest() == world.storeDigest())
        #expect(try SyncWorld.balances(restarted) == SyncWorld.balances(world.hub))
        #expect(try restarted.verify().passed)
        // The device never got its answer and pushes again: all duplicates.
        let again = try HubService(database: restarted).push(token: token, body: body)
        #expect(again.applied == 0 && again.duplicates == 20 && again.acked == 20)
        #expect(try world.postgres!.count() == restarted.journalCount())
    }

    @Test("a batch lost by the file after PostgreSQL took it is caught up by the next batch, before it merges")
    func behindMidRun() async throws {
        let world = try SyncWorld(store: .postgres)
        let (laptop, _, token) = try await world.laptopWithToken("笔记本")
        try laptop.apply((1...4).map { _ in SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead) })
        let ops = try laptop.ops(from: laptop.deviceID)
        // PostgreSQL holds the first two ops, the file does not (its commit was lost).
        let next = try world.hub.journalCount()
        try world.postgres!.record(ops.prefix(2).enumerated().map { JournalEntry(seq: Int64(next + 1 + $0.offset), op: $0.element) },
                                   after: world.hub.read { db in try String.fetchOne(db, sql: "SELECT hash FROM journal WHERE seq = ?", arguments: [next]) }
                                       .map { (seq: Int64(next), hash: $0) })
        let body = try SyncProtocol.encoder().encode(SyncProtocol.PushRequest(device: laptop.deviceID, migrations: laptop.migrations, ops: ops))
        let pushed = try world.service.push(token: token, body: body)
        #expect(pushed.applied == 2 && pushed.duplicates == 2 && pushed.acked == 4)
        #expect(try world.hub.journalDigest() == world.storeDigest())
        #expect(try world.hub.verify().passed)
    }

    @Test("an op written to the file without the store (a zhanggui command at the hub) reaches PostgreSQL with the next catch-up")
    func copyAhead() throws {
        let world = try SyncWorld(store: .postgres)
        var plain = try ShopDatabase.open(at: world.hub.path, modules: modules)
        try plain.apply(SyncWorld.adjust("AF-1", "A-01-1", 3, by: world.gm))
        #expect(try world.postgres!.count() == plain.journalCount() - 1)
        plain.storeOfRecord = world.postgres
        #expect(try plain.catchUp() == CatchUpReport(adopted: 0, recorded: 1))
        #expect(try plain.journalDigest() == world.storeDigest())
    }

    @Test("the server ends every session mid-run: a batch goes in whole or not at all, the next one reconnects")
    func serverGoesAway() async throws {
        let world = try SyncWorld(store: .postgres)
        let (laptop, _, token) = try await world.laptopWithToken("笔记本")
        try laptop.apply((1...6).map { _ in SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead) })
        world.postgres!.statementTimeout = .seconds(5)  // a statement sent as the server ended the session may get no answer
        let database = try PostgresLocation(world.postgresURL!).database
        try PostgresAdmin.execute(TestPostgres.url!, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database)'")
        // Termination is a signal: wait until those sessions are gone (pg_terminate_backend's own wait).
        try PostgresAdmin.execute(TestPostgres.url!, """
            DO $$ BEGIN
                WHILE EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = '\(database)') LOOP PERFORM pg_sleep(0.05); END LOOP;
            END $$
            """)
        let body = try SyncProtocol.encoder().encode(SyncProtocol.PushRequest(device: laptop.deviceID, migrations: laptop.migrations,
                                                                              ops: laptop.ops(from: laptop.deviceID)))
        var applied = 0
        do { applied += try world.service.push(token: token, body: body).applied } catch {}
        #expect(try world.postgres!.count() == world.hub.journalCount())  // never one without the other
        applied += try world.service.push(token: token, body: body).applied
        #expect(applied == 6)
        #expect(try world.hub.journalDigest() == world.storeDigest())
    }

    @Test("PostgreSQL stops taking connections mid-run: the push is a 503 that says so, nothing merged on either side; then the same push merges")
    func serverDownMidRun() async throws {
        let world = try SyncWorld(store: .postgres)
        let (laptop, _, token) = try await world.laptopWithToken("笔记本")
        try laptop.apply((1...6).map { _ in SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead) })
        world.postgres!.statementTimeout = .seconds(5)
        let database = try PostgresLocation(world.postgresURL!).database
        let before = try world.hub.journalDigest()
        // Down, as the hub sees it: its sessions end and no new one is let in.
        try PostgresAdmin.execute(TestPostgres.url!, "ALTER DATABASE \"\(database)\" ALLOW_CONNECTIONS false",
                                  "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database)'")
        try PostgresAdmin.execute(TestPostgres.url!, """
            DO $$ BEGIN
                WHILE EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = '\(database)') LOOP PERFORM pg_sleep(0.05); END LOOP;
            END $$
            """)
        let body = try SyncProtocol.encoder().encode(SyncProtocol.PushRequest(device: laptop.deviceID, migrations: laptop.migrations,
                                                                              ops: laptop.ops(from: laptop.deviceID)))
        do {
            _ = try world.service.push(token: token, body: body)
            Issue.record("a push merged while the store of record was down")
        } catch {
            #expect(error.status == 503)
            #expect(error.body.error == "store-unavailable")
            #expect(error.message(in: .en).contains("nothing was merged"))
        }
        #expect(try world.hub.journalDigest() == before)  // the working copy rolled back
        #expect(throws: SyncError.self) { try world.service.pull(token: token, after: 0, limit: 10) }
        try PostgresAdmin.execute(TestPostgres.url!, "ALTER DATABASE \"\(database)\" ALLOW_CONNECTIONS true")
        #expect(try world.postgres!.count() == world.hub.journalCount())  // never one without the other
        #expect(try world.service.push(token: token, body: body).applied == 6)
        #expect(try world.hub.journalDigest() == world.storeDigest())
    }

    @Test("a store of journal.v1 (its order held by foreign keys) is upgraded in place to journal.v2, rows kept, rules still held")
    func upgradesV1() async throws {
        let world = try SyncWorld()
        let (laptop, client) = try await world.laptop("笔记本")
        try laptop.apply((1...5).map { _ in SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead) })
        _ = try await client.sync()
        let url = try TestPostgres.freshDatabase()
        let quoted = { (text: String) in "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
        let rows = try world.hub.read { db in try Row.fetchAll(db, sql: "SELECT * FROM journal ORDER BY seq").map(JournalEntry.init(row:)) }
        let values = rows.map { entry in
            let op = entry.op
            return "(\(entry.seq), \(quoted(op.deviceID.rawValue)), \(op.deviceSeq), \(quoted(op.hlc.description)), \(quoted(op.actor.rawValue)), "
                + "\(quoted(op.kind)), \(op.version), \(quoted(op.payload)), \(quoted(op.prevHash)), \(quoted(op.hash)))"
        }
        try PostgresAdmin.execute(url, "CREATE TABLE zhanggui_store (key text PRIMARY KEY, value text NOT NULL)", Self.journalV1,
                                  "CREATE INDEX hub_journal_device ON hub_journal (device_id, seq)",
                                  "INSERT INTO zhanggui_store VALUES ('schema', 'journal.v1'), ('hub', '\(world.hub.deviceID.rawValue)')",
                                  "INSERT INTO hub_journal (seq, device_id, device_seq, hlc, actor, kind, version, payload, prev_hash, hash) VALUES "
                                      + values.joined(separator: ", "))
        let journal = try PostgresJournal.open(url, hub: world.hub.deviceID)
        #expect(try journal.journalDigest() == world.hub.journalDigest())
        #expect(try StoreTransfer.verify(db: world.hub.path, store: url).problems.isEmpty)
        // The rules hold after the upgrade: a skipped position is refused, the next batch goes in.
        try laptop.apply(SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead))
        let next = try laptop.ops(from: laptop.deviceID).last!
        let last = try journal.lastSeq()
        #expect(throws: PostgresStoreError.self) { try journal.record([JournalEntry(seq: last + 2, op: next)], after: (seq: last, hash: rows.last!.op.hash)) }
        try journal.record([JournalEntry(seq: last + 1, op: next)], after: (seq: last, hash: rows.last!.op.hash))
        #expect(try journal.count() == rows.count + 1)
        journal.close()
        // Opened again: already journal.v2.
        let again = try PostgresJournal.open(url, hub: world.hub.deviceID)
        #expect(try again.lastSeq() == last + 1)
        again.close()
    }

    /// `hub_journal` as journal.v1 made it (2026-12-02).
    static let journalV1 = """
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
        """

    @Test("PostgreSQL's own constraints refuse a gap in a device's ops, a broken chain, a repeated op and a skipped position; the journal is append-only")
    func constraints() async throws {
        let world = try SyncWorld(store: .postgres)
        let (laptop, _) = try await world.laptop("笔记本")
        try laptop.apply((1...3).map { _ in SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead) })
        let ops = try laptop.ops(from: laptop.deviceID)
        let journal = world.postgres!
        let last = try journal.lastSeq()
        let anchor = try journal.entries(after: last - 1, excluding: nil, limit: 1).first.map { (seq: $0.seq, hash: $0.op.hash) }
        var broken = ops[1]
        broken.prevHash = String(repeating: "a", count: 64)
        for bad in [[JournalEntry(seq: last + 1, op: ops[1])],                                         // device seq 2 without 1
                    [JournalEntry(seq: last + 1, op: ops[0]), JournalEntry(seq: last + 2, op: broken)], // chain broken
                    [JournalEntry(seq: last + 1, op: ops[0]), JournalEntry(seq: last + 2, op: ops[0])], // the same op twice
                    [JournalEntry(seq: last + 2, op: ops[0])]] {                                        // position skipped
            #expect(throws: PostgresStoreError.self) { try journal.record(bad, after: anchor) }
        }
        #expect(try journal.lastSeq() == last)
        for edit in ["UPDATE hub_journal SET payload = '{}' WHERE seq = 1", "DELETE FROM hub_journal WHERE seq = \(last)", "TRUNCATE hub_journal"] {
            #expect(throws: PostgresStoreError.self) { try PostgresAdmin.execute(world.postgresURL!, edit) }  // append-only
        }
        #expect(try journal.count() == Int(last))
        #expect(throws: StoreOfRecordError.diverged(seq: last)) {
            try journal.record([JournalEntry(seq: last + 1, op: ops[0])], after: (seq: last, hash: String(repeating: "b", count: 64)))
        }
    }

    @Test("store copy moves a hub's journal, verified by the same head on both sides; store verify finds an edited row")
    func storeCopy() async throws {
        let world = try SyncWorld()
        let (laptop, client) = try await world.laptop("笔记本")
        try laptop.apply((1...8).map { _ in SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead) })
        _ = try await client.sync()
        let url = try TestPostgres.freshDatabase()
        let copied = try StoreTransfer.copy(from: world.hub.path, to: url)
        #expect(copied.copied == (try world.hub.journalCount()))
        #expect(copied.digest == (try world.hub.journalDigest()))
        #expect(try StoreTransfer.verify(db: world.hub.path, store: url).problems.isEmpty)
        // Copying again moves nothing and still agrees.
        #expect(try StoreTransfer.copy(from: world.hub.path, to: url).copied == 0)
        // The journal is append-only; someone who turns that off and edits a row is found out.
        #expect(throws: PostgresStoreError.self) { try PostgresAdmin.execute(url, "UPDATE hub_journal SET payload = payload || ' ' WHERE seq = 3") }
        try PostgresAdmin.execute(url, "ALTER TABLE hub_journal DISABLE TRIGGER hub_journal_append_only",
                                  "UPDATE hub_journal SET payload = payload || ' ' WHERE seq = 3")
        let problems = try StoreTransfer.verify(db: world.hub.path, store: url).problems
        #expect(problems.contains { $0.contains("does not match its hash") })
        // A laptop's file is not a hub.
        #expect(throws: StoreCopyError.notAHub(laptop.path)) { try StoreTransfer.copy(from: laptop.path, to: url) }
    }

    @Test("a database without the store, of another schema version or of another hub is refused with one line")
    func wrongDatabase() throws {
        let world = try SyncWorld(store: .postgres)
        let empty = try TestPostgres.freshDatabase()
        #expect(throws: PostgresStoreError.notInitialized(try PostgresLocation(empty).description)) {
            try PostgresJournal.open(empty, hub: world.hub.deviceID)
        }
        #expect(throws: PostgresStoreError.self) { try PostgresJournal.open(world.postgresURL!, hub: IDSource.random.next()) }
        try PostgresAdmin.execute(world.postgresURL!, "UPDATE zhanggui_store SET value = 'journal.v0' WHERE key = 'schema'")
        do {
            _ = try PostgresJournal.open(world.postgresURL!, hub: world.hub.deviceID)
            Issue.record("another schema version was accepted")
        } catch {
            #expect(((error as? any ShopError)?.message(in: .en) ?? "\(error)").contains("schema journal.v0"))
        }
        // The daemon does not start on it: nothing served, nothing written.
        var config = HubConfig(database: world.hub.path, host: "127.0.0.1", port: 8765, logLevel: "error")
        config.store = world.postgresURL
        #expect(throws: PostgresStoreError.self) { _ = try buildApplication(config, registry: .init()) }
    }
}

/// What needs no server: a URL that is not one, a server that is not there.
@Suite("The hub's PostgreSQL settings")
struct PostgresSettingsTests {
    @Test("a wrong URL is refused with one line, before anything is opened")
    func badURL() throws {
        for bad in ["postgres://127.0.0.1/db", "postgres://u@/db", "postgres://u@h:99999/db", "postgres://u@h", "mysql://u@h/db"] {
            #expect(throws: PostgresStoreError.self) { try PostgresLocation(bad) }
        }
        #expect(throws: HubConfigError.badStore("mysql://u@h/db")) {
            try HubConfig.resolve(db: "x", listen: nil, logLevel: nil, configFile: nil, environment: [:], store: "mysql://u@h/db")
        }
        let fromEnv = try HubConfig.resolve(db: "x", listen: nil, logLevel: nil, configFile: nil,
                                            environment: ["ZHANGGUID_STORE": "postgres://zg:secret@db.local:6543/shop"])
        #expect(fromEnv.store == "postgres://zg:secret@db.local:6543/shop")
        let location = try PostgresLocation(fromEnv.store!)
        #expect(location.description == "postgres://zg@db.local:6543/shop")  // no password in messages
    }

    @Test("a server that is down at start: one line that says so, and the daemon does not start")
    func serverDown() throws {
        let world = try SyncWorld()
        do {
            _ = try PostgresJournal.open("postgres://zhanggui@127.0.0.1:1/shop", hub: world.hub.deviceID)
            Issue.record("opened a store on a closed port")
        } catch {
            #expect(((error as? any ShopError)?.message(in: .en) ?? "\(error)").hasPrefix("cannot reach PostgreSQL at postgres://zhanggui@127.0.0.1:1/shop"))
        }
        var config = HubConfig(database: world.hub.path, host: "127.0.0.1", port: 8765, logLevel: "error")
        config.store = "postgres://zhanggui@127.0.0.1:1/shop"
        #expect(throws: PostgresStoreError.self) { _ = try buildApplication(config, registry: .init()) }
        #expect(try world.hub.journalCount() == 8)
    }
}
