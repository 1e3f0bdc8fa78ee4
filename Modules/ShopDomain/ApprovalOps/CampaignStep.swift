/// The six steps of a campaign's approval chain, in order (CAMP-1): each a signature on the
/// printed draft by a person holding the step's role.
public enum CampaignStep: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// 申报: the tech lead declares the campaign and the platform's requirements.
    case declare
    /// 审批: the GM approves the declaration.
    case approve
    /// 初审: CS/sales review what is offered.
    case review
    /// 图文设计: the designer attaches the page draft.
    case design
    /// 校对: the tech lead proofreads the draft.
    case proofread
    /// 定稿: the GM finalizes it; only then may it go live.
    case finalize

    public static func < (lhs: CampaignStep, rhs: CampaignStep) -> Bool { lhs.index < rhs.index }

    public var index: Int { CampaignStep.allCases.firstIndex(of: self)! }

    public var next: CampaignStep? {
        index + 1 < CampaignStep.allCases.count ? CampaignStep.allCases[index + 1] : nil
    }

    /// The roles that may sign this step (CAMP-1).
    public var roles: [Role] {
        switch self {
        case .declare, .proofread: [.techLead]
        case .approve, .finalize: [.gm]
        case .review: [.csLead, .csAgent]
        case .design: [.designer, .designLead]
        }
    }

    /// What the step's signature covers: the declaration (declare, approve, review) or the whole
    /// draft with its files (design, proofread, finalize). A change to what a signature covers
    /// makes it stale.
    public var coversFiles: Bool { self >= .design }

    /// Where a rejection at this step sends the chain back to: the declaration before design,
    /// the design after it.
    public var rejectsTo: CampaignStep { coversFiles ? .design : .declare }

    public var chineseTitle: String {
        switch self {
        case .declare: "申报"
        case .approve: "审批"
        case .review: "初审"
        case .design: "图文设计"
        case .proofread: "校对"
        case .finalize: "定稿"
        }
    }

    public var englishTitle: String {
        switch self {
        case .declare: "declare"
        case .approve: "approve"
        case .review: "first review"
        case .design: "design"
        case .proofread: "proofread"
        case .finalize: "finalize"
        }
    }

    public func title(in language: Language) -> String { language.pick(zh: chineseTitle, en: englishTitle) }

    /// Accepts the code (`proofread`), the Chinese title (`校对`) or the English title.
    public init?(parsing text: String) {
        let key = text.trimmingWhitespace().lowercased()
        guard let step = CampaignStep(rawValue: key)
            ?? CampaignStep.allCases.first(where: { $0.chineseTitle == key || $0.englishTitle == key }) else { return nil }
        self = step
    }
}
