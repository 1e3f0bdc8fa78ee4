import ArgumentParser
import ShopDomain
import Storage
import Workforce

struct MemoCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "memo",
            abstract: L("个人备忘录：问题和想法随时记下（HR-5）。", "Your memo book: note problems and ideas at once (HR-5)."),
            subcommands: [Add.self, List.self]
        )
    }
}

extension MemoCommand {
    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "add", abstract: L("记一条备忘。", "Write a memo."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("内容", "Text"))) var text: String

        func run() throws {
            let session = try Session(global)
            let id = ShortID.make("M", ids: .random)
            try session.apply(MemoAdded(memo: id, text: text), as: actor)
            if !global.json { Output.line(L("已记下 \(id)", "Noted \(id)")) }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("我的备忘录。", "My memos."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption

        func run() throws {
            let session = try Session(global)
            let me = try actor.resolve(in: session)
            let memos = try session.read { db in try WorkforceQueries.memos(db, staff: me.id) }
            if global.json { return Output.json(memos) }
            var table = TextTable([.init(L("时间", "When")), .init(L("内容", "Text"), maxWidth: 70)])
            for memo in memos { table.append(session.time(memo.at), memo.text) }
            Output.table(table)
        }
    }
}
