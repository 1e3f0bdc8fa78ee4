import ArgumentParser
import CustomerCare
import Foundation
import ShopActions
import ShopDomain
import Storage

struct ComplaintCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "complaint",
            abstract: L("投诉登记（CS-7）：受理→定性→调查→跟进→结果确认→回访→归档，一步不跳。",
                        "The complaint register (CS-7): intake → determined → investigating → following up → confirmed → return visit → archived."),
            subcommands: [Open.self, List.self, Show.self, Advance.self, Close.self, Report.self]
        )
    }
}

extension ComplaintCommand {
    struct Open: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "open", abstract: L("受理一条投诉。", "Take in a complaint."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: ArgumentHelp(L("买家昵称、电话或订单号", "Buyer nick, phone or order number"))) var buyer: String?
        @Option(help: ArgumentHelp(L("订单编号", "Order number"))) var order: String?
        @Option(help: ArgumentHelp(L("投诉内容", "What the customer complains of"))) var text: String

        func run() throws {
            guard buyer != nil || order != nil else { throw ValidationError(L("请给出 --buyer 或 --order", "give --buyer or --order")) }
            let session = try Session(global)
            let orderID = try order.map { try session.order($0) }
            let nick = try session.read { db -> String in
                if let buyer { return try CustomerQueries.find(db, buyer) }
                return try CustomerQueries.find(db, orderID!.rawValue)
            }
            let id = ShortID.make("K", day: session.today, ids: .random)
            try session.apply(ComplaintOpened(complaint: id, buyer: nick, order: orderID, text: text), as: actor)
            Output.line(L("已受理投诉 \(id)（\(nick)），下一步：定性", "complaint \(id) taken in (\(nick)); next: determine it"))
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("投诉及其下一步（默认只看未归档的）。", "Complaints and their next step (open ones unless --all)."))
        }
        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(L("包括已归档的", "Include archived ones"))) var all = false

        func run() throws {
            let session = try Session(global)
            let complaints = try session.read { try ComplaintQueries.list($0, openOnly: !all) }
            if global.json { return Output.json(complaints) }
            var table = TextTable([.init(L("编号", "ID")), .init(L("买家", "Buyer")), .init(L("类别", "Kind")), .init(L("当前", "Step")),
                                   .init(L("下一步", "Next")), .init(L("责任人", "Against")), .init(L("内容", "Text"))])
            for c in complaints {
                table.append(c.complaint, c.buyer, c.kind?.name(in: .current) ?? "", c.step.name(in: .current), c.next?.name(in: .current) ?? "",
                             c.against ?? "", c.text)
            }
            Output.table(table)
            Output.line(L("共 \(complaints.count) 条", "\(complaints.count) complaint(s)"))
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: L("一条投诉：每一步谁、何时。", "One complaint: each step, who and when."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("投诉编号", "Complaint ID"))) var complaint: String

        func run() throws {
            let session = try Session(global)
            let c = try session.read { try ComplaintQueries.find($0, complaint) }
            if global.json { return Output.json(c) }
            Output.line("\(c.complaint)  \(c.buyer)" + (c.order.map { "  \($0)" } ?? "") + (c.kind.map { "  " + $0.name(in: .current) } ?? ""))
            Output.line(c.text)
            var table = TextTable([.init(L("步骤", "Step")), .init(L("谁", "Who")), .init(L("何时", "When")), .init(L("说明", "Note"))])
            for s in c.steps { table.append(s.step.name(in: .current), s.by, session.time(s.at), s.note ?? "") }
            Output.table(table)
            if let against = c.against { Output.line(L("责任人：", "Against: ") + against + (c.upheld.map { $0 ? L("（成立）", " (upheld)") : L("（不成立）", " (not upheld)") } ?? "")) }
            Output.line(L("下一步：", "Next: ") + (c.next?.name(in: .current) ?? L("无（已归档）", "none (archived)")))
        }
    }

    struct Advance: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "advance", abstract: L("推进到下一步（CS-7）；定性须 --kind，结果确认须 --upheld/--not-upheld，回访须 --evaluation。",
                                                                     "Move to the next step (CS-7): determining needs --kind, confirming --upheld/--not-upheld, the return visit --evaluation."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("投诉编号", "Complaint ID"))) var complaint: String
        @Option(help: ArgumentHelp("service|product|logistics|warehouse")) var kind: String?
        @Option(help: ArgumentHelp(L("投诉针对的员工", "The person the complaint is against"))) var against: String?
        @Flag(help: ArgumentHelp(L("投诉成立", "The complaint is upheld"))) var upheld = false
        @Flag(name: .customLong("not-upheld"), help: ArgumentHelp(L("投诉不成立", "The complaint is not upheld"))) var notUpheld = false
        @Option(help: ArgumentHelp(L("仓库原因的罚款（元，主管决定，DISC-3）", "Fine for a warehouse-caused complaint (yuan, the manager's, DISC-3)"))) var fine: String?
        @Option(help: ArgumentHelp(L("回访时顾客的评价", "The customer's evaluation on the return visit"))) var evaluation: String?
        @Option(help: ArgumentHelp(L("说明", "Note"))) var note: String?

        func run() throws {
            let kind = try kind.map { text in
                guard let kind = ComplaintKind(rawValue: text) else {
                    throw ValidationError(L("类别只能是 service、product、logistics 或 warehouse", "the kind is service, product, logistics or warehouse"))
                }
                return kind
            }
            let amount = try fine.map { try Money.parse($0) }
            let session = try Session(global)
            let draft = try session.advanceComplaint(complaint, kind: kind, against: against, upheld: upheld ? true : notUpheld ? false : nil,
                                                     fine: amount, evaluation: evaluation, note: note, as: try actor.resolve(in: session))
            Output.line(L("投诉 \(complaint) 到“\(draft.to.name(in: .zh))”", "complaint \(complaint) is at “\(draft.to.name(in: .en))”")
                        + (draft.fineClaims.isEmpty ? "" : L("；已按 \(draft.fineClaims[0].rule) 计罚", "; fined under \(draft.fineClaims[0].rule)")))
        }
    }

    struct Close: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "close", abstract: L("回访之后归档（CS-7）。", "Archive after the return visit (CS-7)."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("投诉编号", "Complaint ID"))) var complaint: String
        @Option(help: ArgumentHelp(L("说明", "Note"))) var note: String?

        func run() throws {
            let session = try Session(global)
            try session.archiveComplaint(complaint, note: note, as: try actor.resolve(in: session))
            Output.line(L("投诉 \(complaint) 已归档", "complaint \(complaint) archived"))
        }
    }

    struct Report: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "report", abstract: L("给主管的投诉报表：按类别、按员工、未结天数。", "The manager's report: by kind, by agent, open age."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("起始日（默认本月 1 日）", "From this day (default: the 1st of this month)"))) var from: String?
        @Option(help: ArgumentHelp(L("截止日（默认今天）", "Until this day (default: today)"))) var until: String?

        func run() throws {
            let session = try Session(global)
            let start = try from.map(Self.day) ?? CivilDate(year: session.today.year, month: session.today.month, day: 1)!
            let end = try until.map(Self.day) ?? session.today
            let report = try session.read { try ComplaintQueries.report($0, from: start, until: end, zone: session.zone, now: session.database.clock.now()) }
            if global.json { return Output.json(report) }
            Output.line(L("\(start) 至 \(end)：受理 \(report.opened)，归档 \(report.archived)，未结 \(report.open)",
                          "\(start) to \(end): \(report.opened) taken in, \(report.archived) archived, \(report.open) open")
                        + (report.oldestOpenDays.map { L("（最久 \($0) 天）", " (oldest \($0) days)") } ?? ""))
            for (title, counts) in [(L("按类别", "By kind"), report.byKind), (L("按员工", "By agent"), report.byAgent)] {
                Output.line(title)
                var table = TextTable([.init(""), .init(L("受理", "Taken in"), alignment: .right), .init(L("成立", "Upheld"), alignment: .right),
                                       .init(L("未结", "Open"), alignment: .right)])
                for c in counts {
                    table.append(ComplaintKind(rawValue: c.key)?.name(in: .current) ?? c.key, String(c.opened), String(c.upheld), String(c.open))
                }
                Output.table(table)
            }
        }

        static func day(_ text: String) throws -> CivilDate {
            guard let day = CivilDate(text) else { throw ValidationError(L("日期写成 2026-11-30", "write the date like 2026-11-30")) }
            return day
        }
    }
}
