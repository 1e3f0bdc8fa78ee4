import ArgumentParser
import Foundation
import Reporting
import ShopDomain

struct TargetCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "target",
            abstract: L("月度销售目标（ORG-2：总经理的月度销售计划）。", "The monthly sales target (ORG-2: the GM's monthly sales plan)."),
            subcommands: [SetTarget.self, Show.self]
        )
    }

    struct SetTarget: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "set", abstract: L("设定某月的销售目标（仅总经理；再设会替换）。", "Set a month's sales target (GM only; setting it again replaces it)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: ArgumentHelp(L("月，如 2026-11", "Month, e.g. 2026-11"))) var month: String
        @Option(help: ArgumentHelp(L("金额（元），如 150000", "Amount in yuan, e.g. 150000"))) var amount: String

        func run() throws {
            let session = try Session(global)
            guard ReportPeriod.monthStart(month) != nil else { throw ReportingError.badMonth(month) }
            let money = try Money.parse(amount)
            try session.apply(SalesTargetSet(month: month.trimmingWhitespace(), amount: money), as: actor)
            if !global.json { Output.line(L("\(month) 销售目标：¥\(money)", "Sales target for \(month): ¥\(money)")) }
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: L("某月的销售目标（默认本月）。", "A month's sales target (default this month)."))
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("月，如 2026-11", "Month, e.g. 2026-11"))) var month: String?

        func run() throws {
            let session = try Session(global)
            let key = month ?? session.today.monthKey
            guard ReportPeriod.monthStart(key) != nil else { throw ReportingError.badMonth(key) }
            let target = try session.read { db in try Reporting.target(db, month: key) }
            struct Shown: Encodable { var month: String; var amount: Money? }
            if global.json { return Output.json(Shown(month: key, amount: target)) }
            Output.line(target.map { L("\(key) 销售目标：¥\($0)", "Sales target for \(key): ¥\($0)") }
                ?? L("\(key) 还没有销售目标", "No sales target for \(key) yet"))
        }
    }
}
