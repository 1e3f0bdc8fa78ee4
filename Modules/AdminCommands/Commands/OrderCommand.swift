import ArgumentParser
import Foundation
import GRDB
import Logistics
import ShopDomain
import Storage
import Warehouse

struct OrderCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "order",
            abstract: L("订单：从卖家中心导入，备注、读取、加货（CS-8）。", "Orders: import from the seller centre, notes, taking, add-ons (CS-8)."),
            subcommands: [Import.self, List.self, Show.self, Note.self, Take.self, AddItem.self, Unmatched.self, Map.self]
        )
    }
}

extension OrderCommand {
    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("列出订单（最新的在前）。", "List orders, newest first."))
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("只看某状态：awaiting-payment、paid、shipped、completed、closed", "Only this status: awaiting-payment, paid, shipped, completed, closed")))
        var status: String?
        @Flag(help: ArgumentHelp(L("只看已付款还没打单的", "Only paid orders without a waybill"))) var unprinted = false
        @Option(help: ArgumentHelp(L("最多几条", "At most this many"))) var limit = 200

        func run() throws {
            let session = try Session(global)
            let filter = try status.map { text in
                guard let status = OrderStatus(rawValue: text) else { throw ValidationError(L("不认识的状态 \(text)", "unknown status \(text)")) }
                return status
            }
            let orders = try session.read { db in try OrderQueries.list(db, status: filter, unprinted: unprinted, limit: limit) }
            if global.json { return Output.json(orders) }
            var table = TextTable([.init(L("订单编号", "Order")), .init(L("状态", "Status")), .init(L("收货人", "Consignee")),
                                   .init(L("件数", "Items"), alignment: .right), .init(L("金额", "Total"), alignment: .right),
                                   .init(L("快递单", "Waybill")), .init(L("已读取", "Taken by"))])
            for o in orders {
                table.append(o.order, o.status.name(in: .current) + (o.refunded ? L("（退款）", " (refund)") : ""), o.consignee, String(o.items),
                             o.total.description, o.waybill.map { "\($0) \(Self.state($0, o.parcelState))" } ?? "", o.takenBy ?? "")
            }
            Output.table(table)
            Output.line(L("共 \(orders.count) 单", "\(orders.count) order(s)"))
            try BlacklistFlags.print(session, orders: orders.map(\.order))
        }

        static func state(_ waybill: String, _ state: String?) -> String {
            switch state {
            case "printed": L("已打单", "printed")
            case "packed": L("已打包", "packed")
            case "handed-over": L("已揽收", "handed over")
            default: ""
            }
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: L("一张订单：商品行、备注、已读取、快递单。", "One order: lines, notes, who took it, waybills."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("订单编号（或末尾至少 4 位）", "Order number (or its last 4+ digits)"))) var order: String

        func run() throws {
            let session = try Session(global)
            let detail = try session.read { db in try OrderQueries.detail(db, OrderQueries.find(db, order)) }
            if global.json { return Output.json(detail) }
            let s = detail.summary
            Output.line("\(s.order)  \(s.status.name(in: .current))\(detail.closeReason.map { "（\($0)）" } ?? "")")
            Output.line(L("买家：", "Buyer: ") + (s.buyer ?? "—") + L("  收货人：", "  Consignee: ") + s.consignee + " " + (detail.phone ?? ""))
            try BlacklistFlags.print(session, orders: [s.order])
            Output.line(L("地址：", "Address: ") + detail.address + (detail.postcode.map { " (\($0))" } ?? ""))
            Output.line(L("金额：", "Total: ") + s.total.description + L("，邮费 ", ", postage ") + detail.postage.description
                        + (detail.extraPostage > .zero ? L("，补邮费 ", ", extra postage ") + detail.extraPostage.description : ""))
            if let message = detail.buyerMessage { Output.line(L("买家留言：", "Buyer's message: ") + message) }
            if let remark = detail.sellerRemark { Output.line(L("卖家备注：", "Seller's remark: ") + remark) }
            Output.line(L("已读取：", "Taken by: ") + (s.takenBy ?? L("未读取", "not taken")))
            var table = TextTable([.init("#", alignment: .right), .init(L("商品", "Item")), .init(L("属性", "Attributes")),
                                   .init(L("数量", "Qty"), alignment: .right), .init(L("单价", "Price"), alignment: .right), .init(L("商家编码", "SKU"))])
            for line in detail.lines {
                table.append(String(line.line), line.title, line.attributes, String(line.quantity), line.price.description,
                             line.sku ?? L("未对应", "unmatched"))
            }
            Output.table(table)
            for note in detail.notes { Output.line(L("备注 ", "Note ") + session.time(note.at) + " \(note.author)：\(note.text)") }
            for notice in detail.notices { Output.line(L("提醒：", "Notice: ") + notice) }
            if !detail.waybills.isEmpty { Output.line(L("快递单：", "Waybills: ") + detail.waybills.joined(separator: ", ")) }
        }
    }

    struct Note: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "note", abstract: L("给订单写备注（CS-5、CS-8）。", "Write an order note (CS-5, CS-8)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("订单编号", "Order"))) var order: String
        @Argument(help: ArgumentHelp(L("备注内容", "The note"))) var text: String

        func run() throws {
            let session = try Session(global)
            let id = try session.read { db in try OrderQueries.find(db, order) }
            try session.apply(OrderNoted(order: id, text: text), as: actor)
            if !global.json { Output.line(L("已备注订单 \(id.rawValue)", "Noted order \(id.rawValue)")) }
        }
    }

    struct Take: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "take", abstract: L("标记订单为“已读取”：由我处理（CS-8）。", "Mark an order 已读取: I am handling it (CS-8)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("订单编号", "Order"))) var order: String

        func run() throws {
            let session = try Session(global)
            let id = try session.read { db in try OrderQueries.find(db, order) }
            try session.apply(OrderTaken(order: id), as: actor)
            if !global.json { Output.line(L("订单 \(id.rawValue) 已读取", "Order \(id.rawValue) taken")) }
        }
    }

    struct AddItem: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "add-item", abstract: L("顾客加货（CS-8）：已读取的订单须补邮费；未读取的直接加并通知做单客服。",
                                                                   "Add an item for the customer (CS-8): a taken order needs extra postage; an untaken one gets it and its agent is told."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("订单编号", "Order"))) var order: String
        @Argument(help: ArgumentHelp(L("商家编码或条码", "SKU code or barcode"))) var sku: String
        @Option(help: ArgumentHelp(L("数量", "Quantity"))) var quantity = "1"
        @Option(help: ArgumentHelp(L("单价（默认商品售价）", "Unit price (default: the product's price)"))) var price: String?
        @Option(help: ArgumentHelp(L("顾客补的邮费（已读取的订单必填）", "Extra postage the customer pays (needed on a taken order)"))) var extraPostage: String?

        func run() throws {
            let quantity = try WholeNumber.quantity(self.quantity, "--quantity")  // issue 19: before anything is read
            let price = try self.price.map { try money($0, "--price") }
            let extra = try extraPostage.map { try money($0, "--extra-postage") }
            let session = try Session(global)
            let (id, code, name, listPrice) = try session.read { db in
                let code = try WarehouseQueries.findProduct(db, sku)
                let product = try WarehouseQueries.nameAndPrice(db, code)
                return (try OrderQueries.find(db, order), code, product.name, product.price)
            }
            let unit = price ?? listPrice
            try session.apply(OrderItemAdded(order: id, sku: code, title: name, quantity: quantity, price: unit, extraPostage: extra), as: actor)
            if !global.json { Output.line(L("订单 \(id.rawValue) 加了 \(quantity) 件 \(code.rawValue)", "Added \(quantity) × \(code.rawValue) to order \(id.rawValue)")) }
        }
    }

    struct Unmatched: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "unmatched", abstract: L("列出还没对应商家编码的订单行。", "List order lines no SKU matched."))
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session(global)
            let lines = try session.read(OrderQueries.unmatched)
            if global.json { return Output.json(lines) }
            var table = TextTable([.init(L("标题", "Title")), .init(L("属性", "Attributes")), .init(L("订单数", "Orders"), alignment: .right),
                                   .init(L("件数", "Units"), alignment: .right)])
            for line in lines { table.append(line.title, line.attributes, String(line.orders), String(line.units)) }
            Output.table(table)
            if !lines.isEmpty {
                Output.line(L("对应：zhanggui order map \"标题\" --attributes \"属性\" --sku 商家编码（记住，下次导入自动对应）",
                              "Map: zhanggui order map \"TITLE\" --attributes \"ATTRIBUTES\" --sku SKU (remembered for later imports)"))
            }
        }
    }

    struct Map: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "map", abstract: L("把标题 + 属性对应到商家编码，并记住。", "Map a title + attributes to a SKU, and remember it."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("宝贝标题", "Item title"))) var title: String
        @Option(help: ArgumentHelp(L("商品属性，如 颜色分类：白色;尺码：XL", "Attributes, e.g. 颜色分类：白色;尺码：XL"))) var attributes = ""
        @Option(help: ArgumentHelp(L("商家编码或条码", "SKU code or barcode"))) var sku: String

        func run() throws {
            let session = try Session(global)
            let code = try session.read { db in try WarehouseQueries.findProduct(db, sku) }
            try session.apply(SKUMappingSet(key: OrderLine.matchKey(title: title, attributes: attributes), sku: code), as: actor)
            if !global.json { Output.line(L("已对应到 \(code.rawValue)", "Mapped to \(code.rawValue)")) }
        }
    }
}
