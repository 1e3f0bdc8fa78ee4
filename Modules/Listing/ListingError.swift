import ShopDomain

/// What the listing refuses, in words a person can act on.
public enum ListingError: Error, Equatable, Sendable {
    case unknownStyle(String)
    case stageOutOfOrder(style: String, stage: ListingStage, needs: ListingStage)
    case stageRecorded(style: String, stage: ListingStage)
    case alreadyOnSale(String)
    case reviewBeforeListing(String)
    case priceRequired
    case notReady(style: String, blockers: [ListingBlocker])
    case notInFolder(style: String, file: String)
    case sameImage(file: String)
    case duplicateCheck(String)
    case folderMissing(String)
    case notAFolder(String)
    case unknownItem(String)
    case unknownStage(String)
    case fileUnreadable(String)
}

/// Why a style may not go on sale yet (DES-1, DES-2…DES-6).
public enum ListingBlocker: Sendable, Equatable, Codable {
    case stage(ListingStage)
    case missing(ListingCheckItem)
    case failed(ListingCheckItem)
    case folderNotChecked
    case folderFailed([FolderRule])

    public func message(in language: Language) -> String {
        switch self {
        case .stage(let stage):
            language.pick(zh: "未记录“\(stage.title(in: .zh))”", en: "not \(stage.title(in: .en)) yet")
        case .missing(let item):
            language.pick(zh: "\(item.rule)“\(item.title(in: .zh))”未勾选", en: "\(item.rule) “\(item.title(in: .en))” not ticked")
        case .failed(let item):
            language.pick(zh: "\(item.rule)“\(item.title(in: .zh))”未通过", en: "\(item.rule) “\(item.title(in: .en))” failed")
        case .folderNotChecked:
            language.pick(zh: "图片文件夹未检查（zhanggui listing check）", en: "image folder not checked (zhanggui listing check)")
        case .folderFailed(let rules):
            language.pick(zh: "图片文件夹检查未通过：\(rules.map(\.rawValue).joined(separator: "、"))",
                          en: "image folder check failed: \(rules.map(\.rawValue).joined(separator: ", "))")
        }
    }
}

extension ListingError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .unknownStyle(let style):
            language.pick(zh: "没有款号（货号）“\(style)”的商品：用 zhanggui product list 查看",
                          en: "no product has the item code “\(style)”: see zhanggui product list")
        case .stageOutOfOrder(let style, let stage, let needs):
            language.pick(zh: "\(style) 还没有“\(needs.title(in: .zh))”，不能记录“\(stage.title(in: .zh))”（顺序：拍摄 → 修图 → 上传）",
                          en: "\(style) is not \(needs.title(in: .en)) yet, so it cannot be \(stage.title(in: .en)) (order: photographed → retouched → listed)")
        case .stageRecorded(let style, let stage):
            language.pick(zh: "\(style) 已经记录过“\(stage.title(in: .zh))”", en: "\(style) is already recorded as \(stage.title(in: .en))")
        case .alreadyOnSale(let style):
            language.pick(zh: "\(style) 已经上架销售", en: "\(style) is already on sale")
        case .reviewBeforeListing(let style):
            language.pick(zh: "\(style) 还没上传：页面要在上传之后复查（DES-6）", en: "\(style) is not listed yet: the page is reviewed after listing (DES-6)")
        case .priceRequired:
            language.pick(zh: "价格核对要写明页面上的价格：--price 199.00", en: "the price check needs the page's price: --price 199.00")
        case .notReady(let style, let blockers):
            language.pick(zh: "\(style) 不能上架：", en: "\(style) cannot go on sale: ")
                + blockers.map { $0.message(in: language) }.joined(separator: language.pick(zh: "；", en: "; "))
        case .notInFolder(let style, let file):
            language.pick(zh: "\(style) 最近一次图片检查里没有文件 \(file)：标注售罄要保留原文件名（DES-7）",
                          en: "\(style)'s last folder check has no file \(file): a sold-out annotation keeps the file's name (DES-7)")
        case .sameImage(let file):
            language.pick(zh: "\(file) 与检查时的内容相同：先在图上标注售罄再登记（DES-7）",
                          en: "\(file) is unchanged since the folder check: annotate the image first, then record it (DES-7)")
        case .duplicateCheck(let id):
            language.pick(zh: "检查记录 \(id) 已存在", en: "the folder check \(id) already exists")
        case .folderMissing(let path):
            language.pick(zh: "文件夹 \(path) 不存在：请写出商品图片文件夹的路径", en: "the folder \(path) does not exist: give the path of the product's image folder")
        case .notAFolder(let path):
            language.pick(zh: "\(path) 不是文件夹", en: "\(path) is not a folder")
        case .unknownItem(let text):
            language.pick(zh: "没有检查项“\(text)”：可用 \(ListingCheckItem.allCases.map(\.rawValue).joined(separator: "、"))",
                          en: "no check item “\(text)”: use one of \(ListingCheckItem.allCases.map(\.rawValue).joined(separator: ", "))")
        case .unknownStage(let text):
            language.pick(zh: "没有步骤“\(text)”：可用 photographed、retouched、listed",
                          en: "no stage “\(text)”: use photographed, retouched or listed")
        case .fileUnreadable(let path):
            language.pick(zh: "读不了文件 \(path)", en: "cannot read the file \(path)")
        }
    }
}
