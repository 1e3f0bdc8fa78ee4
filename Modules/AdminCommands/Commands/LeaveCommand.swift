import ArgumentParser
import Foundation
import ShopDomain
import Storage
import Workforce

struct LeaveCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "leave",
            abstract: L("请假（HR-3、HR-4）：婚假、丧假、病假、事假、年假；主管签字后生效。",
                        "Leave (HR-3, HR-4): marriage, bereavement, sick, personal, annual; valid once a supervisor signs."),
            subcommands: [Request.self, Approve.self, Reject.self, List.self, Unused.self]
        )
    }

    static func day(_ text: String, _ option: String) throws -> CivilDate {
        guard let day = CivilDate(text) else {
            throw ValidationError(L("\(option) 应写成 YYYY-MM-DD", "\(option) must be YYYY-MM-DD"))
        }
        return day
    }
}

extension LeaveCommand {
    struct Request: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "request", abstract: L("写请假单。", "Write a leave note."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: ArgumentHelp(L("类别：marriage|bereavement|sick|personal|annual", "Kind: marriage|bereavement|sick|personal|annual"))) var kind: String
        @Option(help: ArgumentHelp(L("第一天", "First day"), valueName: "YYYY-MM-DD")) var from: String
        @Option(help: ArgumentHelp(L("天数", "Days"))) var days: Int
        @Option(help: ArgumentHelp(L("婚假：结婚日期", "Marriage: the wedding date"), valueName: "YYYY-MM-DD")) var wedding: String?
        @Option(help: ArgumentHelp(L("丧假：parent|spouse|child|spouse-parent", "Bereavement: parent|spouse|child|spouse-parent"))) var relation: String?
        @Option(help: ArgumentHelp(L("替谁请（主管）", "For whom (a supervisor)"))) var staff: String?
        @Option(help: ArgumentHelp(L("备注", "Note"))) var note = ""

        func run() throws {
            let session = try Session(global)
            guard let kind = LeaveKind(rawValue: kind) else {
                throw ValidationError(L("--kind 只能是 marriage、bereavement、sick、personal 或 annual", "--kind must be marriage, bereavement, sick, personal or annual"))
            }
            var relationValue: Bereavement?
            if let relation {
                guard let value = Bereavement(rawValue: relation) else {
                    throw ValidationError(L("--relation 只能是 parent、spouse、child 或 spouse-parent", "--relation must be parent, spouse, child or spouse-parent"))
                }
                relationValue = value
            }
            let me = try actor.resolve(in: session.database)
            let who = try staff.map { name in try session.read { db in try CoreQueries.findStaff(db, name) } } ?? me
            let id = ShortID.make("L", ids: .random)
            try session.apply(LeaveRequested(leave: id, staff: who.id, kind: kind, from: try LeaveCommand.day(from, "--from"), days: days,
                                             wedding: try wedding.map { try LeaveCommand.day($0, "--wedding") }, relation: relationValue, note: note),
                              as: actor)
            if global.json { return Output.json(["leave": id]) }
            Output.line(L("已写请假单 \(id)：\(who.name) \(kind.zh) \(days) 天，等主管签字", "Leave note \(id): \(who.name), \(kind.rawValue), \(days) days; waiting for a supervisor's signature"))
        }
    }

    struct Approve: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "approve", abstract: L("主管签字批准（不能批自己的；配偶父母丧假须总经理）。", "A supervisor signs (never their own; a spouse's parent's bereavement: the GM)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("请假单编号", "Leave note"))) var leave: String

        func run() throws {
            let session = try Session(global)
            try session.apply(LeaveApproved(leave: leave), as: actor)
            if !global.json { Output.line(L("已批准 \(leave)", "Approved \(leave)")) }
        }
    }

    struct Reject: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "reject", abstract: L("主管驳回，须写理由。", "A supervisor turns it down, with a reason."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("请假单编号", "Leave note"))) var leave: String
        @Option(help: ArgumentHelp(L("理由", "Why"))) var reason: String

        func run() throws {
            let session = try Session(global)
            try session.apply(LeaveRejected(leave: leave, reason: reason), as: actor)
            if !global.json { Output.line(L("已驳回 \(leave)", "Turned down \(leave)")) }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("请假单，可按员工、状态筛选。", "Leave notes, by person or status."))
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("员工", "Staff member"))) var staff: String?
        @Option(help: ArgumentHelp(L("状态：requested|approved|rejected", "Status: requested|approved|rejected"))) var status: String?

        func run() throws {
            let session = try Session(global)
            let leaves = try session.read { db in
                try LeaveQueries.leaves(db, staff: try staff.map { try CoreQueries.findStaff(db, $0).id }, status: status)
            }
            if global.json { return Output.json(leaves) }
            var table = TextTable([.init(L("编号", "Note")), .init(L("员工", "Staff")), .init(L("类别", "Kind")), .init(L("日期", "Days")),
                                   .init(L("天数", "Count"), alignment: .right), .init(L("状态", "Status")), .init(L("备注", "Note"), maxWidth: 30)])
            for leave in leaves {
                let status = switch leave.status {
                case "approved": L("已批准", "approved")
                case "rejected": L("驳回：", "turned down: ") + (leave.reason ?? "")
                default: L("待签字", "waiting")
                }
                table.append(leave.id, leave.name, leave.kind.title(in: .current) + (leave.relation.map { " (\($0))" } ?? ""),
                             leave.from == leave.until ? leave.from : "\(leave.from)…\(leave.until)", String(leave.days), status, leave.note)
            }
            Output.table(table)
        }
    }

    struct Unused: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "unused", abstract: L("年终未休年假：按日工资的 300% 支付（HR-3）。", "Unused annual leave at the year's end: paid at 300% of the daily wage (HR-3)."))
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("年份（默认今年）", "Year (default this year)"))) var year: Int?

        func run() throws {
            let session = try Session(global)
            let rows = try session.read { db in try LeaveQueries.unusedAnnualLeave(db, year: year ?? session.today.year) }
            if global.json { return Output.json(rows) }
            var table = TextTable([.init(L("员工", "Staff")), .init(L("应休", "Entitled"), alignment: .right), .init(L("已休", "Taken"), alignment: .right),
                                   .init(L("未休", "Owed"), alignment: .right), .init(L("日工资", "Daily wage"), alignment: .right),
                                   .init(L("应付", "Pay"), alignment: .right)])
            for row in rows {
                table.append(row.name, String(row.entitled), String(row.taken), String(row.owed), row.dailyWage?.description ?? L("未设", "not set"),
                             row.pay?.description ?? "")
            }
            Output.table(table)
        }
    }
}

