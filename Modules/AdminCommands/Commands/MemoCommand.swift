import ArgumentParser
import ShopDomain
import Storage
import Workforce

struct MemoCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "memo",
            abstract: L("个人备忘录：问题和想法随时记下（HR-5）。", "Your memo book: note problems and ideas at once (HR-5)."),
            subcommands: [Add.self, List.self]
        )
    }
}

extension MemoCommand {
    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "add", abstract: L("记一条备忘。", "Write a memo."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("内容", "Text"))) var text: String

        func run() throws {
            let session = try Session(global)
            let id = ShortID.make("M", ids: .random)
            try session.apply(MemoAdded(memo: id, text: text), as: actor)
            if !global.json { Output.line(L("已记下 \(id)", "Noted \(id)")) }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("我的备忘录。", "My memos."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption

        func run() throws {
            let session = try Session(global)
            let me = try actor.resolve(in: session.database)
            let memos = try session.read { db in try WorkforceQueries.memos(db, staff: me.id) }
            if global.json { return Output.json(memos) }
            var table = TextTable([.init(L("时间", "When")), .init(L("内容", "Text"), maxWidth: 70)])
            for memo in memos { table.append(session.time(memo.at), memo.text) }
            Output.table(table)
        }
    }
}

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
                table.append(row.name, ReportKind(rawValue: row.kind)?.title(in: .current) ?? row.kind, row.period, status)
            }
            Output.table(table)
        }
    }
}
