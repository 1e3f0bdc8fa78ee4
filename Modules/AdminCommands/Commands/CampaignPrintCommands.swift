import Approval
import ArgumentParser
import Foundation
import Printing
import ShopDomain
import Storage

extension CampaignCommand {
    struct Print: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "print", abstract: L("打印活动稿件审批单（A4）：申报、稿件图片、内容哈希、六个签字框。", "Print the campaign draft (A4): the declaration, the draft's images, the content hash, six signature boxes."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("活动", "Campaign"))) var campaign: String
        @Option(help: ArgumentHelp(L("HTML 文件", "HTML file"))) var out: String
        @Flag(help: ArgumentHelp(L("图片按相对路径链接而不嵌入", "Link the images by relative path instead of embedding them"))) var link = false

        func run() throws {
            let session = try Session(global)
            let detail = try session.read { db in try CampaignQueries.detail(db, campaign) }
            let sheet = CampaignSheet.make(detail, session, pageDirectory: URL(fileURLWithPath: out).deletingLastPathComponent(), link: link)
            try PageFile.write(sheet.html(), to: out)
            if !global.json { Output.line(L("审批单：\(out)（内容 \(CampaignCommand.short(detail.contentHash))）", "Draft sheet: \(out) (content \(CampaignCommand.short(detail.contentHash)))")) }
        }
    }

    struct Summary: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "summary", abstract: L("活动后的总结与财务报告：按活动价与按实收的销售、件数、成本（商品+运费+平台费+推广花费）、毛利（CAMP-3）。",
                                                                  "After the campaign: the written summary and the financial report — sales at the campaign price and as paid, units, cost (products + postage + platform fee + spend), margin (CAMP-3)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("活动", "Campaign"))) var campaign: String
        @Option(help: ArgumentHelp(L("书面总结（不写则只看报告）", "The written summary (without it: the report only)"))) var text: String?
        @Option(help: ArgumentHelp(L("推广实际花费（默认预算）", "Promotion actually spent (default: the budget)"))) var spent: String?

        func run() throws {
            let session = try Session(global)
            let id = try session.read { db in try CampaignQueries.resolve(db, campaign) }
            if let text {
                try session.apply(CampaignSummarized(campaign: id, text: text, spent: try spent.map { try Money.parse($0) }), as: actor)
            }
            let report = try session.read { db in try CampaignReport.compute(db, id) }
            if global.json { return Output.json(report) }
            Output.line("\(report.campaign)  \(report.name)  \(report.startsOn)…\(report.endsOn)" + (report.live ? "" : L("（未上线）", " (not live)")))
            // Issue 13: the campaign prices are what the report uses; what the orders paid beside it.
            var lines = TextTable([.init("SKU"), .init(L("活动价", "Price"), alignment: .right), .init(L("件数", "Units"), alignment: .right),
                                   .init(L("销售额（活动价）", "Sales at campaign price"), alignment: .right),
                                   .init(L("实收（订单价）", "Paid (order prices)"), alignment: .right),
                                   .init(L("非活动价件数", "Units off price"), alignment: .right), .init(L("商品成本", "Cost"), alignment: .right)])
            for line in report.lines {
                lines.append(line.sku, line.campaignPrice.description, String(line.units), line.sales.description, line.paid.description,
                             String(line.unitsOffPrice), line.cost?.description ?? "—")
            }
            Output.table(lines)
            func rate(_ permille: Int?) -> String { permille.map { L("（", " (") + CampaignShow.rate($0) + L("）", ")") } ?? "" }
            var totals = TextTable([.init(L("项目", "Item")), .init(L("按活动价", "At campaign price"), alignment: .right),
                                    .init(L("按实收", "As paid"), alignment: .right)])
            totals.append(L("订单数", "Orders"), String(report.orders), String(report.orders))
            totals.append(L("销售额", "Sales"), report.sales.description, report.paid.description)
            totals.append(L("商品成本", "Product cost"), report.productCost.description, report.productCost.description)
            totals.append(L("运费", "Postage"), report.postage.description, report.postage.description)
            totals.append(L("平台费（\(CampaignShow.rate(report.feePermille))）", "Platform fee (\(CampaignShow.rate(report.feePermille)))"),
                          report.platformFee.description, report.paidPlatformFee.description)
            totals.append(L("推广花费", "Promotion spent"), report.spent.description, report.spent.description)
            totals.append(L("成本合计", "Total cost"), report.totalCost.description, (report.paid - report.paidMargin).description)
            totals.append(L("毛利", "Margin"), report.margin.description + rate(report.marginPermille),
                          report.paidMargin.description + rate(report.paidMarginPermille))
            Output.table(totals)
            Output.line(L("按活动价：件数 × 活动价（报表口径，活动期间以活动价计）；按实收：订单明细的成交价 × 件数。",
                          "At campaign price: units × the campaign price (what the report counts for the campaign's period); as paid: units × the price on the order lines."))
            if report.unitsOffPrice > 0 {
                Output.line(L("有 \(report.unitsOffPrice) 件不是按活动价成交的，实收与活动价相差 \(report.paidDifference)",
                              "\(report.unitsOffPrice) units did not sell at the campaign price: paid differs by \(report.paidDifference)"))
            }
            if !report.missingCost.isEmpty {
                Output.line(L("注意：商品资料里没有成本，按 0 计：", "Note: no cost in the catalogue, counted as 0: ") + report.missingCost.joined(separator: ", "))
            }
            if let summary = report.summary { Output.line(L("总结：", "Summary: ") + summary) }
        }
    }
}

