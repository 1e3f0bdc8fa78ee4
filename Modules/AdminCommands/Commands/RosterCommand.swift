import ArgumentParser
import Foundation
import ShopDomain
import Storage
import Workforce

struct RosterCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "roster",
            abstract: L("排班：做六休一，轮休；值日表（HR-1、HR-7）。", "The rota: six on, one off, rest days rotated; the cleaning rota (HR-1, HR-7)."),
            subcommands: [Plan.self, Show.self, Swap.self, Accept.self]
        )
    }

    static func week(_ text: String?, today: CivilDate) throws -> ISOWeek {
        guard let text else { return ISOWeek(containing: today) }
        guard let week = ISOWeek(text) else { throw WorkforceError.badWeek(text) }
        return week
    }
}

extension RosterCommand {
    struct Plan: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "plan",
                abstract: L("为一周排班（主管）：每人休一天，轮休，早晚班按周轮换；同时排值日。", "Plan a week (team leads): one rest day each, rotated; early and late shifts alternate by week; cleaning turns too.")
            )
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: ArgumentHelp(L("周，如 2026-W49（默认本周）", "Week, e.g. 2026-W49 (default this week)"))) var week: String?

        func run() throws {
            let session = try Session(global)
            let week = try RosterCommand.week(week, today: session.today)
            let staff = try session.read { db in try CoreQueries.staffList(db, includeInactive: false) }.map(\.staff)
            guard !staff.isEmpty else { throw WorkforceError.noStaff }
            let entries = RosterPlanner.plan(week: week, members: staff.map { .init(staff: $0.id, roles: $0.roles) })
            let cleaning = RosterPlanner.cleaning(week: week, members: staff.map(\.id))
            try session.apply(RosterPlanned(week: week, entries: entries, cleaning: cleaning), as: actor)
            if global.json { return Output.json(["week": week.description]) }
            Output.line(L("已排 \(week) 的班：", "Planned \(week):"))
            try Show.print(session, week)
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: L("显示一周的排班和值日。", "Show a week's rota and cleaning turns."))
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("周，如 2026-W49（默认本周）", "Week, e.g. 2026-W49 (default this week)"))) var week: String?

        func run() throws {
            let session = try Session(global)
            let week = try RosterCommand.week(week, today: session.today)
            if global.json { return Output.json(try session.read { db in try WorkforceQueries.roster(db, week: week) }) }
            try Show.print(session, week)
        }

        /// A grid: one row a person, one column a day; a shift shows as its start, a rest day as 休.
        static func print(_ session: Session, _ week: ISOWeek) throws {
            let (lines, away, gaps) = try session.read { db in
                (try WorkforceQueries.roster(db, week: week), try LeaveQueries.approvedDays(db, week: week), try LeaveQueries.rotaGaps(db, week: week))
            }
            let names = ["一", "二", "三", "四", "五", "六", "日"], english = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            var table = TextTable([.init(L("姓名", "Name"))] + week.days.enumerated().map { index, day in
                .init(L("周\(names[index])", english[index]) + " " + String(day.description.suffix(5)))
            })
            var order: [String] = []
            var byStaff: [String: [String: WorkforceQueries.RosterLine]] = [:]
            for line in lines {
                if byStaff[line.staff] == nil { order.append(line.staff) }
                byStaff[line.staff, default: [:]][line.day] = line
            }
            for staff in order {
                let days = byStaff[staff]!
                let name = days.values.first!.name
                table.append([name] + week.days.map { day in
                    guard let line = days[day.description] else { return "" }
                    let shift = line.template.flatMap(ShiftTemplate.init(rawValue:)).map { template in
                        line.start.map { session.zone.format($0).suffix(5) + " " + template.title(in: .current) } ?? template.title(in: .current)
                    } ?? L("休", "off")
                    // HR-3: approved leave shows on the rota.
                    let leave = away[staff]?.contains(day.description) == true ? L(" 请假", " on leave") : ""
                    return shift + (line.cleaning ? L(" 值日", " +clean") : "") + leave
                })
            }
            Output.table(table)
            for gap in gaps {
                let template = ShiftTemplate(rawValue: gap.template)?.title(in: .current) ?? gap.template
                Output.line(L("注意：\(gap.day) 没有\(template)（请假：\(gap.onLeave.joined(separator: "、"))）",
                              "Warning: \(gap.day) has no \(template) (on leave: \(gap.onLeave.joined(separator: ", ")))"))
            }
        }
    }

    struct Swap: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "swap", abstract: L("申请与同事换某天的班（或值日）；对方用 roster accept 同意后生效。",
                                                                   "Ask a colleague to exchange a day's shift (or cleaning turn); it takes effect when they accept."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: ArgumentHelp(L("哪一天", "Which day"), valueName: "YYYY-MM-DD")) var day: String
        @Option(help: ArgumentHelp(L("和谁换", "With whom"))) var with: String
        @Flag(help: ArgumentHelp(L("换的是值日", "Exchange the cleaning turn"))) var cleaning = false

        func run() throws {
            let session = try Session(global)
            guard let date = CivilDate(day) else { throw ValidationError(L("--day 应写成 YYYY-MM-DD", "--day must be YYYY-MM-DD")) }
            let other = try session.read { db in try CoreQueries.findStaff(db, with) }
            let id = ShortID.make("W", ids: .random)
            try session.apply(SwapRequested(swap: id, day: date, with: other.id, what: cleaning ? "cleaning" : "shift"), as: actor)
            if global.json { return Output.json(["swap": id]) }
            Output.line(L("已申请换班 \(id)：\(other.name) 用 zhanggui roster accept \(id) --as \(other.name) 同意后生效",
                          "Swap \(id) requested: it takes effect when \(other.name) runs zhanggui roster accept \(id) --as \(other.name)"))
        }
    }

    struct Accept: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "accept", abstract: L("同意换班申请。", "Accept a swap request."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("换班申请号", "The swap request"))) var swap: String

        func run() throws {
            let session = try Session(global)
            try session.apply(SwapAccepted(swap: swap.uppercased()), as: actor)
            if !global.json { Output.line(L("已换班", "Swapped")) }
        }
    }
}
