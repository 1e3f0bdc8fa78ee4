import ArgumentParser
import ShopDomain
import Storage
import Workforce

struct PlanCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "plan",
            abstract: L("周总结与计划、月度报告（HR-5、ORG-2）。", "Weekly summaries and plans, monthly reports (HR-5, ORG-2)."),
            subcommands: [Write.self]
        )
    }

    struct Write: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "write",
                abstract: L("交一份周计划或月度报告（同一期再交会替换）。", "Hand in a weekly plan or monthly report (writing the same period again replaces it)."),
                discussion: L("种类：", "Kinds: ") + ReportKind.allCases.map { "\($0.rawValue) (\($0.title(in: .current)))" }.joined(separator: ", ")
            )
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("内容", "Text"))) var text: String
        @Option(help: ArgumentHelp(L("周，如 2026-W49", "Week, e.g. 2026-W49"))) var week: String?
        @Option(help: ArgumentHelp(L("月，如 2026-11", "Month, e.g. 2026-11"))) var month: String?
        @Option(help: ArgumentHelp(L("种类（默认 weekly-plan）", "Kind (default weekly-plan)"))) var kind = ReportKind.weeklyPlan.rawValue

        func run() throws {
            let session = try Session(global)
            guard let kind = ReportKind(rawValue: kind) else {
                throw ValidationError(L("--kind 可选：", "--kind is one of: ") + ReportKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let period = kind.isWeekly ? (week ?? ISOWeek(containing: session.today).description) : (month ?? session.today.monthKey)
            try session.apply(PlanWritten(kind: kind, period: period, text: text), as: actor)
            if !global.json { Output.line(L("已交 \(period) 的\(kind.title(in: .zh))", "Handed in the \(kind.title(in: .en)) for \(period)")) }
        }
    }
}
