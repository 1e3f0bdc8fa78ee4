import Foundation
import GRDB
import ShopDomain
import Testing
@testable import CustomerCare
@testable import Storage

@Suite("Reviews (CS-2, CS-4)")
struct ReviewTests {
    let order = OrderID(rawValue: "1001000000000003")

    @Test("CS-2: a bad review is open on the handover (and the GM's dashboard) until handled")
    func openUntilHandled() throws {
        let shop = try CCShop()
        try shop.apply(ReviewAdded(review: "V1", order: order, rating: .bad, text: "质量差"))
        let open = try shop.read { try CustomerCare.handoverFigures($0) }.first { $0.key == "cs.reviews-open" }
        #expect(open?.count == 1 && open?.examples == ["V1 1001000000000003"])
        #expect(try shop.read { try ReviewQueries.list($0, openOnly: true) }.map(\.buyer) == ["tb_阿强"])
        try shop.apply(ReviewHandled(review: "V1", contacted: true, outcome: .revised, compensation: Money(yuan: 20), note: nil))
        #expect(try shop.read { try CustomerCare.handoverFigures($0) }.first { $0.key == "cs.reviews-open" }?.count == 0)
        let record = try shop.read { try ReviewQueries.find($0, "V1") }
        #expect(record.handled && record.outcome == .revised && record.compensation == Money(yuan: 20) && record.handledBy == "刘芬")
    }

    @Test("CS-4: above the refund limit only the GM; the agent is refused with the reason, nothing written")
    func refundLimit() throws {
        let shop = try CCShop()
        try shop.apply(ReviewAdded(review: "V1", order: order, rating: .mid, text: "一般"))
        let before = try shop.journalCount()
        let handling = ReviewHandled(review: "V1", contacted: true, outcome: .revised, compensation: Money(yuan: 80), note: nil)
        #expect(throws: CustomerCareError.overRefundLimit(Money(yuan: 80), limit: Money(yuan: 50))) { try shop.apply(handling) }
        #expect(try shop.journalCount() == before)
        #expect(CustomerCareError.overRefundLimit(Money(yuan: 80), limit: Money(yuan: 50)).message(in: .zh).contains("总经理"))
        try shop.apply(ReviewHandled(review: "V1", contacted: true, outcome: .revised, compensation: Money(yuan: 50), note: nil).self, as: shop.gm)
        #expect(try shop.read { try ReviewQueries.find($0, "V1") }.compensation == Money(yuan: 50))
    }

    @Test("CS-4: the GM may refund above the limit; the limit follows the policy")
    func gmAboveLimit() throws {
        let shop = try CCShop()
        try shop.apply(ReviewAdded(review: "V1", order: order, rating: .bad, text: "差"))
        try shop.apply(ReviewHandled(review: "V1", contacted: true, outcome: .revised, compensation: Money(yuan: 80), note: "总经理批准"), as: shop.gm)
        #expect(try shop.read { try ReviewQueries.find($0, "V1") }.compensation == Money(yuan: 80))
        #expect(try shop.read { try ReviewQueries.refundLimit($0, on: CivilDate("2026-11-30")!) } == Money(yuan: 50))
    }

    @Test("CS-4: malicious, reported to the platform, and the buyer blacklisted in the same op")
    func malicious() throws {
        let shop = try CCShop()
        try shop.apply(ReviewAdded(review: "V1", order: order, rating: .bad, text: "不退款就差评"))
        let before = try shop.journalCount()
        try shop.apply(ReviewHandled(review: "V1", contacted: true, outcome: .reported, compensation: .zero, note: "勒索"))
        #expect(try shop.journalCount() == before + 1)
        let flag = try shop.read { try CustomerQueries.blacklisted($0, order: order) }
        #expect(flag?.contains("V1") == true)
    }

    @Test("bad input: unknown order, unknown review, handled twice")
    func badInput() throws {
        let shop = try CCShop()
        #expect(throws: CustomerCareError.unknownOrder("9999")) {
            try shop.apply(ReviewAdded(review: "V1", order: OrderID(rawValue: "9999"), rating: .bad, text: "x"))
        }
        #expect(throws: CustomerCareError.unknownReview("V9")) {
            try shop.apply(ReviewHandled(review: "V9", contacted: false, outcome: .kept, compensation: .zero, note: nil))
        }
        try shop.apply(ReviewAdded(review: "V1", order: order, rating: .bad, text: "差"))
        try shop.apply(ReviewHandled(review: "V1", contacted: false, outcome: .kept, compensation: .zero, note: nil))
        #expect(throws: CustomerCareError.reviewHandled("V1")) {
            try shop.apply(ReviewHandled(review: "V1", contacted: true, outcome: .revised, compensation: Money(yuan: 10), note: nil))
        }
    }
}