/// Turns a campaign's detail into the printed sheet (Printing): images embedded as `data:` URIs
/// when this device has the file as it was attached, or linked by a path relative to the page.
enum CampaignSheet {
    static func make(_ d: CampaignDetail, _ session: Session, pageDirectory: URL, link: Bool) -> CampaignDraftSheet {
        let decl = d.declaration
        let files = d.files.map { file in
            CampaignDraftSheet.File(name: file.name, sha256: file.sha256, source: source(file, pageDirectory: pageDirectory, link: link))
        }
        let boxes = d.chain.steps.map { step -> CampaignDraftSheet.Box in
            let roles = step.step.roles.map(\.chineseTitle).joined(separator: "/")
            guard let s = step.signature, step.status != .pending else {
                return .init(stepZh: step.step.chineseTitle, stepEn: step.step.englishTitle, role: roles)
            }
            let note: String? = switch step.status {
            case .signed: nil
            case .stale: "已过时，需重签 stale"
            case .rejected: "驳回 rejected：" + (s.reason ?? "")
            case .pending: nil
            }
            return .init(stepZh: step.step.chineseTitle, stepEn: step.step.englishTitle, role: roles, signer: s.signerName,
                         signedAt: session.time(s.at), hash: s.contentHash, note: note)
        }
        let liveNote = d.liveAt.map { at in
            d.liveOverride.map { "总经理强制上线（未签字）：\($0)" } ?? "已上线 \(session.time(at))"
        }
        return CampaignDraftSheet(
            campaign: d.campaign, name: decl.name, platform: decl.platform, dates: "\(decl.startsOn) — \(decl.endsOn)",
            requirements: decl.requirements,
            items: decl.items.map { .init(sku: $0.sku.rawValue, product: d.itemNames[$0.sku.rawValue] ?? "", price: $0.price) },
            budget: decl.budget, fee: decl.feePermille.map(CampaignShow.rate), declaredBy: d.declaredBy, contentHash: d.contentHash,
            files: files, boxes: boxes, liveNote: liveNote, printedAt: session.time(session.database.clock.now()))
    }

    static let imageTypes = ["png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
                             "svg": "image/svg+xml"]

    static func source(_ file: DraftFile, pageDirectory: URL, link: Bool) -> String? {
        let url = URL(fileURLWithPath: file.path)
        guard let type = imageTypes[url.pathExtension.lowercased()] else { return nil }
        if link { return relativePath(from: pageDirectory.standardizedFileURL, to: url.standardizedFileURL) }
        guard let data = try? Data(contentsOf: url), (try? CampaignActions.verify([file], requirePresent: true)) != nil else { return nil }
        return "data:\(type);base64," + data.base64EncodedString()
    }

    static func relativePath(from directory: URL, to file: URL) -> String {
        let base = directory.pathComponents, target = file.pathComponents
        var common = 0
        while common < min(base.count, target.count), base[common] == target[common] { common += 1 }
        return (Array(repeating: "..", count: base.count - common) + target[common...]).joined(separator: "/")
    }
}
