import ArgumentParser
import Foundation
import ShopDomain
import Storage
import Workforce

struct HandoverCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "handover",
            abstract: L("交接本（HR-2）：上一班写下未了事项，下一班查看并接手。", "The handover book (HR-2): the outgoing shift writes open matters, the incoming one reads and takes them over."),
            subcommands: [Add.self, Show.self, Ack.self, Close.self, History.self]
        )
    }

    /// The summary a shift closed with: every module's figures, the open items, the note.
    static func printSummary(_ shift: WorkforceQueries.ShiftRecord, openItems: [String]? = nil) {
        var table = TextTable([.init(L("交接摘要", "Handover summary")), .init(L("数量", "Count"), alignment: .right), .init(L("例如", "For example"), maxWidth: 50)])
        for figure in shift.figures {
            table.append(figure.title(in: .current), String(figure.count), figure.examples.prefix(5).joined(separator: ", "))
        }
        Output.table(table)
        if let openItems, !openItems.isEmpty { Output.line(L("未接手事项：", "Items not yet taken over: ") + openItems.joined(separator: ", ")) }
        if let note = shift.note { Output.line(L("留言：", "Note: ") + note) }
    }
}

extension HandoverCommand {
    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "add", abstract: L("在班上写一项交接。", "Write a handover item while on shift."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("内容", "What the next shift must know or do"))) var text: String
        @Option(help: ArgumentHelp(L("关于哪个订单、商品、运单……", "What it is about: an order, an SKU, a waybill …"))) var about: String?

        func run() throws {
            let session = try Session(global)
            let id = ShortID.make("H", ids: .random)
            try session.apply(HandoverWritten(item: id, text: text, about: about), as: actor)
            if global.json { return Output.json(["item": id]) }
            Output.line(L("已记入交接本：\(id)", "Written in the handover book: \(id)"))
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: L("交给我这一班的事项和上一班的摘要（--all：全部未了事项，给店长看）。",
                                                                   "What was handed to my shift and the last shift's summary (--all: every open item, for the manager)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Flag(help: ArgumentHelp(L("所有团队的全部未了事项", "Every open item of every team"))) var all = false

        func run() throws {
            let session = try Session(global)
            let viewer: StaffID
            if all, actor.actor == nil, ProcessInfo.processInfo.environment["ZHANGGUI_STAFF"] == nil {
                viewer = StaffID(rawValue: "")
            } else {
                viewer = try actor.resolve(in: session).id
            }
            let view = try session.read { db in try WorkforceQueries.handover(db, viewer: viewer, all: all) }
            if global.json { return Output.json(view) }
            for shift in view.lastShifts {
                Output.line(L("上一班：\(shift.name)（\(Team(rawValue: shift.team)?.title(in: .current) ?? shift.team)），\(session.time(shift.startedAt)) – \(shift.endedAt.map(session.time) ?? "")",
                              "Last shift: \(shift.name) (\(Team(rawValue: shift.team)?.title(in: .current) ?? shift.team)), \(session.time(shift.startedAt)) – \(shift.endedAt.map(session.time) ?? "")"))
                HandoverCommand.printSummary(shift)
                Output.line("")
            }
            if view.items.isEmpty {
                Output.line(L("没有待接手的交接事项。", "Nothing to take over."))
                return
            }
            var table = TextTable([.init(L("事项", "Item")), .init(L("团队", "Team")), .init(L("写于", "Written")), .init(L("写的人", "By")),
                                   .init(L("关于", "About")), .init(L("内容", "Text"), maxWidth: 50)])
            for item in view.items {
                table.append(item.id, Team(rawValue: item.team)?.title(in: .current) ?? item.team, session.time(item.writtenAt), item.author,
                             item.about ?? "", item.text)
            }
            Output.table(table)
        }
    }

    struct Ack: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "ack", abstract: L("接手交接事项（须在班上）。", "Take items over (you must be on shift)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("事项编号", "Item IDs"))) var items: [String] = []
        @Flag(help: ArgumentHelp(L("接手交给我这一班的全部事项", "Take over everything handed to my shift"))) var all = false

        func validate() throws {
            if items.isEmpty == !all { throw ValidationError(L("给出事项编号，或用 --all", "name the items, or use --all")) }
        }

        func run() throws {
            let session = try Session(global)
            let me = try actor.resolve(in: session)
            let ids = all ? try session.read { db in try WorkforceQueries.handover(db, viewer: me.id, all: false) }.items.map(\.id)
                          : items.map { $0.uppercased() }
            guard !ids.isEmpty else { return Output.line(L("没有待接手的事项。", "Nothing to take over.")) }
            try session.apply(HandoverAcked(items: ids), as: actor)
            if global.json { return Output.json(["acked": ids]) }
            Output.line(L("\(me.name) 已接手：", "\(me.name) took over: ") + ids.joined(separator: ", "))
        }
    }

    struct Close: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "close", abstract: L("事项已办结，从交接本移除。", "An item is settled and leaves the book."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("事项编号", "Item ID"))) var item: String
        @Option(help: ArgumentHelp(L("办结说明", "How it was settled"))) var note: String?

        func run() throws {
            let session = try Session(global)
            try session.apply(HandoverClosed(item: item.uppercased(), note: note), as: actor)
            if !global.json { Output.line(L("\(item.uppercased()) 已关闭", "\(item.uppercased()) closed")) }
        }
    }

    struct History: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "history", abstract: L("已接手或关闭的事项。", "Items taken over or closed."))
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("最多几条", "How many at most"))) var limit = 30

        func run() throws {
            let session = try Session(global)
            let items = try session.read { db in try WorkforceQueries.settledItems(db, limit: limit) }
            if global.json { return Output.json(items) }
            var table = TextTable([.init(L("事项", "Item")), .init(L("写的人", "By")), .init(L("内容", "Text"), maxWidth: 40),
                                   .init(L("结果", "Outcome")), .init(L("由", "Settled by")), .init(L("时间", "When"))])
            for item in items {
                table.append(item.id, item.author, item.text, item.status == "acked" ? L("已接手", "taken over") : L("已关闭", "closed"),
                             item.settledBy ?? "", item.settledAt.map(session.time) ?? "")
            }
            Output.table(table)
        }
    }
}
