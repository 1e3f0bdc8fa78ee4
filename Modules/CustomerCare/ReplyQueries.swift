import Foundation
import GRDB
import ShopDomain

/// A canned reply (CS-1).
public struct CannedReply: Sendable, Equatable, Codable {
    public var reply: String
    public var title: String
    public var text: String
}

public enum ReplyQueries {
    /// The shop's standard texts, by title; `search` matches title or text.
    public static func list(_ db: Database, search: String? = nil) throws -> [CannedReply] {
        let key = search?.trimmingWhitespace() ?? ""
        return try Row.fetchAll(db, sql: """
            SELECT id, title, text FROM cs_reply WHERE ?1 = '' OR title LIKE '%' || ?1 || '%' OR text LIKE '%' || ?1 || '%' ORDER BY title, id
            """, arguments: [key]).map { CannedReply(reply: $0["id"], title: $0["title"], text: $0["text"]) }
    }
}
