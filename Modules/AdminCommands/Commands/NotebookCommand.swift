import ArgumentParser
import Foundation
import ShopDomain
import ShopActions
import Storage
import Sync

struct NotebookCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "notebook",
            abstract: L("离线笔记本：新建；用文件与中心机交换操作（两个方向）。", "Offline notebooks: create; exchange ops with the hub by file (both ways)."),
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
            let database = try ShopDatabase.createNotebook(at: global.databasePath, modules: ShopFeatures.all, clock: try global.clock())
            if global.json { return Output.json(["path": database.path, "device": database.deviceID.rawValue]) }
            Output.line(L("已新建笔记本 \(database.path)（设备 \(database.deviceID.short)）。下一步：zhanggui sync --hub http://中心机:8765 --token 令牌",
                          "Created the notebook \(database.path) (device \(database.deviceID.short)). Next: zhanggui sync --hub http://HUB:8765 --token TOKEN"))
        }
    }

    struct Export: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "export", abstract: L("把中心还没确认的本机操作写到文件（U 盘带去中心机）；在中心机加 --for 设备：把那台设备还没拉取的操作写到文件（带回笔记本电脑）。",
                                                                     "Write this notebook's ops the hub has not acknowledged to a file (carry it to the hub); at the hub with --for DEVICE: the ops that device has not pulled (carry them back)."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("文件", "File"))) var file: String
        @Option(name: .customLong("for"), help: ArgumentHelp(L("在中心机：为这台已登记的设备（名称或编号，见 device list）导出", "At the hub: export for this registered device (name or ID, as device list shows)"), valueName: "device"))
        var device: String?
        @Option(help: ArgumentHelp(L("从哪个序号之后导出（默认：中心已确认的之后；用 --for 时是中心序号，默认：中心所知它已拉取的之后）",
                                     "Export ops after this sequence number (default: after what the hub acknowledged; with --for a hub position, default: after what the hub knows the device has pulled)")))
        var after: Int64?

        func run() throws {
            let database = try global.open()
            if let device {
                let header = try HubFile.export(from: HubService(database: database), for: device, after: after, to: file)
                if global.json {
                    return Output.json(["file": file, "device": header.deviceName, "count": String(header.count), "first": String(header.first), "last": String(header.last)])
                }
                return Output.line(L("已为 \(header.deviceName) 导出 \(header.count) 条操作（中心序号 \(header.first)–\(header.last)）到 \(file)：带到那台电脑上运行 zhanggui notebook import \(file)",
                                     "Exported \(header.count) ops for \(header.deviceName) (hub positions \(header.first)–\(header.last)) to \(file): on that computer run zhanggui notebook import \(file)"))
            }
            let header = try NotebookFile.export(database, to: file, after: after)
            if global.json { return Output.json(["file": file, "count": String(header.count), "first": String(header.first), "last": String(header.last)]) }
            Output.line(L("已导出 \(header.count) 条操作（序号 \(header.first)–\(header.last)）到 \(file)", "Exported \(header.count) ops (seq \(header.first)–\(header.last)) to \(file)"))
        }
    }

    struct Import: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "import", abstract: L("在中心机导入笔记本文件（与网络同步同一路径）；在笔记本电脑上导入中心机为它导出的文件（与拉取同一路径）。",
                                                                     "Import a notebook file at the hub (the same apply path as HTTP); on a laptop, import the file the hub exported for it (the same path as a pull)."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("文件", "File"))) var file: String
        @Option(help: ArgumentHelp(L("在中心机：把这台从未同步过的已登记设备绑定到文件里的笔记本", "At the hub: bind this registered device, which has never synced, to the file's notebook"), valueName: "device"))
        var device: String?

        func run() throws {
            let database = try global.open()
            let json: ImportJSON
            let broken: SyncError?
            if HubFile.recognises(file) {
                guard device == nil else {
                    throw ValidationError(L("--device 只用于在中心机导入笔记本文件", "--device is only for notebook files imported at the hub"))
                }
                let result = try HubFile.importFile(file, into: database)
                let r = result.report
                json = ImportJSON(applied: r.applied, duplicates: r.duplicates, conflicts: r.conflicts, held: r.held.count,
                                  pulledSeq: result.pulledSeq, broken: result.broken?.message(in: .current))
                broken = result.broken
                if !global.json {
                    Output.line(L("从中心机的文件导入 \(r.applied) 条新操作，\(r.duplicates) 条已有，\(r.conflicts) 条冲突待处理；已拉取到中心第 \(result.pulledSeq) 条",
                                  "Imported \(r.applied) new ops from the hub's file, \(r.duplicates) already here, \(r.conflicts) conflicts to resolve; pulled up to hub op \(result.pulledSeq)"))
                }
            } else {
                let result = try NotebookFile.importFile(file, into: HubService(database: database), device: device)
                let r = result.response
                json = ImportJSON(applied: r.applied, duplicates: r.duplicates, conflicts: r.conflicts, held: r.held.count,
                                  broken: result.broken?.message(in: .current))
                broken = result.broken
                if !global.json {
                    Output.line(L("导入 \(r.applied) 条新操作，\(r.duplicates) 条已有，\(r.conflicts) 条冲突待处理",
                                  "Imported \(r.applied) new ops, \(r.duplicates) already here, \(r.conflicts) conflicts to resolve"))
                }
            }
            if global.json { Output.json(json) }
            if let broken {
                FileHandle.standardError.write(Data((L("错误：", "error: ") + broken.message(in: .current) + "\n").utf8))
                throw CommandFailure()
            }
        }

        struct ImportJSON: Encodable {
            var applied, duplicates, conflicts, held: Int
            /// The laptop's pull cursor after a hub file.
            var pulledSeq: Int64?
            var broken: String?
        }
    }
}
