import PostgresNIO
import ShopDomain
import Storage

/// Every way the PostgreSQL store refuses, as one line that says what and what to do.
public enum PostgresStoreError: Error, Sendable, Equatable {
    /// Not a `postgres://user@host[:port]/database` URL.
    case badURL(String)
    /// The server cannot be reached or refused the login.
    case unreachable(String, reason: String)
    /// The database holds no Zhanggui store yet.
    case notInitialized(String)
    /// The database holds a store of another schema version.
    case otherSchema(String, found: String, expected: String)
    /// The database holds another hub's journal.
    case otherHub(String, found: String, expected: String)
    /// The server refused or failed a statement (the batch was not stored).
    case failed(String)

    static func from(_ error: any Error, at location: PostgresLocation) -> PostgresStoreError {
        if let error = error as? PostgresStoreError { return error }
        guard let psql = error as? PSQLError else { return .failed(String(describing: error)) }
        if let info = psql.serverInfo {
            let state = info[.sqlState] ?? ""
            let message = info[.message] ?? "server error"
            switch state {
            case "23505": return .failed("the store already holds that journal position or op (\(message)): is another hub writing to \(location)?")
            case "23503": return .failed("the op does not follow its device's previous op, or the journal position its predecessor, in the store (\(message))")
            case "28P01", "28000": return .unreachable(location.description, reason: message)
            case "3D000": return .unreachable(location.description, reason: message)
            default: return .failed("\(message) (\(state))")
            }
        }
        switch psql.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            let reason = psql.underlying.map { String(describing: $0) } ?? String(describing: psql.code)
            return .unreachable(location.description, reason: reason)
        default:
            return .failed(String(describing: psql.code))
        }
    }
}

extension PostgresStoreError: StoreOfRecordFailure {
    public func message(in language: Language) -> String {
        switch self {
        case .badURL(let text):
            language.pick(zh: "不是 PostgreSQL 地址：\(text)（应为 postgres://用户@主机[:端口]/数据库）",
                          en: "not a PostgreSQL URL: \(text) (expected postgres://user@host[:port]/database)")
        case .unreachable(let location, let reason):
            language.pick(zh: "连不上 PostgreSQL \(location)：\(reason)；检查服务器是否在运行、地址和用户是否正确",
                          en: "cannot reach PostgreSQL at \(location): \(reason); check that the server is running and the URL and user are right")
        case .notInitialized(let location):
            language.pick(zh: "\(location) 里还没有掌柜的中心存储：先运行 zhangguid store copy --from 店铺.sqlite --to \(location)",
                          en: "\(location) holds no Zhanggui store yet: run zhangguid store copy --from shop.sqlite --to \(location) first")
        case .otherSchema(let location, let found, let expected):
            language.pick(zh: "\(location) 的存储版本是 \(found)，本程序用的是 \(expected)：请用对应版本的 zhangguid",
                          en: "\(location) holds a store of schema \(found), this program uses \(expected): run the zhangguid that matches it")
        case .otherHub(let location, let found, let expected):
            language.pick(zh: "\(location) 存的是另一个中心（设备 \(found)）的日志，不是这个文件的（\(expected)）",
                          en: "\(location) holds the journal of another hub (device \(found)), not this file's (\(expected))")
        case .failed(let reason):
            language.pick(zh: "PostgreSQL 未能保存这一批，什么都没写入：\(reason)",
                          en: "PostgreSQL did not store the batch, nothing was written: \(reason)")
        }
    }
}
