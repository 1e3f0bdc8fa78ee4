import Approval
import Foundation
import ShopDomain

/// How `campaign show` prints a campaign: the declaration, the draft, the chain step by step.
enum CampaignShow {
    static func print(_ d: CampaignDetail, _ session: Session) {
        let decl = d.declaration
        Output.line("\(d.campaign)  \(decl.name)  [\(decl.platform)]  \(decl.startsOn)…\(decl.endsOn)")
        Output.line(L("申报人：\(d.declaredBy)　预算：\(decl.budget)", "Declared by \(d.declaredBy), budget \(decl.budget)")
            + (decl.feePermille.map { L("　平台费率：", ", platform fee ") + CampaignShow.rate($0) } ?? ""))
        if !decl.requirements.isEmpty { Output.line(L("平台要求：", "Platform's requirements: ") + decl.requirements) }
        var items = TextTable([.init("SKU"), .init(L("商品", "Product")), .init(L("活动价", "Campaign price"), alignment: .right)])
        for item in decl.items { items.append(item.sku.rawValue, d.itemNames[item.sku.rawValue] ?? "", item.price.description) }
        Output.table(items)
        Output.line(L("稿件内容哈希：", "Content hash: ") + d.contentHash)
        for file in d.files { Output.line("  \(file.name)  \(String(file.sha256.prefix(12)))  \(file.bytes) B") }
        if d.files.isEmpty { Output.line(L("  （尚未附上图文稿件）", "  (no page draft attached yet)")) }
        var chain = TextTable([.init(L("步骤", "Step")), .init(L("状态", "Status")), .init(L("签字人", "By")), .init(L("时间", "When")),
                               .init(L("签的内容", "Signed content")), .init(L("原因", "Reason"))])
        for step in d.chain.steps {
            let s = step.signature
            chain.append(step.step.title(in: Language.current), CampaignCommand.status(step.status), s?.signerName ?? "",
                         s.map { session.time($0.at) } ?? "", s.map { CampaignCommand.short($0.contentHash) } ?? "", s?.reason ?? "")
        }
        Output.table(chain)
        if !d.chain.stale.isEmpty {
            Output.line(L("内容改过，过时的签字：", "The content changed; stale signatures: ")
                        + d.chain.stale.map { $0.title(in: Language.current) }.joined(separator: L("、", ", ")))
        }
        if let changes = d.changesSinceLastSignature, !changes.isEmpty {
            Output.line(L("上次签字后的改动：", "Changed since the last signature: ") + Self.changes(changes))
        }
        if let liveAt = d.liveAt {
            Output.line(L("已上线：\(session.time(liveAt))（\(d.liveBy ?? "")）", "Live since \(session.time(liveAt)) (\(d.liveBy ?? ""))")
                        + (d.liveOverride.map { L("　总经理强制上线，原因：", "; the GM's override, reason: ") + $0 } ?? ""))
        } else if let next = d.chain.next {
            Output.line(L("等待：", "Waiting for: ") + next.title(in: Language.current) + L("（", " (")
                        + next.roles.map { $0.title(in: Language.current) }.joined(separator: "/") + L("）", ")"))
        } else {
            Output.line(L("已定稿，可上线：zhanggui campaign live \(d.campaign)", "Finalized; go live with zhanggui campaign live \(d.campaign)"))
        }
        for error in d.errors {
            Output.line(L("错误 \(error.error)：\(error.what)（\(error.recordedBy)，罚款 \(error.fines) 笔）",
                          "Error \(error.error): \(error.what) (\(error.recordedBy), \(error.fines) fines)"))
        }
        if let summary = d.summary { Output.line(L("总结：", "Summary: ") + summary) }
    }

    static func changes(_ changes: DraftChanges?) -> String {
        guard let changes, !changes.isEmpty else { return changes == nil ? "" : L("无", "none") }
        var parts: [String] = []
        if !changes.changed.isEmpty { parts.append(L("改 ", "changed ") + changes.changed.joined(separator: ", ")) }
        if !changes.added.isEmpty { parts.append(L("加 ", "added ") + changes.added.joined(separator: ", ")) }
        if !changes.removed.isEmpty { parts.append(L("删 ", "removed ") + changes.removed.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    static func rate(_ permille: Int) -> String {
        let sign = permille < 0 ? "-" : "", value = abs(permille)
        return sign + (value % 10 == 0 ? "\(value / 10)%" : "\(value / 10).\(value % 10)%")
    }
}
