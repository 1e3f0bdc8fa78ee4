import ArgumentParser
import Foundation
import ShopDomain
import Storage
import Workforce

struct ShiftCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "shift",
            abstract: L("上班、下班、离岗：迟到早退按排班记录（HR-4），下班时生成交接摘要（HR-2）。",
                        "Start, end and leave shifts: lateness against the rota (HR-4); ending builds the handover summary (HR-2)."),
            subcommands: [Start.self, End.self, Leave.self, List.self]
        )
    }
}

extension ShiftCommand {
    struct Start: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "start", abstract: L("开始上班。", "Start your shift."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption

        func run() throws {
            let session = try Session(global)
            let me = try actor.resolve(in: session)
            try session.apply(ShiftStarted(shift: ShortID.make("S", day: session.today, ids: .random)), as: actor)
            let shift = try session.read { db in try WorkforceQueries.currentShift(db, staff: me.id) }!
            if global.json { return Output.json(shift) }
            let what = shift.template.flatMap(ShiftTemplate.init(rawValue:))?.title(in: .current) ?? L("排班外", "unscheduled")
            Output.line(L("\(me.name) \(session.time(shift.startedAt)) 上班（\(what)）", "\(me.name) on shift at \(session.time(shift.startedAt)) (\(what))")
                        + (shift.lateMinutes > 0 ? L("，迟到 \(shift.lateMinutes) 分钟", ", \(shift.lateMinutes) min late") : ""))
            let waiting = try session.read { db in try WorkforceQueries.handover(db, viewer: me.id, all: false) }.items.count
            if waiting > 0 { Output.line(L("有 \(waiting) 项交接待接手：zhanggui handover show --as \(me.name)", "\(waiting) handover item(s) to take over: zhanggui handover show --as \(me.name)")) }
        }
    }

    struct End: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "end", abstract: L("下班：系统生成交接摘要，附上你的留言。", "End your shift: the system builds the handover summary, with your note."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: ArgumentHelp(L("给下一班的留言", "A note for the next shift"))) var note: String?

        func run() throws {
            let session = try Session(global)
            let me = try actor.resolve(in: session)
            let payload = try ShiftWork.end(session.database, staff: me.id, note: note)
            try session.apply(payload, as: actor)
            let shift = try session.read { db in try WorkforceQueries.shifts(db, staff: me.id, limit: 1) }[0]
            if global.json { return Output.json(shift) }
            Output.line(L("\(me.name) \(session.time(shift.endedAt!)) 下班", "\(me.name) off shift at \(session.time(shift.endedAt!))")
                        + ((shift.earlyMinutes ?? 0) > 0 ? L("，早退 \(shift.earlyMinutes!) 分钟", ", \(shift.earlyMinutes!) min early") : ""))
            HandoverCommand.printSummary(shift, openItems: payload.openItems)
        }
    }

    struct Leave: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "leave", abstract: L("班中离岗，须主管批准（HR-4）。", "Leave the post during a shift, with a supervisor's approval (HR-4)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: ArgumentHelp(L("批准的主管", "The approving supervisor"))) var approvedBy: String
        @Option(help: ArgumentHelp(L("离开多少分钟", "Minutes away"))) var minutes: Int
        @Option(help: ArgumentHelp(L("原因", "Why"))) var reason: String

        func run() throws {
            let session = try Session(global)
            let me = try actor.resolve(in: session)
            let (shift, lead) = try session.read { db in
                (try WorkforceQueries.currentShift(db, staff: me.id), try CoreQueries.findStaff(db, approvedBy))
            }
            guard let shift else { throw WorkforceError.notOnShift(me.name) }
            try session.apply(ShiftLeft(shift: shift.id, approvedBy: lead.id, minutes: minutes, reason: reason), as: actor)
            if !global.json { Output.line(L("\(lead.name) 批准 \(me.name) 离岗 \(minutes) 分钟", "\(lead.name) approved \(me.name) leaving for \(minutes) min")) }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("最近的班次：迟到、早退、离岗。", "Recent shifts: late, early, away."))
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("只看某人", "Only one person"))) var staff: String?
        @Option(help: ArgumentHelp(L("最多几条", "How many at most"))) var limit = 30

        func run() throws {
            let session = try Session(global)
            let shifts = try session.read { db in
                try WorkforceQueries.shifts(db, staff: try staff.map { try CoreQueries.findStaff(db, $0).id }, limit: limit)
            }
            if global.json { return Output.json(shifts) }
            var table = TextTable([.init(L("班次", "Shift")), .init(L("姓名", "Name")), .init(L("班别", "Template")), .init(L("上班", "Start")),
                                   .init(L("下班", "End")), .init(L("迟到(分)", "Late min"), alignment: .right), .init(L("早退(分)", "Early min"), alignment: .right),
                                   .init(L("离岗(分)", "Away min"), alignment: .right)])
            for s in shifts {
                table.append(s.id, s.name, s.template.flatMap(ShiftTemplate.init(rawValue:))?.title(in: .current) ?? L("排班外", "unscheduled"),
                             session.time(s.startedAt), s.endedAt.map(session.time) ?? L("在班", "on shift"),
                             s.lateMinutes > 0 ? String(s.lateMinutes) : "", (s.earlyMinutes ?? 0) > 0 ? String(s.earlyMinutes!) : "",
                             s.leaveMinutes > 0 ? String(s.leaveMinutes) : "")
            }
            Output.table(table)
        }
    }
}
