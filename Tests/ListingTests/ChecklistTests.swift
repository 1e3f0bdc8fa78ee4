import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Listing
@testable import Storage
import Warehouse

@Suite("Stages, ticked boxes and going on sale (DES-1, DES-4, DES-6)")
struct ChecklistTests {
    @Test("stages in order, each once; an unknown style is refused")
    func stages() throws {
        let shop = try ListingShop()
        try shop.receive(shop.a123, at: "2026-12-01")
        #expect(throws: ListingError.stageOutOfOrder(style: "A123", stage: .retouched, needs: .photographed)) {
            try shop.apply(ListingStageRecorded(style: "A123", stage: .retouched), as: shop.designer)
        }
        try shop.apply(ListingStageRecorded(style: "A123", stage: .photographed), as: shop.designer)
        #expect(throws: ListingError.stageRecorded(style: "A123", stage: .photographed)) {
            try shop.apply(ListingStageRecorded(style: "A123", stage: .photographed), as: shop.designer)
        }
        #expect(try shop.listing()?.state == "photographed")
        #expect(throws: ListingError.unknownStyle("Z999")) {
            try shop.apply(ListingStageRecorded(style: "Z999", stage: .photographed), as: shop.designer)
        }
        // The warehouse hand may not (manage-catalog: the designers, ORG-1).
        #expect(throws: StorageError.self) { try shop.apply(ListingStageRecorded(style: "A123", stage: .retouched), as: shop.hand) }
    }

    @Test("the page is reviewed after listing; the price must equal the catalogue's")
    func reviewAndPrice() throws {
        let shop = try ListingShop()
        try shop.receive(shop.a123, at: "2026-12-01")
        #expect(throws: ListingError.reviewBeforeListing("A123")) {
            try shop.apply(ListingTicked(style: "A123", item: .pageReviewed), as: shop.designer)
        }
        #expect(throws: ListingError.priceRequired) { try shop.apply(ListingTicked(style: "A123", item: .price), as: shop.designer) }
        try shop.apply(ListingTicked(style: "A123", item: .price, price: Money(yuan: 189)), as: shop.designer)
        let detail = try shop.database.read { db in try ListingQueries.detail(db, style: "A123", today: shop.time.today, language: .en) }
        let price = try #require(detail.ticks.first { $0.item == "price" })
        #expect(price.passed == false && price.by == "汪莎" && price.price == Money(yuan: 189))
        try shop.apply(ListingTicked(style: "A123", item: .price, price: Money(yuan: 199)), as: shop.designer)
        #expect(try shop.database.read { db in try ListingQueries.detail(db, style: "A123", today: shop.time.today, language: .en) }
            .ticks.first { $0.item == "price" }?.passed == true)
    }

    @Test("a live campaign's price passes the price check when Approval's campaign_price_v exists")
    func campaignPrice() throws {
        let shop = try ListingShop()
        try shop.receive(shop.a123, at: "2026-12-01")
        // Stand-in for Approval's view (not wired in this test): read only because sqlite_master has it.
        try shop.database.writeLocal { db in
            try db.execute(sql: """
                CREATE VIEW campaign_price_v AS SELECT 'C1' AS campaignID, sku, 15900 AS price, '2026-12-01' AS startsOn,
                       '2026-12-12' AS endsOn, 1 AS live FROM product_v WHERE style = 'A123'
                """)
        }
        try shop.apply(ListingTicked(style: "A123", item: .price, price: Money(yuan: 159)), as: shop.designer)
        #expect(try shop.database.read { db in try PriceCheck.mismatches(db, style: "A123", price: Money(yuan: 159)) } == [])
        #expect(try shop.database.read { db in try PriceCheck.mismatches(db, style: "A123", price: Money(yuan: 149)) }.count == 4)
    }

    @Test("on sale is refused while a stage, a box or the folder check is missing or failed")
    func onSaleRefused() throws {
        let shop = try ListingShop()
        try shop.receive(shop.a123, at: "2026-12-01")
        do {
            try shop.apply(ListingOnSale(style: "A123"), as: shop.designer)
            Issue.record("went on sale with nothing done")
        } catch let ListingError.notReady(_, blockers) {
            #expect(blockers.count == 3 + ListingCheckItem.allCases.count + 1)
            #expect(blockers.contains(.folderNotChecked))
        }
        try shop.makeReady(at: "2026-12-02")
        try shop.apply(ListingTicked(style: "A123", item: .discount, passed: false, note: "满减没设"), as: shop.designer)
        #expect(throws: ListingError.notReady(style: "A123", blockers: [.failed(.discount)])) {
            try shop.apply(ListingOnSale(style: "A123"), as: shop.designer)
        }
        try shop.apply(ListingTicked(style: "A123", item: .discount), as: shop.designer)
        let bad = try TempFolder()
        try bad.fillComplete("A123", width: 700)
        try shop.recordFolder(folder: bad)
        #expect(throws: ListingError.notReady(style: "A123", blockers: [.folderFailed([.mainWidth, .backup])])) {
            try shop.apply(ListingOnSale(style: "A123"), as: shop.designer)
        }
        try shop.recordFolder()
        try shop.apply(ListingOnSale(style: "A123"), as: shop.designer)
        #expect(try shop.listing()?.state == "on-sale")
        #expect(throws: ListingError.alreadyOnSale("A123")) { try shop.apply(ListingOnSale(style: "A123"), as: shop.designer) }
        #expect(ListingError.notReady(style: "A123", blockers: [.failed(.discount), .folderNotChecked]).message(in: .en)
            == "A123 cannot go on sale: DES-6 “discount set right” failed; image folder not checked (zhanggui listing check)")
        #expect(try shop.database.verify().passed)
    }
}
