import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import ShopDomain
import Storage
import Synchronization

/// How a notebook reaches a hub: HTTP in use, a direct call in tests.
public protocol HubTransport: Sendable {
    func push(_ request: SyncProtocol.PushRequest) async throws -> SyncProtocol.PushResponse
    /// `device` is the pulling notebook: the hub binds a token that has not been bound yet to it.
    func pull(after: Int64, limit: Int, device: DeviceID) async throws -> SyncProtocol.PullResponse
}

/// A notebook's side of sync: push the ops the hub lacks, pull the ops this notebook lacks,
/// with both cursors persisted, so an interrupted sync simply resumes (every step is idempotent).
public struct SyncClient: Sendable {
    public let database: ShopDatabase
    public let hub: String
    public let transport: any HubTransport
    public static let batch = 500

    public init(database: ShopDatabase, hub: String, transport: any HubTransport) {
        self.database = database
        self.hub = hub
        self.transport = transport
    }

    public struct Cursor: Sendable, Codable, Equatable {
        public var hub: String
        public var pushedSeq: Int64
        public var pulledSeq: Int64
        public var lastSyncAt: Date?
        public var lastResult: String?
    }

    public struct Result: Sendable, Codable, Equatable {
        public var pushed: Int
        public var pulled: Int
        public var conflicts: Int
        public var held: Int
    }

    /// One round: push, then pull until the hub has nothing more.
    public func sync() async throws -> Result {
        var result = Result(pushed: 0, pulled: 0, conflicts: 0, held: 0)
        do {
            var cursor = try Self.starting(database, hub: hub)
            // Pushes carry ops; a notebook with nothing to push is bound to its token by its
            // first pull, which names it (an empty push binds nothing, issue 19).
            while true {
                let ops = try database.ops(from: database.deviceID, after: cursor.pushedSeq).prefix(Self.batch)
                guard !ops.isEmpty else { break }
                let response = try await transport.push(.init(device: database.deviceID, migrations: database.migrations, ops: Array(ops)))
                result.pushed += response.applied
                result.conflicts += response.conflicts
                guard response.acked > cursor.pushedSeq else { break }  // the hub holds a gap: stop, try again later
                cursor.pushedSeq = response.acked
                try save(cursor)
            }
            while true {
                let page = try await transport.pull(after: cursor.pulledSeq, limit: Self.batch, device: database.deviceID)
                if !page.ops.isEmpty {
                    let report = try database.merge(page.ops.map(\.op))
                    result.pulled += report.applied
                    result.conflicts += report.conflicts
                    result.held = report.held.count
                }
                cursor.pulledSeq = max(cursor.pulledSeq, page.next)
                try save(cursor)
                if !page.more { break }
            }
            cursor.lastSyncAt = database.clock.now()
            cursor.lastResult = "ok: pushed \(result.pushed), pulled \(result.pulled), conflicts \(result.conflicts)"
            try save(cursor)
            return result
        } catch {
            var cursor = try Self.cursor(database, hub: hub)
            cursor.lastSyncAt = database.clock.now()
            cursor.lastResult = "failed: " + ((error as? any ShopError)?.message(in: .en) ?? String(describing: error))
            try save(cursor)
            throw error
        }
    }

    /// The cursors for a hub (or the most recently used hub), zero when never synced.
    public static func cursor(_ database: ShopDatabase, hub: String? = nil) throws -> Cursor {
        try database.read { db in
            let row = try hub.map { try Row.fetchOne(db, sql: "SELECT * FROM sync_peer WHERE hub = ?", arguments: [$0]) }
                ?? Row.fetchOne(db, sql: "SELECT * FROM sync_peer ORDER BY lastSyncAt DESC LIMIT 1")
            guard let row else { return Cursor(hub: hub ?? "", pushedSeq: 0, pulledSeq: 0) }
            return Cursor(hub: row["hub"], pushedSeq: row["pushedSeq"], pulledSeq: row["pulledSeq"],
                          lastSyncAt: (row["lastSyncAt"] as Int64?).map(Date.init(millis:)), lastResult: row["lastResult"])
        }
    }

    /// The cursors to start a round with: this hub's, or — the first time a notebook that has
    /// met its hub only by file syncs over the network — the ones the hub files moved.
    static func starting(_ database: ShopDatabase, hub: String) throws -> Cursor {
        let known = try database.read { db in
            try Row.fetchOne(db, sql: "SELECT 1 FROM sync_peer WHERE hub = ?", arguments: [hub]) != nil
        }
        var cursor = try Self.cursor(database, hub: hub)
        if !known, let byFile = try database.read({ db in
            try Row.fetchOne(db, sql: "SELECT pushedSeq, pulledSeq FROM sync_peer WHERE hub LIKE 'file:%' ORDER BY lastSyncAt DESC LIMIT 1")
        }) {
            cursor.pushedSeq = byFile["pushedSeq"]
            cursor.pulledSeq = byFile["pulledSeq"]
        }
        return cursor
    }

    func save(_ cursor: Cursor) throws {
        try Self.save(cursor, in: database)
    }

