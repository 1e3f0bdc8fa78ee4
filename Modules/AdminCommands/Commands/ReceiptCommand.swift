import ArgumentParser
import GRDB
import ShopDomain
import Storage
import Warehouse

struct ReceiptCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "receipt",
            abstract: L("收货：先验货再入库（WH-1、WH-2）。", "Receipts: inspect before goods enter stock (WH-1, WH-2)."),
            subcommands: [Create.self, Inspect.self, Post.self, List.self, Show.self, Issues.self]
        )
    }
}

extension ReceiptCommand {
    struct Create: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "create", abstract: L("新建收货单：--line 商家编码:数量[@库位]，可多次。", "Create a receipt: --line SKU:QTY[@LOCATION], repeatable."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: ArgumentHelp(L("供应商或工厂", "Vendor or factory"))) var vendor: String
        @Option(name: .customLong("line"), help: ArgumentHelp(L("预计到货：商家编码:数量[@库位]", "Expected: SKU:QTY[@LOCATION]"), valueName: "sku:qty[@loc]"))
        var lines: [String] = []

        func run() throws {
            let session = try Session(global)
            let parsed = try session.read { db in try lines.map { try Self.parseLine($0, db) } }
            let id = ShortID.make("R", day: session.today, ids: .random)
            try session.apply(ReceiptCreated(receipt: id, vendor: vendor, lines: parsed), as: actor)
            if global.json { Output.json(["receipt": id]) } else {
                Output.line(L("已新建收货单 \(id)（\(parsed.count) 行）。下一步：zhanggui receipt inspect \(id) 商家编码 --accepted N",
                              "Created receipt \(id) (\(parsed.count) lines). Next: zhanggui receipt inspect \(id) SKU --accepted N"))
            }
        }

