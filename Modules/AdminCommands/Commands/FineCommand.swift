import ArgumentParser
import Foundation
import ShopDomain
import Storage
import Workforce

struct FineCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "fine",
            abstract: L("罚款（DISC-1..3）：记罚款、申诉、总经理免除（ORG-3）、列出。",
                        "Fines (DISC-1..3): book, contest, the GM's waiver (ORG-3), list."),
            subcommands: [Book.self, Contest.self, Waive.self, List.self]
        )
    }
}

extension FineCommand {
    struct Book: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "book", abstract: L("主管记一笔罚款（DISC-2：每次 10 元）。", "A supervisor books a fine (DISC-2: 10 yuan each)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("被罚的员工", "Who is fined"))) var person: String
        @Option(help: ArgumentHelp(L("规则：DISC-2，DISC-1（服务投诉，按月递增），DISC-3（加 --amount）", "Rule: DISC-2, DISC-1 (service complaint, escalating by month), DISC-3 (with --amount)")))
        var rule = "DISC-2"
        @Option(help: ArgumentHelp(L("做了什么", "What happened"))) var what: String
        @Option(help: ArgumentHelp(L("金额（规则没有规定金额时）", "Amount (for a rule with no set amount)"))) var amount: String?

        func run() throws {
            let session = try Session(global)
            let staff = try session.read { db in try CoreQueries.findStaff(db, person) }
            let money = try amount.map { try Money.parse($0) }
            let op = try session.apply(FineBooked(staff: staff.id, rule: rule.uppercased(), what: what.trimmingWhitespace(), amount: money), as: actor)
            let fine = try session.read { db in try FineQueries.fine(db, key: String(op.hash.prefix(10))) }
            if global.json { return Output.json(fine) }
            if let fine {
                Output.line(L("已记罚款 \(fine.key)：\(staff.name) \(fine.amount.withSign)（\(fine.rule)）",
                              "Booked fine \(fine.key): \(staff.name) \(fine.amount.withSign) (\(fine.rule))"))
                if fine.dismissal {
                    Output.line(L("注意：\(staff.name) 本月投诉已达辞退次数，请总经理决定（DISC-1）",
                                  "Note: \(staff.name)'s complaints this month reach dismissal: for the GM to decide (DISC-1)"))
                }
            }
        }
    }

    struct Contest: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "contest", abstract: L("对罚款申诉（由总经理决定，ORG-3）。", "Contest a fine (the GM decides, ORG-3)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("罚款编号", "Fine key"))) var fine: String
        @Option(help: ArgumentHelp(L("理由", "Why"))) var reason: String

        func run() throws {
            let session = try Session(global)
            let key = try session.read { db in try FineQueries.fine(db, key: fine)?.key } ?? fine
            try session.apply(FineContested(fine: key, reason: reason), as: actor)
            if !global.json { Output.line(L("已申诉 \(key)：等总经理决定", "Contested \(key): the GM decides")) }
        }
    }

    struct Waive: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "waive", abstract: L("总经理免除一笔罚款（ORG-3），须写理由。", "The GM waives a fine (ORG-3), with a reason."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("罚款编号", "Fine key"))) var fine: String
        @Option(help: ArgumentHelp(L("理由", "Why"))) var reason: String

        func run() throws {
            let session = try Session(global)
            let key = try session.read { db in try FineQueries.fine(db, key: fine)?.key } ?? fine
            try session.apply(FineWaived(fine: key, reason: reason), as: actor)
            if !global.json { Output.line(L("已免除 \(key)", "Waived \(key)")) }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("列出罚款，可按员工、月份、规则筛选。", "List fines, by person, month, rule."))
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("员工", "Staff member"))) var staff: String?
        @Option(help: ArgumentHelp(L("月份：2026-11（店铺时间）", "Month: 2026-11 (shop time)"))) var month: String?
        @Option(help: ArgumentHelp(L("规则：DISC-2", "Rule: DISC-2"))) var rule: String?

        func validate() throws {
            if let month, !(month.count == 7 && CivilDate(month + "-01") != nil) {
                throw ValidationError(L("“\(month)”不是月份：应写成 2026-11", "“\(month)” is not a month: write it as 2026-11"))
            }
        }

        func run() throws {
            let session = try Session(global)
            let fines = try session.read { db in
                try FineQueries.fines(db, staff: try staff.map { try CoreQueries.findStaff(db, $0).id }, month: month, rule: rule?.uppercased())
            }
            if global.json { return Output.json(fines) }
            var table = TextTable([.init(L("编号", "Key")), .init(L("时间", "When")), .init(L("员工", "Staff")),
                                   .init(L("金额", "Amount"), alignment: .right), .init(L("规则", "Rule")), .init(L("原因", "Reason"), maxWidth: 40),
                                   .init(L("状态", "State"))])
            for fine in fines {
                var state: [String] = []
                if let n = fine.escalation { state.append(L("本月第 \(n) 次", "#\(n) this month")) }
                if fine.dismissal, fine.waived == nil { state.append(L("达辞退次数：总经理决定", "reaches dismissal: for the GM")) }
                if fine.contested != nil, fine.waived == nil { state.append(L("申诉中", "contested")) }
                if let reason = fine.waived { state.append(L("已免除：\(reason)", "waived: \(reason)")) }
                table.append(fine.key, session.time(fine.at), fine.name, fine.amount.description, fine.rule,
                             Language.current.pick(zh: fine.reasonZh, en: fine.reasonEn), state.joined(separator: "；"))
            }
            Output.table(table)
        }
    }
}
