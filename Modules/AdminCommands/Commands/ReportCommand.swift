import Approval
import ArgumentParser
import Foundation
import Reporting
import ShopDomain
import Storage

struct ReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report",
            abstract: L("店铺的日、周、月报表：表格、--json、--csv、--html（OPS-1、OPS-2、ORG-2）。",
                        "The shop's daily, weekly and monthly figures: tables, --json, --csv, --html (OPS-1, OPS-2, ORG-2)."),
            subcommands: [Sales.self, Inventory.self, Shipping.self, Staff.self, CS.self, Campaign.self, Fund.self]
        )
    }
}

/// The period and the formats every report takes.
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp(L("某一天，如 2026-11-30", "One day, e.g. 2026-11-30"), valueName: "day")) var date: String?
    @Option(help: ArgumentHelp(L("某一周，如 2026-W49", "One ISO week, e.g. 2026-W49"), valueName: "week")) var week: String?
    @Option(help: ArgumentHelp(L("某一月，如 2026-11（默认本月）", "One month, e.g. 2026-11 (default this month)"), valueName: "month")) var month: String?
    @Option(help: ArgumentHelp(L("另存为 CSV 文件（UTF-8 带 BOM，Excel 可直接打开）", "Also write a CSV file (UTF-8 with BOM, opens in Excel)"),
                               valueName: "file")) var csv: String?
    @Option(help: ArgumentHelp(L("另存为 HTML 页面（含图表，可打印 A4）", "Also write an HTML page (with charts, prints on A4)"),
                               valueName: "file")) var html: String?

    func period(_ session: Session) throws -> ReportPeriod {
        try ReportPeriod.parse(date: date, week: week, month: month, today: session.today)
    }
}

extension ReportCommand {
    /// Reports write nothing and SQLite refuses any damaged page they touch, so they skip the
    /// whole-file `quick_check` every other command runs first (issue 19): on a shop of 100,000
    /// orders it alone costs 0.2 s, on a million movements more than the 0.5 s a report may take
    /// (decision 0009). `report … --file` writes, and checks.
    static let checkIntegrity = false

    /// Prints a report (JSON or its table) and writes the files asked for. HTML is in Chinese.
    static func emit<R: Encodable>(_ report: R, json: Bool, options: ReportOptions, document: (Language) -> ReportDocument) throws {
        if let path = options.csv {
            try ReportFiles.csv(document(.current), to: path)
        }
        if let path = options.html {
            try ReportFiles.html(document(.zh), to: path)
        }
        if json { return Output.json(report) }
        print(document(.current).text(), terminator: "")
        for path in [options.csv, options.html].compactMap({ $0 }) { Output.line(L("已写入 \(path)", "Wrote \(path)")) }
    }

    struct Sales: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "sales", abstract: L("销售：订单、件数、销售额、退款、客单价，按日、按款、按颜色尺码，对照月度目标（OPS-1）。",
                                                                  "Sales: orders, units, revenue, refunds, average order, by day, style and colour × size, against the month's target (OPS-1)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ReportOptions
        @OptionGroup var actor: ActorOption
        @Flag(help: ArgumentHelp(L("作为本人的月度应交报告提交（ORG-2；需 --month）", "Hand it in as your monthly due report (ORG-2; needs --month)")))
        var file = false

        func run() throws {
            let session = try Session(global, checkIntegrity: file || ReportCommand.checkIntegrity)
            let period = try options.period(session)
            let report = try session.read { db in try SalesReport.build(db, period: period, today: session.today, zone: session.zone) }
            try ReportCommand.emit(report, json: global.json, options: options) { report.document(in: $0) }
            if file {
                let summary = L("\(period.label) 销售：订单 \(report.orders)，件数 \(report.units)，销售额 ¥\(report.revenue)，退款 ¥\(report.refunds)，净额 ¥\(report.net)",
                                "\(period.label) sales: \(report.orders) orders, \(report.units) units, revenue ¥\(report.revenue), refunds ¥\(report.refunds), net ¥\(report.net)")
                try ReportFiles.file("sales", period: period, summary: summary, session: session, actor: actor, json: global.json)
            }
        }
    }