        static func parseLine(_ text: String, _ db: Database) throws -> ReceiptCreated.Line {
            let (main, location) = text.split(separator: "@", maxSplits: 1).map(String.init).splitFirst()
            let parts = main.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw ValidationError(L("--line “\(text)” 应写成 商家编码:数量[@库位]", "--line “\(text)” must be SKU:QTY[@LOCATION]"))
            }
            let quantity = try WholeNumber.quantity(parts[1], "--line \(parts[0])")  // issue 19
            return ReceiptCreated.Line(sku: try WarehouseQueries.findProduct(db, parts[0]), expected: quantity,
                                       location: try location.map { try LocationCode.parse($0) })
        }
    }

    struct Inspect: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "inspect", abstract: L("验货一行：合格数、不合格数及原因、货不对板时的实际品名。", "Inspect one line: accepted, rejected with reason, and the actual name when wrong goods came."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("收货单号（或开头几位）", "Receipt (or its first characters)"))) var receipt: String
        @Argument(help: ArgumentHelp(L("商家编码或条码", "SKU code or barcode"))) var sku: String
        @Option(help: ArgumentHelp(L("合格数", "Accepted units"))) var accepted: String
        @Option(help: ArgumentHelp(L("不合格数", "Rejected units"))) var rejected = "0"
        @Option(help: ArgumentHelp(L("不合格原因", "Why they were rejected"))) var reason: String?
        @Option(help: ArgumentHelp(L("实际到货的品名（货不对板）", "The name on the goods that came (wrong item)"))) var wrongName: String?

        func run() throws {
            let accepted = try WholeNumber.quantity(self.accepted, "--accepted", allowZero: true)  // issue 19
            let rejected = try WholeNumber.quantity(self.rejected, "--rejected", allowZero: true)
            let session = try Session(global)
            let (id, code) = try session.read { db in
                (try WarehouseQueries.resolve(db, table: "receipt", receipt), try WarehouseQueries.findProduct(db, sku))
            }
            try session.apply(ReceiptInspected(receipt: id, sku: code, accepted: accepted, rejected: rejected, reason: reason, wrongName: wrongName), as: actor)
            if !global.json { Output.line(L("\(id) \(code)：合格 \(accepted)，不合格 \(rejected)", "\(id) \(code): accepted \(accepted), rejected \(rejected)")) }
        }
    }

    struct Post: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "post", abstract: L("过账：合格品入库，不合格品退供应商，差异报采购。", "Post: accepted goods enter stock, rejected go back to the vendor, differences go to purchasing."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("收货单号", "Receipt"))) var receipt: String

        func run() throws {
            let session = try Session(global)
            let id = try session.read { db in try WarehouseQueries.resolve(db, table: "receipt", receipt) }
            try session.apply(ReceiptPosted(receipt: id), as: actor)
            let issues = try session.read(WarehouseQueries.vendorIssues).filter { $0.receipt == id }
            if global.json { return Output.json(issues) }
            Output.line(L("收货单 \(id) 已过账", "Receipt \(id) posted"))
            if !issues.isEmpty { Output.line(L("需要采购跟进 \(issues.count) 项：zhanggui receipt issues", "\(issues.count) issue(s) for purchasing: zhanggui receipt issues")) }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("列出收货单。", "List receipts."))
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session(global)
            let receipts = try session.read { db in try WarehouseQueries.receipts(db) }
            if global.json { return Output.json(receipts) }
            var table = TextTable([.init(L("单号", "Receipt")), .init(L("供应商", "Vendor")), .init(L("状态", "Status")),
                                   .init(L("行数", "Lines"), alignment: .right), .init(L("已验", "Inspected"), alignment: .right), .init(L("新建", "Created"))])
            for r in receipts {
                table.append(r.id, r.vendor, r.status == "posted" ? L("已过账", "posted") : L("待验货", "open"), String(r.lines.count),
                             String(r.lines.filter { $0.accepted != nil }.count), session.time(r.createdAt))
            }
            Output.table(table)
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: L("查看收货单明细。", "Show a receipt's lines."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("收货单号", "Receipt"))) var receipt: String

        func run() throws {
            let session = try Session(global)
            let found = try session.read { db in try WarehouseQueries.receipts(db, id: try WarehouseQueries.resolve(db, table: "receipt", receipt)) }[0]
            if global.json { return Output.json(found) }
            Output.line("\(found.id)  \(found.vendor)  \(found.status == "posted" ? L("已过账", "posted") : L("待验货", "open"))")
            var table = TextTable([.init(L("商家编码", "SKU")), .init(L("名称", "Name"), maxWidth: 20), .init(L("预计", "Expected"), alignment: .right),
                                   .init(L("合格", "Accepted"), alignment: .right), .init(L("不合格", "Rejected"), alignment: .right),
                                   .init(L("库位", "Location")), .init(L("备注", "Notes"), maxWidth: 30)])
            for l in found.lines {
                let notes = [l.reason, l.wrongName.map { L("实到：", "came as: ") + $0 }].compactMap { $0 }.joined(separator: "; ")
                table.append(l.sku, l.name, String(l.expected), l.accepted.map(String.init) ?? "-", l.rejected.map(String.init) ?? "-", l.location, notes)
            }
            Output.table(table)
        }
    }

    struct Issues: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "issues", abstract: L("采购要跟进的：退供应商的货、数量不符、货不对板。", "For purchasing: goods to return, wrong quantities, wrong items."))
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session(global)
            let issues = try session.read(WarehouseQueries.vendorIssues)
            if global.json { return Output.json(issues) }
            var table = TextTable([.init(L("收货单", "Receipt")), .init(L("供应商", "Vendor")), .init(L("商家编码", "SKU")), .init(L("问题", "Issue")),
                                   .init(L("数量", "Qty"), alignment: .right), .init(L("说明", "Note"), maxWidth: 30)])
            for i in issues {
                let (title, quantity): (String, String) = switch i.kind {
                case "return": (L("退供应商", "return to vendor"), String(i.quantity ?? 0))
                case "quantity": (L("数量不符", "wrong quantity"), "\(i.received ?? 0)/\(i.expected ?? 0)")
                default: (L("货不对板", "wrong item"), String(i.received ?? 0))
                }
                table.append(i.receipt, i.vendor, i.sku, title, quantity, i.note ?? "")
            }
            Output.table(table)
        }
    }
}

extension Array where Element == String {
    /// `["A:3", "B-01-1"]` → `("A:3", "B-01-1")`; one element → `(it, nil)`.
    func splitFirst() -> (String, String?) {
        (first ?? "", count > 1 ? self[1] : nil)
    }
}
