import ArgumentParser
import CustomerCare
import Foundation
import ShopDomain
import Storage

struct ReplyCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "reply", abstract: L("标准话术（CS-1）。", "Canned replies (CS-1)."), subcommands: [List.self, Add.self])
    }
}

extension ReplyCommand {
    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("列出话术，可按关键字查找。", "List the replies; search by a word."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("关键字", "Search"))) var search: String?

        func run() throws {
            let session = try Session(global)
            let replies = try session.read { try ReplyQueries.list($0, search: search) }
            if global.json { return Output.json(replies) }
            var table = TextTable([.init(L("标题", "Title")), .init(L("话术", "Text"))])
            for r in replies { table.append(r.title, r.text) }
            Output.table(table)
        }
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "add", abstract: L("加一条话术。", "Add a canned reply."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("标题", "Title"))) var title: String
        @Argument(help: ArgumentHelp(L("话术", "Text"))) var text: String

        func run() throws {
            let session = try Session(global)
            try session.apply(ReplyAdded(reply: ShortID.make("T", ids: .random), title: title, text: text), as: actor)
            Output.line(L("已加话术：\(title)", "reply added: \(title)"))
        }
    }
}