struct WageCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "wage",
            abstract: L("员工档案上的日工资（HR-3：未休年假按它支付）。", "The daily wage on a staff record (HR-3: unused annual leave is paid from it)."),
            subcommands: [Assign.self]
        )
    }

    struct Assign: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "set", abstract: L("设定日工资。", "Set the daily wage."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("员工", "Staff member"))) var person: String
        @Option(help: ArgumentHelp(L("日工资", "Daily wage"))) var daily: String

        func run() throws {
            let session = try Session(global)
            let staff = try session.read { db in try CoreQueries.findStaff(db, person) }
            let money = try Money.parse(daily)
            try session.apply(WageSet(staff: staff.id, daily: money), as: actor)
            if !global.json { Output.line(L("\(staff.name) 的日工资：\(money.withSign)", "\(staff.name)'s daily wage: \(money.withSign)")) }
        }
    }
}

struct TrainingCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "training",
            abstract: L("新员工带教（HR-6）：主管记下内容和日期，最后签字。", "New staff's hands-on training (HR-6): the supervisor records topics and dates, then signs off."),
            subcommands: [Record.self, SignOff.self, Show.self]
        )
    }

    struct Record: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "record", abstract: L("记一次带教。", "Record a training session."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("新员工", "The new person"))) var person: String
        @Option(help: ArgumentHelp(L("内容", "Topic"))) var topic: String
        @Option(help: ArgumentHelp(L("日期（默认今天）", "Day (default today)"), valueName: "YYYY-MM-DD")) var day: String?

        func run() throws {
            let session = try Session(global)
            let staff = try session.read { db in try CoreQueries.findStaff(db, person) }
            try session.apply(TrainingRecorded(staff: staff.id, topic: topic, day: try day.map { try LeaveCommand.day($0, "--day") } ?? session.today), as: actor)
            if !global.json { Output.line(L("已记 \(staff.name) 的带教：\(topic)", "Recorded \(staff.name)'s training: \(topic)")) }
        }
    }

    struct SignOff: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "sign-off", abstract: L("主管签字：带教完成。", "The supervisor signs the training off."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("新员工", "The new person"))) var person: String

        func run() throws {
            let session = try Session(global)
            let staff = try session.read { db in try CoreQueries.findStaff(db, person) }
            try session.apply(TrainingSignedOff(staff: staff.id), as: actor)
            if !global.json { Output.line(L("\(staff.name) 的带教已签字", "\(staff.name)'s training is signed off")) }
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: L("一个人的带教记录。", "A person's training record."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("员工", "Staff member"))) var person: String

        func run() throws {
            let session = try Session(global)
            let (staff, record) = try session.read { db in
                let staff = try CoreQueries.findStaff(db, person)
                return (staff, try TrainingQueries.record(db, staff: staff.id))
            }
            if global.json { return Output.json(record) }
            var table = TextTable([.init(L("日期", "Day")), .init(L("内容", "Topic"), maxWidth: 40), .init(L("带教人", "Trainer"))])
            for topic in record.topics { table.append(topic.day, topic.topic, topic.trainer) }
            Output.table(table)
            Output.line(record.signedOffBy.map { L("\(staff.name)：\($0) 已签字", "\(staff.name): signed off by \($0)") }
                ?? L("\(staff.name)：未签字", "\(staff.name): not signed off yet"))
        }
    }
}
