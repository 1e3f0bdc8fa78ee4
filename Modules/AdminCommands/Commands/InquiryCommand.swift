import ArgumentParser
import CustomerCare
import Foundation
import ShopActions
import ShopDomain
import Storage

struct InquiryCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "inquiry",
            abstract: L("售前咨询与转化（CS-9、CS-5）：登记、转化率、未付款跟进。",
                        "Pre-sale inquiries and conversion (CS-9, CS-5): log, conversion, unpaid follow-ups."),
            subcommands: [Log.self, List.self, Conversion.self, Reasons.self, ReasonAdd.self, FollowUps.self, FollowUp.self]
        )
    }
}

extension InquiryCommand {
    struct Log: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "log", abstract: L("登记一次咨询：买家、商品、结果（成交/未成交+原因/待定）。",
                                                                 "Log an inquiry: buyer, products, outcome (won / lost with a reason / pending)."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("买家昵称", "Buyer nick"))) var buyer: String
        @Option(name: .customLong("product"), help: ArgumentHelp(L("咨询的商品（可多次）", "A product asked about (repeatable)"))) var products: [String] = []
        @Option(help: ArgumentHelp(L("won（成交）、lost（未成交）或 pending（待定）", "won, lost or pending"))) var outcome: String = "pending"
        @Option(help: ArgumentHelp(L("未成交原因（见 inquiry reasons）", "Why it was lost (see inquiry reasons)"))) var reason: String?
        @Option(help: ArgumentHelp(L("成交的订单", "The order it turned into"))) var order: String?

        func run() throws {
            guard let outcome = InquiryOutcome(parsing: outcome) else {
                throw ValidationError(L("结果只能是 won（成交）、lost（未成交）或 pending（待定）", "the outcome is won, lost or pending"))
            }
            let session = try Session(global)
            let id = try session.logInquiry(buyer: buyer, products: products, outcome: outcome, reason: reason, order: order,
                                            as: try actor.resolve(in: session)).inquiry
            Output.line(L("已登记咨询 \(id)：\(outcome.name(in: .zh))", "inquiry \(id) logged: \(outcome.name(in: .en))"))
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("某天的咨询及其现在的结果（付款的订单自动算成交）。",
                                                                  "A day's inquiries with their outcome now (a paid order converts them)."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("哪天（默认今天）", "Which day (default today)"))) var date: String?
        @Option(help: ArgumentHelp(L("只看某位客服", "Only this agent"))) var agent: String?

        func run() throws {
            let session = try Session(global)
            let day = try date.map(ComplaintCommand.Report.day) ?? session.today
            let records = try session.read { db in
                try InquiryQueries.inquiries(db, from: session.zone.start(of: day).millis, until: session.zone.start(of: day.adding(days: 1)).millis,
                                             agent: try agent.map { try CoreQueries.findStaff(db, $0).id })
            }
            if global.json { return Output.json(records) }
            var table = TextTable([.init(L("编号", "ID")), .init(L("时间", "When")), .init(L("客服", "Agent")), .init(L("买家", "Buyer")),
                                   .init(L("商品", "Products")), .init(L("结果", "Outcome")), .init(L("原因", "Reason")), .init(L("订单", "Order"))])
            for r in records {
                table.append(r.inquiry, session.time(r.at), r.agent, r.buyer, r.products,
                             r.outcome.name(in: .current) + (r.outcome != r.logged ? L("（自动）", " (auto)") : ""), r.reason ?? "", r.order ?? "")
            }
            Output.table(table)
        }
    }

    struct Conversion: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "conversion", abstract: L("每位客服的转化率，按日、周或月（CS-9）。", "Conversion per agent per day, week or month (CS-9)."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("day|week|month")) var by: String = "day"
        @Option(help: ArgumentHelp(L("起始日（默认 30 天前）", "From (default 30 days ago)"))) var from: String?
        @Option(help: ArgumentHelp(L("截止日（默认今天）", "Until (default today)"))) var until: String?
        @Option(help: ArgumentHelp(L("只看某位客服", "Only this agent"))) var agent: String?

        func run() throws {
            guard let period = InquiryQueries.Period(rawValue: by) else { throw ValidationError(L("--by 只能是 day、week 或 month", "--by is day, week or month")) }
            let session = try Session(global)
            let start = try from.map(ComplaintCommand.Report.day) ?? session.today.adding(days: -30)
            let end = try until.map(ComplaintCommand.Report.day) ?? session.today
            let rows = try session.read { db in
                try InquiryQueries.conversion(db, from: start, until: end, by: period, agent: try agent.map { try CoreQueries.findStaff(db, $0).id })
            }
            if global.json { return Output.json(rows) }
            var table = TextTable([.init(L("期间", "Period")), .init(L("客服", "Agent")), .init(L("咨询", "Inquiries"), alignment: .right),
                                   .init(L("成交", "Won"), alignment: .right), .init(L("未成交", "Lost"), alignment: .right),
                                   .init(L("待定", "Pending"), alignment: .right), .init(L("转化率", "Rate"), alignment: .right)])
            for r in rows {
                table.append(r.period, r.agent, String(r.inquiries), String(r.won), String(r.lost), String(r.pending),
                             r.rate.map { String(format: "%.1f%%", $0) } ?? "")
            }
            Output.table(table)
        }
    }

    struct Reasons: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "reasons", abstract: L("未成交原因清单。", "The list of reasons an inquiry is lost for."))
        }
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session(global)
            let reasons = try session.read(InquiryQueries.reasons)
            if global.json { return Output.json(reasons) }
            for reason in reasons { Output.line(reason) }
        }
    }

    struct ReasonAdd: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "reason-add", abstract: L("往未成交原因清单加一条。", "Add a reason to the list."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("原因", "Reason"))) var reason: String

        func run() throws {
            let session = try Session(global)
            try session.apply(InquiryReasonAdded(reason: reason), as: actor)
            Output.line(L("已加入原因：\(reason)", "reason added: \(reason)"))
        }
    }

    struct FollowUps: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "followups", abstract: L("未付款订单跟进清单（CS-5）。", "Unpaid orders to follow up (CS-5)."))
        }
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session(global)
            let items = try session.read { try InquiryQueries.followUps($0) }
            if global.json { return Output.json(items) }
            var table = TextTable([.init(L("订单编号", "Order")), .init(L("买家", "Buyer")), .init(L("金额", "Total"), alignment: .right),
                                   .init(L("下单时间", "Created")), .init(L("跟进", "Follow-ups"), alignment: .right), .init(L("最近跟进", "Last"))])
            for i in items {
                table.append(i.order, i.buyer ?? "", i.total.description, session.time(i.createdAt), String(i.followUps.count),
                             i.followUps.last.map { "\($0.agent)：\($0.note)" } ?? "")
            }
            Output.table(table)
        }
    }

    struct FollowUp: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "followup", abstract: L("记录一次未付款订单的跟进（CS-5）。", "Record a follow-up of an unpaid order (CS-5)."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("订单编号", "Order number"))) var order: String
        @Argument(help: ArgumentHelp(L("跟进内容", "What was said"))) var note: String

        func run() throws {
            let session = try Session(global)
            try session.followUpOrder(order, note: note, as: try actor.resolve(in: session))
            Output.line(L("已记录跟进", "follow-up recorded"))
        }
    }
}
