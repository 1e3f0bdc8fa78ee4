import ArgumentParser
import Foundation
import ShopDomain
import Storage
import Warehouse

struct ProductCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "product",
            abstract: L("商品：款号、颜色 × 尺码、商家编码、价格；员工培训（DES-8）。", "Products: styles, colour × size variants, SKU codes, prices; staff training (DES-8)."),
            subcommands: [Add.self, Import.self, List.self, Show.self, Train.self, Training.self]
        )
    }
}

extension ProductCommand {
    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "add", abstract: L("添加一个商品规格。", "Add one variant."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption

        @Argument(help: ArgumentHelp(L("商家编码", "SKU code (商家编码)"), valueName: "sku")) var sku: String
        @Option(help: ArgumentHelp(L("名称", "Name"))) var name: String
        @Option(help: ArgumentHelp(L("颜色", "Colour"))) var colour = ""
        @Option(help: ArgumentHelp(L("尺码", "Size"))) var size = ""
        @Option(help: ArgumentHelp(L("价格（元）", "Price (yuan)"), valueName: "12.50")) var price: String
        @Option(help: ArgumentHelp(L("成本（元）", "Cost (yuan)"), valueName: "6.00")) var cost: String?
        @Option(help: ArgumentHelp(L("款号（默认取商家编码第一段）", "Style (default: the SKU up to its first -)"))) var style: String?
        @Option(help: ArgumentHelp(L("类目", "Category"))) var category = "未分类"
        @Option(help: ArgumentHelp(L("条码", "Barcode"))) var barcode: String?
        @Flag(help: ArgumentHelp(L("这是包装耗材（WH-10）", "This is a packing supply (WH-10)"))) var supply = false

        func run() throws {
            let session = try Session(global)
            let product = try Product(sku: SKU.parse(sku), style: style, name: name, colour: colour, size: size, category: category,
                                      barcode: barcode, cost: cost.map { try Money.parse($0) }, price: Money.parse(price),
                                      kind: supply ? .supply : .goods).validated()
            try session.apply(ProductAdded(product: product), as: actor)
            if global.json { Output.json(product) } else {
                Output.line(L("已添加 \(product.sku)（\(product.label)，\(product.price.withSign)）", "Added \(product.sku) (\(product.label), \(product.price.withSign))"))
            }
        }
    }

