import ArgumentParser
import Foundation
import ShopDomain
import ShopModules
import Storage
import Sync

struct NotebookCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "notebook",
            abstract: L("离线笔记本：新建、导出到文件、在中心机导入。", "Offline notebooks: create, export to a file, import at the hub."),
            subcommands: [Init.self, Export.self, Import.self]
        )
    }

    struct Init: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "init", abstract: L("在这台电脑上新建一个空笔记本；第一次同步会取回店铺的全部历史。",
                                                                   "Create an empty notebook on this computer; its first sync brings the shop's history."))
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let database = try ShopDatabase.createNotebook(at: global.databasePath, modules: ShopModules.all, clock: try global.clock())
            if global.json { return Output.json(["path": database.path, "device": database.deviceID.rawValue]) }
            Output.line(L("已新建笔记本 \(database.path)（设备 \(database.deviceID.short)）。下一步：zhanggui sync --hub http://中心机:8765 --token 令牌",
                          "Created the notebook \(database.path) (device \(database.deviceID.short)). Next: zhanggui sync --hub http://HUB:8765 --token TOKEN"))
        }
    }

    struct Export: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "export", abstract: L("把中心还没确认的本机操作写到文件（U 盘带去中心机）。",
                                                                     "Write this notebook's ops the hub has not acknowledged to a file (carry it to the hub)."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("文件", "File"))) var file: String
        @Option(help: ArgumentHelp(L("从哪个序号之后导出（默认：中心已确认的之后）", "Export ops after this sequence number (default: after what the hub acknowledged)"))) var after: Int64?

        func run() throws {
            let database = try global.open()
            let header = try NotebookFile.export(database, to: file, after: after)
            if global.json { return Output.json(["file": file, "count": String(header.count), "first": String(header.first), "last": String(header.last)]) }
            Output.line(L("已导出 \(header.count) 条操作（序号 \(header.first)–\(header.last)）到 \(file)", "Exported \(header.count) ops (seq \(header.first)–\(header.last)) to \(file)"))
        }
    }

    struct Import: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "import", abstract: L("在中心机导入笔记本文件（与网络同步同一路径）。", "Import a notebook file at the hub (the same apply path as HTTP)."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("文件", "File"))) var file: String

        func run() throws {
            let database = try global.open()
            let result = try NotebookFile.importFile(file, into: HubService(database: database))
            let r = result.response
            if global.json {
                Output.json(ImportJSON(applied: r.applied, duplicates: r.duplicates, conflicts: r.conflicts, held: r.held.count,
                                       broken: result.broken?.message(in: .current)))
            } else {
                Output.line(L("导入 \(r.applied) 条新操作，\(r.duplicates) 条已有，\(r.conflicts) 条冲突待处理",
                              "Imported \(r.applied) new ops, \(r.duplicates) already here, \(r.conflicts) conflicts to resolve"))
            }
            if let broken = result.broken {
                FileHandle.standardError.write(Data((L("错误：", "error: ") + broken.message(in: .current) + "\n").utf8))
                throw CommandFailure()
            }
        }

        struct ImportJSON: Encodable {
            var applied, duplicates, conflicts, held: Int
            var broken: String?
        }
    }
}
