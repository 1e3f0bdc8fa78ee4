import Foundation
import GRDB
import ShopDomain
import ShopActions
import Storage
import TerminalUI

/// What every screen has: the open shop, who is logged in, the language, the clock. Screens act
/// through the same action layer as the CLI (`ShopSession`).
public final class DeskContext {
    public let session: ShopSession
    public var database: ShopDatabase { session.database }
    public let language: Language
    public let zone: ShopZone
    public let shopName: String
    /// Set by the login screen.
    public internal(set) var me: Staff?
    /// The hub this terminal syncs with, when one is set (`--hub`, `--token`).
    public let hub: (url: String, token: String)?

    public init(database: ShopDatabase, language: Language, hub: (url: String, token: String)? = nil) throws {
        session = try ShopSession(database: database)
        self.language = language
        self.hub = hub
        zone = session.zone
        shopName = try database.read(CoreQueries.shop).name
    }

    public var now: Date { database.clock.now() }
    public var today: CivilDate { zone.day(of: now) }

    public func t(_ zh: String, _ en: String) -> String { language.pick(zh: zh, en: en) }

    public func time(_ date: Date) -> String { zone.format(date) }

    public func read<T>(_ body: (Database) throws -> T) throws -> T { try database.read(body) }

    /// Applies an op as the logged-in person: the same module code and rules as the CLI.
    @discardableResult
    public func apply<P: OpPayload>(_ payload: P) throws -> Op {
        guard let me else { throw StorageError.noActor }
        return try session.apply(payload, as: me)
    }

    public func can(_ permission: Permission) -> Bool {
        me?.roles.contains { $0.permissions.contains(permission) } ?? false
    }
}

/// A key and what it does, for the bottom bar and the help page.
public struct KeyHint: Sendable, Equatable {
    public var key: String
    public var text: String
    public init(_ key: String, _ text: String) {
        self.key = key
        self.text = text
    }
}

/// A line for the status row: what just happened, or why something was refused.
public struct Status: Sendable, Equatable {
    public enum Kind: Sendable { case info, ok, refused }
    public var text: String
    public var kind: Kind
    public init(_ text: String, _ kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}

/// What a screen asks the desk to do after a key.
public enum ScreenAction {
    case none
    case open(any Screen)
    case back
    case quit
    case status(Status)
    /// The login screen's success: go to the dashboard.
    case loggedIn
}

/// The rectangle a screen draws in (between the header and the status/bottom rows).
public struct Area: Sendable, Equatable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// One screen of the desk. Screens read through module queries and write through ops; they add
/// no rule of their own.
public protocol Screen: AnyObject {
    func title(_ ctx: DeskContext) -> String
    /// This screen's own keys, shown in the bottom bar after the global ones.
    func hints(_ ctx: DeskContext) -> [KeyHint]
    /// Reads what the screen shows; called on open, after each action, and when another process changed the shop.
    func reload(_ ctx: DeskContext) throws
    func draw(_ grid: inout CellGrid, _ area: Area, _ ctx: DeskContext)
    func handle(_ key: Key, _ ctx: DeskContext) throws -> ScreenAction
    /// While true, letters and digits go to the screen (a scan or PIN field) instead of switching screens.
    var capturesText: Bool { get }
}

extension Screen {
    public var capturesText: Bool { false }
}
