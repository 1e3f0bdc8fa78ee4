import ArgumentParser
import Foundation
import ShopDomain
import GRDB
import ShopActions
import Storage

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(L("店铺数据库文件（默认 ZHANGGUI_DB 或 ~/.local/share/zhanggui/shop.sqlite）",
                                               "The shop database file (default ZHANGGUI_DB or ~/.local/share/zhanggui/shop.sqlite)"),
                                             valueName: "path"))
    var db: String?

    @Flag(name: .long, help: ArgumentHelp(L("输出 JSON", "Print JSON")))
    var json = false

    @Option(name: .long, help: ArgumentHelp(L("语言：zh 或 en（默认看 LANG）", "Language: zh or en (default from LANG)"), valueName: "zh|en"))
    var lang: String?

    func validate() throws {
        if let lang, Language(tag: lang) == nil {
            throw ValidationError(L("--lang 只能是 zh 或 en", "--lang must be zh or en"))
        }
    }

    /// `--db`, else `ZHANGGUI_DB`, else the default shop file (`ShopFile`).
    var databasePath: String { ShopFile.path(db) }

    var language: Language { Language.current }

    func clock() throws -> ShopClock {
        try ShopClock.from(environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the shop database with every feature this program knows. SQLite's `quick_check`
    /// runs first (issue 19): a damaged file is refused, never read from or written into.
    /// `journal verify` opens without it, to report the damage itself.
    func open(checkIntegrity: Bool = true) throws -> ShopDatabase {
        try ShopDatabase.open(at: databasePath, modules: ShopFeatures.all, clock: try clock(), checkIntegrity: checkIntegrity)
    }
}

/// Who is acting, for commands that write.
struct ActorOption: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp(L("以哪位员工的身份操作（姓名或编号；默认 ZHANGGUI_STAFF）",
                                                            "Act as this staff member (name or ID; default ZHANGGUI_STAFF)"),
                                                          valueName: "staff"))
    var actor: String?

    /// The acting staff member (the action layer's rule: `--as`, else `ZHANGGUI_STAFF`).
    func resolve(in session: ShopSession) throws -> ShopDomain.Staff {
        try session.actor(actor)
    }

    func resolve(in database: ShopDatabase) throws -> ShopDomain.Staff {
        try ShopSession(database: database).actor(actor)
    }
}

/// The commands act through the shared action layer (`ShopSession`, in ShopActions), as the
/// terminal UI does.
typealias Session = ShopSession

extension ShopSession {
    /// Opens the shop file the global options name (SQLite's `quick_check` first, unless
    /// `checkIntegrity` is false: the reports, pure reads, decision 0009).
    init(_ global: GlobalOptions, checkIntegrity: Bool = true) throws {
        try self.init(path: global.db, checkIntegrity: checkIntegrity)
    }

    /// Applies one op as the acting staff member.
    @discardableResult
    func apply<P: OpPayload>(_ payload: P, as actor: ActorOption) throws -> Op {
        try apply(payload, as: try actor.resolve(in: self))
    }

    /// The acting staff member, checked up front for the permission ops of `payload` need:
    /// for commands that do work (read a file, plan a batch) before they apply (issue 19).
    @discardableResult
    func require<P: OpPayload>(_ payload: P.Type, as actor: ActorOption) throws -> ShopDomain.Staff {
        let me = try actor.resolve(in: self)
        try require(payload, of: me)
        return me
    }
}
