import Foundation
import GRDB
import ShopDomain
import Testing
@testable import CustomerCare
@testable import Storage

@Suite("Complaint register (CS-7, DISC-1, DISC-3)")
struct ComplaintTests {
    let order = OrderID(rawValue: "1001000000000003")

    func open(_ shop: CCShop, _ id: String = "K1") throws {
        try shop.apply(ComplaintOpened(complaint: id, buyer: "tb_阿强", order: order, text: "客服态度差"))
    }

    func step(_ shop: CCShop, _ id: String, _ from: ComplaintStep, kind: ComplaintKind? = nil, against: StaffID? = nil, upheld: Bool? = nil,
              fine: Money? = nil, evaluation: String? = nil, kindAtConfirmation: ComplaintKind? = nil, as actor: StaffID? = nil) throws {
        try shop.apply(ComplaintAdvanced(complaint: id, from: from, to: from.next!, kind: kind, against: against, upheld: upheld, fine: fine,
                                         evaluation: evaluation, kindAtConfirmation: kindAtConfirmation), as: actor)
    }

    @Test("CS-7: every step in order, with who and when; the return visit before the archive")
    func steps() throws {
        let shop = try CCShop()
        try open(shop)
        try step(shop, "K1", .intake, kind: .service, against: shop.agent2)
        try step(shop, "K1", .determined)
        try step(shop, "K1", .investigating)
        try step(shop, "K1", .followingUp, against: shop.agent2, upheld: true, kindAtConfirmation: .service)
        #expect(throws: CustomerCareError.evaluationRequired("K1")) { try step(shop, "K1", .confirmed) }
        try step(shop, "K1", .confirmed, evaluation: "满意")
        try step(shop, "K1", .visited)
        let record = try shop.read { try ComplaintQueries.find($0, "K1") }
        #expect(record.step == .archived && record.steps.map(\.step) == ComplaintStep.allCases && record.evaluation == "满意")
        #expect(record.against == "陈静" && record.steps.allSatisfy { $0.by == "刘芬" })
    }

    @Test("bad input: a step skipped, a closed complaint advanced, a step someone else took, no kind")
    func badInput() throws {
        let shop = try CCShop()
        try open(shop)
        let before = try shop.journalCount()
        #expect(throws: CustomerCareError.stepOutOfOrder("K1", current: .intake, next: .determined, asked: .investigating)) {
            try shop.apply(ComplaintAdvanced(complaint: "K1", from: .intake, to: .investigating))
        }
        #expect(throws: CustomerCareError.kindRequired("K1")) { try step(shop, "K1", .intake) }
        #expect(throws: CustomerCareError.stepMoved("K1", current: .intake, seen: .determined)) { try step(shop, "K1", .determined) }
        #expect(throws: CustomerCareError.unknownComplaint("K9")) { try step(shop, "K9", .intake, kind: .product) }
        #expect(try shop.journalCount() == before)
        try step(shop, "K1", .intake, kind: .product)
        for from in [ComplaintStep.determined, .investigating] { try step(shop, "K1", from) }
        try step(shop, "K1", .followingUp, upheld: false, kindAtConfirmation: .product)
        try step(shop, "K1", .confirmed, evaluation: "一般")
        try step(shop, "K1", .visited)
        #expect(throws: CustomerCareError.complaintClosed("K1")) {
            try shop.apply(ComplaintAdvanced(complaint: "K1", from: .archived, to: .archived))
        }
        #expect(throws: CustomerCareError.unknownBuyer("tb_nobody")) {
            try shop.apply(ComplaintOpened(complaint: "K2", buyer: "tb_nobody", order: nil, text: "x"))
        }
    }

    @Test("bad input: a complaint naming a buyer and another buyer's order is refused, nothing written")
    func buyerNotOnOrder() throws {
        let shop = try CCShop()
        let before = try shop.journalCount()
        #expect(throws: CustomerCareError.buyerNotOnOrder("tb_小美", order: order.rawValue, actual: "tb_阿强")) {
            try shop.apply(ComplaintOpened(complaint: "K3", buyer: "tb_小美", order: order, text: "x"))
        }
        #expect(try shop.journalCount() == before)
    }

    @Test("DISC-1: a service complaint confirmed against an agent claims the monthly escalating fine")
    func serviceFine() throws {
        let shop = try CCShop()
        try open(shop)
        try step(shop, "K1", .intake, kind: .service, against: shop.agent2)
        try step(shop, "K1", .determined)
        try step(shop, "K1", .investigating)
        #expect(throws: CustomerCareError.upheldRequired("K1")) { try step(shop, "K1", .followingUp, kindAtConfirmation: .service) }
        #expect(throws: CustomerCareError.kindMismatch("K1")) { try step(shop, "K1", .followingUp, against: shop.agent2, upheld: true, kindAtConfirmation: .product) }
        let op = try shop.apply(ComplaintAdvanced(complaint: "K1", from: .followingUp, to: .confirmed, against: shop.agent2, upheld: true,
                                                  kindAtConfirmation: .service))
        let payload = try op.decode(ComplaintAdvanced.self)
        #expect(payload.fineClaims == [FineClaim(staff: shop.agent2, rule: "DISC-1", amount: .monthlyEscalation, ref: "K1",
                                                 reasonZh: "服务投诉 K1 经确认", reasonEn: "service complaint K1 confirmed")])
        #expect(FineBearingKinds.all.contains { $0.kind == ComplaintAdvanced.kind })
    }

    @Test("DISC-3: a warehouse-caused complaint: the fine the manager decides; not an agent's to set")
    func warehouseFine() throws {
        let shop = try CCShop()
        try open(shop)
        try step(shop, "K1", .intake, kind: .warehouse, against: shop.lead)
        try step(shop, "K1", .determined)
        try step(shop, "K1", .investigating)
        #expect(throws: CustomerCareError.fineNeedsManager("K1")) {
            try step(shop, "K1", .followingUp, against: shop.lead, upheld: true, fine: Money(yuan: 30), kindAtConfirmation: .warehouse)
        }
        #expect(throws: CustomerCareError.againstRequired("K1")) {
            try step(shop, "K1", .followingUp, upheld: true, fine: Money(yuan: 30), kindAtConfirmation: .warehouse, as: shop.gm)
        }
        let op = try shop.apply(ComplaintAdvanced(complaint: "K1", from: .followingUp, to: .confirmed, against: shop.lead, upheld: true,
                                                  fine: Money(yuan: 30), kindAtConfirmation: .warehouse), as: shop.gm)
        #expect(try op.decode(ComplaintAdvanced.self).fineClaims.map(\.amount) == [.fixed(Money(yuan: 30))])
        #expect(try shop.read { try ComplaintQueries.find($0, "K1") }.fine == Money(yuan: 30))
    }

    @Test("the manager's report: counts by kind and agent, open age")
    func report() throws {
        let shop = try CCShop()
        try open(shop, "K1")
        try open(shop, "K2")
        try step(shop, "K1", .intake, kind: .service, against: shop.agent2)
        let day = CivilDate("2026-11-30")!
        let report = try shop.read { try ComplaintQueries.report($0, from: day, until: day, zone: try ShopZone("Asia/Shanghai"), now: CCShop.now) }
        #expect(report.opened == 2 && report.open == 2 && report.oldestOpenDays == 0)
        #expect(report.byKind.map(\.key).sorted() == ["service", "—"])
        #expect(report.byAgent.first { $0.key == "陈静" }?.opened == 1)
    }
}
