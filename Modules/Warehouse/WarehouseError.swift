import ShopDomain

/// What the warehouse refuses, in words a person can act on.
public enum WarehouseError: Error, Equatable, Sendable {
    case unknownProduct(String)
    case productExists(String)
    case barcodeTaken(String, by: String)
    case unknownLocation(String)
    /// The shop has no location of a kind a default needs (WH-5: the defective stock).
    case noLocation(LocationKind)
    case locationExists(String)
    case insufficientStock(sku: String, location: String, have: Int, want: Int)
    case notPositive(Int)
    case zeroAdjustment
    case reasonRequired
    case sameLocation
    case trainingForOther
    case unknownReceipt(String)
    case ambiguous(String, matches: [String])
    case receiptPosted(String)
    case receiptEmpty
    case duplicateLine(String)
    case notOnReceipt(sku: String, receipt: String)
    case uninspected([String])
    case noHomeLocation(category: String)
    case emptyVendor
    case unknownCount(String)
    case countClosed(String)
    case outOfScope(sku: String, count: String)
    case unknownCategory(String)
    case uncountedCategory(category: String, difference: Int, items: [String])
    case nothingCounted
}

extension WarehouseError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .unknownProduct(let sku):
            language.pick(zh: "没有商品“\(sku)”：用 zhanggui product list 查看", en: "no product “\(sku)”: see zhanggui product list")
        case .productExists(let sku):
            language.pick(zh: "商家编码 \(sku) 已存在", en: "the SKU \(sku) already exists")
        case .barcodeTaken(let code, let sku):
            language.pick(zh: "条码 \(code) 已用于 \(sku)", en: "the barcode \(code) already belongs to \(sku)")
        case .noLocation(let kind):
            language.pick(zh: "店里还没有\(kind.title(in: language))库位：先用 zhanggui location add 建一个，或用 --to 指定",
                          en: "the shop has no \(kind.title(in: language)) location yet: add one with zhanggui location add, or name one with --to")
        case .unknownLocation(let code):
            language.pick(zh: "没有库位 \(code)：先用 zhanggui location add \(code) 添加", en: "no location \(code): add it with zhanggui location add \(code)")
        case .locationExists(let code):
            language.pick(zh: "库位 \(code) 已存在", en: "the location \(code) already exists")
        case .insufficientStock(let sku, let location, let have, let want):
            language.pick(zh: "\(sku) 在 \(location) 只有 \(have) 件，不够 \(want) 件：先查 zhanggui stock show \(sku)",
                          en: "\(sku) has only \(have) at \(location), not \(want): check zhanggui stock show \(sku)")
        case .notPositive(let n):
            language.pick(zh: "数量必须大于 0（给的是 \(n)）", en: "the quantity must be above 0 (got \(n))")
        case .zeroAdjustment:
            language.pick(zh: "调整数量不能为 0", en: "an adjustment cannot be 0")
        case .reasonRequired:
            language.pick(zh: "需要填写原因：加上 --reason", en: "a reason is required: add --reason")
        case .sameLocation:
            language.pick(zh: "来源和目标库位相同", en: "the source and target locations are the same")
        case .trainingForOther:
            language.pick(zh: "培训确认只能本人做：用 --as 本人姓名", en: "only the person themselves can acknowledge training: use --as with their name")
        case .unknownReceipt(let id):
            language.pick(zh: "没有收货单 \(id)：用 zhanggui receipt list 查看", en: "no receipt \(id): see zhanggui receipt list")
        case .ambiguous(let id, let matches):
            language.pick(zh: "“\(id)”对应多个：\(matches.joined(separator: "、"))，请写长一些", en: "“\(id)” matches several (\(matches.joined(separator: ", "))): type more of it")
        case .receiptPosted(let id):
            language.pick(zh: "收货单 \(id) 已过账，不能再改", en: "the receipt \(id) is already posted and cannot change")
        case .receiptEmpty:
            language.pick(zh: "收货单没有明细：用 --line 商家编码:数量 添加", en: "the receipt has no lines: add them with --line SKU:QTY")
        case .duplicateLine(let sku):
            language.pick(zh: "\(sku) 在收货单上出现了两次", en: "\(sku) appears twice on the receipt")
        case .notOnReceipt(let sku, let receipt):
            language.pick(zh: "\(sku) 不在收货单 \(receipt) 上", en: "\(sku) is not on the receipt \(receipt)")
        case .uninspected(let skus):
            language.pick(zh: "还有未验货的明细：\(skus.joined(separator: "、"))：先用 zhanggui receipt inspect 验货（WH-1）",
                          en: "lines not yet inspected: \(skus.joined(separator: ", ")): inspect them first with zhanggui receipt inspect (WH-1)")
        case .noHomeLocation(let category):
            language.pick(zh: "类目“\(category)”没有设定存放区或该区没有可售库位：用 @库位 指定，或 zhanggui location home 设定",
                          en: "the category “\(category)” has no home zone with a sellable location: give @LOCATION or set one with zhanggui location home")
        case .emptyVendor:
            language.pick(zh: "供应商为空：用 --vendor 给出", en: "the vendor is empty: give it with --vendor")
        case .unknownCount(let id):
            language.pick(zh: "没有盘点 \(id)：用 zhanggui count list 查看", en: "no stocktake \(id): see zhanggui count list")
        case .countClosed(let id):
            language.pick(zh: "盘点 \(id) 已结束，不能再录入：另开一次盘点", en: "the stocktake \(id) is closed: start a new one")
        case .outOfScope(let sku, let count):
            language.pick(zh: "\(sku) 不在盘点 \(count) 的范围内", en: "\(sku) is outside the scope of stocktake \(count)")
        case .unknownCategory(let category):
            language.pick(zh: "盘点范围内没有类目“\(category)”", en: "no category “\(category)” in this stocktake's scope")
        case .uncountedCategory(let category, let difference, let items):
            language.pick(zh: "类目“\(category)”的总数差 \(difference)：请逐件清点（未点：\(items.joined(separator: "、"))）",
                          en: "category “\(category)” is off by \(difference): count its items one by one (not yet counted: \(items.joined(separator: ", ")))")
        case .nothingCounted:
            language.pick(zh: "还没有录入任何盘点数：用 zhanggui count enter", en: "nothing has been counted yet: use zhanggui count enter")
        }
    }
}
