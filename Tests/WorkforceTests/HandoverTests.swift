import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Storage
import Warehouse
@testable import Workforce

@Suite("Shifts and the handover book (HR-2, HR-4)")
struct HandoverTests {
    @Test("items carry forward from shift to shift until someone takes them over")
    func carryForward() throws {
        let shop = try WorkforceShop()
        try shop.rota("2026-11-30", shop.agent, .csEarly)
        try shop.rota("2026-11-30", shop.night, .csLate)
        try shop.rota("2026-12-01", shop.lead, .csEarly)
        _ = try shop.start(shop.agent, "2026-11-30", 8)
        let a = try shop.write("王女士改地址", as: shop.agent)
        let b = try shop.write("胶带快用完", as: shop.agent)
        // Taking over your own shift's item is refused.
        #expect(throws: WorkforceError.ownItem(a)) { try shop.apply(HandoverAcked(items: [a]), as: shop.agent) }
        let ended = try shop.end(shop.agent, "2026-11-30", 17)
        #expect(ended.openItems == [a, b])
        // The night agent sees exactly what was handed over, takes one over.
        _ = try shop.start(shop.night, "2026-11-30", 16, 5)
        var view = try shop.database.read { db in try WorkforceQueries.handover(db, viewer: shop.night, all: false) }
        #expect(view.items.map(\.id) == [a, b])
        #expect(view.lastShifts.first?.name == "小红")
        try shop.apply(HandoverAcked(items: [a]), as: shop.night)
        #expect(throws: WorkforceError.itemSettled(a)) { try shop.apply(HandoverAcked(items: [a]), as: shop.night) }
        let c = try shop.write("顺丰那单明早发", as: shop.night)
        let nightEnd = try shop.end(shop.night, "2026-12-01", 0)
        #expect(nightEnd.openItems == [b, c])
        // Next morning: what is still open.
        _ = try shop.start(shop.lead, "2026-12-01", 8)
        view = try shop.database.read { db in try WorkforceQueries.handover(db, viewer: shop.lead, all: false) }
        #expect(view.items.map(\.id) == [b, c])
        #expect(try shop.database.verify().passed)
    }

    @Test("taking over needs to be on shift; closing needs a shift or a supervisor")
    func onShift() throws {
        let shop = try WorkforceShop()
        _ = try shop.start(shop.agent, "2026-11-30", 8)
        let item = try shop.write("客户要发票", as: shop.agent)
        _ = try shop.end(shop.agent, "2026-11-30", 17)
        #expect(throws: WorkforceError.notOnShift("周小雨")) { try shop.apply(HandoverAcked(items: [item]), as: shop.night) }
        #expect(throws: WorkforceError.notOnShift("周小雨")) { try shop.apply(HandoverClosed(item: item), as: shop.night) }
        #expect(throws: WorkforceError.notOnShift("周小雨")) { try shop.apply(HandoverWritten(item: "H-1", text: "x"), as: shop.night) }
        try shop.apply(HandoverClosed(item: item, note: "已开"), as: shop.lead)  // a supervisor may
        #expect(try shop.database.read { db in try WorkforceQueries.handover(db, viewer: shop.night, all: true) }.items.isEmpty)
    }

    @Test("lateness and early leave against the rota; ending a shift not started is refused (HR-4)")
    func lateness() throws {
        let shop = try WorkforceShop()
        try shop.rota("2026-11-30", shop.night, .csLate)
        #expect(throws: WorkforceError.notOnShift("周小雨")) { _ = try ShiftWork.end(shop.database, staff: shop.night, note: nil) }
        _ = try shop.start(shop.night, "2026-11-30", 16, 9)
        #expect(throws: WorkforceError.self) { _ = try shop.start(shop.night, "2026-11-30", 16, 10) }
        _ = try shop.end(shop.night, "2026-11-30", 23, 30)
        let shift = try shop.database.read { db in try WorkforceQueries.shifts(db, staff: shop.night) }[0]
        #expect(shift.lateMinutes == 9)
        #expect(shift.earlyMinutes == 30)
        #expect(shift.day == "2026-11-30")
    }

    @Test("a late shift ending at 24:00 Shanghai belongs to the day it starts (16:00–24:00 local is 08:00–16:00 UTC)")
    func midnight() throws {
        let shop = try WorkforceShop()
        try shop.rota("2026-11-30", shop.night, .csLate)
        let lines = try shop.database.read { db in try WorkforceQueries.roster(db, week: ISOWeek("2026-W49")!) }
        let line = lines.first { $0.staff == shop.night.rawValue && $0.day == "2026-11-30" }!
        #expect(line.start == ShopClock.parseInstant("2026-11-30T08:00:00Z"))
        #expect(line.end == ShopClock.parseInstant("2026-11-30T16:00:00Z"))
        _ = try shop.start(shop.night, "2026-11-30", 16)
        _ = try shop.end(shop.night, "2026-12-01", 0)  // 24:00
        let shift = try shop.database.read { db in try WorkforceQueries.shifts(db, staff: shop.night) }[0]
        #expect(shift.day == "2026-11-30")
        #expect(shift.earlyMinutes == 0 && shift.lateMinutes == 0)
    }

    @Test("a shift that runs past midnight: arriving after midnight still belongs to the day it started")
    func pastMidnight() throws {
        let shop = try WorkforceShop()
        try shop.apply(PolicySet(key: "HR-1.shift.cs-late", value: "22:00-06:00", effectiveFrom: CivilDate("2026-11-23")!), as: shop.gm)
        try shop.rota("2026-11-30", shop.night, .csLate)
        _ = try shop.start(shop.night, "2026-12-01", 0, 20)
        let shift = try shop.database.read { db in try WorkforceQueries.currentShift(db, staff: shop.night) }!
        #expect(shift.day == "2026-11-30")
        #expect(shift.template == "cs-late")
        #expect(shift.lateMinutes == 140)
    }

