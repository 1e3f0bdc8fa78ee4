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

/// A `ShopDatabase.bulk` (an import's chunks, one `apply` each) hands the cache of one apply to
/// the next, so what the first chunk read — products' alert rules, the SKUs' figures, the
/// policies — is not read again by every chunk (issue 20: a catalogue as large as a chunk's lines
/// was read again whole, chunk after chunk). Only while nothing could have made it stale: the
/// next apply runs on the same connection, no other connection committed in between (`PRAGMA
/// data_version`), and this one changed no row outside the applies (`totalChangesCount`: a merge,
/// a local write). A write that throws or does not commit drops it.
final class CarriedProjection: @unchecked Sendable {  // used only inside one bulk, on its thread
    /// The bulk in progress on this thread.
    @TaskLocal static var active: CarriedProjection?

    /// The database the bulk runs on (its pool): another one's applies on the same thread (a
    /// second connection to the file) neither take nor leave anything here.
    private let owner: ObjectIdentifier
    private var cache: ProjectionCache?
    private var dataVersion: Int64 = 0
    private var changes = 0

    init(owner: AnyObject) {
        self.owner = ObjectIdentifier(owner)
    }

    /// The cache the last apply of `owner`'s bulk left, if still good for this transaction on
    /// `db`; else a new one.
    static func cache(for db: Database, of owner: AnyObject, localDevice: DeviceID) throws -> ProjectionCache {
        guard let carried = active, carried.owner == ObjectIdentifier(owner), let cache = carried.cache else {
            return ProjectionCache(db, localDevice: localDevice)
        }
        carried.cache = nil  // taken: kept again only by `keep`, after this apply's work
        guard cache.connection == ObjectIdentifier(db), db.totalChangesCount == carried.changes,
              try dataVersion(db) == carried.dataVersion else { return ProjectionCache(db, localDevice: localDevice) }
        return cache
    }

    /// After an apply's work, inside its transaction: kept for the next, unless the commit fails
    /// (`drop`). Another connection's commit after this point changes `data_version`; this
    /// connection's own commit does not.
    static func keep(_ cache: ProjectionCache, _ db: Database, of owner: AnyObject) throws {
        guard let carried = active, carried.owner == ObjectIdentifier(owner) else { return }
        carried.dataVersion = try dataVersion(db)
        carried.changes = db.totalChangesCount
        carried.cache = cache
    }

    /// The write failed or rolled back: what the cache learnt in it may be undone.
    static func drop(of owner: AnyObject) {
        guard let carried = active, carried.owner == ObjectIdentifier(owner) else { return }
        carried.cache = nil
    }

    private static func dataVersion(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? -1
    }
}
