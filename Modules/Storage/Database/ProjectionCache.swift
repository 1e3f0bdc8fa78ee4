import GRDB
import ShopDomain

/// What `ProjectionContext` would otherwise look up again for every op of a merge or a batch of
/// local writes, kept for one transaction: `ShopDatabase.merge` and `ShopDatabase.apply` make one
/// inside their write and it ends with it. Outside them (rebuilds, queries) nothing is cached.
/// Each entry says what could make it stale, and the handlers that can forget it:
/// - the local device: the `device` table never changes once the database exists;
/// - the shop's zone: only `shop.created` writes the `shop` row, and its projection forgets;
/// - policy values per item and day: only `policy.set` writes `policy_change`, and its
///   projection forgets (so a `policy.set` earlier in the same batch is seen by later ops);
/// - the span of the last shop day asked about: a function of the zone, forgotten with it;
/// - each module's `MergeMemo` (`ProjectionContext.memo`): what the module derived from its own
///   read tables; the module's projections that write those tables call `ProjectionContext.forget`.
/// A merged op whose effect is rolled back (parked as a conflict) forgets everything, since what
/// it wrote and read is undone.
final class ProjectionCache: @unchecked Sendable {  // used only inside one write, on its thread
    /// The merge or apply in progress on this thread.
    @TaskLocal static var active: ProjectionCache?

    struct PolicyKey: Hashable {
        var item: String
        var day: CivilDate
    }

    let connection: ObjectIdentifier
    let localDevice: DeviceID
    var zone: ShopZone?
    var policies: [PolicyKey: PolicyValue] = [:]
    var lastDay: (zone: String, span: ShopZone.DaySpan)?
    /// Prepared statements by the identity of their `FastSQL`: GRDB's cache finds a statement by
    /// hashing its text, hundreds of bytes for some, several times an op. Statements never go stale
    /// (a merge changes no schema), and `forget` keeps them. Each entry holds its `FastSQL`, so no
    /// other object can take its identity while the cache lives.
    var statements: [ObjectIdentifier: (sql: FastSQL, statement: Statement)] = [:]
    /// Modules' memos by their type.
    var memos: [ObjectIdentifier: any MergeMemo] = [:]

    init(_ db: Database, localDevice: DeviceID) {
        connection = ObjectIdentifier(db)
        self.localDevice = localDevice
    }

    /// The cache of the merge or apply running on `db`, if one is.
    static func current(_ db: Database) -> ProjectionCache? {
        guard let cache = active, cache.connection == ObjectIdentifier(db) else { return nil }
        return cache
    }

    /// After a write to `shop` or `policy_change`, or a rollback.
    static func forget(_ db: Database) {
        guard let cache = current(db) else { return }
        cache.zone = nil
        cache.policies = [:]
        cache.lastDay = nil
        cache.memos = [:]
    }
}