    @Test("the summary's counts equal what the stock tables hold")
    func summaryCounts() throws {
        let shop = try WorkforceShop()
        try shop.database.apply([
            OpDraft(actor: shop.gm, LocationAdded(code: LocationCode(rawValue: "A-01-1"), kind: .sellable)),
            OpDraft(actor: shop.gm, ProductAdded(product: Product(sku: SKU(rawValue: "AF-1"), name: "衫", colour: "白", size: "M", category: "上衣", price: Money(yuan: 9)))),
            OpDraft(actor: shop.gm, ProductAdded(product: Product(sku: SKU(rawValue: "AF-2"), name: "衫", colour: "黑", size: "M", category: "上衣", price: Money(yuan: 9)))),
            OpDraft(actor: shop.gm, StockAdjusted(sku: SKU(rawValue: "AF-1"), location: LocationCode(rawValue: "A-01-1"), delta: 3, reason: "初始")),
            OpDraft(actor: shop.gm, StockAdjusted(sku: SKU(rawValue: "AF-2"), location: LocationCode(rawValue: "A-01-1"), delta: 30, reason: "初始")),
            OpDraft(actor: shop.gm, ReceiptCreated(receipt: "R1", vendor: "厂", lines: [.init(sku: SKU(rawValue: "AF-2"), expected: 5, location: LocationCode(rawValue: "A-01-1"))])),
        ])
        _ = try shop.start(shop.hand, "2026-11-30", 8)
        let ended = try shop.end(shop.hand, "2026-11-30", 17)
        let figures = Dictionary(uniqueKeysWithValues: ended.figures.map { ($0.key, $0.count) })
        let (alerts, receipts) = try shop.database.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM low_stock_alert WHERE clearedAt IS NULL"),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM receipt WHERE status = 'open'"))
        }
        #expect(figures["warehouse.low-stock"] == alerts)
        #expect(figures["warehouse.receipts-open"] == receipts)
        #expect(figures["workforce.handover-open"] == 0)
        #expect(figures["warehouse.low-stock"] == 1)
        #expect(figures["warehouse.receipts-open"] == 1)
        // What the shift saw is kept with it.
        let shift = try shop.database.read { db in try WorkforceQueries.shifts(db, staff: shop.hand) }[0]
        #expect(shift.figures == ended.figures)
    }

    @Test("leaving the post needs a supervisor, not oneself (HR-4)")
    func leave() throws {
        let shop = try WorkforceShop()
        let shift = try shop.start(shop.agent, "2026-11-30", 8)
        #expect(throws: WorkforceError.supervisorNeeded("周小雨")) {
            try shop.apply(ShiftLeft(shift: shift, approvedBy: shop.night, minutes: 10, reason: "取快递"), as: shop.agent)
        }
        #expect(throws: WorkforceError.reasonRequired) {
            try shop.apply(ShiftLeft(shift: shift, approvedBy: shop.lead, minutes: 10, reason: " "), as: shop.agent)
        }
        try shop.apply(ShiftLeft(shift: shift, approvedBy: shop.lead, minutes: 10, reason: "取快递"), as: shop.agent)
        #expect(try shop.database.read { db in try WorkforceQueries.currentShift(db, staff: shop.agent) }?.leaveMinutes == 10)
    }

    @Test("a swap takes both people: asked by one, accepted by the other")
    func swap() throws {
        let shop = try WorkforceShop()
        try shop.rota("2026-12-02", shop.agent, .csEarly)
        try shop.rota("2026-12-02", shop.night, nil)
        try shop.apply(SwapRequested(swap: "W-1", day: CivilDate("2026-12-02")!, with: shop.night, what: "shift"), as: shop.agent)
        #expect(throws: WorkforceError.swapNotYours) { try shop.apply(SwapAccepted(swap: "W-1"), as: shop.lead) }
        try shop.apply(SwapAccepted(swap: "W-1"), as: shop.night)
        let lines = try shop.database.read { db in try WorkforceQueries.roster(db, week: ISOWeek("2026-W49")!) }.filter { $0.day == "2026-12-02" }
        #expect(lines.first { $0.staff == shop.night.rawValue }?.template == "cs-early")
        #expect(lines.first { $0.staff == shop.agent.rawValue }?.template == nil)
        #expect(throws: WorkforceError.swapDone("W-1")) { try shop.apply(SwapAccepted(swap: "W-1"), as: shop.night) }
        #expect(try shop.database.verify().passed)
    }

    @Test("reports due: this period due, the last one late, done once written (ORG-2, HR-5)")
    func due() throws {
        let shop = try WorkforceShop()
        try shop.apply(PlanWritten(kind: .weeklyPlan, period: "2026-W49", text: "本周计划"), as: shop.agent, at: "2026-12-01", 9)
        #expect(throws: WorkforceError.badPeriod("2026-49")) { try shop.apply(PlanWritten(kind: .weeklyPlan, period: "2026-49", text: "x"), as: shop.agent) }
        let rows = try shop.database.read { db in try WorkforceQueries.due(db, today: CivilDate("2026-12-01")!) }
        let agent = rows.filter { $0.name == "小红" }
        #expect(agent.contains { $0.kind == "weekly-plan" && $0.period == "2026-W49" && $0.status == "done" })
        #expect(agent.contains { $0.kind == "weekly-plan" && $0.period == "2026-W48" && $0.status == "late" })
        #expect(agent.contains { $0.kind == "monthly-sales-report" && $0.period == "2026-12" && $0.status == "due" })
        #expect(rows.contains { $0.name == "黄乔" && $0.kind == "monthly-sales-plan" })
    }
}
