import ArgumentParser
import Foundation
import Listing
import ShopDomain
import Storage

extension ListingCommand {
    struct Check: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "check", abstract: L("检查商品图片文件夹：命名、主图宽度、细节图、PSD+JPG、备份（DES-2、DES-3、DES-5）。",
                                                                   "Check a product's image folder: names, main width, details, PSD+JPG, backup (DES-2, DES-3, DES-5)."),
                                 discussion: L("文件名：货号-两位序号.小写扩展名（A123-01.jpg、A123-01.psd、A123-01.cr2）；01 是主图，02 起是细节图。",
                                               "Names: ITEMCODE-NN.ext, lowercase (A123-01.jpg, A123-01.psd, A123-01.cr2); 01 is the main image, 02 up are details."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("款号（货号）", "Item code (style)"))) var style: String
        @Option(help: ArgumentHelp(L("商品图片文件夹", "The product's image folder"), valueName: "path")) var dir: String
        @Option(help: ArgumentHelp(L("另一台电脑上的备份文件夹", "The backup folder on the other computer"), valueName: "path")) var backup: String?

        func run() throws {
            let session = try Session(global)
            let payload = try session.checkListingFolder(style, directory: dir, backup: backup, as: try actor.resolve(in: session))
            guard let check = try session.read({ db in try FolderQueries.check(db, id: payload.check, language: Language.current) }) else { return }
            if global.json { return Output.json(check) }
            ListingCommand.printCheck(check, session)
        }
    }

    /// A folder check per rule, then what changed since the one before.
    static func printCheck(_ check: FolderQueries.Check, _ session: Session) {
        Output.line(L("图片检查 \(check.id)（\(check.checkedBy)，\(session.time(check.checkedAt))）：\(check.directory)，\(check.files.count) 个文件",
                      "Folder check \(check.id) (\(check.checkedBy), \(session.time(check.checkedAt))): \(check.directory), \(check.files.count) files"))
        var table = TextTable([.init(L("规则", "Rule")), .init(L("检查", "Check"), maxWidth: 30), .init(L("结果", "Result")),
                               .init(L("发现", "Findings"), maxWidth: 70)])
        for rule in check.rules {
            let result = rule.passed ? L("通过", "passed") : L("未通过", "failed")
            table.append(rule.ruleID, rule.title, result, rule.findings.first ?? "")
            for finding in rule.findings.dropFirst() { table.append("", "", "", finding) }
        }
        Output.table(table)
        if check.changes.previousCheck != nil {
            if check.changes.isEmpty {
                Output.line(L("与上次检查相比没有变化。", "No change since the last check."))
            } else {
                let parts = [(L("新增", "added"), check.changes.added), (L("删除", "removed"), check.changes.removed),
                             (L("改动", "changed"), check.changes.changed)].filter { !$0.1.isEmpty }
                Output.line(L("与上次检查相比：", "Since the last check: ")
                            + parts.map { "\($0.0) \($0.1.joined(separator: ", "))" }.joined(separator: L("；", "; ")))
            }
        }
        Output.line(check.passed ? L("全部通过。", "Every rule passed.") : L("有未通过的规则：改好后再检查一次。", "Some rules failed: fix them and check again."))
    }

    struct SoldOut: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "sold-out", abstract: L("售罄多日、需要在图上标注的颜色或尺码（DES-7）。", "Colours or sizes sold out for long, to annotate on the image (DES-7)."))
        }

        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(L("包括已标注的", "Include annotated ones"))) var all = false

        func run() throws {
            let session = try Session(global)
            let lines = try session.read { db in try SoldOutQueries.lines(db, today: session.today, all: all) }
            if global.json { return Output.json(lines) }
            var table = TextTable([.init(L("款号", "Style")), .init(L("名称", "Name"), maxWidth: 16), .init(L("颜色/尺码", "Colour/size")),
                                   .init(L("售罄自", "Sold out since")), .init(L("天数", "Days"), alignment: .right), .init(L("已标注", "Annotated"))])
            for line in lines {
                let what = (line.attribute == "colour" ? L("颜色 ", "colour ") : L("尺码 ", "size ")) + line.value
                table.append(line.style, line.name, what, session.time(line.since), String(line.days), line.annotatedFile ?? "")
            }
            Output.table(table)
        }
    }

    struct Annotate: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "annotate", abstract: L("登记已标注售罄的图片：文件名不变，内容是新的（DES-7）。", "Record the image annotated as sold out: same file name, new content (DES-7)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("款号（货号）", "Item code (style)"))) var style: String
        @Option(help: ArgumentHelp(L("售罄的颜色", "The sold-out colour"))) var colour: String?
        @Option(help: ArgumentHelp(L("售罄的尺码", "The sold-out size"))) var size: String?
        @Option(help: ArgumentHelp(L("标注后的图片文件", "The annotated image file"), valueName: "path")) var file: String

        func validate() throws {
            guard (colour == nil) != (size == nil) else {
                throw ValidationError(L("写 --colour 或 --size 其中一个", "give one of --colour or --size"))
            }
        }

        func run() throws {
            let session = try Session(global)
            let code = try session.read { db in try ListingWork.resolveStyle(db, style) }
            let record = try ListingWork.annotatedFile(file)
            let attribute: SoldOutAttribute = colour != nil ? .colour : .size
            try session.apply(ListingSoldOutAnnotated(style: code, attribute: attribute, value: colour ?? size ?? "", file: record), as: actor)
            if !global.json { Output.line(L("已登记 \(code) \(colour ?? size ?? "") 的售罄标注：\(record.name)", "Recorded \(code) \(colour ?? size ?? "")'s sold-out annotation: \(record.name)")) }
        }
    }
}
