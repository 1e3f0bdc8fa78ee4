import ArgumentParser
import Foundation
import Logistics
import ShopDomain
import Storage

struct CourierCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "courier",
            abstract: L("快递公司：协议价、寄件人、月结对账单导入与逐单核对（LOG-11）。", "Couriers: agreed prices, the sender, monthly statements imported and reconciled line by line (LOG-11)."),
            subcommands: [Rate.self, Sender.self, Statement.self, Reconcile.self]
        )
    }
}

extension CourierCommand {
    struct Rate: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "rate", abstract: L("设协议价：首重 1 公斤价格、续重每公斤价格，可按省份。", "Set the agreed price: first kilogram and each further kilogram, optionally per province."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: ArgumentHelp(L("快递公司", "Courier"))) var courier: String
        @Option(help: ArgumentHelp(L("首重价", "First kg"))) var firstKg: String
        @Option(help: ArgumentHelp(L("续重每公斤价", "Each further kg"))) var extraKg: String
        @Option(help: ArgumentHelp(L("省份（地址开头，如 新疆）；不写为默认", "Province as addresses begin (e.g. 新疆); omit for the default"))) var region: String?

        func run() throws {
            let first = try money(firstKg, "--first-kg"), extra = try money(extraKg, "--extra-kg")  // issue 19
            let session = try Session(global)
            let code = try Courier.parse(courier)
            try session.apply(CourierRateSet(courier: code, region: region, firstKg: first, extraKg: extra), as: actor)
            if !global.json { Output.line(L("\(code.chineseName) \(region ?? "默认")：首重 \(firstKg)，续重 \(extraKg)/公斤", "\(code.code) \(region ?? "default"): first kg \(firstKg), each further kg \(extraKg)")) }
        }
    }

    struct Sender: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "sender", abstract: L("设置面单上的寄件人（LOG-1）。", "Set the sender printed on every label (LOG-1)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: ArgumentHelp(L("寄件人", "Sender name"))) var name: String
        @Option(help: ArgumentHelp(L("电话", "Phone"))) var phone: String
        @Option(help: ArgumentHelp(L("地址", "Address"))) var address: String

        func run() throws {
            let session = try Session(global)
            try session.apply(SenderSet(name: name, phone: phone, address: address), as: actor)
            if !global.json { Output.line(L("寄件人：\(name) \(phone) \(address)", "Sender: \(name) \(phone) \(address)")) }
        }
    }

    struct Reconcile: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "reconcile", abstract: L(
                "逐单核对月结对账单：对上的、运费差异、不是我们的、我们有但单上没有的、索赔与无法投递的扣款，以及合计（LOG-11）。",
                "Reconcile a month's statement line by line: matched, fee differences, lines not ours, ours missing, deductions for claims and undeliverables, and the totals (LOG-11)."))
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("快递公司", "Courier"))) var courier: String
        @Option(help: ArgumentHelp(L("月份，如 2026-11", "Month, like 2026-11"))) var month: String
        @Option(help: ArgumentHelp(L("另存为 CSV 文件", "Also write a CSV file"))) var csv: String?
        @Flag(help: ArgumentHelp(L("表格里也列出对上的行", "List matched lines in the table too"))) var all = false

        func run() throws {
            let session = try Session(global)
            let code = try Courier.parse(courier)
            let report = try session.read { db in try Reconciliation.run(db, courier: code, month: month, zone: session.zone) }
            if let csv { try ReconcileFile.write(report, to: csv) }
            if global.json { return Output.json(report) }
            // Each line explainable (LOG-11): the weight the agreed price comes from (the courier's
            // written one, LOG-6, else the statement's), the statement's own, and the rate applied.
            var table = TextTable([.init(L("核对", "Check")), .init(L("快递单", "Waybill")), .init(L("对账单行", "Line"), alignment: .right),
                                   .init(L("计费重量", "Weight"), alignment: .right), .init(L("对账单重量", "Stmt weight"), alignment: .right),
                                   .init(L("应付", "Charged"), alignment: .right), .init(L("协议价", "Agreed"), alignment: .right),
                                   .init(L("计算", "Rate")), .init(L("差额", "Difference"), alignment: .right)])
            for line in report.lines where all || line.kind != .matched {
                let weight = line.grams.map { Self.kg($0) + (line.weightFrom == "written" ? L("（快递员写）", " (written)") : "") } ?? ""
                let check = Self.kind(line.kind) + (line.kind == .otherMonth ? (line.handedOn?.isEmpty ?? true ? L("（未交接）", " (not handed over)") : L("（\(line.handedOn!) 交接）", " (handed over \(line.handedOn!))")) : "")
                table.append(check, line.waybill, line.statementLine.map(String.init) ?? "", weight, line.statementGrams.map { Self.kg($0) } ?? "",
                             line.charged?.description ?? "", line.expected?.description ?? "", line.rate.map(Self.rate) ?? "", line.difference?.description ?? "")
            }
            for d in report.deductions {
                table.append(d.reason == "undeliverable" ? L("无法投递扣款", "undeliverable") : L("索赔扣款", "claim"), d.waybill, "", "", "", "", "", "", "-" + d.amount.description)
            }
            Output.table(table)
            let matched = report.lines.filter { $0.kind == .matched }.count
            Output.line(L("\(code.chineseName) \(month)：对上 \(matched) 行；对账单合计 \(report.statementTotal)，非我方 \(report.notOursTotal)，非本月 \(report.otherMonthTotal)，多收 \(report.overcharged)，扣款 \(report.deductionsTotal)，应付 \(report.payable)",
                          "\(code.code) \(month): \(matched) matched; statement \(report.statementTotal), not ours \(report.notOursTotal), other months \(report.otherMonthTotal), overcharged \(report.overcharged), deductions \(report.deductionsTotal), to pay \(report.payable)"))
            if report.deductionsUncovered > .zero {
                Output.line(L("扣款超出应付 \(report.deductionsUncovered)：本月应付记为 0，超出部分另向快递公司追讨（或从下月扣）",
                              "deductions exceed what is owed by \(report.deductionsUncovered): this month's payment is 0; claim the rest from the courier (or deduct it next month)"))
            }
        }

        static func kind(_ kind: Reconciliation.Line.Kind) -> String {
            switch kind {
            case .matched: L("对上", "matched")
            case .feeDifference: L("运费差异", "fee differs")
            case .notOurs: L("非我方单号", "not ours")
            case .voided: L("已作废单号", "voided by us")
            case .missing: L("单上缺少", "missing")
            case .otherMonth: L("非本月交接", "another month")
            }
        }

        /// `5.00+2×2.00`: first kilogram plus started kilograms after it, at the agreed rate.
        static func rate(_ rate: Reconciliation.Rate) -> String {
            rate.firstKg.description + (rate.extraKilograms > 0 ? "+\(rate.extraKilograms)×\(rate.extraKg)" : "") + (rate.region.isEmpty ? "" : " \(rate.region)")
        }

        static func kg(_ grams: Int) -> String { String(format: "%.2f", Double(grams) / 1000) }
    }
}