    static func save(_ cursor: Cursor, in database: ShopDatabase) throws {
        try database.writeLocal { db in
            try db.execute(sql: """
                INSERT INTO sync_peer (hub, pushedSeq, pulledSeq, lastSyncAt, lastResult) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (hub) DO UPDATE SET pushedSeq = excluded.pushedSeq, pulledSeq = excluded.pulledSeq,
                    lastSyncAt = excluded.lastSyncAt, lastResult = excluded.lastResult
                """, arguments: [cursor.hub, cursor.pushedSeq, cursor.pulledSeq,
                                 cursor.lastSyncAt.map { Int64($0.timeIntervalSince1970 * 1000) }, cursor.lastResult])
        }
    }

    /// A number that moves whenever any process writes: the journal's last sequence and the sync
    /// cursors (the desk redraws when it changes).
    public static func changeMark(_ db: Database) throws -> Int64 {
        let cursors = try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(pushedSeq + pulledSeq), 0) FROM sync_peer") ?? 0
        return try JournalQueries.lastSeq(db) * 1000 + cursors % 1000
    }

    /// What `sync status` shows: the ops not yet acknowledged by the hub, and the last sync.
    /// Counted in SQL: the desk's header asks on every redraw, so the ops are not read. `hub`
    /// picks that hub's cursor (what a sync with it would push); by default the last one synced with.
    public static func status(_ database: ShopDatabase, hub: String? = nil) throws -> (pending: Int, cursor: Cursor) {
        let cursor = try cursor(database, hub: hub)
        let pending = try database.read { db in try JournalQueries.count(db, device: database.deviceID, after: cursor.pushedSeq) }
        return (pending, cursor)
    }

    /// The ops waiting to be pushed, by kind, most first: what the desk's sync screen lists.
    public static func pendingKinds(_ database: ShopDatabase, hub: String? = nil) throws -> [(kind: String, count: Int)] {
        let cursor = try cursor(database, hub: hub)
        return try database.read { db in try JournalQueries.kinds(db, device: database.deviceID, after: cursor.pushedSeq) }
    }
}

/// The hub in the same process (the demo, tests): the same service the daemon's routes call.
public struct LocalHubTransport: HubTransport {
    public let hub: HubService
    public let token: String

    public init(hub: HubService, token: String) {
        self.hub = hub
        self.token = token
    }

    public func push(_ request: SyncProtocol.PushRequest) async throws -> SyncProtocol.PushResponse {
        try hub.push(token: token, body: try SyncProtocol.encoder().encode(request))
    }

    public func pull(after: Int64, limit: Int, device: DeviceID) async throws -> SyncProtocol.PullResponse {
        try hub.pull(token: token, after: after, limit: limit, device: device)
    }
}

/// HTTP to `zhangguid`, with the device token as `Authorization: Bearer …`.
public struct HTTPTransport: HubTransport {
    public let base: URL
    public let token: String

    public init(base: URL, token: String) {
        self.base = base
        self.token = token
    }

    public func push(_ request: SyncProtocol.PushRequest) async throws -> SyncProtocol.PushResponse {
        var http = URLRequest(url: base.appendingPathComponent("v1/ops"))
        http.httpMethod = "POST"
        http.httpBody = try SyncProtocol.encoder().encode(request)
        http.setValue("application/json", forHTTPHeaderField: "Content-Type")
        return try await send(http)
    }

    public func pull(after: Int64, limit: Int, device: DeviceID) async throws -> SyncProtocol.PullResponse {
        var components = URLComponents(url: base.appendingPathComponent("v1/ops"), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "after", value: String(after)), URLQueryItem(name: "limit", value: String(limit)),
                                 URLQueryItem(name: "device", value: device.rawValue)]
        return try await send(URLRequest(url: components.url!))
    }

    private func send<T: Decodable>(_ request: URLRequest) async throws -> T {
        var request = request
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.timeoutInterval = 30
        let (data, response): (Data, URLResponse)
        do {
            (data, response) = try await withCheckedThrowingContinuation { continuation in
                URLSession.shared.dataTask(with: request) { data, response, error in
                    if let error { return continuation.resume(throwing: error) }
                    continuation.resume(returning: (data ?? Data(), response!))
                }.resume()
            }
        } catch {
            throw SyncError.hubUnreachable(error.localizedDescription)
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else {
            let body = try? JSONDecoder().decode(SyncProtocol.ErrorBody.self, from: data)
            throw SyncError.hubRefused(status: status, message: body?.message ?? String(decoding: data.prefix(200), as: UTF8.self))
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw SyncError.hubRefused(status: status, message: "unreadable answer")
        }
    }
}

extension SyncClient {
    /// `sync()` for a command-line program's main thread: waits for the round to finish.
    public func syncWaiting() throws -> Result {
        let box = ResultBox()
        let semaphore = DispatchSemaphore(value: 0)
        Task {
            do { box.set(.success(try await sync())) } catch { box.set(.failure(error)) }
            semaphore.signal()
        }
        semaphore.wait()
        return try box.get()
    }
}

/// Hands a result from a task to a waiting thread.
private final class ResultBox: Sendable {
    private let value = Mutex<Swift.Result<SyncClient.Result, any Error>?>(nil)

    func set(_ result: Swift.Result<SyncClient.Result, any Error>) { value.withLock { $0 = result } }
    func get() throws -> SyncClient.Result { try value.withLock { $0! }.get() }
}
