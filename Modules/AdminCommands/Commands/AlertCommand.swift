import ArgumentParser
import ShopDomain
import Storage
import Warehouse

struct AlertCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "alert",
            abstract: L("低库存提醒（WH-6、CS-10、WH-10）。", "Low-stock alerts (WH-6, CS-10, WH-10)."),
            subcommands: [List.self]
        )
    }
}

extension AlertCommand {
    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("未解除的低库存提醒（--all 含已解除）。", "Open low-stock alerts (--all: cleared ones too)."))
        }

        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(L("包括已解除的", "Include cleared alerts"))) var all = false

        func run() throws {
            let session = try Session(global)
            let alerts = try session.read { db in try WarehouseQueries.alerts(db, all: all) }
            if global.json { return Output.json(alerts) }
            var table = TextTable([.init(L("商家编码", "SKU")), .init(L("名称", "Name"), maxWidth: 24), .init(L("当时可用", "Available"), alignment: .right),
                                   .init(L("库存线", "Threshold"), alignment: .right), .init(L("提醒时间", "Raised")), .init(L("解除", "Cleared"))])
            for a in alerts { table.append(a.sku, a.name, String(a.available), String(a.threshold), session.time(a.raisedAt), a.clearedAt.map(session.time) ?? "") }
            Output.table(table)
        }
    }
}
