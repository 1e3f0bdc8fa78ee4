import GRDB
import ShopDomain
import Synchronization

/// What a feature gives the shop database: its migrations, the ops it understands and the
/// read tables those ops maintain. The CLI, TUI and daemon wire the same list of modules.
public struct ShopFeature: Sendable {
    public let name: String
    /// Append-only: never edit or reorder a migration once it has landed.
    public let migrations: [Migration]
    public let handlers: [OpHandler]
    /// Tables rebuilt from the journal (dropped and replayed by `journal rebuild`).
    public let readTables: [String]
    /// The read-only views other modules may read this feature's data through (names end in
    /// `_v`). Its tables are its own: no other module's SQL names them (issue 18; the
    /// `TableOwnershipTests` check it), so the feature can change its schema behind its views.
    public let publicViews: [String]
    /// Device-local tables: this file's own state, never journaled, never rebuilt, never synced
    /// (sync cursors, the hub's device tokens, PIN lockouts). Only these are written outside an
    /// op, through `ShopDatabase.writeLocal` (`TableOwnershipTests` checks every caller).
    public let localTables: [String]
    /// What this module has waiting, for the shift handover summary (HR-2): orders to print,
    /// alerts, conflicts …
    public let handoverFigures: @Sendable (Database) throws -> [HandoverFigure]

    public init(name: String, migrations: [Migration], handlers: [OpHandler], readTables: [String], publicViews: [String] = [],
                localTables: [String] = [],
                handoverFigures: @escaping @Sendable (Database) throws -> [HandoverFigure] = { _ in [] }) {
        self.name = name
        self.migrations = migrations
        self.handlers = handlers
        self.readTables = readTables
        self.publicViews = publicViews
        self.localTables = localTables
        self.handoverFigures = handoverFigures
    }

    public struct Migration: Sendable {
        public let identifier: String
        public let migrate: @Sendable (Database) throws -> Void

        public init(_ identifier: String, migrate: @escaping @Sendable (Database) throws -> Void) {
            self.identifier = identifier
            self.migrate = migrate
        }

        /// A migration that runs literal SQL.
        public init(_ identifier: String, sql: String) {
            self.init(identifier) { db in try db.execute(sql: sql) }
        }
    }
}

/// Who may make an op of a kind.
public enum Authorization: Sendable, Equatable {
    /// Any active staff member.
    case anyStaff
    /// An active staff member one of whose roles grants the permission.
    case permission(Permission)
    /// Only as the very first op of a shop (`shop.created`).
    case bootstrap
}

/// Validates one kind of op against the current read tables and updates them.
/// Runs inside the transaction that appends the op, and again, unchanged, on every rebuild.
public struct OpHandler: Sendable {
    public let kind: String
    public let version: Int
    public let authorization: Authorization
    /// Whether the op can change who may do what (a deactivation, a role change).
    public let affectsAuthorization: Bool
    /// A module acting on another module's op kind: runs after the owner, never authorizes.
    public let follows: Bool
    /// Whether the projection reads the `journal` table (a conflict resolution reads the parked
    /// op; a waybill void, the parked print it may settle). Journal rows are appended in groups
    /// (`JournalAppender`): before such a projection every row appended so far is written.
    public let readsJournal: Bool
    /// Projects an op; `value` is its typed payload when the op was just made here (no decoding).
    let project: @Sendable (Op, (any OpPayload)?, Database) throws -> Void

    public init<P: OpPayload>(
        _ type: P.Type,
        authorization: Authorization,
        affectsAuthorization: Bool = false,
        readsJournal: Bool = false,
        project: @escaping @Sendable (P, Op, Database) throws -> Void
    ) {
        self.kind = P.kind
        self.version = P.version
        self.authorization = authorization
        self.affectsAuthorization = affectsAuthorization
        self.follows = false
        self.readsJournal = readsJournal
        self.project = { op, value, db in
            try project(try (value as? P) ?? op.decode(P.self), op, db)
        }
    }

    /// A projection of another module's op kind (an order handed to the courier: Logistics owns
    /// it, Warehouse books the stock leaving). The owner's authorization applies.
    public static func following<P: OpPayload>(_ type: P.Type, readsJournal: Bool = false,
                                               project: @escaping @Sendable (P, Op, Database) throws -> Void) -> OpHandler {
        OpHandler(kind: P.kind, version: P.version, authorization: .anyStaff, affectsAuthorization: false, follows: true,
                  readsJournal: readsJournal) { op, value, db in
            try project(try (value as? P) ?? op.decode(P.self), op, db)
        }
    }

    init(kind: String, version: Int, authorization: Authorization, affectsAuthorization: Bool, follows: Bool = false,
         readsJournal: Bool = false, project: @escaping @Sendable (Op, (any OpPayload)?, Database) throws -> Void) {
        self.kind = kind
        self.version = version
        self.authorization = authorization
        self.affectsAuthorization = affectsAuthorization
        self.follows = follows
        self.readsJournal = readsJournal
        self.project = project
    }

    /// One op kind that several modules act on (an order shipped: a state change in one module,
    /// a stock movement in another). The owner (the first module registered that does not merely
    /// follow) decides who may make it; its projection runs first, then the followers' in module
    /// order, all in the same transaction.
    func followed(by other: OpHandler) -> OpHandler {
        let (first, second) = (project, other.project)
        return OpHandler(kind: kind, version: max(version, other.version), authorization: authorization,
                         affectsAuthorization: affectsAuthorization || other.affectsAuthorization, follows: follows && other.follows,
                         readsJournal: readsJournal || other.readsJournal) { op, value, db in
            try first(op, value, db)
            try second(op, value, db)
        }
    }
}

/// The modules of one program, indexed by op kind.
struct ModuleRegistry: Sendable {
    let modules: [ShopFeature]
    let handlers: [String: OpHandler]

    init(_ modules: [ShopFeature]) {
        let all = [CoreFeature.feature] + modules.filter { $0.name != CoreFeature.feature.name }
        self.modules = all
        var handlers: [String: OpHandler] = [:]
        let handlersInOrder = all.flatMap(\.handlers)
        for handler in handlersInOrder.filter({ !$0.follows }) + handlersInOrder.filter(\.follows) {
            handlers[handler.kind] = handlers[handler.kind].map { $0.followed(by: handler) } ?? handler
        }
        // A kind only followed, whose owner this program does not wire, is not known here.
        self.handlers = handlers.filter { !$0.value.follows }
        ConflictHandlers.register(handlers.values)
    }

    var readTables: [String] { modules.flatMap(\.readTables) }

    func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for module in modules {
            for migration in module.migrations {
                migrator.registerMigration(migration.identifier, migrate: migration.migrate)
            }
        }
        return migrator
    }
}

/// Every op handler any database in this process was opened with, by kind: a resolution that
/// applies a parked op looks its handler up here (handlers of a kind are the same everywhere).
enum ConflictHandlers {
    private static let known = Mutex<[String: OpHandler]>([:])

    static func register(_ handlers: some Sequence<OpHandler>) {
        known.withLock { table in
            for handler in handlers { table[handler.kind] = handler }
        }
    }

    static func lookup(_ kind: String, _ db: Database) -> OpHandler? {
        known.withLock { $0[kind] }
    }
}
