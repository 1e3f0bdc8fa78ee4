import Foundation
import Listing
import ShopDomain
import Storage
import Warehouse

/// The designers' part of the demo (DES-1…DES-7), all before the order history begins (ten days
/// ago): the catalogue's styles, which arrived sixteen days ago, went on sale two days later with
/// every box ticked; two new styles arrived thirteen days ago in small lots — 法式方领衬衫 AF1901 on
/// sale on time with a real image folder and its backup, 缎面吊带裙 QZ2802 only photographed,
/// overdue, its folder full of the usual mistakes; AF1901's white sold out since (DES-7).
/// The image folders are written beside the database (`<name>-images/`, `<name>-backup/`).
struct DemoListing {
    let database: ShopDatabase
    let clock: DemoClock
    let zone: ShopZone
    let ids: IDSource
    let today: CivilDate
    let imagesRoot: URL
    let backupRoot: URL

    static let onTime = (code: "AF1901", name: "法式方领衬衫", category: "上衣", price: Int64(159), colours: [("WHT", "白色"), ("BLU", "雾霾蓝")])
    static let overdue = (code: "QZ2802", name: "缎面吊带裙", category: "裙装", price: Int64(199), colours: [("CHA", "香槟"), ("BLK", "黑色")])

    /// `<dir>/<file name without extension>-images` and `-backup`, one pair per database.
    static func folders(forDatabaseAt path: String) -> (images: URL, backup: URL) {
        let url = URL(fileURLWithPath: path)
        let base = url.deletingPathExtension().lastPathComponent
        let dir = url.deletingLastPathComponent()
        return (dir.appendingPathComponent("\(base)-images"), dir.appendingPathComponent("\(base)-backup"))
    }

    func staff(_ name: String) throws -> StaffID {
        try database.read { db in try CoreQueries.findStaff(db, name).id }
    }

    func at(_ back: Int, _ hour: Int, _ minute: Int = 0) { clock.set(today.adding(days: -back), hour, minute, in: zone) }

