/// The designers' ops (DES-1…DES-7): a style's way from the goods' arrival to on sale. The
/// listing clock itself starts on Warehouse's `receipt.posted` (Listing follows it).

/// A step of the work on a style's images and page was done (DES-1): photographed, retouched,
/// listed — in that order, each once.
public struct ListingStageRecorded: OpPayload {
    public static let kind = "listing.stage-recorded"
    public static let version = 1
    /// The style (款号/货号).
    public var style: String
    public var stage: ListingStage
    public init(style: String, stage: ListingStage) {
        self.style = style
        self.stage = stage
    }
}

/// A box of the checklist ticked by the actor (DES-2 watermark, DES-3 annotated details, DES-4 the
/// main image's annotations, DES-6 the listing checks). The latest tick of an item counts.
public struct ListingTicked: OpPayload {
    public static let kind = "listing.ticked"
    public static let version = 1
    public var style: String
    public var item: ListingCheckItem
    /// The person's verdict. For `price` the recorded result is also whether `price` equals the
    /// catalogue's (or the live campaign's) price of every variant of the style.
    public var passed: Bool
    /// The price on the listed page (`price` only).
    public var price: Money?
    public var note: String?
    public init(style: String, item: ListingCheckItem, passed: Bool = true, price: Money? = nil, note: String? = nil) {
        self.style = style
        self.item = item
        self.passed = passed
        self.price = price
        self.note = note
    }
}

/// The image folder as it was read (DES-2, DES-3, DES-5): every file's name, size and SHA-256,
/// the backup folder's too, and what the rules found. A later check is compared with it.
public struct ListingFolderChecked: OpPayload {
    public static let kind = "listing.folder-checked"
    public static let version = 1
    public var check: String
    public var style: String
    public var directory: String
    public var backupDirectory: String?
    public var files: [ImageFileRecord]
    public var backupFiles: [ImageFileRecord]
    public var findings: [FolderFinding]
    /// The main image's width read from its header, and the width the policy asked for.
    public var mainWidth: Int?
    public var requiredWidth: Int
    public init(check: String, style: String, directory: String, backupDirectory: String?, files: [ImageFileRecord],
                backupFiles: [ImageFileRecord], findings: [FolderFinding], mainWidth: Int?, requiredWidth: Int) {
        self.check = check
        self.style = style
        self.directory = directory
        self.backupDirectory = backupDirectory
        self.files = files
        self.backupFiles = backupFiles
        self.findings = findings
        self.mainWidth = mainWidth
        self.requiredWidth = requiredWidth
    }
}

/// The style goes on sale (DES-1, DES-6): refused while a stage, a box or the folder check is
/// missing or failed.
public struct ListingOnSale: OpPayload {
    public static let kind = "listing.on-sale"
    public static let version = 1
    public var style: String
    public init(style: String) { self.style = style }
}

/// A colour or size sold out for long has been annotated on its image (DES-7): the same file
/// name as the folder check recorded, with new content.
public struct ListingSoldOutAnnotated: OpPayload {
    public static let kind = "listing.sold-out-annotated"
    public static let version = 1
    public var style: String
    public var attribute: SoldOutAttribute
    public var value: String
    public var file: ImageFileRecord
    public init(style: String, attribute: SoldOutAttribute, value: String, file: ImageFileRecord) {
        self.style = style
        self.attribute = attribute
        self.value = value
        self.file = file
    }
}
