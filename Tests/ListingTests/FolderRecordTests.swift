import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Listing
@testable import Storage
import Warehouse

@Suite("Folder checks recorded with every file's hash; what changed since (DES-5)")
struct FolderRecordTests {
    @Test("a later check shows files added, removed and changed; rebuild and verify agree")
    func changes() throws {
        let shop = try ListingShop()
        try shop.receive(shop.a123, at: "2026-12-01")
        let folder = try TempFolder()
        try folder.fillComplete("A123")
        let backup = try folder.copy()
        let first = try shop.recordFolder(folder: folder, backup: backup.path)
        #expect(first.findings.isEmpty && first.files.count == 13)
        var check = try #require(try shop.database.read { db in try FolderQueries.latest(db, style: "A123", language: .en) })
        #expect(check.passed && check.changes.previousCheck == nil && check.checkedBy == "汪莎")
        #expect(check.rules.map(\.passed) == [true, true, true, true, true, true])

        try folder.write("A123-03.jpg", ImageBytes.jpeg(width: 750, height: 1234))
        try folder.remove("A123-01.cr2")
        try folder.write("A123-07.jpg", ImageBytes.jpeg(width: 750))
        try folder.write("A123-07.psd", ImageBytes.psd(width: 750))
        shop.time.set("2026-12-02", 9)
        try shop.recordFolder(folder: folder, backup: backup.path)
        check = try #require(try shop.database.read { db in try FolderQueries.latest(db, style: "A123", language: .en) })
        #expect(check.changes.previousCheck == first.check)
        #expect(check.changes.added == ["A123-07.jpg", "A123-07.psd"])
        #expect(check.changes.removed == ["A123-01.cr2"])
        #expect(check.changes.changed == ["A123-03.jpg"])
        // The backup was not updated: the changed and new files are findings now.
        let backupRule = try #require(check.rules.first { $0.rule == "backup" })
        #expect(!backupRule.passed && backupRule.findings.count == 3)
        #expect(try shop.database.verify().passed)
        try shop.database.rebuild()
        #expect(try shop.database.read { db in try FolderQueries.latest(db, style: "A123", language: .en) } == check)
    }
}

@Suite("Sold out for long: annotate the image, keep the file name (DES-7)")
struct SoldOutTests {
    @Test("a colour with no sellable units for the policy's days is listed until its annotated image is recorded")
    func soldOut() throws {
        let shop = try ListingShop()
        try shop.receive(shop.a123, at: "2026-11-24")
        let folder = try TempFolder()
        try folder.fillComplete("A123")
        try shop.makeReady(at: "2026-11-25")
        try shop.recordFolder(folder: folder, backup: try folder.copy().path)
        try shop.apply(ListingOnSale(style: "A123"), as: shop.designer)
        // All of 黑 goes to the defective pile on 26 November: no sellable stock from then.
        shop.time.set("2026-11-26", 10)
        for sku in ["A123-黑-M", "A123-黑-L"] {
            try shop.apply(StockMoved(sku: SKU(rawValue: sku), from: LocationCode(rawValue: "A-01-1"), to: LocationCode(rawValue: "X-01-1"),
                                      quantity: 5, reason: "色差"), as: shop.hand)
        }
        shop.time.set("2026-12-02", 10)  // six days: not yet
        #expect(try shop.database.read { db in try SoldOutQueries.lines(db, today: shop.time.today) }.isEmpty)
        shop.time.set("2026-12-03", 10)  // seven days (DES-7.sold-out-days)
        let lines = try shop.database.read { db in try SoldOutQueries.lines(db, today: shop.time.today) }
        #expect(lines.map { "\($0.attribute) \($0.value) \($0.days)" } == ["colour 黑 7"])
        #expect(try shop.database.handoverFigures().first { $0.key == "listing.sold-out" }?.count == 1)

        let main = folder.url.appendingPathComponent("A123-01.jpg")
        let unchanged = try #require(FileReading.read(main)).record
        #expect(throws: ListingError.sameImage(file: "A123-01.jpg")) {
            try shop.apply(ListingSoldOutAnnotated(style: "A123", attribute: .colour, value: "黑", file: unchanged), as: shop.designer)
        }
        var renamed = unchanged
        renamed.name = "A123-01-soldout.jpg"
        renamed.sha256 = String(repeating: "a", count: 64)
        #expect(throws: ListingError.notInFolder(style: "A123", file: "A123-01-soldout.jpg")) {
            try shop.apply(ListingSoldOutAnnotated(style: "A123", attribute: .colour, value: "黑", file: renamed), as: shop.designer)
        }
        try folder.write("A123-01.jpg", ImageBytes.jpeg(width: 710, height: 901))  // the annotated image, same name
        let annotated = try #require(FileReading.read(main)).record
        try shop.apply(ListingSoldOutAnnotated(style: "A123", attribute: .colour, value: "黑", file: annotated), as: shop.designer)
        #expect(try shop.database.read { db in try SoldOutQueries.lines(db, today: shop.time.today) }.isEmpty)
        #expect(try shop.database.read { db in try SoldOutQueries.lines(db, today: shop.time.today, all: true) }.first?.annotatedFile == "A123-01.jpg")
        #expect(try shop.database.verify().passed)
    }
}
