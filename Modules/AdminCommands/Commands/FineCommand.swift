import ArgumentParser
import Foundation
import ShopDomain
import Storage
import Workforce

struct FineCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "fine",
            abstract: L("罚款记录（DISC-3：如 LOG-12 错发）。", "Fines booked (DISC-3: such as LOG-12 mis-shipments)."),
            subcommands: [List.self]
        )
    }
}

extension FineCommand {
    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("列出罚款，可按员工筛选。", "List fines, optionally for one person."))
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("员工", "Staff member"))) var staff: String?

        func run() throws {
            let session = try Session(global)
            let fines = try session.read { db in
                try FineQueries.fines(db, staff: try staff.map { try CoreQueries.findStaff(db, $0).id })
            }
            if global.json { return Output.json(fines) }
            var table = TextTable([.init(L("时间", "When")), .init(L("员工", "Staff")), .init(L("金额", "Amount"), alignment: .right),
                                   .init(L("规则", "Rule")), .init(L("原因", "Reason"))])
            for fine in fines {
                table.append(session.time(fine.at), fine.name, fine.amount.description, fine.rule, Language.current.pick(zh: fine.reasonZh, en: fine.reasonEn))
            }
            Output.table(table)
        }
    }
}
