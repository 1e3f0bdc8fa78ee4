import Approval
import ArgumentParser
import Foundation
import ShopDomain
import Storage

extension CampaignCommand {
    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: L("活动详情：申报、稿件、六个签字（哪些已过时）。", "A campaign: the declaration, the draft, the six signatures (which are stale)."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("活动编号或名称", "Campaign ID or name"))) var campaign: String

        func run() throws {
            let session = try Session(global)
            let detail = try session.read { db in try CampaignQueries.detail(db, campaign) }
            if global.json { return Output.json(detail) }
            CampaignShow.print(detail, session)
        }
    }

    struct Attach: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "attach", abstract: L("美工附上图文稿件（文件或文件夹，按 SHA-256 记录）。", "The designer attaches the page draft (files or a folder, each by SHA-256)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("活动", "Campaign"))) var campaign: String
        @Argument(help: ArgumentHelp(L("稿件文件或文件夹", "Draft files or folders"))) var paths: [String]

        func run() throws {
            let session = try Session(global)
            let payload = try session.read { db in try CampaignActions.attach(db, try CampaignQueries.resolve(db, campaign), paths: paths) }
            try session.apply(payload, as: actor)
            let detail = try session.read { db in try CampaignQueries.detail(db, payload.campaign) }
            if global.json { return Output.json(detail) }
            Output.line(L("活动 \(payload.campaign)：附上 \(payload.files.count) 个文件，内容 \(CampaignCommand.short(detail.contentHash))",
                          "Campaign \(payload.campaign): \(payload.files.count) files attached, content \(CampaignCommand.short(detail.contentHash))"))
            if !detail.chain.stale.isEmpty {
                Output.line(L("以下签字已过时，需重签：", "These signatures are now stale: ") + detail.chain.stale.map { $0.title(in: Language.current) }.joined(separator: ", "))
            }
        }
    }

    struct Sign: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "sign", abstract: L("签一步：签字绑定稿件当前的内容哈希（CAMP-1）。", "Sign a step: the signature binds the draft's current content hash (CAMP-1)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("活动", "Campaign"))) var campaign: String
        @Option(help: ArgumentHelp("declare|approve|review|design|proofread|finalize")) var step: String
        @Option(help: ArgumentHelp(L("签的内容哈希（可写前几位，须与当前一致）", "The content hash signed (a prefix will do; must be the current one)"))) var hash: String?

        func run() throws {
            let session = try Session(global)
            let step = try CampaignCommand.step(step)
            let payload = try session.read { db in
                var payload = try CampaignActions.sign(db, try CampaignQueries.resolve(db, campaign), step: step)
                if let hash = hash?.trimmingWhitespace().lowercased(), !payload.contentHash.hasPrefix(hash) || hash.isEmpty {
                    payload.contentHash = hash  // the handler names the stale hash
                }
                return payload
            }
            try session.apply(payload, as: actor)
            let detail = try session.read { db in try CampaignQueries.detail(db, payload.campaign) }
            if global.json { return Output.json(detail) }
            let next = detail.chain.next.map { L("下一步：", "next: ") + $0.title(in: Language.current) } ?? L("已定稿，可上线", "finalized: ready to go live")
            Output.line(L("活动 \(payload.campaign)：\(step.chineseTitle)已签，内容 \(CampaignCommand.short(payload.contentHash))；\(next)",
                          "Campaign \(payload.campaign): \(step.englishTitle) signed on \(CampaignCommand.short(payload.contentHash)); \(next)"))
        }
    }

    struct Reject: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "reject", abstract: L("驳回一步并写原因：退回图文设计（设计前退回申报）。", "Reject a step with a reason: back to design (before design, back to the declaration)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("活动", "Campaign"))) var campaign: String
        @Option(help: ArgumentHelp("approve|review|proofread|finalize")) var step: String
        @Option(help: ArgumentHelp(L("原因", "Reason"))) var reason: String

        func run() throws {
            let session = try Session(global)
            let step = try CampaignCommand.step(step)
            let payload = try session.read { db in try CampaignActions.reject(db, try CampaignQueries.resolve(db, campaign), step: step, reason: reason) }
            try session.apply(payload, as: actor)
            if global.json { return Output.json(try session.read { db in try CampaignQueries.detail(db, payload.campaign) }) }
            Output.line(L("活动 \(payload.campaign)：\(step.chineseTitle)驳回（\(reason)），退回\(step.rejectsTo.chineseTitle)",
                          "Campaign \(payload.campaign): \(step.englishTitle) rejected (\(reason)); back to \(step.rejectsTo.englishTitle)"))
        }
    }

    struct Live: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "live", abstract: L("活动上线：须已定稿；否则只有总经理能写原因强制上线（ORG-3）。", "Go live: only after 定稿; otherwise only by the GM's override with a reason (ORG-3)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("活动", "Campaign"))) var campaign: String
        @Option(help: ArgumentHelp(L("总经理未签字强制上线的原因", "The GM's reason to go live unsigned"))) var override: String?

        func run() throws {
            let session = try Session(global)
            let payload = try session.read { db in try CampaignActions.goLive(db, try CampaignQueries.resolve(db, campaign), override: override) }
            try session.apply(payload, as: actor)
            let detail = try session.read { db in try CampaignQueries.detail(db, payload.campaign) }
            if global.json { return Output.json(detail) }
            if let reason = detail.liveOverride {
                Output.line(L("活动 \(payload.campaign) 已由总经理强制上线（未签字，原因：\(reason)）；出错时全链连带罚款（CAMP-2）",
                              "Campaign \(payload.campaign) is live by the GM's override (unsigned, reason: \(reason)); an error fines the whole chain (CAMP-2)"))
            } else {
                Output.line(L("活动 \(payload.campaign) 已上线，活动价生效", "Campaign \(payload.campaign) is live; its prices apply"))
            }
        }
    }

    struct ErrorCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "error", abstract: L("登记上线页面的文字或图片错误，并按 CAMP-2 记罚款。", "Record a text or image error on the live page; books the CAMP-2 fines."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("活动", "Campaign"))) var campaign: String
        @Option(help: ArgumentHelp(L("错误内容", "The error"))) var what: String
        @Option(help: ArgumentHelp("text|image")) var kind: String = "text"

        func run() throws {
            let session = try Session(global)
            guard let kind = CampaignErrorRecorded.Kind(rawValue: kind) else { throw ValidationError(L("--kind 只能是 text 或 image", "--kind must be text or image")) }
            let payload = try session.read { db in try CampaignActions.recordError(db, try CampaignQueries.resolve(db, campaign), what: what, kind: kind) }
            try session.apply(payload, as: actor)
            if global.json { return Output.json(payload) }
            let names = try session.read { db in try payload.claims.map { try CoreQueries.staff(db, id: $0.staff)?.name ?? $0.staff.rawValue } }
            Output.line(L("活动 \(payload.campaign) 错误 \(payload.error) 已登记（\(payload.signed ? "签字上线，审校漏错" : "未签字上线，全链连带")）；罚款：\(names.joined(separator: "、"))",
                          "Campaign \(payload.campaign): error \(payload.error) recorded (\(payload.signed ? "signed, missed in review" : "unsigned, the whole chain")); fined: \(names.joined(separator: ", "))"))
        }
    }
}
