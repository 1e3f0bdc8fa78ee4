import ShopDomain

/// What the approval chain refuses, in words a person can act on (CAMP-1…CAMP-3, ORG-3).
public enum ApprovalError: Error, Equatable, Sendable {
    case unknownCampaign(String)
    case campaignExists(String)
    case emptyName
    case emptyPlatform
    case badDates(String, String)
    case noItems
    case unknownSKU(String)
    case duplicateSKU(String)
    case badPrice(String)
    case badBudget
    case badFeeRate(String)
    case badItem(String)
    case wrongRole(name: String, step: CampaignStep)
    case notDeclarer(String)
    case outOfOrder(step: CampaignStep, next: CampaignStep?)
    case alreadySigned(CampaignStep)
    case staleHash(step: CampaignStep, signed: String, current: String)
    case draftChanged(basedOn: String, current: String)
    case rejectedElsewhere(CampaignStep, by: String)
    case signedElsewhere(CampaignStep, by: String)
    /// Merged: another person signed this step on the same content.
    case signedByOther(CampaignStep, by: String)
    case cannotReject(CampaignStep)
    case reasonRequired
    case noDraft
    case emptyDraft(String)
    case fileMissing(String)
    case fileChanged(String)
    case alreadyLive(String)
    case notFinalized(String, next: CampaignStep?)
    case overrideNeedsGM(String)
    case cannotGoLive(String)
    case notLive(String)
    case emptyError
    case errorRecorded(String)
    case claimsMismatch
    case badErrorID
    case emptySummary
    case badSpent

    static func short(_ hash: String) -> String { String(hash.prefix(12)) }
}

