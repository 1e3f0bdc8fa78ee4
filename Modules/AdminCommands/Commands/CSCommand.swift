import ArgumentParser
import CustomerCare
import Foundation
import Interchange
import ShopDomain
import Storage

struct CSCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "cs", abstract: L("客服日报（CS-12、CS-5）。", "The CS daily report (CS-12, CS-5)."), subcommands: [Daily.self])
    }
}

extension CSCommand {
    struct Daily: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "daily", abstract: L("每位客服一天的工作：咨询、转化、跟进、评价、投诉、退换货。",
                                                                   "Each agent's day: inquiries, conversion, follow-ups, reviews, complaints, returns."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("哪天（默认今天）", "Which day (default today)"))) var date: String?
        @Option(help: ArgumentHelp(L("只看某位客服", "Only this agent"))) var agent: String?
        @Option(help: ArgumentHelp(L("另存为 CSV 文件（UTF-8 带 BOM）", "Also write a CSV file (UTF-8 with BOM)"), valueName: "path")) var csv: String?

        func run() throws {
            let session = try Session(global)
            let day = try date.map(ComplaintCommand.Report.day) ?? session.today
            let report = try session.read { db in try CSDaily.report(db, day: day, agent: try agent.map { try CoreQueries.findStaff(db, $0).id }) }
            if let csv {
                let writer = try CSVWriter(path: csv)
                try writer.write(CSDaily.columns)
                try writer.write(report.rows.map(Self.fields))
                try writer.close()
            }
            if global.json { return Output.json(report) }
            var table = TextTable([.init(L("客服", "Agent")), .init(L("咨询", "Inq."), alignment: .right), .init(L("成交", "Won"), alignment: .right),
                                   .init(L("转化率", "Rate"), alignment: .right), .init(L("跟进", "Follow"), alignment: .right),
                                   .init(L("登记评价", "Reviews"), alignment: .right), .init(L("处理评价", "Handled"), alignment: .right),
                                   .init(L("补偿", "Refunds"), alignment: .right), .init(L("受理投诉", "Compl."), alignment: .right),
                                   .init(L("推进投诉", "Steps"), alignment: .right), .init(L("退换货", "Returns"), alignment: .right),
                                   .init(L("验货提醒", "Told"), alignment: .right)])
            for r in report.rows {
                table.append(r.agent, String(r.inquiries), String(r.won), r.conversion.map { String(format: "%.1f%%", $0) } ?? "", String(r.followUps),
                             String(r.reviewsAdded), String(r.reviewsHandled), r.compensation.description, String(r.complaintsOpened),
                             String(r.complaintSteps), String(r.returnsOpened), String(r.inspectionsTold))
            }
            Output.line(L("客服日报 \(day)", "CS daily \(day)"))
            Output.table(table)
        }

        static func fields(_ r: CSDailyRow) -> [String] {
            [r.agent, String(r.inquiries), String(r.won), String(r.lost), String(r.pending), r.conversion.map { String(format: "%.1f", $0) } ?? "",
             String(r.followUps), String(r.reviewsAdded), String(r.reviewsHandled), r.compensation.description, String(r.complaintsOpened),
             String(r.complaintSteps), String(r.returnsOpened), String(r.inspectionsTold)]
        }
    }
}