    struct Inventory: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "inventory", abstract: L("库存：成本金额、可售/残次/预留、可售天数、补货建议（OPS-2、WH-6）。",
                                                                      "Inventory: value at cost, sellable/defective/reserved, days of cover, what to reorder (OPS-2, WH-6)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ReportOptions
        @OptionGroup var actor: ActorOption
        @Flag(help: ArgumentHelp(L("作为本人的库存统计提交（ORG-2；需 --month）", "Hand it in as your inventory statistics (ORG-2; needs --month)")))
        var file = false

        func run() throws {
            let session = try Session(global, checkIntegrity: file || ReportCommand.checkIntegrity)
            let period = try options.period(session)
            let now = session.now
            let report = try session.read { db in
                try InventoryReport.build(db, period: period, today: session.today, now: now, zone: session.zone)
            }
            try ReportCommand.emit(report, json: global.json, options: options) { report.document(in: $0, zone: session.zone) }
            if file {
                let summary = L("\(period.label) 库存：成本 ¥\(report.total.value)，可售 \(report.total.sellable)，残次 \(report.total.defective)",
                                "\(period.label) stock: ¥\(report.total.value) at cost, \(report.total.sellable) sellable, \(report.total.defective) defective")
                try ReportFiles.file("inventory", period: period, summary: summary, session: session, actor: actor, json: global.json)
            }
        }
    }

    struct Shipping: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "shipping", abstract: L("发货：按快递公司的打印、打包、交接、索赔、无法投递，及当月对账（LOG-11）。",
                                                                     "Shipping: printed, packed, handed over, claims and undeliverables per courier, and the month's reconciliation (LOG-11)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ReportOptions

        func run() throws {
            let session = try Session(global, checkIntegrity: ReportCommand.checkIntegrity)
            let period = try options.period(session)
            let report = try session.read { db in try ShippingReport.build(db, period: period, zone: session.zone) }
            try ReportCommand.emit(report, json: global.json, options: options) { report.document(in: $0) }
        }
    }

    struct Staff: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "staff", abstract: L("员工：班次、迟到、写与接的交接事项、罚款。",
                                                                  "Staff: shifts worked, lateness, handover items written and taken over, fines."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ReportOptions

        func run() throws {
            let session = try Session(global, checkIntegrity: ReportCommand.checkIntegrity)
            let period = try options.period(session)
            let report = try session.read { db in try StaffReport.build(db, period: period, zone: session.zone) }
            try ReportCommand.emit(report, json: global.json, options: options) { report.document(in: $0) }
        }
    }

    struct CS: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "cs", abstract: L("客服：每位客服的咨询、转化、跟进、评价、投诉、退换货（CS-12、CS-9）。",
                                                               "Customer service: each agent's inquiries, conversion, follow-ups, reviews, complaints, returns (CS-12, CS-9)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ReportOptions

        func run() throws {
            let session = try Session(global, checkIntegrity: ReportCommand.checkIntegrity)
            let period = try options.period(session)
            // CS-12, CS-9: CustomerCare's own computation (`cs daily`'s) over the period.
            let report = try session.read { db in try CSReport.build(db, period: period, today: session.today, zone: session.zone) }
            try ReportCommand.emit(report, json: global.json, options: options) { report.document(in: $0) }
        }
    }

    struct Campaign: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "campaign", abstract: L("一场活动的收支报表（CAMP-3）。", "One campaign's statement (CAMP-3)."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("活动编号", "Campaign ID"))) var id: String
        @OptionGroup var options: ReportOptions

        func run() throws {
            let session = try Session(global, checkIntegrity: ReportCommand.checkIntegrity)
            _ = try options.period(session)
            // CAMP-3: Approval's own computation; an unknown campaign is its one-line refusal.
            let report = try session.read { db in try CampaignReport.compute(db, id) }
            try ReportCommand.emit(report, json: global.json, options: options) { report.document(in: $0) }
        }
    }

    struct Fund: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "fund", abstract: L("部门基金：应交罚款、交入、支出、每日余额、每人尚欠（DISC-4）。",
                                                                 "The department fund: fines owed, paid in, spent, the balance each day, what each person still owes (DISC-4)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ReportOptions

        func run() throws {
            let session = try Session(global, checkIntegrity: ReportCommand.checkIntegrity)
            let period = try options.period(session)
            // DISC-4: Workforce's own statement (`fund statement`'s) over the period.
            let report = try session.read { db in try FundReport.build(db, period: period, today: session.today, zone: session.zone) }
            try ReportCommand.emit(report, json: global.json, options: options) { report.document(in: $0, zone: session.zone) }
        }
    }
}
