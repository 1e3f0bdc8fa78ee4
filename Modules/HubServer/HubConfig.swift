import Foundation
import PostgresStore
import ShopActions
import ShopDomain
import TOMLKit

/// The daemon's settings, from flags, then the environment (`ZHANGGUID_DB`, `ZHANGGUID_LISTEN`,
/// `ZHANGGUID_LOG_LEVEL`, `ZHANGGUID_STORE`), then a TOML file (`--config`), then defaults — for the database, the
/// same shop file every program uses (`ShopFile`: `ZHANGGUI_DB`, else the XDG data folder).
public struct HubConfig: Sendable, Equatable {
    public var database: String
    public var host: String
    public var port: Int
    public var logLevel: String
    /// The store of record (`postgres://…`), nil for the SQLite file alone (docs/decisions/0011).
    public var store: String? = nil

    public static let defaultListen = "127.0.0.1:8765"

    /// Merges the sources; the first that gives a value wins.
    public static func resolve(db: String?, listen: String?, logLevel: String?, configFile: String?,
                               environment: [String: String], store: String? = nil) throws(HubConfigError) -> HubConfig {
        var file: [String: String] = [:]
        if let configFile {
            guard let text = try? String(contentsOfFile: configFile, encoding: .utf8) else { throw .unreadable(configFile) }
            do {
                let table = try TOMLTable(string: text)
                for key in ["db", "listen", "log_level", "store"] {
                    if let value = table[key]?.string { file[key] = value }
                }
            } catch {
                throw .badFile(configFile, String(describing: error))
            }
        }
        let database = [db, environment["ZHANGGUID_DB"], file["db"]].compactMap { $0 }.first { !$0.isEmpty }
            ?? ShopFile.path(nil, environment: environment)
        let listen = listen ?? environment["ZHANGGUID_LISTEN"] ?? file["listen"] ?? defaultListen
        let parts = listen.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]), (1...65535).contains(port), !parts[0].isEmpty else { throw .badListen(listen) }
        let level = logLevel ?? environment["ZHANGGUID_LOG_LEVEL"] ?? file["log_level"] ?? "info"
        let store = [store, environment["ZHANGGUID_STORE"], file["store"]].compactMap { $0 }.first { !$0.isEmpty }
        if let store, !PostgresLocation.isURL(store) { throw .badStore(store) }
        return HubConfig(database: database, host: String(parts[0]), port: port, logLevel: level, store: store)
    }
}

public enum HubConfigError: Error, Equatable, Sendable {
    case badListen(String)
    case unreadable(String)
    case badFile(String, String)
    case badStore(String)
}

extension HubConfigError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .badListen(let text):
            language.pick(zh: "监听地址“\(text)”应写成 主机:端口，例如 127.0.0.1:8765", en: "the listen address “\(text)” must be host:port, e.g. 127.0.0.1:8765")
        case .unreadable(let file):
            language.pick(zh: "读不了配置文件 \(file)", en: "cannot read the config file \(file)")
        case .badStore(let text):
            language.pick(zh: "中心存储“\(text)”应是 postgres://用户@主机[:端口]/数据库 地址",
                          en: "the store “\(text)” must be a postgres://user@host[:port]/database URL")
        case .badFile(let file, let why):
            language.pick(zh: "配置文件 \(file) 不是有效的 TOML：\(why)", en: "the config file \(file) is not valid TOML: \(why)")
        }
    }
}
