import Approval
import ArgumentParser
import Foundation
import ShopDomain
import Storage

struct CampaignCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "campaign",
            abstract: L("活动与审批：申报 → 审批 → 初审 → 图文设计 → 校对 → 定稿，签字绑定稿件内容（CAMP-1…CAMP-3）。",
                        "Campaigns and their approval: declare → approve → review → design → proofread → finalize, each signature bound to the draft's content (CAMP-1…CAMP-3)."),
            subcommands: [Declare.self, Amend.self, List.self, Show.self, Inbox.self, Attach.self, Sign.self, Reject.self, Live.self,
                          ErrorCommand.self, Print.self, Summary.self]
        )
    }

    static func step(_ text: String) throws -> CampaignStep {
        guard let step = CampaignStep(parsing: text) else {
            throw ValidationError(L("--step 只能是 declare、approve、review、design、proofread、finalize（或 申报、审批、初审、图文设计、校对、定稿）",
                                    "--step must be declare, approve, review, design, proofread or finalize (or 申报, 审批, 初审, 图文设计, 校对, 定稿)"))
        }
        return step
    }

    /// `AF-1=59`: a SKU at its campaign price.
    static func item(_ text: String) throws -> CampaignItem {
        let parts = text.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
        guard parts.count == 2, !parts[0].isEmpty else { throw ApprovalError.badItem(text) }
        return CampaignItem(sku: SKU(rawValue: parts[0]), price: try Money.parse(parts[1]))
    }

    /// `5%`, `0.6%` or `5` (percent) as thousandths.
    static func feeRate(_ text: String) throws -> Int {
        let body = text.trimmingWhitespace().replacingOccurrences(of: "%", with: "")
        guard let value = Double(body), value >= 0, value <= 100 else { throw ApprovalError.badFeeRate(text) }
        return Int((value * 10).rounded())
    }

    static func date(_ text: String, _ option: String) throws -> CivilDate {
        guard let day = CivilDate(text.trimmingWhitespace()) else {
            throw ValidationError(L("\(option) 应写成 2026-12-10", "\(option) should read 2026-12-10"))
        }
        return day
    }

    static func short(_ hash: String) -> String { String(hash.prefix(12)) }

    static func status(_ status: CampaignChain.Status) -> String {
        switch status {
        case .signed: L("已签", "signed")
        case .stale: L("已过时，需重签", "stale: sign again")
        case .rejected: L("驳回", "rejected")
        case .pending: L("待签", "waiting")
        }
    }
}

extension CampaignCommand {
    struct Declare: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "declare", abstract: L("技术主管申报活动并签申报（CAMP-1）。", "The tech lead declares a campaign and signs 申报 (CAMP-1)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: ArgumentHelp(L("活动名称", "Campaign name"))) var name: String
        @Option(help: ArgumentHelp(L("平台：聚划算、淘抢购、店铺活动…", "Platform: 聚划算, 淘抢购, shop promotion…"))) var platform: String
        @Option(help: ArgumentHelp(L("开始日", "First day"), valueName: "YYYY-MM-DD")) var starts: String
        @Option(help: ArgumentHelp(L("结束日", "Last day"), valueName: "YYYY-MM-DD")) var ends: String
        @Option(help: ArgumentHelp(L("平台的要求", "The platform's requirements"))) var requirements: String = ""
        @Option(help: ArgumentHelp(L("商品与活动价（可重复）", "A SKU at its campaign price (repeatable)"), valueName: "SKU=price")) var item: [String] = []
        @Option(help: ArgumentHelp(L("预算", "Budget"))) var budget: String = "0"
        @Option(name: .customLong("fee-rate"), help: ArgumentHelp(L("平台服务费率（默认看 CAMP-3.platform-fee）", "Platform fee rate (default: the CAMP-3.platform-fee policy)"), valueName: "5%"))
        var feeRate: String?
        @Option(help: ArgumentHelp(L("活动编号（默认自动生成）", "Campaign ID (default: generated)"))) var id: String?

        func run() throws {
            let session = try Session(global)
            let declaration = CampaignDeclaration(
                name: name.trimmingWhitespace(), platform: platform.trimmingWhitespace(), startsOn: try CampaignCommand.date(starts, "--starts"),
                endsOn: try CampaignCommand.date(ends, "--ends"), requirements: requirements.trimmingWhitespace(),
                items: try item.map(CampaignCommand.item), budget: try Money.parse(budget), feePermille: try feeRate.map(CampaignCommand.feeRate))
            let campaign = id?.trimmingWhitespace() ?? ShortID.make("CP", day: session.today, ids: .random)
            let me = try actor.resolve(in: session)
            let hash = CampaignContent(declaration: declaration, files: []).hash
            try session.database.apply([
                OpDraft(actor: me.id, CampaignDeclared(campaign: campaign, declaration: declaration)),
                OpDraft(actor: me.id, CampaignSigned(campaign: campaign, step: .declare, contentHash: hash)),
            ])
            if global.json { return Output.json(try session.read { db in try CampaignQueries.detail(db, campaign) }) }
            Output.line(L("活动 \(campaign)：\(declaration.name)（\(declaration.platform)）已申报并签字，内容 \(CampaignCommand.short(hash))；下一步：总经理审批",
                          "Campaign \(campaign): \(declaration.name) (\(declaration.platform)) declared and signed, content \(CampaignCommand.short(hash)); next: the GM approves"))
        }
    }

