import Foundation
import GRDB
import ShopDomain
import Storage

/// The one way a front end acts on the shop (issue 18): the CLI's commands and the TUI's screens
/// open the shop, find who is acting and apply ops through this, so a rule about the file, the
/// actor or a default lives in one place and the two cannot drift.
public struct ShopSession: Sendable {
    public let database: ShopDatabase
    public let zone: ShopZone
    public let today: CivilDate

    /// Opens the shop file with every feature (`ShopFeatures.all`) and the clock the environment
    /// sets (`ZHANGGUI_NOW` fixes it for demos and tests). SQLite's `quick_check` runs first
    /// (issue 19): a damaged file is refused before anything reads or writes it.
    public init(path: String?, environment: [String: String] = ProcessInfo.processInfo.environment, checkIntegrity: Bool = true) throws {
        let database = try ShopDatabase.open(at: ShopFile.path(path, environment: environment), modules: ShopFeatures.all,
                                             clock: try ShopClock.from(environment: environment), checkIntegrity: checkIntegrity)
        try self.init(database: database)
    }

    /// A session on a database already open (tests, the desk's harness).
    public init(database: ShopDatabase) throws {
        self.database = database
        zone = try database.zone()
        today = zone.day(of: database.clock.now())
    }

    public var now: Date { database.clock.now() }

    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try database.read(body)
    }

    /// The acting staff member by name or ID (`--as`), else `ZHANGGUI_STAFF`: they must exist;
    /// `apply` checks their roles.
    public func actor(_ given: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Staff {
        let name = given ?? environment["ZHANGGUI_STAFF"]
        guard let name, !name.trimmingWhitespace().isEmpty else { throw StorageError.noActor }
        return try read { db in try CoreQueries.findStaff(db, name) }
    }

    /// A person logging in at a terminal with their PIN (the desk's login screen).
    public func login(_ staff: StaffID, pin: String) throws -> PINCheck.Outcome {
        try PINCheck.check(database, staff: staff, pin: pin)
    }

    /// Applies one op as `actor`: authorized, sealed and projected in one transaction.
    @discardableResult
    public func apply<P: OpPayload>(_ payload: P, as actor: Staff) throws -> Op {
        try database.apply(OpDraft(actor: actor.id, payload))
    }

    /// Whether `actor` may make ops of `payload`'s kind, by the handler's own rule, asked before
    /// work that comes first (reading a file, planning a batch): a refusal after an hour's import
    /// would waste the hour (issue 19).
    public func require<P: OpPayload>(_ payload: P.Type, of actor: Staff) throws {
        try database.authorize(actor.id, toMake: P.kind)
    }

    public func time(_ date: Date) -> String { zone.format(date) }
}
