/// The steps of a style's images and page (DES-1), in order.
public enum ListingStage: String, Sendable, Codable, CaseIterable, Comparable {
    case photographed, retouched, listed

    public static func < (lhs: ListingStage, rhs: ListingStage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public func title(in language: Language) -> String {
        switch self {
        case .photographed: language.pick(zh: "已拍摄", en: "photographed")
        case .retouched: language.pick(zh: "已修图", en: "retouched")
        case .listed: language.pick(zh: "已上传", en: "listed")
        }
    }
}

/// The boxes a person ticks before a style goes on sale, each with its rule.
public enum ListingCheckItem: String, Sendable, Codable, CaseIterable {
    case watermark
    case detailsAnnotated = "details-annotated"
    case mainName = "main-name"
    case mainItemCode = "main-item-code"
    case mainColour = "main-colour"
    case mainFabric = "main-fabric"
    case mainSizes = "main-sizes"
    case mainDescription = "main-description"
    case title
    case categoryBrand = "category-brand"
    case price
    case discount
    case pageReviewed = "page-reviewed"

    public var rule: String {
        switch self {
        case .watermark: "DES-2"
        case .detailsAnnotated: "DES-3"
        case .mainName, .mainItemCode, .mainColour, .mainFabric, .mainSizes, .mainDescription: "DES-4"
        case .title, .categoryBrand, .price, .discount, .pageReviewed: "DES-6"
        }
    }

    public func title(in language: Language) -> String {
        switch self {
        case .watermark: language.pick(zh: "每张图有店铺水印", en: "every image watermarked")
        case .detailsAnnotated: language.pick(zh: "细节图已标注卖点", en: "detail images annotated")
        case .mainName: language.pick(zh: "主图标名称", en: "main image states the name")
        case .mainItemCode: language.pick(zh: "主图标货号", en: "main image states the item code")
        case .mainColour: language.pick(zh: "主图标颜色", en: "main image states the colour")
        case .mainFabric: language.pick(zh: "主图标面料", en: "main image states the fabric")
        case .mainSizes: language.pick(zh: "主图标尺码", en: "main image states the sizes")
        case .mainDescription: language.pick(zh: "主图有描述", en: "main image has the description")
        case .title: language.pick(zh: "标题完整", en: "title complete")
        case .categoryBrand: language.pick(zh: "类目和品牌正确", en: "category and brand right")
        case .price: language.pick(zh: "价格与商品资料（或进行中的活动）一致", en: "price equals the catalogue's (or the live campaign's)")
        case .discount: language.pick(zh: "折扣设置正确", en: "discount set right")
        case .pageReviewed: language.pick(zh: "上架后已复查页面", en: "page reviewed after listing")
        }
    }
}

/// What a sold-out annotation is about (DES-7).
public enum SoldOutAttribute: String, Sendable, Codable, CaseIterable {
    case colour, size
}

/// One file of an image folder as read: its name, size in bytes and SHA-256 (lowercase hex).
public struct ImageFileRecord: Sendable, Equatable, Codable {
    public var name: String
    public var size: Int64
    public var sha256: String
    public init(name: String, size: Int64, sha256: String) {
        self.name = name
        self.size = size
        self.sha256 = sha256
    }
}

/// The rules a folder check reports on, each with the rule it enforces.
public enum FolderRule: String, Sendable, Codable, CaseIterable {
    /// Files named item code + sequence number (DES-5).
    case naming
    /// Every image file is the image its name says, readable to its header (DES-2).
    case files
    /// The main image (number 01) is the policy's width (DES-2).
    case mainWidth = "main-width"
    /// At least the policy's number of detail images (DES-3).
    case details
    /// The PSD and the JPG of each number both present (DES-5).
    case pairs
    /// The backup copy present and identical by SHA-256 (DES-5).
    case backup

    public var rule: String {
        switch self {
        case .naming, .pairs, .backup: "DES-5"
        case .files, .mainWidth: "DES-2"
        case .details: "DES-3"
        }
    }
}

/// What a rule found wrong, about one file or the folder. `code` names the finding; `found` and
/// `expected` carry its figures (a width, a suggested name, a count).
public struct FolderFinding: Sendable, Equatable, Codable {
    public var rule: FolderRule
    public var code: String
    public var file: String?
    public var found: String?
    public var expected: String?
    public init(rule: FolderRule, code: String, file: String? = nil, found: String? = nil, expected: String? = nil) {
        self.rule = rule
        self.code = code
        self.file = file
        self.found = found
        self.expected = expected
    }
}