extension ApprovalError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .unknownCampaign(let id):
            language.pick(zh: "没有活动 \(id)：用 zhanggui campaign list 查看", en: "no campaign \(id): see zhanggui campaign list")
        case .campaignExists(let id):
            language.pick(zh: "活动 \(id) 已经申报过了", en: "campaign \(id) is already declared")
        case .emptyName:
            language.pick(zh: "活动名称为空：加上 --name", en: "the campaign has no name: add --name")
        case .emptyPlatform:
            language.pick(zh: "没有写平台（聚划算、淘抢购、店铺活动…）：加上 --platform", en: "no platform (聚划算, 淘抢购, shop promotion…): add --platform")
        case .badDates(let starts, let ends):
            language.pick(zh: "活动结束日 \(ends) 早于开始日 \(starts)", en: "the campaign ends (\(ends)) before it starts (\(starts))")
        case .noItems:
            language.pick(zh: "活动没有商品：加上 --item SKU=活动价", en: "the campaign has no products: add --item SKU=price")
        case .unknownSKU(let sku):
            language.pick(zh: "没有商品 \(sku)：用 zhanggui product list 查看", en: "no product \(sku): see zhanggui product list")
        case .duplicateSKU(let sku):
            language.pick(zh: "商品 \(sku) 写了两次", en: "product \(sku) is listed twice")
        case .badPrice(let sku):
            language.pick(zh: "\(sku) 的活动价必须大于 0", en: "the campaign price of \(sku) must be above 0")
        case .badBudget:
            language.pick(zh: "预算不能为负", en: "the budget cannot be negative")
        case .badFeeRate(let text):
            language.pick(zh: "“\(text)”不是费率：写成 5% 或 0.6%", en: "“\(text)” is not a fee rate: write 5% or 0.6%")
        case .badItem(let text):
            language.pick(zh: "“\(text)”应写成 SKU=活动价，如 AF-1=59", en: "“\(text)” should read SKU=price, as AF-1=59")
        case .wrongRole(let name, let step):
            language.pick(zh: "\(name) 不是\(step.roles.map(\.chineseTitle).joined(separator: "或"))，不能签\(step.chineseTitle)（CAMP-1）",
                          en: "\(name) is not a \(step.roles.map(\.englishTitle).joined(separator: " or ")) and cannot sign \(step.englishTitle) (CAMP-1)")
        case .notDeclarer(let name):
            language.pick(zh: "\(name) 不是技术主管，不能申报或修改活动（CAMP-1）", en: "\(name) is not the tech lead and cannot declare or amend campaigns (CAMP-1)")
        case .outOfOrder(let step, let next):
            if let next {
                language.pick(zh: "还没轮到\(step.chineseTitle)：现在等待\(next.chineseTitle)（CAMP-1 按顺序签字）",
                              en: "\(step.englishTitle) is not due: the chain waits for \(next.englishTitle) (CAMP-1 signs in order)")
            } else {
                language.pick(zh: "六个签字都已完成", en: "all six signatures are in")
            }
        case .alreadySigned(let step):
            language.pick(zh: "\(step.chineseTitle)已经签过了", en: "\(step.englishTitle) is already signed")
        case .staleHash(let step, let signed, let current):
            language.pick(zh: "\(step.chineseTitle)签的内容 \(Self.short(signed)) 已经过时：稿件现在是 \(Self.short(current))，请看过新稿再签",
                          en: "the \(step.englishTitle) signature is on content \(Self.short(signed)), which is stale: the draft is now \(Self.short(current)); look at it and sign again")
        case .draftChanged(let basedOn, let current):
            language.pick(zh: "稿件在别处改过了（这次修改基于 \(Self.short(basedOn))，现在是 \(Self.short(current))）",
                          en: "the draft changed elsewhere meanwhile (this change was made on \(Self.short(basedOn)), it is now \(Self.short(current)))")
        case .rejectedElsewhere(let step, let by):
            language.pick(zh: "\(step.chineseTitle)已被 \(by) 在另一台设备上驳回：签字与驳回冲突，请处理", en: "\(step.englishTitle) was rejected by \(by) on another device: a signature and a rejection clash; settle it")
        case .signedByOther(let step, let by):
            language.pick(zh: "\(step.chineseTitle)已由 \(by) 在另一台设备上签字：两人签了同一步，请处理", en: "\(step.englishTitle) was signed by \(by) on another device: two people signed one step; settle it")
        case .signedElsewhere(let step, let by):
            language.pick(zh: "\(step.chineseTitle)已由 \(by) 在另一台设备上签字：驳回与签字冲突，请处理", en: "\(step.englishTitle) was signed by \(by) on another device: a rejection and a signature clash; settle it")
        case .cannotReject(let step):
            language.pick(zh: "\(step.chineseTitle)不能驳回（申报人修改申报即可）", en: "\(step.englishTitle) cannot be rejected (the declarer amends the declaration instead)")
        case .reasonRequired:
            language.pick(zh: "需要写原因：加上 --reason", en: "a reason is required: add --reason")
        case .noDraft:
            language.pick(zh: "还没有附上图文稿件：美工先 zhanggui campaign attach", en: "no page draft attached yet: the designer runs zhanggui campaign attach first")
        case .emptyDraft(let path):
            language.pick(zh: "\(path) 里没有文件", en: "there are no files in \(path)")
        case .fileMissing(let path):
            language.pick(zh: "稿件文件 \(path) 不见了：重新附上稿件", en: "the draft file \(path) is missing: attach the draft again")
        case .fileChanged(let path):
            language.pick(zh: "稿件文件 \(path) 在附上之后改过了：重新附上稿件（之后的签字都要重签）",
                          en: "the draft file \(path) changed after it was attached: attach the draft again (later signatures must be made again)")
        case .alreadyLive(let id):
            language.pick(zh: "活动 \(id) 已经上线了", en: "campaign \(id) is already live")
        case .notFinalized(let id, let next):
            language.pick(zh: "活动 \(id) 还没定稿（等待\(next?.chineseTitle ?? "定稿")），不能上线：或由总经理 --override 原因 强制上线（ORG-3）",
                          en: "campaign \(id) is not finalized (waiting for \(next?.englishTitle ?? "finalize")) and cannot go live: or the GM overrides with --override reason (ORG-3)")
        case .overrideNeedsGM(let name):
            language.pick(zh: "\(name) 不是总经理：只有总经理可以未签字强制上线（ORG-3）", en: "\(name) is not the GM: only the GM may put an unsigned page live (ORG-3)")
        case .cannotGoLive(let name):
            language.pick(zh: "\(name) 不能让活动上线：技术主管或总经理", en: "\(name) cannot put a campaign live: the tech lead or the GM does")
        case .notLive(let id):
            language.pick(zh: "活动 \(id) 还没上线", en: "campaign \(id) is not live")
        case .emptyError:
            language.pick(zh: "错误内容为空：加上 --what", en: "the error is empty: add --what")
        case .errorRecorded(let id):
            language.pick(zh: "这个错误已经登记过了（\(id)）", en: "this error is already recorded (\(id))")
        case .claimsMismatch:
            language.pick(zh: "罚款与签字链不符", en: "the fines do not match the chain")
        case .badErrorID:
            language.pick(zh: "错误编号与内容不符", en: "the error's ID does not match its text")
        case .emptySummary:
            language.pick(zh: "总结为空：加上 --text", en: "the summary is empty: add --text")
        case .badSpent:
            language.pick(zh: "花费不能为负", en: "the amount spent cannot be negative")
        }
    }
}
