import ArgumentParser
import Foundation
import ShopDomain
import Storage
import Workforce

struct FundCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "fund",
            abstract: L("部门基金（DISC-4）：交款、支出（总经理批准）、公开的账目和校验。",
                        "The department fund (DISC-4): pay in, spend (the GM approves), the open statement and its check."),
            subcommands: [Pay.self, Spend.self, Statement.self, Verify.self]
        )
    }
}

extension FundCommand {
    struct Pay: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "pay", abstract: L("记下实际交进基金箱的钱。", "Record money actually paid into the fund's box."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("交款人", "Who paid"))) var person: String
        @Option(help: ArgumentHelp(L("金额", "Amount"))) var amount: String
        @Option(help: ArgumentHelp(L("备注", "Note"))) var note = ""

        func run() throws {
            let session = try Session(global)
            let staff = try session.read { db in try CoreQueries.findStaff(db, person) }
            let money = try Money.parse(amount)
            try session.apply(FundPaid(staff: staff.id, amount: money, note: note), as: actor)
            if !global.json { Output.line(L("已记 \(staff.name) 交入基金 \(money.withSign)", "Recorded \(staff.name) paying \(money.withSign) into the fund")) }
        }
    }

    struct Spend: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "spend", abstract: L("总经理批准的团队活动支出，附收据照片。", "A team spending the GM approves, with the receipt's photo."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: ArgumentHelp(L("用途", "What for"))) var what: String
        @Option(help: ArgumentHelp(L("金额", "Amount"))) var amount: String
        @Option(help: ArgumentHelp(L("收据照片文件（记下它的 SHA-256）", "The receipt photo's file (its SHA-256 is recorded)"))) var receipt: String

        func run() throws {
            let session = try Session(global)
            let money = try Money.parse(amount)
            guard let bytes = FileManager.default.contents(atPath: receipt) else {
                throw PeopleError.receiptUnreadable(receipt)
            }
            let hash = ContentHash.of(bytes: bytes)
            try session.apply(FundSpent(what: what, amount: money, receipt: hash), as: actor)
            if !global.json { Output.line(L("已记支出 \(money.withSign)：\(what)（收据 \(hash.prefix(12))…）", "Recorded spending \(money.withSign): \(what) (receipt \(hash.prefix(12))…)")) }
        }
    }

    struct Statement: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "statement", abstract: L("基金账目：应交、已交、支出、余额，按人（所有人可看）。", "The fund's statement: owed, paid, spent, balance, per person (anyone may read it)."))
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("月份：2026-11（店铺时间）", "Month: 2026-11 (shop time)"))) var month: String?

        func validate() throws {
            if let month, !(month.count == 7 && CivilDate(month + "-01") != nil) {
                throw ValidationError(L("“\(month)”不是月份：应写成 2026-11", "“\(month)” is not a month: write it as 2026-11"))
            }
        }

        func run() throws {
            let session = try Session(global)
            let statement = try session.read { db in try FundQueries.statement(db, month: month) }
            if global.json { return Output.json(statement) }
            Output.line(L("部门基金\(month.map { " \($0)" } ?? "")：应交 \(statement.owed.withSign)，已交 \(statement.paid.withSign)，支出 \(statement.spent.withSign)，余额 \(statement.balance.withSign)",
                          "Department fund\(month.map { " \($0)" } ?? ""): owed \(statement.owed.withSign), paid \(statement.paid.withSign), spent \(statement.spent.withSign), balance \(statement.balance.withSign)"))
            var people = TextTable([.init(L("员工", "Staff")), .init(L("应交", "Owed"), alignment: .right), .init(L("已交", "Paid"), alignment: .right),
                                    .init(L("欠交", "Outstanding"), alignment: .right)])
            for person in statement.people {
                people.append(person.name, person.owed.description, person.paid.description, person.outstanding.description)
            }
            Output.table(people)
            var entries = TextTable([.init("#", alignment: .right), .init(L("时间", "When")), .init(L("类别", "Kind")), .init(L("员工", "Staff")),
                                     .init(L("金额", "Amount"), alignment: .right), .init(L("说明", "What"), maxWidth: 30), .init(L("收据", "Receipt"))])
            for entry in statement.entries {
                entries.append(String(entry.position), session.time(entry.at), entry.kind == "paid" ? L("交入", "paid in") : L("支出", "spent"),
                               entry.name, entry.amount.description, entry.what, entry.receipt.map { String($0.prefix(12)) } ?? "")
            }
            if !statement.entries.isEmpty { Output.table(entries) }
        }
    }

    struct Verify: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "verify", abstract: L("校验基金账目的哈希链：指出第一条被改或被删的记录。", "Check the fund's hash chain: names the first entry changed or removed."))
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session(global)
            let report = try session.read(FundQueries.verify)
            if global.json { Output.json(report) }
            guard let bad = report.firstBad else {
                if !global.json { Output.line(L("基金账目完好：\(report.entries) 条", "The fund's ledger is intact: \(report.entries) entries")) }
                return
            }
            throw PeopleError.fundBroken(entry: bad, removed: report.problem == "removed")
        }
    }
}
