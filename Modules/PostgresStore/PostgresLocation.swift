import Foundation
import PostgresNIO

/// Where the hub's PostgreSQL store is: a `postgres://user[:password]@host[:port]/database` URL
/// (`postgresql://` too; `?sslmode=require` asks for TLS, anything else runs without it on the
/// loopback or a trusted network). The password never appears in a message.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var requireTLS: Bool

    /// Whether `text` names a PostgreSQL store rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(_ text: String) throws(PostgresStoreError) {
        guard Self.isURL(text), let parts = URLComponents(string: text) else { throw .badURL(Self.redacted(text)) }
        guard let host = parts.host, !host.isEmpty else { throw .badURL(Self.redacted(text)) }
        guard let user = parts.user, !user.isEmpty else { throw .badURL(Self.redacted(text)) }
        let database = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        guard !database.isEmpty, !database.contains("/") else { throw .badURL(Self.redacted(text)) }
        if let port = parts.port, !(1...65535).contains(port) { throw .badURL(Self.redacted(text)) }
        self.host = host
        self.port = parts.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        self.password = parts.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database.removingPercentEncoding ?? database
        self.requireTLS = parts.queryItems?.contains { $0.name == "sslmode" && $0.value == "require" } ?? false
    }

    /// The URL without its password: what messages show.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://"), scheme.upperBound < at else { return text }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }

    func configuration() throws -> PostgresConnection.Configuration {
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database,
            tls: requireTLS ? .require(try NIOSSLContext(configuration: .makeClientConfiguration())) : .disable)
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }
}
