import ArgumentParser
import Foundation
import Logistics
import Printing
import ShopDomain
import Storage

struct PickCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "pick", abstract: L("拣货单（WH-7）。", "Pick lists (WH-7)."), subcommands: [List.self])
    }
}

extension PickCommand {
    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L(
                "一个批次的拣货单：按款式、颜色、尺码汇总数量和库位，并列出要核对的备注、赠品、留言（WH-7）。",
                "A batch's pick list: quantities by style, colour and size with locations, and the remarks, gifts and messages to check (WH-7)."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("批次，如 20261130-01", "Batch, like 20261130-01"))) var batch: String
        @Option(help: ArgumentHelp(L("另存为可打印的 HTML", "Also write a printable HTML page"))) var out: String?

        func run() throws {
            let session = try Session(global)
            let (lines, flags) = try session.read { db in try ShippingQueries.pickList(db, batch: batch.trimmingWhitespace()) }
            let list = PickList(
                batch: batch, title: L("拣货单", "Pick list"), date: session.today.description,
                lines: lines.map { .init(style: $0.style, name: $0.name, colour: $0.colour, size: $0.size, quantity: $0.quantity,
                                         locations: $0.locations, orders: $0.orders) },
                flags: flags.map { flag in
                    let kind: PickList.FlagKind = switch flag.kind {
                    case .gift: .gift
                    case .buyerMessage: .buyerMessage
                    case .madeToOrder: .madeToOrder
                    case .remark, .unmatched: .remark
                    }
                    let text = flag.kind == .unmatched ? L("未对应商家编码：", "no SKU: ") + flag.text : flag.text
                    return .init(waybill: flag.waybill, order: flag.order, consignee: flag.consignee, kind: kind, text: text)
                })
            if let out { try PageFile.write(list.html(), to: out) }
            if global.json { return Output.json(PickJSON(lines: lines, flags: flags, total: list.total)) }
            var table = TextTable([.init(L("款号", "Style")), .init(L("品名", "Name")), .init(L("颜色", "Colour")), .init(L("尺码", "Size")),
                                   .init(L("数量", "Qty"), alignment: .right), .init(L("库位", "Locations")), .init(L("商家编码", "SKU"))])
            for group in list.groups {
                for line in group.lines {
                    let sku = lines.first { $0.style == line.style && $0.colour == line.colour && $0.size == line.size }?.sku ?? ""
                    table.append(line.style, line.name, line.colour, line.size, String(line.quantity), line.locations.joined(separator: " "), sku)
                }
                table.append(group.style, L("小计", "subtotal"), "", "", String(group.quantity), "", "")
            }
            Output.table(table)
            Output.line(L("合计 \(list.total) 件", "Total \(list.total) unit(s)"))
            for flag in list.flags {
                Output.line("! \(flag.waybill) \(flag.consignee) [\(Language.current.pick(zh: flag.kind.zh, en: flag.kind.en))] \(flag.text)")
            }
            let orders = try session.read { db in try ShippingQueries.waybills(db, batch: batch.trimmingWhitespace()).filter(\.live).map(\.order) }
            try BlacklistFlags.print(session, orders: Set(orders))
            if let out { Output.line(L("可打印拣货单：\(out)", "Printable pick list: \(out)")) }
        }
    }

    struct PickJSON: Encodable {
        var lines: [PickLine]
        var flags: [PickFlag]
        var total: Int
    }
}
