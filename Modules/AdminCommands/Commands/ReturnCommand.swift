import ArgumentParser
import CustomerCare
import Foundation
import Logistics
import ShopDomain
import Storage

struct ReturnCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "return",
            abstract: L("退换货单（CS-6、CS-12）：登记、验收入库（WH-1）、完结（换货生成补发订单）。",
                        "Returns and exchanges (CS-6, CS-12): open, receive through inspection (WH-1), close (an exchange ships a replacement order)."),
            subcommands: [Open.self, List.self, Show.self, Receive.self, Close.self]
        )
    }

    static func lines(_ texts: [String]) throws -> [ReturnLine] {
        try texts.map { text in
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
            guard parts.count <= 2, let sku = parts.first, !sku.isEmpty else {
                throw ValidationError(L("商品写成 SKU:数量，如 T1-WH-M:1", "write a line as SKU:QTY, like T1-WH-M:1"))
            }
            // Issue 19: the quantity as every other option reads it, against `InputLimits.quantity`
            // (`Int(…)` took `-1` and nine digits to the handler, and an empty one as a usage mistake).
            let quantity = parts.count == 2 ? try WholeNumber.quantity(parts[1], L("数量", "quantity")) : 1
            return ReturnLine(sku: SKU(rawValue: sku), quantity: quantity)
        }
    }
}

