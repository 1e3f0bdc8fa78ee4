import Foundation
import GRDB
import ShopDomain
import Testing
@testable import CustomerCare
@testable import Storage

@Suite("Buyer database (CS-5, CS-6)")
struct CustomerTests {
    @Test("customers are the orders grouped by buyer, plus what people add")
    func derived() throws {
        let shop = try CCShop()
        try shop.apply(CustomerNoted(buyer: "tb_小美", text: "喜欢白色"))
        try shop.apply(CustomerTagged(buyer: "tb_小美", tag: "回头客"))
        try shop.apply(CustomerContactAdded(buyer: "tb_小美", method: .wangwang, value: "xiaomei88"))
        try shop.apply(CustomerVIPSet(buyer: "tb_小美", group: "老客户", offer: "九折包邮"))
        let list = try shop.read { try CustomerQueries.list($0) }
        #expect(list.map(\.nick) == ["tb_小美", "tb_阿强"])
        #expect(list[0].orders == 2 && list[0].spent == Money(yuan: 209) && list[0].tags == ["回头客"] && list[0].vipGroup == "老客户")
        let detail = try shop.read { try CustomerQueries.detail($0, "tb_小美") }
        #expect(detail.phones == ["13800000001"] && detail.notes.map(\.text) == ["喜欢白色"] && detail.vipOffer == "九折包邮")
        #expect(detail.contacts == [.init(method: .wangwang, value: "xiaomei88")])
    }

    @Test("search by nick, phone fragment, order number and recorded contact")
    func search() throws {
        let shop = try CCShop()
        try shop.apply(CustomerContactAdded(buyer: "tb_阿强", method: .email, value: "aq@example.com"))
        #expect(try shop.read { try CustomerQueries.list($0, search: "小美") }.map(\.nick) == ["tb_小美"])
        #expect(try shop.read { try CustomerQueries.list($0, search: "9000000") }.map(\.nick) == ["tb_阿强"])
        #expect(try shop.read { try CustomerQueries.list($0, search: "1001000000000001") }.map(\.nick) == ["tb_小美"])
        #expect(try shop.read { try CustomerQueries.list($0, search: "0003") }.map(\.nick) == ["tb_阿强"])
        #expect(try shop.read { try CustomerQueries.list($0, search: "aq@") }.map(\.nick) == ["tb_阿强"])
        #expect(try shop.read { try CustomerQueries.find($0, "13800000001") } == "tb_小美")
    }

    @Test("CS-4: a blacklisted buyer is flagged on their orders, with the reason")
    func blacklist() throws {
        let shop = try CCShop()
        try shop.apply(CustomerBlacklisted(buyer: "tb_阿强", reason: "恶意差评勒索"))
        let flags = try shop.read { try CustomerQueries.blacklisted($0, orders: ["1001000000000003", "1001000000000001"]) }
        #expect(flags == ["1001000000000003": "恶意差评勒索"])
        #expect(try shop.read { try CustomerQueries.blacklisted($0, buyers: ["tb_阿强", "tb_小美"]) } == ["tb_阿强": "恶意差评勒索"])
        try shop.apply(CustomerBlacklisted(buyer: "tb_阿强", reason: "", lifted: true))
        #expect(try shop.read { try CustomerQueries.blacklisted($0, order: OrderID(rawValue: "1001000000000003")) } == nil)
    }

    @Test("an unknown buyer is refused and nothing is written")
    func unknownBuyer() throws {
        let shop = try CCShop()
        let before = try shop.journalCount()
        #expect(throws: CustomerCareError.unknownBuyer("tb_nobody")) { try shop.apply(CustomerNoted(buyer: "tb_nobody", text: "x")) }
        #expect(throws: CustomerCareError.unknownBuyer("tb_nobody")) { try shop.apply(CustomerBlacklisted(buyer: "tb_nobody", reason: "x")) }
        #expect(try shop.journalCount() == before)
        #expect(CustomerCareError.unknownBuyer("x").message(in: .en).contains("order import"))
    }

    @Test("the views other modules read exist and agree")
    func views() throws {
        let shop = try CCShop()
        try shop.apply(CustomerBlacklisted(buyer: "tb_阿强", reason: "恶意"))
        let row = try shop.read { try Row.fetchOne($0, sql: "SELECT nick, orders, blacklistReason FROM customer_v WHERE nick = 'tb_阿强'") }
        #expect(row?["orders"] as Int? == 1 && row?["blacklistReason"] as String? == "恶意")
        for view in CustomerCare.publicViews {
            _ = try shop.read { try Row.fetchAll($0, sql: "SELECT * FROM \(view) LIMIT 1") }
        }
    }
}
