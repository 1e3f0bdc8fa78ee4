import ArgumentParser
import Foundation
import ShopDomain
import Storage
import Workforce

struct StaffCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "staff",
            abstract: L("员工与岗位（ORG-1）。", "Staff and their roles (ORG-1)."),
            subcommands: [Add.self, List.self, Show.self, Deactivate.self, Pin.self]
        )
    }
}

extension StaffCommand {
    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "add",
                abstract: L("添加员工（需要总经理或店长）。", "Add a staff member (needs the GM or shop manager)."),
                discussion: L("岗位：", "Roles: ") + Role.allCases.map { "\($0.rawValue) (\($0.title(in: .current)))" }.joined(separator: ", ")
            )
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption

        @Argument(help: ArgumentHelp(L("姓名", "The person's name"), valueName: "name"))
        var name: String

        @Option(help: ArgumentHelp(L("岗位，多个用逗号分开：cs-agent,shipper", "Roles, comma-separated: cs-agent,shipper"), valueName: "roles"))
        var role: String

        @Option(help: ArgumentHelp(L("性别 f 或 m", "Gender f or m"), valueName: "f|m"))
        var gender: String?

        @Option(help: ArgumentHelp(L("出生日期", "Date of birth"), valueName: "YYYY-MM-DD"))
        var birth: String?

        func validate() throws {
            if let gender, Staff.Gender(rawValue: gender) == nil {
                throw ValidationError(L("--gender 只能是 f 或 m", "--gender must be f or m"))
            }
            if let birth, CivilDate(birth) == nil {
                throw ValidationError(L("--birth 应写成 YYYY-MM-DD，例如 1990-05-01", "--birth must be YYYY-MM-DD, e.g. 1990-05-01"))
            }
        }

        func run() throws {
            let database = try global.open()
            let me = try actor.resolve(in: database)
            let roles = try Staff.parseRoles(role)
            let payload = StaffAdded(staff: IDSource.random.next(), name: try Staff.validateName(name), roles: roles,
                                     gender: gender.flatMap(Staff.Gender.init(rawValue:)), birthDate: birth.flatMap(CivilDate.init))
            try database.apply(OpDraft(actor: me.id, payload))
            let added = try database.read { db in try CoreQueries.staff(db, id: payload.staff) }!
            if global.json {
                Output.json(StaffJSON(added))
            } else {
                Output.line(L("已添加 \(added.name)（\(StaffJSON.titles(added.roles))），编号 \(added.id.short)",
                              "Added \(added.name) (\(StaffJSON.titles(added.roles))), ID \(added.id.short)"))
            }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("列出员工及其岗位。", "List staff and their roles."))
        }

        @OptionGroup var global: GlobalOptions

        @Flag(help: ArgumentHelp(L("也列出已停用的员工", "Include deactivated staff")))
        var all = false

        func run() throws {
            let database = try global.open()
            let records = try database.read { db in try CoreQueries.staffList(db, includeInactive: all) }
            if global.json {
                Output.json(records.map { StaffJSON($0.staff) })
                return
            }
            var table = TextTable([
                .init(L("姓名", "Name")), .init(L("岗位", "Roles")), .init(L("性别", "Gender")),
                .init(L("生日", "Born")), .init(L("状态", "Status")), .init(L("编号", "ID")),
            ])
            for record in records {
                let s = record.staff
                table.append(s.name, StaffJSON.titles(s.roles), s.gender.map(StaffJSON.gender) ?? "",
                             s.birthDate?.description ?? "", s.active ? L("在职", "active") : L("已停用", "inactive"), s.id.short)
            }
            Output.table(table)
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: L("查看一位员工。", "Show one staff member."))
        }

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(L("姓名或编号", "Name or ID"), valueName: "staff"))
        var who: String

        func run() throws {
            let database = try global.open()
            let zone = try database.zone()
            let (staff, record) = try database.read { db in
                let staff = try CoreQueries.findStaff(db, who)
                return (staff, try CoreQueries.staffList(db).first { $0.staff.id == staff.id }!)
            }
            if global.json {
                Output.json(StaffJSON(staff, record: record))
                return
            }
            var table = TextTable(L("项目", "Field"), L("内容", "Value"))
            table.append(L("姓名", "Name"), staff.name)
            table.append(L("编号", "ID"), staff.id.rawValue)
            table.append(L("岗位", "Roles"), StaffJSON.titles(staff.roles) + "  (" + staff.roles.map(\.rawValue).joined(separator: ",") + ")")
            table.append(L("性别", "Gender"), staff.gender.map(StaffJSON.gender) ?? "")
            table.append(L("生日", "Born"), staff.birthDate?.description ?? "")
            table.append(L("状态", "Status"), staff.active ? L("在职", "active") : L("已停用", "inactive"))
            table.append(L("加入", "Joined"), zone.format(record.addedAt))
            if let left = record.leftAt {
                table.append(L("停用", "Left"), zone.format(left) + (record.leftReason.map { "  " + $0 } ?? ""))
            }
            let permissions = Permission.allCases.filter(staff.may).map { $0.describe(in: .current) }
            table.append(L("权限", "May"), permissions.isEmpty ? "-" : permissions.joined(separator: L("、", ", ")))
            // Workforce's part of the record: the daily wage (HR-3) and the training (HR-6).
            let (wage, training) = try database.read { db in
                (try LeaveQueries.dailyWage(db, staff: staff.id), try TrainingQueries.record(db, staff: staff.id))
            }
            if let wage { table.append(L("日工资", "Daily wage"), wage.withSign) }
            for topic in training.topics {
                table.append(L("带教", "Training"), "\(topic.day) \(topic.topic)（\(topic.trainer)）")
            }
            if let by = training.signedOffBy { table.append(L("带教签字", "Training signed off"), by) }
            Output.table(table)
        }
    }

    struct Deactivate: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "deactivate", abstract: L("停用员工：历史保留，不能再操作。", "Deactivate a staff member: history stays, they can no longer act."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption

        @Argument(help: ArgumentHelp(L("姓名或编号", "Name or ID"), valueName: "staff"))
        var who: String

        @Option(help: ArgumentHelp(L("原因", "Why"), valueName: "text"))
        var reason: String?

        func run() throws {
            let database = try global.open()
            let me = try actor.resolve(in: database)
            let staff = try database.read { db in try CoreQueries.findStaff(db, who) }
            try database.apply(OpDraft(actor: me.id, StaffDeactivated(staff: staff.id, reason: reason?.trimmingWhitespace())))
            if global.json {
                var json = StaffJSON(staff)
                json.active = false
                Output.json(json)
            } else {
                Output.line(L("已停用 \(staff.name)", "Deactivated \(staff.name)"))
            }
        }
    }
}

/// A staff member in `--json` output.
struct StaffJSON: Encodable {
    var id: String
    var name: String
    var roles: [String]
    var gender: String?
    var birthDate: String?
    var active: Bool
    var addedAt: Date?
    var leftAt: Date?

    init(_ staff: ShopDomain.Staff, record: StaffRecord? = nil) {
        id = staff.id.rawValue
        name = staff.name
        roles = staff.roles.map(\.rawValue)
        gender = staff.gender?.rawValue
        birthDate = staff.birthDate?.description
        active = staff.active
        addedAt = record?.addedAt
        leftAt = record?.leftAt
    }

    static func titles(_ roles: [Role]) -> String {
        roles.map { $0.title(in: .current) }.joined(separator: L("、", ", "))
    }

    static func gender(_ gender: ShopDomain.Staff.Gender) -> String {
        switch gender {
        case .female: L("女", "F")
        case .male: L("男", "M")
        }
    }
}
