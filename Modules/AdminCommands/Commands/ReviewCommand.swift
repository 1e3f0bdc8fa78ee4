import ArgumentParser
import CustomerCare
import Foundation
import ShopActions
import ShopDomain
import Storage

struct ReviewCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "review",
            abstract: L("中差评（CS-2、CS-4）：登记即交总经理；处理时记录联系、结果与补偿。",
                        "Mid and bad reviews (CS-2, CS-4): registered, they go to the GM; handling records contact, outcome, refund."),
            subcommands: [Add.self, List.self, Show.self, Handle.self]
        )
    }
}

extension ReviewCommand {
    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "add", abstract: L("登记一条中评或差评（CS-2）。", "Register a mid or bad review (CS-2)."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("订单编号（或末尾至少 4 位）", "Order number (or its last 4+ digits)"))) var order: String
        @Option(help: ArgumentHelp(L("mid（中评）或 bad（差评）", "mid or bad"))) var rating: String = "bad"
        @Option(help: ArgumentHelp(L("评价内容", "What the buyer wrote"))) var text: String

        func run() throws {
            guard let rating = ReviewRating(rawValue: rating) ?? ReviewRating.allCases.first(where: { $0.name(in: .zh) == rating }) else {
                throw ValidationError(L("评价只能是 mid（中评）或 bad（差评）", "the rating is mid or bad"))
            }
            let session = try Session(global)
            let id = ShortID.make("V", day: session.today, ids: .random)
            try session.apply(ReviewAdded(review: id, order: try session.order(order), rating: rating, text: text), as: actor)
            Output.line(L("已登记\(rating.name(in: .zh)) \(id)，已交总经理", "registered \(rating.name(in: .en)) review \(id); it is with the GM"))
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("评价：未处理的在前（总经理的待办）。", "Reviews: open ones first (the GM's queue)."))
        }
        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(L("只看未处理的", "Only open ones"))) var open = false

        func run() throws {
            let session = try Session(global)
            let reviews = try session.read { try ReviewQueries.list($0, openOnly: open) }
            if global.json { return Output.json(reviews) }
            var table = TextTable([.init(L("编号", "ID")), .init(L("评价", "Rating")), .init(L("订单", "Order")), .init(L("买家", "Buyer")),
                                   .init(L("内容", "Text")), .init(L("状态", "State")), .init(L("补偿", "Refund"), alignment: .right)])
            for r in reviews {
                table.append(r.review, r.rating.name(in: .current), r.order, r.buyer, r.text,
                             r.outcome?.name(in: .current) ?? L("待处理", "open"), r.compensation?.description ?? "")
            }
            Output.table(table)
            Output.line(L("共 \(reviews.count) 条，未处理 \(reviews.filter { !$0.handled }.count) 条",
                          "\(reviews.count) review(s), \(reviews.filter { !$0.handled }.count) open"))
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: L("一条评价。", "One review."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("评价编号", "Review ID"))) var review: String

        func run() throws {
            let session = try Session(global)
            let r = try session.read { try ReviewQueries.find($0, review) }
            if global.json { return Output.json(r) }
            Output.line("\(r.review)  \(r.rating.name(in: .current))  \(r.order)  \(r.buyer)")
            Output.line(r.text)
            Output.line(L("登记：", "Registered: ") + "\(r.addedBy) \(session.time(r.addedAt))")
            if let outcome = r.outcome {
                Output.line(L("处理：", "Handled: ") + "\(r.handledBy ?? "") \(r.handledAt.map { session.time($0) } ?? "") \(outcome.name(in: .current))"
                            + L("，补偿 ", ", refund ") + (r.compensation ?? .zero).description + (r.contacted == true ? L("，已联系", ", contacted") : ""))
            } else {
                Output.line(L("待处理", "Open"))
            }
        }
    }

    struct Handle: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "handle", abstract: L("处理评价（CS-4）：补偿超过上限须总经理；恶意差评投诉平台并拉黑。",
                                                                    "Handle a review (CS-4): a refund above the limit needs the GM; malicious: reported and blacklisted."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("评价编号", "Review ID"))) var review: String
        @Option(help: ArgumentHelp("revised|kept|reported")) var outcome: String
        @Flag(help: ArgumentHelp(L("已联系买家", "The buyer was contacted"))) var contacted = false
        @Option(help: ArgumentHelp(L("补偿金额（元）", "Refund (yuan)"))) var refund: String = "0"
        @Flag(help: ArgumentHelp(L("恶意差评：投诉到平台并拉黑买家", "Malicious: report to the platform and blacklist the buyer"))) var malicious = false
        @Option(help: ArgumentHelp(L("备注", "Note"))) var note: String?

        func run() throws {
            guard var outcome = ReviewOutcome(rawValue: outcome) else {
                throw ValidationError(L("结果只能是 revised、kept 或 reported", "the outcome is revised, kept or reported"))
            }
            if malicious { outcome = .reported }
            let amount = try Money.parse(refund)
            let session = try Session(global)
            try session.handleReview(review, contacted: contacted, outcome: outcome, compensation: amount, malicious: malicious, note: note,
                                     as: try actor.resolve(in: session))
            Output.line(L("评价 \(review) 已处理：\(outcome.name(in: .zh))", "review \(review) handled: \(outcome.name(in: .en))")
                        + (outcome == .reported ? L("，买家已列入黑名单", "; the buyer is blacklisted") : ""))
        }
    }
}
