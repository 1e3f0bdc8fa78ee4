import ArgumentParser
import Foundation
import Listing
import ShopDomain
import Storage

struct ListingCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "listing",
            abstract: L("美工：新品从到货到上架的清单（DES-1…DES-7）。", "Designers: new goods from arrival to on sale (DES-1…DES-7)."),
            subcommands: [List.self, Show.self, Stage.self, Tick.self, Check.self, OnSale.self, SoldOut.self, Annotate.self]
        )
    }

    static func stateText(_ state: String) -> String {
        switch state {
        case "not-arrived": L("未到货", "not arrived")
        case "arrived": L("已到货", "arrived")
        case "photographed": L("已拍摄", "photographed")
        case "retouched": L("已修图", "retouched")
        case "listed": L("已上传", "listed")
        case "reviewed": L("已复查", "reviewed")
        case "on-sale": L("在售", "on sale")
        default: state
        }
    }
}

extension ListingCommand {
    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("每款的进度和期限，超期的在前（DES-1）。", "Each style's state and due day, overdue first (DES-1)."))
        }

        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(L("只看超期的", "Only the overdue ones"))) var overdue = false

        func run() throws {
            let session = try Session(global)
            let all = try session.read { db in try ListingQueries.listings(db, today: session.today) }
            let listings = overdue ? all.filter(\.overdue) : all
            if global.json { return Output.json(listings) }
            var table = TextTable([.init(L("款号", "Style")), .init(L("名称", "Name"), maxWidth: 16), .init(L("到货", "Arrived")),
                                   .init(L("期限", "Due")), .init(L("状态", "State")), .init(L("勾选", "Boxes"), alignment: .right),
                                   .init(L("图片检查", "Folder")), .init(L("提醒", "Note"))])
            for l in listings {
                let folder = l.folderFailed.map { $0.isEmpty ? L("通过", "passed") : L("未通过：", "failed: ") + $0.joined(separator: ",") }
                    ?? L("未检查", "not checked")
                let note = l.overdue ? L("超期 \(-(l.daysLeft ?? 0)) 天", "overdue \(-(l.daysLeft ?? 0)) d")
                    : l.late ? L("上架晚了", "went on sale late")
                    : l.daysLeft.map { L("还剩 \($0) 天", "\($0) d left") } ?? ""
                table.append(l.style, l.name, l.arrivalDay ?? "-", l.dueOn ?? "-", ListingCommand.stateText(l.state),
                             "\(l.ticksPassed)/\(l.ticksTotal)", l.onSaleDay == nil ? folder : "", note)
            }
            Output.table(table)
            let late = listings.filter(\.overdue).count
            if late > 0 {
                Output.line(L("\(late) 款超过 DES-1 期限未上架。", "\(late) style(s) past the DES-1 period and not on sale."))
            }
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: L("一款的全部步骤、勾选（谁、何时）和最近的图片检查。", "One style's stages, boxes (who, when) and latest folder check."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("款号（货号）", "Item code (style)"))) var style: String

        func run() throws {
            let session = try Session(global)
            let detail = try session.read { db in
                try ListingQueries.detail(db, style: try ListingWork.resolveStyle(db, style), today: session.today, language: Language.current)
            }
            if global.json { return Output.json(detail) }
            let l = detail.listing
            Output.line("\(l.style) \(l.name) · \(ListingCommand.stateText(l.state)) · " + L("到货 ", "arrived ") + (l.arrivalDay ?? "-")
                        + L(" · 期限 ", " · due ") + (l.dueOn ?? "-") + (l.overdue ? L("（超期）", " (overdue)") : ""))
            var steps = TextTable([.init(L("步骤", "Stage")), .init(L("谁", "By")), .init(L("时间", "When"))])
            for s in detail.steps { steps.append(ListingCommand.stateText(s.stage), s.by ?? "-", s.at.map(session.time) ?? "-") }
            Output.table(steps)
            var ticks = TextTable([.init(L("规则", "Rule")), .init(L("检查项", "Box")), .init(L("结果", "Result")), .init(L("谁", "By")),
                                   .init(L("时间", "When")), .init(L("备注", "Note"), maxWidth: 30)])
            for t in detail.ticks {
                let item = ListingCheckItem(rawValue: t.item)!
                let result = t.passed.map { $0 ? L("通过", "passed") : L("未通过", "failed") } ?? L("未勾选", "not ticked")
                let note = [t.price.map(\.withSign), t.note].compactMap { $0 }.joined(separator: " ")
                ticks.append(t.rule, item.title(in: Language.current), result, t.by ?? "-", t.at.map(session.time) ?? "-", note)
            }
            Output.table(ticks)
            if let folder = detail.folder { ListingCommand.printCheck(folder, session) } else {
                Output.line(L("图片文件夹未检查：zhanggui listing check \(l.style) --dir 文件夹 --backup 备份文件夹",
                              "Image folder not checked: zhanggui listing check \(l.style) --dir FOLDER --backup BACKUP"))
            }
            if !detail.blockers.isEmpty {
                Output.line(L("上架前还差：", "Before it can go on sale: ") + detail.blockers.joined(separator: L("；", "; ")))
            }
        }
    }

    struct Stage: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "stage", abstract: L("记录一步：photographed（拍摄）、retouched（修图）、listed（上传）。", "Record a stage: photographed, retouched, listed."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("款号（货号）", "Item code (style)"))) var style: String
        @Argument(help: ArgumentHelp("photographed|retouched|listed")) var stage: String

        func run() throws {
            guard let parsed = ListingStage(rawValue: stage.trimmingWhitespace().lowercased()) else { throw ListingError.unknownStage(stage) }
            let session = try Session(global)
            let code = try session.read { db in try ListingWork.resolveStyle(db, style) }
            try session.apply(ListingStageRecorded(style: code, stage: parsed), as: actor)
            if !global.json { Output.line("\(code)：\(parsed.title(in: Language.current))") }
        }
    }

    struct Tick: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "tick", abstract: L("勾选检查项（DES-2、DES-3、DES-4、DES-6），记下是谁勾的。", "Tick boxes (DES-2, DES-3, DES-4, DES-6), recorded with who ticked."),
                                 discussion: L("检查项：", "Boxes: ") + ListingCheckItem.allCases.map(\.rawValue).joined(separator: ", "))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("款号（货号）", "Item code (style)"))) var style: String
        @Argument(help: ArgumentHelp(L("检查项（可多个）", "Boxes (one or more)"))) var items: [String]
        @Flag(help: ArgumentHelp(L("记为未通过", "Record as failed"))) var failed = false
        @Option(help: ArgumentHelp(L("页面上的价格（price 必填）", "The page's price (needed for price)"))) var price: String?
        @Option(help: ArgumentHelp(L("备注", "Note"))) var note: String?

        func run() throws {
            let parsed = try items.map { text in
                guard let item = ListingCheckItem(rawValue: text.trimmingWhitespace().lowercased()) else { throw ListingError.unknownItem(text) }
                return item
            }
            let money = try price.map { text in
                do { return try Money.parse(text) } catch { throw ValidationError(L("--price “\(text)” 不是金额", "--price “\(text)” is not an amount")) }
            }
            let session = try Session(global)
            let code = try session.read { db in try ListingWork.resolveStyle(db, style) }
            let me = try actor.resolve(in: session.database)
            try session.database.apply(parsed.map { OpDraft(actor: me.id, ListingTicked(style: code, item: $0, passed: !failed, price: money, note: note)) })
            let detail = try session.read { db in try ListingQueries.detail(db, style: code, today: session.today, language: Language.current) }
            if global.json { return Output.json(detail.ticks.filter { t in parsed.contains { $0.rawValue == t.item } }) }
            for t in detail.ticks where parsed.contains(where: { $0.rawValue == t.item }) {
                Output.line("\(code) \(t.rule) \(ListingCheckItem(rawValue: t.item)!.title(in: Language.current))："
                            + (t.passed == true ? L("通过", "passed") : L("未通过", "failed")))
            }
        }
    }

    struct OnSale: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "on-sale", abstract: L("上架销售：所有步骤、勾选和图片检查都通过才行。", "Put on sale: only with every stage, box and the folder check passed."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("款号（货号）", "Item code (style)"))) var style: String

        func run() throws {
            let session = try Session(global)
            let code = try session.read { db in try ListingWork.resolveStyle(db, style) }
            try session.apply(ListingOnSale(style: code), as: actor)
            let listing = try session.read { db in try ListingQueries.listings(db, today: session.today, style: code).first }
            if global.json { return Output.json(listing) }
            Output.line(listing?.late == true ? L("\(code) 已上架（晚于期限 \(listing?.dueOn ?? "")）", "\(code) is on sale (after its due day \(listing?.dueOn ?? ""))")
                                              : L("\(code) 已上架", "\(code) is on sale"))
        }
    }
}
