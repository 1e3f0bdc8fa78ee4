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

    /// `--db`, else `ZHANGGUI_DB`, else `${XDG_DATA_HOME:-~/.local/share}/zhanggui/shop.sqlite`.
    var databasePath: String {
        let environment = ProcessInfo.processInfo.environment
        if let db, !db.isEmpty { return db }
        if let path = environment["ZHANGGUI_DB"], !path.isEmpty { return path }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (dataHome as NSString).appendingPathComponent("zhanggui/shop.sqlite")
    }

    var language: Language { Language.current }

    func clock() throws -> ShopClock {
        try ShopClock.from(environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the shop database with every module this program knows.
    func open() throws -> ShopDatabase {
        try ShopDatabase.open(at: databasePath, modules: ShopFeatures.all, clock: try clock())
    }
}

/// Who is acting, for commands that write.
struct ActorOption: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp(L("以哪位员工的身份操作（姓名或编号；默认 ZHANGGUI_STAFF）",
                                                            "Act as this staff member (name or ID; default ZHANGGUI_STAFF)"),
                                                          valueName: "staff"))
    var actor: String?

    /// The acting staff member: must exist; the database checks their roles.
    func resolve(in database: ShopDatabase) throws -> ShopDomain.Staff {
        let name = actor ?? ProcessInfo.processInfo.environment["ZHANGGUI_STAFF"]
        guard let name, !name.trimmingWhitespace().isEmpty else { throw StorageError.noActor }
        return try database.read { db in try CoreQueries.findStaff(db, name) }
    }
}

/// An open database with the shop's zone and today's date: what most commands start from.
struct Session {
    let database: ShopDatabase
    let zone: ShopZone
    let today: CivilDate

    init(_ global: GlobalOptions) throws {
        database = try global.open()
        zone = try database.zone()
        today = zone.day(of: database.clock.now())
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try database.read(body)
    }

    /// Applies one op as the acting staff member.
    @discardableResult
    func apply<P: OpPayload>(_ payload: P, as actor: ActorOption) throws -> Op {
        let me = try actor.resolve(in: database)
        return try database.apply(OpDraft(actor: me.id, payload))
    }

    func time(_ date: Date) -> String { zone.format(date) }
}
