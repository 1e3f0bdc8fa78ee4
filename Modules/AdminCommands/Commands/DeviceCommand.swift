import ArgumentParser
import Foundation
import ShopDomain
import ShopActions
import Storage
import Sync

struct DeviceCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "device",
            abstract: L("中心机上登记的设备与令牌。", "Devices registered at the hub, and their tokens."),
            subcommands: [Register.self, List.self, Revoke.self, Incidents.self]
        )
    }

    struct Register: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "register", abstract: L("登记一台设备，令牌只显示这一次（只存哈希）。",
                                                                       "Register a device; its token is shown this once (only its hash is kept)."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("设备名，如 仓库笔记本", "A name, e.g. warehouse-laptop"))) var name: String

        func run() throws {
            let database = try global.open()
            let (device, token) = try DeviceRegistry(database).register(name: name)
            if global.json { return Output.json(["token": token, "id": device.id, "name": device.name]) }
            Output.line(L("已登记 \(device.name)（\(device.id)）。令牌（只显示这一次，请妥善保存）：", "Registered \(device.name) (\(device.id)). Its token (shown once, keep it safe):"))
            Output.line(token)
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("已登记的设备与同步情况。", "Registered devices and how they sync."))
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let database = try global.open()
            let devices = try DeviceRegistry(database).list()
            if global.json { return Output.json(devices) }
            let zone = try database.zone()
            var table = TextTable([.init(L("编号", "ID")), .init(L("名称", "Name")), .init(L("设备", "Notebook")), .init(L("状态", "Status")),
                                   .init(L("已推送", "Ops pushed"), alignment: .right),
                                   .init(L("已拉取到", "Pulled to"), alignment: .right), .init(L("最近同步", "Last seen"))])
            for d in devices {
                let status = d.quarantinedAt != nil ? L("已隔离", "QUARANTINED") : d.revokedAt != nil ? L("已吊销", "revoked") : L("正常", "active")
                table.append(d.id, d.name, d.deviceID.map { String($0.prefix(8)) } ?? L("（未同步）", "(not yet)"), status, String(d.opsPushed),
                             String(d.pulledSeq), d.lastSeenAt.map { zone.format($0) } ?? "")
            }
            Output.table(table)
        }
    }

    struct Revoke: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "revoke", abstract: L("吊销设备令牌：之后它的同步请求都被拒绝。", "Revoke a device's token: its sync requests are refused from then on."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("设备名或编号", "Device name or ID"))) var device: String

        func run() throws {
            let database = try global.open()
            let revoked = try DeviceRegistry(database).revoke(device)
            if !global.json { Output.line(L("已吊销 \(revoked.name)", "Revoked \(revoked.name)")) }
        }
    }

    struct Incidents: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "incidents", abstract: L("中心机记录的同步异常：时钟超前、复制的笔记本。",
                                                                        "What the hub flagged: clocks running ahead, copied notebooks."))
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let database = try global.open()
            let incidents = try HubService(database: database).incidents()
            if global.json { return Output.json(incidents) }
            let zone = try database.zone()
            var table = TextTable([.init(L("时间", "When")), .init(L("设备", "Device")), .init(L("类型", "Kind")),
                                   .init(L("操作", "Op")), .init(L("说明", "Detail"), maxWidth: 60)])
            for incident in incidents {
                table.append(zone.format(incident.at), incident.device.map { String($0.prefix(8)) } ?? "",
                             incident.kind == "cloned" ? L("复制的笔记本", "cloned notebook") : L("时钟超前", "clock ahead"),
                             incident.op ?? "", incident.detail)
            }
            Output.table(table)
        }
    }
}
