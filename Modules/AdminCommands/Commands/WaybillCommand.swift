import ArgumentParser
import Foundation
import GRDB
import Logistics
import ShopDomain
import Storage

struct WaybillCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "waybill",
            abstract: L("快递单：单号库存、批量打印（只打已付款订单）、补打、作废、平台发货文件（LOG-1、LOG-2、LOG-3、LOG-10）。",
                        "Waybills: number stock, batch printing (paid orders only), reprints, voids, the platform's shipping file (LOG-1, LOG-2, LOG-3, LOG-10)."),
            subcommands: [Stock.self, Print.self, Reprint.self, Void.self, List.self, Show.self, Export.self]
        )
    }
}

extension WaybillCommand {
    struct Stock: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "stock", abstract: L("本设备持有的快递单号段。", "Waybill number ranges held by this device."),
                                 subcommands: [Add.self, Show.self], defaultSubcommand: Show.self)
        }

        struct Add: ParsableCommand {
            static var configuration: CommandConfiguration {
                CommandConfiguration(commandName: "add", abstract: L("把一段单号分给本设备：两台设备永远不会持有同一个单号。", "Assign a range of numbers to this device: two devices never hold the same number."))
            }

            @OptionGroup var global: GlobalOptions
            @OptionGroup var actor: ActorOption
            @Option(help: ArgumentHelp(L("快递公司", "Courier"))) var courier: String
            @Option(help: ArgumentHelp(L("第一个单号", "The first number"))) var from: String
            @Option(help: ArgumentHelp(L("单号个数", "How many numbers"))) var count: String

            func run() throws {
                let count = try WholeNumber.parse(self.count, "--count", range: 1...InputLimits.labels)  // issue 19
                let session = try Session(global)
                let code = try Courier.parse(courier)
                let first = try WaybillNumber.parse(from)
                guard let (prefix, digits) = WaybillNumber.split(first), digits.count <= 18, let value = Int64(digits) else {
                    throw ValidationError(L("--from 应为字母前缀加数字，如 73100000000001 或 YT1000000000001", "--from must be an optional letter prefix and digits, like 73100000000001 or YT1000000000001"))
                }
                let last = WaybillStock.format(prefix, value + Int64(max(count, 1)) - 1, digits.count)
                let warnings = [first, last].filter { !code.matchesPattern($0) }
                try session.apply(WaybillStockAdded(courier: code, prefix: prefix, first: value, count: count, width: digits.count), as: actor)
                if global.json { return Output.json(["courier": code.code, "first": first, "last": last]) }
                Output.line(L("本设备持有 \(code.chineseName) \(first)–\(last)（\(count) 个）", "This device holds \(code.code) \(first)–\(last) (\(count) numbers)"))
                for number in warnings {
                    FileHandle.standardError.write(Data(L("提醒：\(number) 不符合 \(code.code) 公布的单号格式；真实单号常有例外，已照常登记\n",
                                                          "warning: \(number) does not follow \(code.code)'s published pattern; real numbers often don't, so it was recorded anyway\n").utf8))
                }
            }
        }

        struct Show: ParsableCommand {
            static var configuration: CommandConfiguration {
                CommandConfiguration(commandName: "show", abstract: L("本设备各快递公司的单号余量。", "Numbers left per courier on this device."))
            }

            @OptionGroup var global: GlobalOptions

            func run() throws {
                let session = try Session(global)
                let rows = try session.read { db in try PrintPlanner.stockLeft(db, device: session.database.deviceID) }
                struct Left: Encodable { var courier: String; var total: Int; var used: Int; var left: Int }
                if global.json { return Output.json(rows.map { Left(courier: $0.courier, total: $0.total, used: $0.used, left: $0.total - $0.used) }) }
                var table = TextTable([.init(L("快递", "Courier")), .init(L("号段", "Ranges"), alignment: .right), .init(L("总数", "Total"), alignment: .right),
                                       .init(L("已用", "Used"), alignment: .right), .init(L("剩余", "Left"), alignment: .right)])
                for row in rows { table.append(row.courier, String(row.ranges), String(row.total), String(row.used), String(row.total - row.used)) }
                Output.table(table)
            }
        }
    }

    struct Reprint: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "reprint", abstract: L("同一单号再打一张（卡纸、污损），记录原因。", "Print the same number again (jammed or smudged), with the reason recorded."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("快递单号", "Waybill"))) var waybill: String
        @Option(help: ArgumentHelp(L("原因", "Reason"))) var reason: String
        @Option(help: ArgumentHelp(L("面单 HTML 文件", "The label HTML file"))) var out: String

        func run() throws {
            let session = try Session(global)
            let number = try session.read { db in try ShippingQueries.waybill(db, waybill).waybill }
            try session.apply(WaybillReprinted(waybill: number, reason: reason), as: actor)
            let labels = try session.read { db in try ShippingQueries.labels(db, waybills: [number]) }
            try LabelOutput.write(labels, session: session, to: out, title: L("补打 \(number)", "Reprint \(number)"))
            if !global.json { Output.line(L("已补打 \(number) → \(out)", "Reprinted \(number) → \(out)")) }
        }
    }

    struct Void: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "void", abstract: L("作废快递单：订单可以重新打单。", "Void a waybill: its order may be printed again."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("快递单号", "Waybill"))) var waybill: String
        @Option(help: ArgumentHelp(L("原因", "Reason"))) var reason: String

        func run() throws {
            let session = try Session(global)
            let row = try session.read { db in try ShippingQueries.waybill(db, waybill) }
            try session.apply(WaybillVoided(waybill: row.waybill, reason: reason), as: actor)
            if !global.json { Output.line(L("\(row.waybill) 已作废；订单 \(row.order) 可重新打单", "\(row.waybill) is void; order \(row.order) may be printed again")) }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("列出快递单。", "List waybills."))
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("批次", "Batch"))) var batch: String?
        @Option(help: ArgumentHelp("printed | packed | handed-over")) var state: String?
        @Option(help: ArgumentHelp(L("快递公司", "Courier"))) var courier: String?

        func run() throws {
            let session = try Session(global)
            let code = try courier.map { try Courier.parse($0) }
            let rows = try session.read { db in try ShippingQueries.waybills(db, state: state, batch: batch, courier: code) }
            if global.json { return Output.json(rows) }
            var table = TextTable([.init(L("快递单", "Waybill")), .init(L("快递", "Courier")), .init(L("批次-序号", "Batch-seq")), .init(L("订单", "Order")),
                                   .init(L("收货人", "Consignee")), .init(L("状态", "State")), .init(L("打包人", "Packer"))])
            for row in rows {
                table.append(row.waybill, row.courier, "\(row.batch)-\(String(format: "%04d", row.seq))", row.order, row.consignee,
                             row.live ? OrderCommand.List.state(row.waybill, row.state) : L("已作废", "void"), row.packer ?? "")
            }
            Output.table(table)
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: L("一张快递单及其全部记录：打印、补打、打包、揽收、作废。", "One waybill and its history: printed, reprinted, packed, handed over, voided."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("快递单号", "Waybill"))) var waybill: String

        func run() throws {
            let session = try Session(global)
            let (row, events) = try session.read { db in
                let row = try ShippingQueries.waybill(db, waybill)
                return (row, try ShippingQueries.events(db, row.waybill))
            }
            if global.json { return Output.json(row) }
            Output.line("\(row.waybill)  \(row.courier)  \(L("订单", "order")) \(row.order)  \(row.consignee)")
            for event in events { Output.line("  \(session.time(event.at))  \(event.kind)  \(event.detail ?? "")  \(event.actor)") }
        }
    }

    struct Export: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "export", abstract: L("导出平台批量发货文件：订单编号、物流公司、运单号（LOG-3）。", "Export the platform's bulk-shipping file: order, courier, waybill (LOG-3)."))
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("只导出某批次", "Only this batch"))) var batch: String?
        @Option(help: ArgumentHelp(L("输出 CSV 文件", "Output CSV file"))) var out: String

        func run() throws {
            let session = try Session(global)
            let rows = try session.read { db in try ShippingQueries.waybills(db, batch: batch, limit: 100_000) }.filter(\.live)
            try ShippingFile.write(rows, to: out)
            if !global.json { Output.line(L("已导出 \(rows.count) 条到 \(out)：在卖家中心“批量发货”上传", "Wrote \(rows.count) row(s) to \(out): upload it in the seller centre's bulk shipping")) }
        }
    }
}
