import ArgumentParser
import GRDB
import ShopDomain
import Storage
import Warehouse

struct CountCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "count",
            abstract: L("盘点（WH-4）：盲盘，先按类目总数，再逐件。", "Stocktakes (WH-4): blind counts, category totals first, then items."),
            subcommands: [Start.self, Sheet.self, Enter.self, Variance.self, Post.self, List.self]
        )
    }
}

extension CountCommand {
    struct Start: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "start", abstract: L("开始盘点，记录账面数（盘点人看不到）。", "Start a stocktake; the book quantities are recorded (the counter never sees them)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: ArgumentHelp(L("monthly 月盘、year-end 年终、spot 抽盘", "monthly, year-end or spot"))) var kind: String
        @Option(help: ArgumentHelp(L("只盘某类目", "Only one category"))) var category: String?
        @Option(help: ArgumentHelp(L("只盘某库位", "Only one location"))) var location: String?

        func validate() throws {
            guard CountStarted.Kind(rawValue: kind) != nil else { throw ValidationError(L("--kind 应为 monthly、year-end 或 spot", "--kind must be monthly, year-end or spot")) }
            if category != nil && location != nil { throw ValidationError(L("--category 与 --location 只能选一个", "use --category or --location, not both")) }
        }

        func run() throws {
            let session = try Session(global)
            let id = ShortID.make("C", day: session.today, ids: .random)
            try session.apply(CountStarted(count: id, kind: CountStarted.Kind(rawValue: kind)!, category: category,
                                           location: try location.map { try LocationCode.parse($0) }), as: actor)
            let lines = try session.read { db in try WarehouseQueries.countSheet(db, id) }
            if global.json { return Output.json(["count": id, "lines": String(lines.count)]) }
            Output.line(L("已开始盘点 \(id)：\(lines.count) 个库位条目。盘点单：zhanggui count sheet \(id)",
                          "Started stocktake \(id): \(lines.count) items. The sheet: zhanggui count sheet \(id)"))
        }
    }

    struct Sheet: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "sheet", abstract: L("盘点单：要点的类目和物品（不显示账面数）。", "The count sheet: categories and items to count (no book figures)."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("盘点单号", "Stocktake"))) var count: String

        func run() throws {
            let session = try Session(global)
            let lines = try session.read { db in try WarehouseQueries.countSheet(db, try WarehouseQueries.resolve(db, table: "stock_count", count)) }
            if global.json { return Output.json(lines) }
            var table = TextTable([.init(L("类目", "Category")), .init(L("库位", "Location")), .init(L("商家编码", "SKU")),
                                   .init(L("名称", "Name"), maxWidth: 24), .init(L("已点", "Counted"), alignment: .right)])
            for l in lines { table.append(l.category, l.location, l.sku, l.name, l.counted.map(String.init) ?? "") }
            Output.table(table)
        }
    }

    struct Enter: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "enter", abstract: L("录入盘点数：--category 类目 --total N，或 --sku 编码 --location 库位 --quantity N。",
                                             "Enter a count: --category C --total N, or --sku S --location L --quantity N."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("盘点单号", "Stocktake"))) var count: String
        @Option(help: ArgumentHelp(L("类目", "Category"))) var category: String?
        @Option(help: ArgumentHelp(L("类目总数", "The category's total"))) var total: String?
        @Option(help: ArgumentHelp(L("商家编码或条码", "SKU code or barcode"))) var sku: String?
        @Option(help: ArgumentHelp(L("库位", "Location"))) var location: String?
        @Option(help: ArgumentHelp(L("点到的数量", "Units counted"))) var quantity: String?

        func validate() throws {
            let byCategory = category != nil && total != nil && sku == nil && quantity == nil
            let byItem = sku != nil && location != nil && quantity != nil && category == nil && total == nil
            guard byCategory || byItem else {
                throw ValidationError(L("用 --category C --total N，或 --sku S --location L --quantity N", "use --category C --total N, or --sku S --location L --quantity N"))
            }
        }

        func run() throws {
            // Issue 19: a whole number within the limits, refused before the file is opened.
            let counted = try total.map { try WholeNumber.parse($0, "--total", range: 0...InputLimits.balance) }
                ?? WholeNumber.quantity(quantity ?? "", "--quantity", allowZero: true)
            let session = try Session(global)
            let (id, code) = try session.read { db in
                (try WarehouseQueries.resolve(db, table: "stock_count", count), try sku.map { try WarehouseQueries.findProduct(db, $0) })
            }
            try session.apply(CountEntered(count: id, category: category, sku: code, location: try location.map { try LocationCode.parse($0) },
                                           quantity: counted), as: actor)
            // Blind: say what was recorded, never what the book says.
            if !global.json { Output.line(L("已记录：", "Recorded: ") + (category.map { "\($0) = \(counted)" } ?? "\(code!)@\(location!) = \(counted)")) }
        }
    }

    struct Variance: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "variance", abstract: L("差异：点数与账面（点数当时的账面）对比。", "Variances: counted against the book at the time of counting."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("盘点单号", "Stocktake"))) var count: String

        func run() throws {
            let session = try Session(global)
            let rows = try session.read { db in try WarehouseQueries.variance(db, try WarehouseQueries.resolve(db, table: "stock_count", count)) }
            if global.json { return Output.json(rows) }
            var table = TextTable([.init(L("类目", "Category")), .init(L("商家编码", "SKU")), .init(L("库位", "Location")),
                                   .init(L("点数", "Counted"), alignment: .right), .init(L("账面", "Book"), alignment: .right), .init(L("差异", "Variance"), alignment: .right)])
            for r in rows {
                table.append(r.category, r.sku ?? L("（类目总数）", "(category total)"), r.location ?? "", r.counted.map(String.init) ?? "-",
                             String(r.book), r.variance.map { $0 > 0 ? "+\($0)" : String($0) } ?? "")
            }
            Output.table(table)
        }
    }

    struct Post: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "post", abstract: L("过账盘点差异（仓储主管）。", "Post the variances (warehouse lead)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("盘点单号", "Stocktake"))) var count: String

        func run() throws {
            let session = try Session(global)
            let id = try session.read { db in try WarehouseQueries.resolve(db, table: "stock_count", count) }
            try session.apply(CountPosted(count: id), as: actor)
            if !global.json { Output.line(L("盘点 \(id) 已过账", "Stocktake \(id) posted")) }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("列出盘点。", "List stocktakes."))
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session(global)
            let counts = try session.read(WarehouseQueries.counts)
            if global.json { return Output.json(counts) }
            var table = TextTable([.init(L("盘点单", "Stocktake")), .init(L("类型", "Kind")), .init(L("范围", "Scope")), .init(L("状态", "Status")),
                                   .init(L("已点/条目", "Counted"), alignment: .right), .init(L("开始", "Started"))])
            for c in counts {
                table.append(c.id, c.kind, c.category ?? c.location ?? L("全部", "all"), c.status == "posted" ? L("已过账", "posted") : L("进行中", "open"),
                             "\(c.counted)/\(c.lines)", session.time(c.startedAt))
            }
            Output.table(table)
        }
    }
}
