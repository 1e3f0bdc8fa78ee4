import ShopDomain

/// The campaign draft as the paper the seed signs (CAMP-1): the declaration, the draft's images,
/// the content hash the signatures bind, and six signature boxes with who and when (blank where
/// unsigned). A4.
public struct CampaignDraftSheet: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var sku: String
        public var product: String
        public var price: Money

        public init(sku: String, product: String, price: Money) {
            self.sku = sku
            self.product = product
            self.price = price
        }
    }

    public struct File: Sendable, Equatable {
        public var name: String
        public var sha256: String
        /// Where the page shows the image from: a `data:` URI (embedded) or a path relative to the
        /// page; nil when the file is not an image this device has.
        public var source: String?

        public init(name: String, sha256: String, source: String?) {
            self.name = name
            self.sha256 = sha256
            self.source = source
        }
    }

    public struct Box: Sendable, Equatable {
        /// `申报`.
        public var stepZh: String
        public var stepEn: String
        /// Who signs it: `技术主管`.
        public var role: String
        /// Who signed, when, on which content; nil where unsigned (the box is blank).
        public var signer: String?
        public var signedAt: String?
        public var hash: String?
        /// `已过时` / `驳回：…` beside a signature that does not stand.
        public var note: String?

        public init(stepZh: String, stepEn: String, role: String, signer: String? = nil, signedAt: String? = nil, hash: String? = nil,
                    note: String? = nil) {
            self.stepZh = stepZh
            self.stepEn = stepEn
            self.role = role
            self.signer = signer
            self.signedAt = signedAt
            self.hash = hash
            self.note = note
        }
    }

    public var campaign: String
    public var name: String
    public var platform: String
    public var dates: String
    public var requirements: String
    public var items: [Item]
    public var budget: Money
    public var fee: String?
    public var declaredBy: String
    public var contentHash: String
    public var files: [File]
    public var boxes: [Box]
    /// `已上线` / `总经理强制上线：…` / nil while in approval.
    public var liveNote: String?
    public var printedAt: String

    public init(campaign: String, name: String, platform: String, dates: String, requirements: String, items: [Item], budget: Money,
                fee: String?, declaredBy: String, contentHash: String, files: [File], boxes: [Box], liveNote: String?, printedAt: String) {
        self.campaign = campaign
        self.name = name
        self.platform = platform
        self.dates = dates
        self.requirements = requirements
        self.items = items
        self.budget = budget
        self.fee = fee
        self.declaredBy = declaredBy
        self.contentHash = contentHash
        self.files = files
        self.boxes = boxes
        self.liveNote = liveNote
        self.printedAt = printedAt
    }
}
