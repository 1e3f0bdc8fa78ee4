import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Listing
@testable import Storage
import Warehouse

@Suite("The listing clock from the goods' arrival (DES-1)")
struct ListingClockTests {
    @Test("the first accepted receipt starts the clock on the shop's day; a later receipt does not move it")
    func clockStarts() throws {
        let shop = try ListingShop()
        #expect(try shop.listing() == nil)
        // 00:30 on 1 December in Shanghai is still 30 November in UTC: the shop's day counts.
        let receipt = try shop.receive(shop.a123, at: "2026-12-01", 0, 30)
        var listing = try #require(try shop.listing())
        #expect(listing.arrivalDay == "2026-12-01")
        #expect(listing.dueOn == "2026-12-04")
        #expect(listing.state == "arrived")
        try shop.receive(["A123-黑-M"], at: "2026-12-02")
        listing = try #require(try shop.listing())
        #expect(listing.arrivalDay == "2026-12-01")
        #expect(try shop.database.read { db in try String.fetchOne(db, sql: "SELECT receiptID FROM listing_v WHERE style = 'A123'") } == receipt)
        #expect(try shop.database.verify().passed)
    }

    @Test("a receipt whose goods were all rejected does not start it")
    func rejected() throws {
        let shop = try ListingShop()
        let id = ShortID.make("R", ids: .random)
        try shop.database.apply([
            OpDraft(actor: shop.hand, ReceiptCreated(receipt: id, vendor: "工厂", lines: [.init(sku: SKU(rawValue: "B456-F"), expected: 3)])),
            OpDraft(actor: shop.hand, ReceiptInspected(receipt: id, sku: SKU(rawValue: "B456-F"), accepted: 0, rejected: 3, reason: "破损")),
            OpDraft(actor: shop.hand, ReceiptPosted(receipt: id)),
        ])
        #expect(try shop.listing("B456") == nil)
    }

    @Test("overdue the day after its due day, counted in the shop's zone: a due item and a handover figure")
    func overdue() throws {
        let shop = try ListingShop()
        try shop.receive(shop.a123, at: "2026-12-01")
        shop.time.set("2026-12-04", 23, 59)
        #expect(try shop.listing()?.overdue == false)
        #expect(try shop.listing()?.daysLeft == 0)
        #expect(try shop.database.handoverFigures().first { $0.key == "listing.overdue" }?.count == 0)
        shop.time.set("2026-12-05", 0, 1)
        let listing = try #require(try shop.listing())
        #expect(listing.overdue && listing.daysLeft == -1)
        let figure = try #require(try shop.database.handoverFigures().first { $0.key == "listing.overdue" })
        #expect(figure.count == 1 && figure.examples == ["A123"])
    }

    @Test("the period is the policy in force on the arrival day")
    func policy() throws {
        let shop = try ListingShop()
        try shop.apply(PolicySet(key: "DES-1.listing-days", value: "5", effectiveFrom: CivilDate("2026-12-02")!), as: shop.gm, at: "2026-11-30")
        try shop.receive(shop.a123, at: "2026-12-01")
        try shop.receive(["B456-F"], at: "2026-12-02")
        #expect(try shop.listing()?.dueOn == "2026-12-04")
        #expect(try shop.listing("B456")?.dueOn == "2026-12-07")
    }

    @Test("on sale within the period is on time; after it, late; the list puts overdue first")
    func order() throws {
        let shop = try ListingShop()
        try shop.receive(shop.a123, at: "2026-11-24")
        try shop.makeReady(at: "2026-11-26")
        try shop.apply(ListingOnSale(style: "A123"), as: shop.designer, at: "2026-11-26", 15)
        try shop.receive(["B456-F"], at: "2026-11-30")
        shop.time.set("2026-12-05", 9)
        let list = try shop.database.read { db in try ListingQueries.listings(db, today: shop.time.today) }
        #expect(list.map(\.style) == ["B456", "A123"])
        #expect(list[0].overdue && !list[1].overdue && !list[1].late)
        #expect(list[1].state == "on-sale" && list[1].onSaleDay == "2026-11-26")
        #expect(try shop.database.read { db in try Bool.fetchOne(db, sql: "SELECT overdue FROM listing_v WHERE style = 'A123'") } == false)
        try shop.makeReady("B456", at: "2026-12-05")
        try shop.apply(ListingTicked(style: "B456", item: .price, price: Money(yuan: 79)), as: shop.designer)
        try shop.apply(ListingOnSale(style: "B456"), as: shop.designer)
        #expect(try shop.listing("B456")?.late == true)
        #expect(try shop.database.verify().passed)
    }
}
