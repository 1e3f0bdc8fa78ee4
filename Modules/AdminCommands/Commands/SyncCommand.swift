import ArgumentParser
import Foundation
import ShopDomain
import ShopActions
import Storage
import Sync

struct SyncCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "sync",
            abstract: L("与中心机同步：推送本机的新操作，拉取本机缺的操作。", "Sync with the hub: push this notebook's new ops, pull the ops it lacks."),
            subcommands: [Now.self, Status.self],
            defaultSubcommand: Now.self
        )
    }

    struct Now: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "now", abstract: L("同步一次（--watch：每隔几秒同步）。", "Sync once (--watch: every few seconds)."))
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("中心机地址", "The hub's address"), valueName: "url")) var hub: String?
        @Option(help: ArgumentHelp(L("设备令牌（或 ZHANGGUI_TOKEN）", "The device token (or ZHANGGUI_TOKEN)"))) var token: String?
        @Flag(help: ArgumentHelp(L("一直同步，直到按 Ctrl-C", "Keep syncing until Ctrl-C"))) var watch = false
        @Option(help: ArgumentHelp(L("--watch 的间隔秒数", "Seconds between rounds with --watch"))) var interval = 5

        func run() throws {
            let database = try global.open()
            let environment = ProcessInfo.processInfo.environment
            guard let hub = hub ?? environment["ZHANGGUI_HUB"] ?? (try? SyncClient.cursor(database).hub).flatMap({ $0.isEmpty ? nil : $0 }),
                  let url = URL(string: hub), url.scheme == "http" || url.scheme == "https" else {
                throw ValidationError(L("用 --hub http://主机:8765 给出中心机地址", "give the hub's address with --hub http://HOST:8765"))
            }
            guard let token = token ?? environment["ZHANGGUI_TOKEN"] else {
                throw ValidationError(L("用 --token 或 ZHANGGUI_TOKEN 给出设备令牌", "give the device token with --token or ZHANGGUI_TOKEN"))
            }
            let client = SyncClient(database: database, hub: hub, transport: HTTPTransport(base: url, token: token))
            repeat {
                do {
                    let result = try client.syncWaiting()
                    if global.json { Output.json(result) } else {
                        Output.line(L("已同步：推送 \(result.pushed) 条，拉取 \(result.pulled) 条，冲突 \(result.conflicts) 条",
                                      "Synced: pushed \(result.pushed), pulled \(result.pulled), conflicts \(result.conflicts)"))
                    }
                } catch let error as any ShopError where watch {
                    FileHandle.standardError.write(Data((L("错误：", "error: ") + error.message(in: .current) + "\n").utf8))
                }
                if watch { Thread.sleep(forTimeInterval: Double(max(1, interval))) }
            } while watch
        }
    }

    struct Status: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "status", abstract: L("待推送的操作和上次同步。", "Ops waiting to be pushed, and the last sync."))
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let database = try global.open()
            let (pending, cursor) = try SyncClient.status(database)
            if global.json { return Output.json(StatusJSON(pending: pending, cursor: cursor)) }
            Output.line(L("待推送：\(pending) 条", "Waiting to push: \(pending) ops"))
            Output.line(L("中心机：", "Hub: ") + (cursor.hub.isEmpty ? L("（从未同步）", "(never synced)") : cursor.hub))
            if !cursor.hub.isEmpty { Output.line(L("已拉取到中心第 \(cursor.pulledSeq) 条", "Pulled up to hub op \(cursor.pulledSeq)")) }
            if let at = cursor.lastSyncAt {
                let zone = (try? database.zone()) ?? (try! ShopZone(ShopZone.defaultIdentifier))
                Output.line(L("上次同步：", "Last sync: ") + zone.format(at) + "  " + (cursor.lastResult ?? ""))
            }
        }

        struct StatusJSON: Encodable {
            var pending: Int
            var cursor: SyncClient.Cursor
        }
    }
}
