import ArgumentParser
import ShopDomain
import Storage

struct PolicyCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "policy",
            abstract: L("规章参数：金额、门槛、期限，各带规则编号与生效日期。", "Policy: every amount, threshold and period of the rules, with its rule ID and effective date."),
            subcommands: [Show.self, Set.self]
        )
    }
}

extension PolicyCommand {
    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: L("列出每条规章参数、当前值及生效日期。", "List every policy item, its value and since when."))
        }

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp(L("查看某天生效的值（默认今天）", "Show the values in force on this day (default today)"), valueName: "YYYY-MM-DD"))
        var on: String?

        @Option(help: ArgumentHelp(L("只看某条规则，如 LOG-2", "Only one rule, e.g. LOG-2"), valueName: "rule"))
        var rule: String?

        func validate() throws {
            if let on, CivilDate(on) == nil { throw ValidationError(L("--on 应写成 YYYY-MM-DD", "--on must be YYYY-MM-DD")) }
        }

        func run() throws {
            let database = try global.open()
            let zone = try database.zone()
            let day = on.flatMap(CivilDate.init) ?? zone.day(of: database.clock.now())
            let policy = try database.read(CoreQueries.policy)
            let items = PolicyCatalog.items.filter { item in
                rule.map { item.rule.caseInsensitiveCompare($0) == .orderedSame } ?? true
            }
            let rows = items.map { item in
                let (value, since) = policy.value(of: item, on: day)
                return Row(rule: item.rule, key: item.id, description: item.describe(in: .current),
                           value: value.description, display: value.display(in: .current), since: since.description,
                           upcoming: policy.upcoming(of: item, after: day).map { Upcoming(value: $0.value.description, from: $0.effectiveFrom.description) })
            }
            if global.json {
                Output.json(rows)
                return
            }
            var table = TextTable([
                .init(L("规则", "Rule")), .init(L("参数", "Key")), .init(L("说明", "Meaning"), maxWidth: 40),
                .init(L("当前值", "Value"), alignment: .right), .init(L("生效自", "Since")), .init(L("待生效", "Scheduled")),
            ])
            for row in rows {
                table.append(row.rule, row.key, row.description, row.display, row.since,
                             row.upcoming.map { "\($0.value) @ \($0.from)" } ?? "")
            }
            Output.table(table)
        }

        struct Row: Encodable {
            var rule, key, description, value, display, since: String
            var upcoming: Upcoming?
        }

        struct Upcoming: Encodable {
            var value, from: String
        }
    }

    struct Set: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "set",
                abstract: L("修改一项规章参数，从某天起生效（需要总经理）。", "Change a policy value from a day on (needs the GM)."),
                discussion: L("例：zhanggui policy set CS-10.low-stock 8 --from 2026-12-01 --as 黄乔\n之前的日子保持原值。",
                              "Example: zhanggui policy set CS-10.low-stock 8 --from 2026-12-01 --as 黄乔\nEarlier days keep the earlier value.")
            )
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption

        @Argument(help: ArgumentHelp(L("参数名，如 LOG-2.fine", "The key, e.g. LOG-2.fine"), valueName: "key"))
        var key: String

        @Argument(help: ArgumentHelp(L("新值，如 100.00、10、16:00、16:00-24:00", "The new value: 100.00, 10, 16:00, 16:00-24:00 …"), valueName: "value"))
        var value: String

        @Option(help: ArgumentHelp(L("生效日期（默认今天）", "Effective from (default today)"), valueName: "YYYY-MM-DD"))
        var from: String?

        func validate() throws {
            if let from, CivilDate(from) == nil { throw ValidationError(L("--from 应写成 YYYY-MM-DD", "--from must be YYYY-MM-DD")) }
        }

        func run() throws {
            let database = try global.open()
            let me = try actor.resolve(in: database)
            let today = try database.zone().day(of: database.clock.now())
            let change = try Policy.validate(key: key, value: value, from: from.flatMap(CivilDate.init) ?? today, today: today)
            try database.apply(OpDraft(actor: me.id, change))
            if global.json {
                Output.json(["key": change.key, "value": change.value, "from": change.effectiveFrom.description])
            } else {
                Output.line(L("\(change.key) 自 \(change.effectiveFrom) 起为 \(change.value)", "\(change.key) is \(change.value) from \(change.effectiveFrom)"))
            }
        }
    }
}