extension ReturnCommand {
    struct Open: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "open", abstract: L("登记退货或换货。", "Open a return or an exchange."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("订单编号", "Order number"))) var order: String
        @Option(help: ArgumentHelp("refund|exchange")) var kind: String = "refund"
        @Option(name: .customLong("line"), help: ArgumentHelp(L("退回的商品 SKU:数量（可多次；默认整单）", "SKU:QTY returned (repeatable; default the whole order)"))) var lines: [String] = []
        @Option(help: ArgumentHelp(L("退换原因", "Reason"))) var reason: String
        @Option(help: ArgumentHelp(L("买家寄回的快递单号", "The buyer's return waybill number"))) var waybill: String?

        func run() throws {
            guard let kind = ReturnKind(rawValue: kind) else { throw ValidationError(L("--kind 只能是 refund 或 exchange", "--kind is refund or exchange")) }
            let session = try Session(global)
            let orderID = try session.order(order)
            var returned = try ReturnCommand.lines(lines)
            if returned.isEmpty {
                returned = try session.read { try OrderQueries.detail($0, orderID) }.lines.compactMap { line in
                    line.sku.map { ReturnLine(sku: SKU(rawValue: $0), quantity: line.quantity) }
                }
            }
            let id = ShortID.make("TH", day: session.today, ids: .random)
            try session.apply(ReturnOpened(returnID: id, order: orderID, kind: kind, lines: returned, reason: reason, waybill: waybill), as: actor)
            Output.line(L("已登记\(kind.name(in: .zh))单 \(id)", "\(kind.name(in: .en)) \(id) opened"))
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("退换货单，未完结的在前。", "Returns, open ones first."))
        }
        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(L("只看未完结的", "Only open ones"))) var open = false

        func run() throws {
            let session = try Session(global)
            let returns = try session.read { try ReturnQueries.list($0, openOnly: open) }
            if global.json { return Output.json(returns) }
            var table = TextTable([.init(L("编号", "ID")), .init(L("订单", "Order")), .init(L("买家", "Buyer")), .init(L("类型", "Kind")),
                                   .init(L("状态", "State")), .init(L("原因", "Reason")), .init(L("件数", "Units"), alignment: .right)])
            for r in returns {
                table.append(r.returnID, r.order, r.buyer ?? "", r.kind.name(in: .current), Self.state(r.state), r.reason,
                             String(r.lines.map(\.quantity).reduce(0, +)))
            }
            Output.table(table)
        }

        static func state(_ state: String) -> String {
            switch state {
            case "opened": L("待收货", "awaiting goods")
            case "received": L("已验收", "received")
            case "closed": L("已完结", "closed")
            default: state
            }
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: L("一张退换货单。", "One return."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("编号", "ID"))) var id: String

        func run() throws {
            let session = try Session(global)
            let r = try session.read { try ReturnQueries.find($0, id) }
            if global.json { return Output.json(r) }
            Output.line("\(r.returnID)  \(r.kind.name(in: .current))  \(List.state(r.state))  \(r.order)  \(r.buyer ?? "")")
            Output.line(L("原因：", "Reason: ") + r.reason + (r.waybill.map { L("  寄回单号：", "  return waybill: ") + $0 } ?? ""))
            var table = TextTable([.init("SKU"), .init(L("退回", "Returned"), alignment: .right), .init(L("可售", "Sellable"), alignment: .right),
                                   .init(L("次品", "Defective"), alignment: .right)])
            for l in r.lines { table.append(l.sku, String(l.quantity), String(l.sellable), String(l.defective)) }
            Output.table(table)
            if let replacement = r.replacementOrder { Output.line(L("补发订单：", "Replacement order: ") + replacement) }
            if let refund = r.refund { Output.line(L("退款：", "Refund: ") + refund.description) }
        }
    }

    struct Receive: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "receive", abstract: L("收到退回的货并验收（WH-1）：可售的入可售库位，坏的入次品库位，经仓库的收货单入账。",
                                                                     "Receive the goods and inspect them (WH-1): sellable into stock, damaged into defective stock, booked by a warehouse receipt."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("编号", "ID"))) var id: String
        @Option(name: .customLong("defective"), help: ArgumentHelp(L("验为次品的 SKU:数量（可多次；其余可售）", "SKU:QTY found defective (repeatable; the rest is sellable)"))) var defective: [String] = []
        @Option(help: ArgumentHelp(L("可售品入哪个库位（默认该类目的默认区）", "Sellable goods go to (default the category's home zone)"))) var to: String?
        @Option(name: .customLong("defective-to"), help: ArgumentHelp(L("次品入哪个库位（次品类库位）", "Defective goods go to (a defective location)"))) var defectiveTo: String?

        func run() throws {
            let session = try Session(global)
            let record = try session.read { try ReturnQueries.find($0, id) }
            let bad = try ReturnCommand.lines(defective)
            if !bad.isEmpty, defectiveTo == nil {
                throw ValidationError(L("有次品时须写 --defective-to 次品库位", "with defective goods, give --defective-to LOCATION"))
            }
            var badBySKU: [String: Int] = [:]
            for line in bad { badBySKU[line.sku.rawValue, default: 0] += line.quantity }
            let sellable = record.lines.compactMap { line -> ReturnLine? in
                let good = line.quantity - (badBySKU[line.sku] ?? 0)
                return good > 0 ? ReturnLine(sku: SKU(rawValue: line.sku), quantity: good) : nil
            }
            let me = try actor.resolve(in: session)
            var drafts: [OpDraft] = [], receipts: [String] = []
            // WH-1: the stock is booked by the warehouse's own receipt ops, one per destination.
            for (suffix, lines, location) in [("S", sellable, to), ("D", bad, defectiveTo)] where !lines.isEmpty {
                let receipt = "\(id)-\(suffix)"
                receipts.append(receipt)
                drafts.append(OpDraft(actor: me.id, ReceiptCreated(receipt: receipt, vendor: L("退货 ", "return ") + id, lines: lines.map {
                    .init(sku: $0.sku, expected: $0.quantity, location: location.map(LocationCode.init(rawValue:)))
                })))
                for line in lines {
                    drafts.append(OpDraft(actor: me.id, ReceiptInspected(receipt: receipt, sku: line.sku, accepted: line.quantity, rejected: 0)))
                }
                drafts.append(OpDraft(actor: me.id, ReceiptPosted(receipt: receipt)))
            }
            drafts.append(OpDraft(actor: me.id, ReturnReceived(returnID: id, sellable: sellable, defective: bad,
                                                               receipt: receipts.joined(separator: ","))))
            try session.database.apply(drafts)
            Output.line(L("退换货单 \(id) 已验收入库：可售 \(sellable.map(\.quantity).reduce(0, +)) 件，次品 \(bad.map(\.quantity).reduce(0, +)) 件",
                          "return \(id) received: \(sellable.map(\.quantity).reduce(0, +)) sellable, \(bad.map(\.quantity).reduce(0, +)) defective"))
        }
    }

    struct Close: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "close", abstract: L("完结：退款金额；换货则生成补发订单，照常打单、配货、打包。",
                                                                   "Close: the refund; an exchange makes a replacement order that is printed, picked and packed like any."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("编号", "ID"))) var id: String
        @Option(help: ArgumentHelp(L("退款金额（元）", "Refund (yuan)"))) var refund: String = "0"
        @Option(name: .customLong("send"), help: ArgumentHelp(L("换货补发的 SKU:数量（可多次；默认与退回的相同）", "SKU:QTY to send in exchange (repeatable; default what came back)"))) var send: [String] = []
        @Option(help: ArgumentHelp(L("说明", "Note"))) var note: String?

        func run() throws {
            let amount = try Money.parse(refund)
            let session = try Session(global)
            let record = try session.read { try ReturnQueries.find($0, id) }
            let me = try actor.resolve(in: session)
            var drafts: [OpDraft] = []
            var replacement: OrderID?
            if record.kind == .exchange {
                // CS-12: the replacement is an order like any other (Logistics' own op), so it
                // reserves stock and goes through waybill, pick and pack.
                let original = try session.read { try OrderQueries.detail($0, OrderID(rawValue: record.order)) }
                var lines = try ReturnCommand.lines(send)
                if lines.isEmpty { lines = record.lines.map { ReturnLine(sku: SKU(rawValue: $0.sku), quantity: $0.quantity) } }
                let order = OrderID(rawValue: "\(record.order)-\(id)")
                let now = session.database.clock.now().millis
                let snapshot = OrderSnapshot(
                    order: order, buyer: original.summary.buyer, status: .paid, closeReason: nil, refunded: false, goodsTotal: .zero, postage: .zero,
                    total: .zero, paid: .zero, buyerMessage: nil, consignee: original.summary.consignee, phone: original.phone, address: original.address,
                    postcode: original.postcode, createdAt: now, paidAt: now, sellerRemark: L("换货补发 ", "exchange for ") + id,
                    lines: lines.map { OrderLine(title: L("换货 ", "exchange ") + $0.sku.rawValue, attributes: "", colour: nil, size: nil,
                                                 quantity: $0.quantity, price: .zero, merchantCode: $0.sku.rawValue, sku: $0.sku) })
                drafts.append(OpDraft(actor: me.id, OrderImported(order: snapshot)))
                replacement = order
            }
            drafts.append(OpDraft(actor: me.id, ReturnClosed(returnID: id, refund: amount, replacementOrder: replacement, note: note)))
            try session.database.apply(drafts)
            Output.line(L("退换货单 \(id) 已完结", "return \(id) closed") + (replacement.map { L("；补发订单 \($0)", "; replacement order \($0)") } ?? ""))
        }
    }
}
