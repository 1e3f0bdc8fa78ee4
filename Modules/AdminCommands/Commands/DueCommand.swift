import ArgumentParser
import ShopDomain
import Storage
import Workforce

struct DueCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "due",
            abstract: L("每人本周、本月该交的报告，以及逾期的（ORG-2）。", "What each person owes this week and month, and what is late (ORG-2)."),
            subcommands: [List.self]
        )
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("列出应交和逾期的报告。", "List reports due and late."))
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session(global)
            let rows = try session.read { db in try WorkforceQueries.due(db, today: session.today) }
            if global.json { return Output.json(rows) }
            var table = TextTable([.init(L("姓名", "Name")), .init(L("报告", "Report")), .init(L("期间", "Period")), .init(L("状态", "Status"))])
            for row in rows {
                let status = switch row.status {
                case "done": L("已交", "done")
                case "late": L("逾期", "LATE")
                default: L("待交", "due")
                }
                let what = switch row.kind {
                case "fund-overdrawn": L("部门基金余额为负 \(row.amount?.withSign ?? "")（DISC-4）", "the fund is below zero: \(row.amount?.withSign ?? "") (DISC-4)")
                default: ReportKind(rawValue: row.kind)?.title(in: .current) ?? row.kind
                }
                table.append(row.name, what, row.period, status)
            }
            Output.table(table)
        }
    }
}
