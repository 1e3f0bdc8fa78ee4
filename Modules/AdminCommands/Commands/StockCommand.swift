import ArgumentParser
import Foundation
import ShopDomain
import Storage
import Warehouse

struct StockCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "stock",
            abstract: L("库存：每个库位的数量和背后的流水。", "Stock: quantities per location and the movements behind them."),
            subcommands: [List.self, Show.self, Move.self, Defective.self, Adjust.self, Threshold.self, Reorder.self, Recounts.self]
        )
    }
}

extension StockCommand {
    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("每个商品的可售、不可售、预留和可用数。", "Every product: sellable, unavailable, reserved and available."))
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("只看某类目", "Only one category"))) var category: String?
        @Flag(help: ArgumentHelp(L("只看低于库存线的", "Only those below their threshold"))) var low = false

        func run() throws {
            let session = try Session(global)
            let lines = try session.read { db in try WarehouseQueries.stockList(db, category: category, lowOnly: low, on: session.today) }
            if global.json { return Output.json(lines) }
            var table = TextTable([.init(L("商家编码", "SKU")), .init(L("名称", "Name"), maxWidth: 20), .init(L("颜色/尺码", "Colour/size")),
                                   .init(L("可售库位", "Sellable"), alignment: .right), .init(L("残次等", "Unavailable"), alignment: .right),
                                   .init(L("预留", "Reserved"), alignment: .right), .init(L("可用", "Available"), alignment: .right),
                                   .init(L("库存线", "Threshold"), alignment: .right), .init("")])
            for l in lines {
                table.append(l.sku, l.name, "\(l.colour)/\(l.size)", String(l.sellable), String(l.unavailable), String(l.reserved),
                             String(l.available), String(l.threshold), l.low ? L("低", "LOW") : "")
            }
            Output.table(table)
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: L("一个商品在各库位的数量和流水。", "One product's balance per location and its movements."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("商家编码或条码", "SKU code or barcode"), valueName: "sku")) var sku: String
        @Option(help: ArgumentHelp(L("最多显示几条流水", "Movements to show at most"))) var limit = 20

        func run() throws {
            let session = try Session(global)
            let detail = try session.read { db in
                try WarehouseQueries.stockDetail(db, sku: try WarehouseQueries.findProduct(db, sku), on: session.today, movements: limit)
            }
            if global.json { return Output.json(detail) }
            let l = detail.line
            Output.line("\(l.sku)  \(l.name)  \(l.colour)/\(l.size)")
            Output.line(L("可用 \(l.available) = 可售 \(l.sellable) − 预留 \(l.reserved)；残次等 \(l.unavailable)；库存线 \(l.threshold)",
                          "available \(l.available) = sellable \(l.sellable) − reserved \(l.reserved); unavailable \(l.unavailable); threshold \(l.threshold)"))
            var balances = TextTable([.init(L("库位", "Location")), .init(L("类型", "Kind")), .init(L("数量", "Quantity"), alignment: .right)])
            for b in detail.balances { balances.append(b.location, LocationKind(rawValue: b.kind)?.title(in: .current) ?? b.kind, String(b.quantity)) }
            Output.line("")
            Output.table(balances)
            var movements = TextTable([.init(L("时间", "Time")), .init(L("库位", "Location")), .init(L("变动", "Change"), alignment: .right),
                                       .init(L("类型", "Kind")), .init(L("单据", "Ref")), .init(L("原因", "Reason"), maxWidth: 24), .init(L("操作人", "By"))])
            for m in detail.movements {
                movements.append(session.time(m.at), m.location, m.delta > 0 ? "+\(m.delta)" : String(m.delta), m.kind, m.ref ?? "", m.reason ?? "", m.actor)
            }
            Output.line("")
            Output.table(movements)
        }
    }

    struct Move: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "move", abstract: L("移库。", "Move goods between locations."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("商家编码或条码", "SKU code or barcode"), valueName: "sku")) var sku: String
        @Option(help: ArgumentHelp(L("从哪个库位", "From location"))) var from: String
        @Option(help: ArgumentHelp(L("到哪个库位", "To location"))) var to: String
        @Option(help: ArgumentHelp(L("数量", "Quantity"))) var quantity: Int
        @Option(help: ArgumentHelp(L("备注", "Note"))) var reason: String?

        func run() throws {
            let session = try Session(global)
            let code = try session.read { db in try WarehouseQueries.findProduct(db, sku) }
            let payload = StockMoved(sku: code, from: try LocationCode.parse(from), to: try LocationCode.parse(to), quantity: quantity, reason: reason)
            try session.apply(payload, as: actor)
            if !global.json { Output.line(L("已将 \(quantity) 件 \(code) 从 \(payload.from) 移到 \(payload.to)", "Moved \(quantity) × \(code) from \(payload.from) to \(payload.to)")) }
        }
    }

    struct Defective: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "defective", abstract: L("把次品移入残次库（WH-5），必须写原因。", "Move defective goods into the defective stock (WH-5); a reason is required."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("商家编码或条码", "SKU code or barcode"), valueName: "sku")) var sku: String
        @Option(help: ArgumentHelp(L("从哪个库位", "From location"))) var from: String
        @Option(help: ArgumentHelp(L("残次库位（默认第一个残次库位）", "The defective location (default: the first one)"))) var to: String?
        @Option(help: ArgumentHelp(L("数量", "Quantity"))) var quantity: Int
        @Option(help: ArgumentHelp(L("原因", "Why it is defective"))) var reason: String

        func run() throws {
            let session = try Session(global)
            let (code, target) = try session.moveToDefective(sku, from: from, to: to, quantity: quantity, reason: reason,
                                                             as: try actor.resolve(in: session))
            if !global.json { Output.line(L("已将 \(quantity) 件 \(code) 移入残次库 \(target)", "Moved \(quantity) × \(code) into the defective stock \(target)")) }
        }
    }

    struct Adjust: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "adjust", abstract: L("调整库存（仅仓储主管，必须写原因）。", "Adjust stock (warehouse lead only, reason required)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("商家编码或条码", "SKU code or barcode"), valueName: "sku")) var sku: String
        @Option(help: ArgumentHelp(L("库位", "Location"))) var location: String
        @Option(help: ArgumentHelp(L("增减数量，如 +3 或 -2", "Change, e.g. +3 or -2"), valueName: "delta")) var by: String
        @Option(help: ArgumentHelp(L("原因", "Reason"))) var reason: String

        func run() throws {
            let session = try Session(global)
            guard let delta = Int(by.hasPrefix("+") ? String(by.dropFirst()) : by) else {
                throw ValidationError(L("--by 应为整数，如 +3 或 -2", "--by must be a whole number such as +3 or -2"))
            }
            let code = try session.read { db in try WarehouseQueries.findProduct(db, sku) }
            try session.apply(StockAdjusted(sku: code, location: try LocationCode.parse(location), delta: delta, reason: reason), as: actor)
            if !global.json { Output.line(L("已调整 \(code) @ \(location)：\(by)", "Adjusted \(code) @ \(location) by \(by)")) }
        }
    }

    struct Threshold: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "threshold", abstract: L("设定单品的低库存线（覆盖 CS-10 的默认值；--clear 恢复默认）。", "Set a product's low-stock threshold (overrides CS-10; --clear returns to the policy)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("商家编码或条码", "SKU code or barcode"), valueName: "sku")) var sku: String
        @Argument(help: ArgumentHelp(L("库存线", "Threshold"))) var threshold: Int?
        @Flag(help: ArgumentHelp(L("恢复为规章默认值", "Return to the policy value"))) var clear = false

        func validate() throws {
            if (threshold == nil) == !clear { throw ValidationError(L("给出库存线，或用 --clear", "give a threshold, or --clear")) }
        }

        func run() throws {
            let session = try Session(global)
            let code = try session.read { db in try WarehouseQueries.findProduct(db, sku) }
            try session.apply(ThresholdSet(sku: code, threshold: clear ? nil : threshold), as: actor)
            if !global.json { Output.line(clear ? L("\(code) 使用默认库存线", "\(code) uses the policy threshold") : L("\(code) 的库存线为 \(threshold!)", "\(code)'s threshold is \(threshold!)")) }
        }
    }

    struct Reorder: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "reorder", abstract: L("补货建议（WH-6）：按最近 30 天的出货量。", "Reorder suggestions (WH-6) from the last 30 days' shipments."))
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session(global)
            let rows = try session.read { db in try WarehouseQueries.reorder(db, today: session.today, zone: session.zone) }
            if global.json { return Output.json(rows) }
            var table = TextTable([.init(L("商家编码", "SKU")), .init(L("名称", "Name"), maxWidth: 20), .init(L("可用", "Available"), alignment: .right),
                                   .init(L("库存线", "Threshold"), alignment: .right), .init(L("近期出货", "Shipped"), alignment: .right),
                                   .init(L("建议补货", "Suggested"), alignment: .right)])
            for r in rows { table.append(r.sku, r.name, String(r.available), String(r.threshold), String(r.shipped), String(r.suggested)) }
            Output.table(table)
        }
    }

    struct Recounts: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "recounts", abstract: L("同步合并后变成负数、需要重新清点的库位。", "Locations a sync merge left negative: count them again."))
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session(global)
            let tasks = try session.read(WarehouseQueries.recountTasks)
            if global.json { return Output.json(tasks) }
            var table = TextTable([.init(L("商家编码", "SKU")), .init(L("库位", "Location")), .init(L("账面", "Book"), alignment: .right),
                                   .init(L("时间", "Raised")), .init(L("来自操作", "From op"))])
            for t in tasks { table.append(t.sku, t.location, String(t.quantity), session.time(t.raisedAt), t.cause) }
            Output.table(table)
        }
    }
}
