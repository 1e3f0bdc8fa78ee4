import ArgumentParser
import Foundation
import Interchange
import Logistics
import ShopDomain
import Storage

extension CourierCommand {
    struct Statement: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "statement", abstract: L("快递月结对账单。", "Courier monthly statements."), subcommands: [Import.self])
        }

        struct Import: ParsableCommand {
            static var configuration: CommandConfiguration {
                CommandConfiguration(commandName: "import", abstract: L(
                    "导入对账单 CSV（运单号码/运单号/快递单号/工作单号、计费重量、应付金额…）；同月再导入会替换；有坏行则全部不导入并列出 文件:行。",
                    "Import a statement CSV (运单号码/运单号/快递单号/工作单号, 计费重量, 应付金额 …); a later import of the month replaces it; any bad row refuses the file, listing file:line."))
            }

            @OptionGroup var global: GlobalOptions
            @OptionGroup var actor: ActorOption
            @Argument(help: ArgumentHelp(L("对账单 CSV", "Statement CSV"))) var file: String
            @Option(help: ArgumentHelp(L("快递公司", "Courier"))) var courier: String
            @Option(help: ArgumentHelp(L("月份，如 2026-11", "Month, like 2026-11"))) var month: String

            func run() throws {
                let session = try Session(global)
                try session.require(StatementImported.self, as: actor)  // before the file is read (issue 19)
                let code = try Courier.parse(courier)
                var reader = try StatementReader(path: file)
                let (rows, errors) = try reader.readAll()
                guard errors.isEmpty else { throw InterchangeError.badRows(errors) }
                let lines = rows.map { StatementImported.Line(line: $0.line, waybill: $0.waybill, grams: $0.weightGrams, amount: $0.amount,
                                                              date: $0.date, destination: $0.destination) }
                try session.apply(StatementImported(courier: code, month: month, file: (file as NSString).lastPathComponent, lines: lines), as: actor)
                if !global.json {
                    Output.line(L("已导入 \(code.chineseName) \(month) 对账单 \(lines.count) 行。核对：zhanggui courier reconcile --courier \(code.code) --month \(month)",
                                  "Imported \(lines.count) line(s) of \(code.code)'s \(month) statement. Reconcile: zhanggui courier reconcile --courier \(code.code) --month \(month)"))
                }
            }
        }
    }
}
