/// A campaign's SKU at its campaign price.
public struct CampaignItem: Sendable, Equatable, Codable {
    public var sku: SKU
    public var price: Money

    public init(sku: SKU, price: Money) {
        self.sku = sku
        self.price = price
    }
}

/// What the tech lead declares (CAMP-1 申报): the campaign, the platform's requirements, the SKUs
/// at their campaign prices and the budget. Part of the content every signature binds.
public struct CampaignDeclaration: Sendable, Equatable, Codable {
    public var name: String
    /// 聚划算, 淘抢购, 店铺活动 …
    public var platform: String
    public var startsOn: CivilDate
    public var endsOn: CivilDate
    /// The platform's requirements, as its rules state them.
    public var requirements: String
    public var items: [CampaignItem]
    public var budget: Money
    /// The platform's fee in thousandths of sales (`50` = 5%); nil: the `CAMP-3.platform-fee` policy.
    public var feePermille: Int?

    public init(name: String, platform: String, startsOn: CivilDate, endsOn: CivilDate, requirements: String, items: [CampaignItem],
                budget: Money, feePermille: Int? = nil) {
        self.name = name
        self.platform = platform
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.requirements = requirements
        self.items = items
        self.budget = budget
        self.feePermille = feePermille
    }
}

/// One file of the page draft, by its SHA-256 (CAMP-1 图文设计).
public struct DraftFile: Sendable, Equatable, Codable {
    /// The name shown and printed: the path inside the attached folder, or the file's name.
    public var name: String
    /// Where the designer's device has it (to check it again before signing, and to print it).
    public var path: String
    public var sha256: String
    public var bytes: Int64

    public init(name: String, path: String, sha256: String, bytes: Int64) {
        self.name = name
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
    }
}

/// The tech lead declares a campaign (CAMP-1 申报). The declaration is signed by its own
/// `campaign.signed` op for the `declare` step.
public struct CampaignDeclared: OpPayload {
    public static let kind = "campaign.declared"
    public static let version = 1
    public var campaign: String
    public var declaration: CampaignDeclaration

    public init(campaign: String, declaration: CampaignDeclaration) {
        self.campaign = campaign
        self.declaration = declaration
    }
}

/// The tech lead changes the declaration: every signature made on the old one is stale and the
/// chain goes back to 申报.
public struct CampaignAmended: OpPayload {
    public static let kind = "campaign.amended"
    public static let version = 1
    public var campaign: String
    public var declaration: CampaignDeclaration
    /// The content hash the change was made on: merged on other content, it is a conflict.
    public var basedOn: String

    public init(campaign: String, declaration: CampaignDeclaration, basedOn: String) {
        self.campaign = campaign
        self.declaration = declaration
        self.basedOn = basedOn
    }
}

/// The designer attaches the page draft (CAMP-1 图文设计): the files replace the draft's files.
public struct CampaignDraftAttached: OpPayload {
    public static let kind = "campaign.draft-attached"
    public static let version = 1
    public var campaign: String
    public var files: [DraftFile]
    /// The content hash the draft had when the designer attached: merged on other content (the
    /// draft changed on another device meanwhile), it is a conflict.
    public var basedOn: String

    public init(campaign: String, files: [DraftFile], basedOn: String) {
        self.campaign = campaign
        self.files = files
        self.basedOn = basedOn
    }
}

/// A signature of one step of the chain, bound to the draft's content hash as it stood (CAMP-1).
public struct CampaignSigned: OpPayload {
    public static let kind = "campaign.signed"
    public static let version = 1
    public var campaign: String
    public var step: CampaignStep
    public var contentHash: String

    public init(campaign: String, step: CampaignStep, contentHash: String) {
        self.campaign = campaign
        self.step = step
        self.contentHash = contentHash
    }
}

/// A reviewer refuses the step with a reason: the chain goes back to design (or, before design,
/// to the declaration).
public struct CampaignRejected: OpPayload {
    public static let kind = "campaign.rejected"
    public static let version = 1
    public var campaign: String
    public var step: CampaignStep
    public var contentHash: String
    public var reason: String

    public init(campaign: String, step: CampaignStep, contentHash: String, reason: String) {
        self.campaign = campaign
        self.step = step
        self.contentHash = contentHash
        self.reason = reason
    }
}

/// The campaign goes live (CAMP-1): after 定稿 on the current content, or by the GM's recorded
/// override with a reason (ORG-3). Its prices apply from now.
public struct CampaignWentLive: OpPayload {
    public static let kind = "campaign.went-live"
    public static let version = 1
    public var campaign: String
    public var contentHash: String
    /// The GM's reason for going live without the signatures (ORG-3); nil when finalized.
    public var override: String?

    public init(campaign: String, contentHash: String, override: String? = nil) {
        self.campaign = campaign
        self.contentHash = contentHash
        self.override = override
    }
}

/// A text or image error found on the live page (CAMP-2, DISC-3), with the fines it books. The
/// error's identity is derived from its content (`CampaignErrorID`): the same error recorded on
/// two devices is one error after merge.
public struct CampaignErrorRecorded: FineBearing {
    public static let kind = "campaign.error-recorded"
    public static let version = 1
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case text, image
    }
    public var campaign: String
    /// `CampaignErrorID.make(campaign, what)`.
    public var error: String
    public var what: String
    public var errorKind: Kind
    /// Whether the page had gone live with the full chain signed (CAMP-2: missed review) or by
    /// override (everyone in the chain jointly).
    public var signed: Bool
    public var claims: [FineClaim]

    public var fineClaims: [FineClaim] { claims }

    public init(campaign: String, error: String, what: String, errorKind: Kind, signed: Bool, claims: [FineClaim]) {
        self.campaign = campaign
        self.error = error
        self.what = what
        self.errorKind = errorKind
        self.signed = signed
        self.claims = claims
    }
}

/// The written summary after the campaign (CAMP-3), with the budget actually spent.
public struct CampaignSummarized: OpPayload {
    public static let kind = "campaign.summarized"
    public static let version = 1
    public var campaign: String
    public var text: String
    /// The promotion budget spent; nil: all of the declared budget.
    public var spent: Money?

    public init(campaign: String, text: String, spent: Money? = nil) {
        self.campaign = campaign
        self.text = text
        self.spent = spent
    }
}
