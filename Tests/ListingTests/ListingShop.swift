import Foundation
import GRDB
import ShopDomain
import Synchronization
@testable import Listing
@testable import Storage
import Warehouse

/// A clock the test moves by hand, in the shop's zone.
final class TestClock: Sendable {
    private let instant = Mutex(Date(timeIntervalSince1970: 0))
    let zone = try! ShopZone("Asia/Shanghai")

    var clock: ShopClock { ShopClock { [self] in instant.withLock { $0 } } }

    func set(_ day: String, _ hour: Int, _ minute: Int = 0) {
        instant.withLock { $0 = zone.start(of: CivilDate(day)!).addingTimeInterval(Double(hour * 3600 + minute * 60)) }
    }

    var today: CivilDate { zone.day(of: instant.withLock { $0 }) }
}

/// A fresh shop with the warehouse and the listing: two styles (A123 in 黑/白 × M/L at ¥199,
/// B456 one variant), a designer, a warehouse hand.
struct ListingShop {
    let database: ShopDatabase
    let time = TestClock()
    let gm: StaffID, designer: StaffID, hand: StaffID

    init() throws {
        time.set("2026-11-23", 9)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-listing-\(UUID().uuidString).sqlite").path
        database = try ShopDatabase.create(at: path, shop: "测试小店", owner: "黄乔", modules: [Warehouse.feature, Listing.feature], clock: time.clock)
        gm = try database.read(CoreQueries.shop).owner
        designer = IDSource.random.next()
        hand = IDSource.random.next()
        var drafts = [
            OpDraft(actor: gm, StaffAdded(staff: designer, name: "汪莎", roles: [.designer])),
            OpDraft(actor: gm, StaffAdded(staff: hand, name: "二哥", roles: [.warehouse])),
            OpDraft(actor: gm, LocationAdded(code: LocationCode(rawValue: "A-01-1"), kind: .sellable)),
            OpDraft(actor: gm, LocationAdded(code: LocationCode(rawValue: "X-01-1"), kind: .defective)),
            OpDraft(actor: gm, CategoryZoneSet(category: "上衣", zone: "A")),
        ]
        for colour in ["黑", "白"] {
            for size in ["M", "L"] {
                drafts.append(OpDraft(actor: gm, ProductAdded(product: Product(
                    sku: SKU(rawValue: "A123-\(colour)-\(size)"), style: "A123", name: "雪纺衬衫", colour: colour, size: size,
                    category: "上衣", price: Money(yuan: 199)))))
            }
        }
        drafts.append(OpDraft(actor: gm, ProductAdded(product: Product(sku: SKU(rawValue: "B456-F"), style: "B456", name: "帆布包",
                                                                         colour: "米色", size: "F", category: "上衣", price: Money(yuan: 79)))))
        try database.apply(drafts)
    }

    @discardableResult
    func apply<P: OpPayload>(_ payload: P, as actor: StaffID, at day: String? = nil, _ hour: Int = 10, _ minute: Int = 0) throws -> Op {
        if let day { time.set(day, hour, minute) }
        return try database.apply(OpDraft(actor: actor, payload))
    }

    /// A receipt of `units` of each SKU, inspected and posted at a shop-local time.
    @discardableResult
    func receive(_ skus: [String], units: Int = 5, at day: String, _ hour: Int = 10, _ minute: Int = 0) throws -> String {
        time.set(day, hour, minute)
        let id = ShortID.make("R", ids: .random)
        var drafts = [OpDraft(actor: hand, ReceiptCreated(receipt: id, vendor: "广州新塘工厂",
                                                          lines: skus.map { .init(sku: SKU(rawValue: $0), expected: units) }))]
        drafts += skus.map { OpDraft(actor: hand, ReceiptInspected(receipt: id, sku: SKU(rawValue: $0), accepted: units, rejected: 0)) }
        drafts.append(OpDraft(actor: hand, ReceiptPosted(receipt: id)))
        try database.apply(drafts)
        return id
    }

    var a123: [String] { ["A123-黑-M", "A123-黑-L", "A123-白-M", "A123-白-L"] }

    func listing(_ style: String = "A123") throws -> ListingQueries.Listing? {
        try database.read { db in try ListingQueries.listings(db, today: time.today, style: style).first }
    }

    /// Every stage and every box, the price at ¥199, and a passing folder check of a real folder.
    func makeReady(_ style: String = "A123", at day: String) throws {
        time.set(day, 11)
        for stage in ListingStage.allCases { try apply(ListingStageRecorded(style: style, stage: stage), as: designer) }
        for item in ListingCheckItem.allCases {
            try apply(ListingTicked(style: style, item: item, price: item == .price ? Money(yuan: 199) : nil), as: designer)
        }
        try recordFolder(style)
    }

    @discardableResult
    func recordFolder(_ style: String = "A123", folder: TempFolder? = nil, backup: String? = nil) throws -> ListingFolderChecked {
        let images: TempFolder
        if let folder { images = folder } else {
            images = try TempFolder()
            try images.fillComplete(style)
        }
        let backupPath = try backup ?? (folder == nil ? images.copy().path : nil)
        let result = try ImageFolder.check(code: style, directory: images.path, backup: backupPath, requiredWidth: 710, detailImages: 5)
        let payload = ListingFolderChecked(check: ShortID.make("K", ids: .random), style: style, directory: images.path,
                                           backupDirectory: backupPath, files: result.files, backupFiles: result.backupFiles,
                                           findings: result.findings, mainWidth: result.mainWidth, requiredWidth: 710)
        try apply(payload, as: designer)
        return payload
    }
}
