import Foundation
import GRDB
import ShopDomain
import Synchronization

/// What a projection may ask about the op it is projecting, besides the read tables.
public enum ProjectionContext {
    /// Whether the op was made on this database (a local write) rather than merged from another
    /// notebook. A local write that breaks an invariant is refused; a merged one is recorded and
    /// flagged for a person (DESIGN.md, merging), because refusing it would lose data.
    public static func isLocal(_ op: Op, _ db: Database) throws -> Bool {
        if let cache = ProjectionCache.current(db) { return op.deviceID == cache.localDevice }
        let local = try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM device WHERE isLocal = 1"))
        return local == op.deviceID.rawValue
    }

    /// The shop day the op happened on, in the shop's zone.
    public static func day(of op: Op, _ db: Database) throws -> CivilDate {
        let zone = try zone(db)
        let millis = op.hlc.wallMillis
        guard let cache = ProjectionCache.current(db) else { return zone.day(of: Date(millis: millis)) }
        if let last = cache.lastDay, last.zone == zone.identifier, last.span.millis.contains(millis) { return last.span.day }
        let span = zone.daySpan(ofMillis: millis)
        cache.lastDay = (zone.identifier, span)
        return span.day
    }

    /// The shop's zone.
    public static func zone(_ db: Database) throws -> ShopZone {
        guard let cache = ProjectionCache.current(db) else { return try readZone(db) }
        if let zone = cache.zone { return zone }
        let zone = try readZone(db)
        cache.zone = zone
        return zone
    }

    private static func readZone(_ db: Database) throws -> ShopZone {
        let identifier = try String.fetchOne(db.cachedStatement(sql: "SELECT timezone FROM shop WHERE id = 1"))
            ?? ShopZone.defaultIdentifier
        return try zones.withLock { cache in
            if let zone = cache[identifier] { return zone }
            let zone = try ShopZone(identifier)
            cache[identifier] = zone
            return zone
        }
    }

    private static let zones = Mutex<[String: ShopZone]>([:])

    /// The value of a policy item in force on a day, read straight from `policy_change`.
    public static func policy(_ item: PolicyItem, on day: CivilDate, _ db: Database) throws -> PolicyValue {
        guard let cache = ProjectionCache.current(db) else { return try readPolicy(item, on: day, db) }
        let key = ProjectionCache.PolicyKey(item: item.id, day: day)
        if let value = cache.policies[key] { return value }
        let value = try readPolicy(item, on: day, db)
        cache.policies[key] = value
        return value
    }

    /// The module's memo for the merge or apply running on `db` (made empty the first time it is
    /// asked for), nil outside them. A memo holds what a module read from its read tables and would
    /// read again for the next op (a product's alert rule, a location's kind); it lasts until the
    /// transaction ends, a rollback, or `forget` — which every projection that changes what a memo was
    /// read from must call.
    public static func memo<Memo: MergeMemo>(_ type: Memo.Type, _ db: Database) -> Memo? {
        guard let cache = ProjectionCache.current(db) else { return nil }
        let key = ObjectIdentifier(type)
        if let memo = cache.memos[key] as? Memo { return memo }
        let memo = Memo()
        cache.memos[key] = memo
        return memo
    }

    /// After a projection wrote what a memo (or the zone, or a policy) was read from: the rest of
    /// the merge reads it again.
    public static func forget(_ db: Database) {
        ProjectionCache.forget(db)
    }

    private static func readPolicy(_ item: PolicyItem, on day: CivilDate, _ db: Database) throws -> PolicyValue {
        let text = try String.fetchOne(db.cachedStatement(sql: """
            SELECT value FROM policy_change WHERE key = ? AND effectiveFrom <= ? ORDER BY effectiveFrom DESC LIMIT 1
            """), arguments: [item.id, day.description])
        return text.flatMap { try? PolicyValue.parse($0, as: item.kind) } ?? item.defaultValue
    }
}

/// What a module remembers for the length of one merge or apply (`ProjectionContext.memo`).
public protocol MergeMemo: AnyObject {
    init()
}