    func build() throws {
        let designer = try staff("汪莎"), lead = try staff("史文龙"), hand = try staff("二哥")
        let gm = try database.read(CoreQueries.shop).owner

        // The catalogue's styles: photographed and retouched the day after arrival, on sale the next.
        at(15, 10)
        try database.apply(DemoWarehouse.styles.flatMap { style in
            [ListingStage.photographed, .retouched].map { OpDraft(actor: designer, ListingStageRecorded(style: style.code, stage: $0)) }
        })
        at(14, 10)
        var drafts: [OpDraft] = []
        for style in DemoWarehouse.styles {
            drafts.append(OpDraft(actor: designer, ListingStageRecorded(style: style.code, stage: .listed)))
            drafts.append(OpDraft(actor: designer, pastCheck(style.code)))
            drafts += ticks(style.code, price: Money(yuan: style.price), designer: designer, reviewer: lead)
        }
        try database.apply(drafts)
        at(14, 15)
        try database.apply(DemoWarehouse.styles.map { OpDraft(actor: designer, ListingOnSale(style: $0.code)) })

        // Two new styles in small lots (a low threshold: no alerts), arriving 13 days ago.
        at(13, 9)
        var skus: [SKU] = []
        drafts = []
        for style in [Self.onTime, Self.overdue] {
            for (code, colour) in style.colours {
                for size in ["S", "M", "L"] {
                    let sku = SKU(rawValue: "\(style.code)-\(code)-\(size)")
                    skus.append(sku)
                    drafts.append(OpDraft(actor: gm, ProductAdded(product: Product(sku: sku, style: style.code, name: style.name, colour: colour,
                                                                                   size: size, category: style.category, cost: Money(yuan: style.price * 2 / 5),
                                                                                   price: Money(yuan: style.price)))))
                    drafts.append(OpDraft(actor: gm, ThresholdSet(sku: sku, threshold: 2)))
                }
            }
        }
        try database.apply(drafts)
        at(13, 10)
        let receipt = ShortID.make("R", day: today.adding(days: -13), ids: ids)
        try database.apply([OpDraft(actor: hand, ReceiptCreated(receipt: receipt, vendor: "广州新塘工厂", lines: skus.map { .init(sku: $0, expected: 6) }))]
                           + skus.map { OpDraft(actor: hand, ReceiptInspected(receipt: receipt, sku: $0, accepted: 6, rejected: 0)) }
                           + [OpDraft(actor: hand, ReceiptPosted(receipt: receipt))])

        // AF1901: on sale within DES-1's three days, its folder checked from real files and backed up.
        try DemoImages.write(DemoImages.complete(Self.onTime.code), to: imagesRoot.appendingPathComponent(Self.onTime.code))
        try DemoImages.write(DemoImages.complete(Self.onTime.code), to: backupRoot.appendingPathComponent(Self.onTime.code))
        try DemoImages.write(DemoImages.withMistakes(Self.overdue.code), to: imagesRoot.appendingPathComponent(Self.overdue.code))
        at(13, 14)
        try apply(ListingStageRecorded(style: Self.onTime.code, stage: .photographed), as: designer)
        at(12, 10)
        try apply(ListingStageRecorded(style: Self.overdue.code, stage: .photographed), as: designer)
        try apply(ListingStageRecorded(style: Self.onTime.code, stage: .retouched), as: designer)
        at(12, 15)
        try apply(ListingStageRecorded(style: Self.onTime.code, stage: .listed), as: designer)
        try apply(try check(Self.onTime.code), as: designer)
        at(12, 17)
        try apply(try check(Self.overdue.code), as: designer)
        at(12, 18)
        try database.apply(ticks(Self.onTime.code, price: Money(yuan: Self.onTime.price), designer: designer, reviewer: lead))
        at(12, 19)
        try apply(ListingOnSale(style: Self.onTime.code), as: designer)

        // Its white came back from the factory for colour: no sellable units since (DES-7).
        at(12, 20)
        try database.apply(["S", "M", "L"].map { size in
            OpDraft(actor: hand, StockMoved(sku: SKU(rawValue: "\(Self.onTime.code)-WHT-\(size)"), from: LocationCode(rawValue: "A-01-1"),
                                            to: LocationCode(rawValue: "X-01-1"), quantity: 6, reason: "色差，整批退厂"))
        })
    }

    func apply<P: OpPayload>(_ payload: P, as actor: StaffID) throws {
        try database.apply(OpDraft(actor: actor, payload))
    }

    /// Every box of the checklist: the designer's, and the page review by the tech lead (DES-6).
    func ticks(_ style: String, price: Money, designer: StaffID, reviewer: StaffID) -> [OpDraft] {
        ListingCheckItem.allCases.map { item in
            OpDraft(actor: item == .pageReviewed ? reviewer : designer,
                    ListingTicked(style: style, item: item, price: item == .price ? price : nil))
        }
    }

    /// A past check of a catalogue style whose files are not on this computer: their records.
    func pastCheck(_ style: String) -> ListingFolderChecked {
        let files = DemoImages.complete(style).map { ListingWork.record(name: $0.0, bytes: $0.1) }.sorted { $0.name < $1.name }
        let folder = "D:/美工/\(style)"
        return ListingFolderChecked(check: ShortID.make("K", ids: ids), style: style, directory: folder, backupDirectory: "\\\\备份电脑\\美工\\\(style)",
                                    files: files, backupFiles: files, findings: [], mainWidth: 710, requiredWidth: 710)
    }

    func check(_ style: String) throws -> ListingFolderChecked {
        try ListingWork.folderCheck(database, style: style, directory: imagesRoot.appendingPathComponent(style).path,
                                    backup: backupRoot.appendingPathComponent(style).path, ids: ids)
    }
}
