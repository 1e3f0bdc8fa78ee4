import ArgumentParser
import Foundation
import Logistics
import ShopDomain
import Storage

extension OrderCommand {
    struct Import: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "import", abstract: L(
                "导入卖家中心导出的订单报表（GB18030 或 UTF-8），可带宝贝报表；按表头名对应列；重复导入不会重复，只会把订单往前推（付款、关闭、退款）。",
                "Import the seller centre's order export (GB18030 or UTF-8), with its detail export; columns by header name; importing again changes nothing but moves orders forward (paid, closed, refunded)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("订单报表 CSV（ExportOrderList…csv）", "The order export CSV (ExportOrderList…csv)"))) var orders: String
        @Option(help: ArgumentHelp(L("宝贝报表 CSV（ExportOrderDetailList…csv）", "The detail export CSV (ExportOrderDetailList…csv)"))) var details: String?

        func run() throws {
            let session = try Session(global)
            let me = try actor.resolve(in: session)
            let report = try OrderImport(database: session.database, actor: me.id, zone: session.zone)
                .run(orders: orders, details: details, language: .current)
            if global.json {
                Output.json(report)
            } else {
                Output.line(L("\(report.file)（\(report.encoding)）：新订单 \(report.imported)，状态前进 \(report.movedForward)，未变 \(report.unchanged)",
                              "\(report.file) (\(report.encoding)): \(report.imported) new, \(report.movedForward) moved forward, \(report.unchanged) unchanged"))
                if report.unmatchedLines > 0 {
                    Output.line(L("\(report.unmatchedLines) 个商品行没对应上商家编码：zhanggui order unmatched", "\(report.unmatchedLines) line(s) matched no SKU: zhanggui order unmatched"))
                }
            }
            guard report.refused.isEmpty else {
                FileHandle.standardError.write(Data((L("以下 \(report.refused.count) 行没有导入：\n", "\(report.refused.count) row(s) not imported:\n")
                                                     + report.refused.joined(separator: "\n") + "\n").utf8))
                throw CommandFailure()
            }
        }
    }
}