    struct Import: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "import",
                abstract: L("从 CSV 导入商品（UTF-8 或 GB18030）。", "Import products from a CSV file (UTF-8 or GB18030)."),
                discussion: L("""
                    按表头名取列（中英文皆可）：sku/商家编码、name/名称、colour/颜色、size/尺码、price/价格，
                    可选 style/款号、barcode/条码、category/类目、cost/成本、kind/种类。
                    有任何一行有问题就什么都不导入，并列出 文件:行号: 原因。
                    """, """
                    Columns by header name, English or Chinese: sku/商家编码, name/名称, colour/颜色, size/尺码, price/价格,
                    optional style/款号, barcode/条码, category/类目, cost/成本, kind/种类.
                    If any row is bad nothing is imported, and each bad row is listed as file:line: reason.
                    """)
            )
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("CSV 文件", "The CSV file"), valueName: "file")) var file: String

        func run() throws {
            let session = try Session(global)
            let me = try actor.resolve(in: session)
            let products = try ProductImport.read(file, database: session.database)
            try session.database.apply(products.map { OpDraft(actor: me.id, ProductAdded(product: $0)) })
            if global.json { Output.json(["imported": products.count]) } else {
                Output.line(L("已导入 \(products.count) 个商品规格", "Imported \(products.count) variants"))
            }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("列出商品及可售库存。", "List products with their available stock."))
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("只看某类目", "Only one category"))) var category: String?

        func run() throws {
            let session = try Session(global)
            let lines = try session.read { db in try WarehouseQueries.stockList(db, category: category, on: session.today) }
            if global.json { return Output.json(lines) }
            var table = TextTable([.init(L("商家编码", "SKU")), .init(L("款号", "Style")), .init(L("名称", "Name"), maxWidth: 24),
                                   .init(L("颜色", "Colour")), .init(L("尺码", "Size")), .init(L("类目", "Category")),
                                   .init(L("可售", "Available"), alignment: .right)])
            for line in lines {
                table.append(line.sku, line.style, line.name, line.colour, line.size, line.category, String(line.available))
            }
            Output.table(table)
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: L("查看一个商品：资料、库存、培训情况。", "Show one product: record, stock, training."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("商家编码或条码", "SKU code or barcode"), valueName: "sku")) var sku: String

        func run() throws {
            let session = try Session(global)
            let (detail, training) = try session.read { db in
                let sku = try WarehouseQueries.findProduct(db, sku)
                return (try WarehouseQueries.stockDetail(db, sku: sku, on: session.today, movements: 0),
                        try WarehouseQueries.training(db, sku: sku)[0])
            }
            if global.json { return Output.json(ProductJSON(detail: detail, training: training)) }
            let line = detail.line
            var table = TextTable(L("项目", "Field"), L("内容", "Value"))
            table.append(L("商家编码", "SKU"), line.sku)
            table.append(L("款号", "Style"), line.style)
            table.append(L("名称", "Name"), line.name)
            table.append(L("颜色/尺码", "Colour/size"), "\(line.colour)/\(line.size)")
            table.append(L("类目", "Category"), line.category + (line.kind == "supply" ? L("（耗材）", " (supply)") : ""))
            table.append(L("条码", "Barcode"), detail.barcode ?? "")
            table.append(L("价格", "Price"), Money(fen: Int64(detail.price)).withSign)
            table.append(L("成本", "Cost"), detail.cost.map { Money(fen: Int64($0)).withSign } ?? "")
            table.append(L("可售", "Available"), "\(line.available)  (\(L("低库存线", "threshold")) \(line.threshold))")
            table.append(L("已培训", "Trained"), training.trained.joined(separator: L("、", ", ")))
            table.append(L("未培训", "Not yet trained"), training.untrained.joined(separator: L("、", ", ")))
            Output.table(table)
        }

        struct ProductJSON: Encodable {
            var detail: WarehouseQueries.StockDetail
            var training: WarehouseQueries.Training
        }
    }

    struct Train: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "train", abstract: L("确认本人已学习该商品的属性（DES-8）。", "Acknowledge that you have learned a product's attributes (DES-8)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("商家编码（可多个）", "SKU codes"), valueName: "sku")) var skus: [String]

        func run() throws {
            let session = try Session(global)
            let me = try actor.resolve(in: session)
            let codes = try session.read { db in try skus.map { try WarehouseQueries.findProduct(db, $0) } }
            try session.database.apply(codes.map { OpDraft(actor: me.id, ProductTrained(sku: $0, staff: me.id)) })
            if !global.json { Output.line(L("\(me.name) 已学习：", "\(me.name) has learned: ") + codes.map(\.rawValue).joined(separator: ", ")) }
        }
    }

    struct Training: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "training", abstract: L("谁还没学过哪些商品（DES-8）。", "Who has not yet learned which products (DES-8)."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("商家编码（省略则列出全部未完成的）", "SKU code (omit for every product with gaps)"), valueName: "sku"))
        var sku: String?

        func run() throws {
            let session = try Session(global)
            let rows = try session.read { db in
                try WarehouseQueries.training(db, sku: try sku.map { try WarehouseQueries.findProduct(db, $0) }, gapsOnly: sku == nil)
            }
            if global.json { return Output.json(rows) }
            var table = TextTable([.init(L("商家编码", "SKU")), .init(L("未培训", "Not yet trained"), maxWidth: 50), .init(L("已培训", "Trained"), maxWidth: 30)])
            for row in rows { table.append(row.sku, row.untrained.joined(separator: L("、", ", ")), row.trained.joined(separator: L("、", ", "))) }
            Output.table(table)
        }
    }
}
