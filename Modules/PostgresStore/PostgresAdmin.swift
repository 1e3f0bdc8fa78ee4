import Foundation
import PostgresNIO
import ShopDomain

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
