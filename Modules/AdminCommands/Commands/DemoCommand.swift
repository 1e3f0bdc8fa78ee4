import ArgumentParser
import DemoShop
import Sync
import Foundation
import ShopDomain
import ShopActions
import Storage

struct DemoCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "demo",
            abstract: L("创建演示店铺（同一 --seed 结果相同）。", "Create a demo shop (the same --seed gives the same shop)."),
            discussion: L("默认写到正常的数据库位置；--replace 只会替换已有的演示店铺，不会动真实店铺。",
                          "Writes to the usual database path; --replace only ever replaces an existing demo shop, never a real one.")
        )
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp(L("随机种子", "Random seed"), valueName: "n"))
    var seed: UInt64 = 1

    @Flag(help: ArgumentHelp(L("替换已有的演示店铺", "Replace an existing demo shop")))
    var replace = false

    func run() throws {
        let path = global.databasePath
        let laptopPath = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("warehouse-laptop.sqlite")
        if replace, FileManager.default.fileExists(atPath: path) {
            let existing = try ShopDatabase.open(at: path, modules: ShopFeatures.all)
            guard try existing.read(CoreQueries.shop).name == DemoShop.shopName else { throw DemoError.notADemo(path: path) }
            for file in [path, laptopPath] {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
            }
        }
        if FileManager.default.fileExists(atPath: laptopPath) { throw StorageError.databaseExists(path: laptopPath) }
        let clock = try global.clock()
        let database = try DemoShop.create(at: path, seed: seed, modules: ShopFeatures.all, clock: clock)
        let laptop = try DemoLaptop.create(hub: database, at: laptopPath, modules: ShopFeatures.all, clock: clock)
        let staff = try database.read { db in try CoreQueries.staffList(db).count }
        if global.json {
            Output.json(["path": path, "staff": String(staff), "ops": String(try database.journalCount()),
                         "laptop": laptop.path, "laptopToken": laptop.token, "laptopPending": String(laptop.pending)])
            return
        }
        Output.line(L("演示店铺已建好：\(path)（\(staff) 位员工）", "The demo shop is ready: \(path) (\(staff) staff)"))
        Output.line(L("终端界面 zhanggui-tui：每个人的 PIN 都是 \(DemoShop.demoPIN)", "The terminal UI zhanggui-tui: everyone's PIN is \(DemoShop.demoPIN)"))
        Output.line(L("仓库笔记本：\(laptop.path)，有 \(laptop.pending) 条离线操作还没同步；令牌 \(laptop.token)",
                      "The warehouse laptop: \(laptop.path), \(laptop.pending) offline ops not yet synced; token \(laptop.token)"))
    }
}

enum DemoError: Error {
    case notADemo(path: String)
}

extension DemoError: ShopError {
    func message(in language: Language) -> String {
        switch self {
        case .notADemo(let path):
            language.pick(zh: "\(path) 是真实店铺，不是演示店铺：--replace 不会替换它，请换一个 --db 路径",
                          en: "\(path) holds a real shop, not a demo: --replace will not replace it; choose another --db path")
        }
    }
}