    struct Amend: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "amend", abstract: L("修改申报：之前的签字全部过时，从申报重签。", "Change the declaration: every signature goes stale, the chain restarts at 申报."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("活动", "Campaign"))) var campaign: String
        @Option var name: String?
        @Option var platform: String?
        @Option var starts: String?
        @Option var ends: String?
        @Option var requirements: String?
        @Option(help: ArgumentHelp(L("替换全部商品（可重复）", "Replace all SKUs (repeatable)"), valueName: "SKU=price")) var item: [String] = []
        @Option var budget: String?
        @Option(name: .customLong("fee-rate")) var feeRate: String?

        func run() throws {
            let session = try Session(global)
            let payload = try session.read { db in
                try CampaignActions.amend(db, try CampaignQueries.resolve(db, campaign)) { d in
                    if let name { d.name = name.trimmingWhitespace() }
                    if let platform { d.platform = platform.trimmingWhitespace() }
                    if let starts { d.startsOn = try CampaignCommand.date(starts, "--starts") }
                    if let ends { d.endsOn = try CampaignCommand.date(ends, "--ends") }
                    if let requirements { d.requirements = requirements.trimmingWhitespace() }
                    if !item.isEmpty { d.items = try item.map(CampaignCommand.item) }
                    if let budget { d.budget = try Money.parse(budget) }
                    if let feeRate { d.feePermille = try CampaignCommand.feeRate(feeRate) }
                }
            }
            try session.apply(payload, as: actor)
            if global.json { return Output.json(try session.read { db in try CampaignQueries.detail(db, payload.campaign) }) }
            Output.line(L("活动 \(payload.campaign) 的申报已修改：之前的签字已过时，从申报重签",
                          "Campaign \(payload.campaign) amended: earlier signatures are stale; the chain restarts at declare"))
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("列出活动与签字进度。", "List campaigns and where their chains stand."))
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session(global)
            let lines = try session.read(CampaignQueries.list)
            if global.json { return Output.json(lines) }
            var table = TextTable([.init(L("活动", "Campaign")), .init(L("名称", "Name")), .init(L("平台", "Platform")), .init(L("日期", "Dates")),
                                   .init(L("状态", "State")), .init(L("等待", "Waiting for")), .init(L("内容", "Content"))])
            for c in lines {
                let state = c.state == "live" ? (c.liveByOverride ? L("已上线（强制）", "live (override)") : L("已上线", "live")) : L("审批中", "in approval")
                let waiting = c.next.map { $0.title(in: Language.current) + (c.stale.isEmpty ? "" : L("（有过时签字）", " (stale signatures)")) }
                    ?? (c.state == "live" ? "" : L("可上线", "ready to go live"))
                table.append(c.campaign, c.name, c.platform, "\(c.startsOn)…\(c.endsOn)", state, waiting, CampaignCommand.short(c.contentHash))
            }
            Output.table(table)
        }
    }

    struct Inbox: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "inbox", abstract: L("等待我签字的活动。", "What waits for my signature."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption

        func run() throws {
            let session = try Session(global)
            let me = try actor.resolve(in: session)
            let pending = try session.read { db in try CampaignQueries.inbox(db, for: me.id) }
            if global.json { return Output.json(pending) }
            var table = TextTable([.init(L("活动", "Campaign")), .init(L("名称", "Name")), .init(L("待签", "Step")), .init(L("内容", "Content")),
                                   .init(L("上次签字后的改动", "Changed since the last signature"))])
            for p in pending {
                table.append(p.campaign, p.name, p.step.title(in: Language.current), CampaignCommand.short(p.contentHash), CampaignShow.changes(p.changes))
            }
            Output.table(table)
        }
    }
}
