import GRDB
import ShopDomain

/// What `journal rebuild` did.
public struct RebuildReport: Sendable {
    public var ops: Int
    public var tables: [String]
}

extension ShopDatabase {
    /// Empties every read table and replays the whole journal into them, in one transaction:
    /// if any op fails to replay, nothing changes and the op is named.
    @discardableResult
    public func rebuild() throws -> RebuildReport {
        let tables = registry.readTables
        try requireWritable()
        return try pool.write { db in
            // Children before parents, so foreign keys hold while emptying.
            for table in tables.reversed() {
                try db.execute(sql: "DELETE FROM \"\(table)\"")
            }
            if try db.tableExists("sqlite_sequence") {
                for table in tables {
                    try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = ?", arguments: [table])
                }
            }
            var count = 0
            var entries: [JournalEntry] = []
            try JournalEntry.forEach(db) { entries.append($0) }
            var actors = ActorCache()
            for entry in entries {
                do {
                    try replay(entry.op, into: db, actors: &actors)
                } catch {
                    throw RebuildError.replayFailed(entry.op.id, kind: entry.op.kind, reason: describe(error))
                }
                count += 1
            }
            return RebuildReport(ops: count, tables: tables)
        }
    }
}

public enum RebuildError: Error, Sendable, Equatable {
    case replayFailed(OpID, kind: String, reason: String)
}

extension RebuildError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .replayFailed(let id, let kind, let reason):
            JournalProblem.replayFailed(id, kind: kind, reason: reason).message(in: language)
                + language.pick(zh: "；数据未改动", en: "; nothing was changed")
        }
    }
}
