import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Storage
@testable import Workforce

@Suite("The department fund (DISC-4): owed, paid, spent, a hash chain anyone can check")
struct FundTests {
    static let receipt = ContentHash.of(bytes: Data("收据照片".utf8))

    @Test("fines are owed to the fund; paid in, spent with the GM's approval and never beyond the balance; the month's statement")
    func statement() throws {
        let shop = try WorkforceShop()
        try shop.apply(FineBooked(staff: shop.agent, rule: "DISC-2", what: "玩手机"), as: shop.lead, at: "2026-11-24", 10)
        try shop.apply(FineBooked(staff: shop.agent, rule: "DISC-2", what: "桌面不洁"), as: shop.lead, at: "2026-11-25", 10)
        try shop.apply(FundPaid(staff: shop.agent, amount: Money(yuan: 20)), as: shop.agent, at: "2026-11-26", 10)
        #expect(throws: PeopleError.spendingNotGM) {
            try shop.apply(FundSpent(what: "下午茶", amount: Money(yuan: 5), receipt: Self.receipt), as: shop.lead)
        }
        #expect(throws: PeopleError.fundTooSmall(asked: Money(yuan: 25), holds: Money(yuan: 20))) {
            try shop.apply(FundSpent(what: "下午茶", amount: Money(yuan: 25), receipt: Self.receipt), as: shop.gm)
        }
        #expect(throws: PeopleError.badReceipt("abc")) { try shop.apply(FundSpent(what: "下午茶", amount: Money(yuan: 5), receipt: "abc"), as: shop.gm) }
        try shop.apply(FundSpent(what: "下午茶", amount: Money(yuan: 15), receipt: Self.receipt), as: shop.gm, at: "2026-11-28", 15)
        try shop.apply(FineBooked(staff: shop.night, rule: "DISC-2", what: "玩手机"), as: shop.lead, at: "2026-12-01", 10)
        let november = try shop.database.read { db in try FundQueries.statement(db, month: "2026-11") }
        #expect(november.owed == Money(yuan: 20) && november.paid == Money(yuan: 20) && november.spent == Money(yuan: 15))
        #expect(november.balance == Money(yuan: 5) && november.entries.count == 2)
        #expect(november.people.map(\.name) == ["小红"] && november.people[0].outstanding == .zero)
        let all = try shop.database.read { db in try FundQueries.statement(db) }
        #expect(all.owed == Money(yuan: 30) && all.people.first { $0.name == "周小雨" }?.outstanding == Money(yuan: 10))
        // Every role reads it; the view is there for other features.
        #expect(try shop.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fund_entry_v") } == 2)
        #expect(try shop.database.read(FundQueries.verify).passed)
        #expect(try shop.database.verify().passed)
    }

    @Test("fund verify names the first entry changed or removed")
    func verify() throws {
        let shop = try WorkforceShop()
        for yuan in [10, 20, 30, 40] as [Int64] {
            try shop.apply(FundPaid(staff: shop.agent, amount: Money(yuan: yuan)), as: shop.agent, at: "2026-11-2\(yuan / 10)", 10)
        }
        let good = try shop.database.read(FundQueries.verify)
        #expect(good.passed && good.entries == 4)
        try shop.database.writeLocal { db in try db.execute(sql: "UPDATE fund_entry SET amount = 9900 WHERE position = 3") }
        #expect(try shop.database.read(FundQueries.verify) == FundVerification(entries: 4, firstBad: 3, problem: "changed"))
        try shop.database.writeLocal { db in try db.execute(sql: "UPDATE fund_entry SET amount = 3000 WHERE position = 3") }
        try shop.database.writeLocal { db in try db.execute(sql: "DELETE FROM fund_entry WHERE position = 2") }
        #expect(try shop.database.read(FundQueries.verify) == FundVerification(entries: 3, firstBad: 2, problem: "removed"))
        _ = try shop.database.rebuild()
        try shop.database.writeLocal { db in try db.execute(sql: "DELETE FROM fund_entry WHERE position = 4") }
        #expect(try shop.database.read(FundQueries.verify) == FundVerification(entries: 3, firstBad: 4, problem: "removed"))
    }

    @Test("entries merged out of order are chained in one order on every device")
    func mergedOrder() throws {
        let shop = try WorkforceShop()
        let base = try shop.database.ops(from: shop.database.deviceID)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-fund-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let clocks = [TestClock(), TestClock()]
        let devices = try (0..<2).map { index in
            let db = try ShopDatabase.createNotebook(at: directory.appendingPathComponent("d\(index).sqlite").path, modules: WorkforceShop.modules,
                                                     clock: clocks[index].clock)
            _ = try db.merge(base)
            return db
        }
        for (index, hour) in [(0, 9), (1, 8), (0, 11), (1, 10)] {
            clocks[index].set("2026-11-24", hour)
            try devices[index].apply(OpDraft(actor: shop.agent, FundPaid(staff: shop.agent, amount: Money(yuan: Int64(hour)))))
        }
        _ = try devices[0].merge(try devices[1].ops(from: devices[1].deviceID))
        _ = try devices[1].merge(try devices[0].ops(from: devices[0].deviceID))
        let chains = try devices.map { device in try device.read { db in try FundQueries.statement(db).entries.map { "\($0.position) \($0.amount) \($0.hash)" } } }
        #expect(chains[0] == chains[1] && chains[0].count == 4)
        #expect(chains[0].map { $0.split(separator: " ")[1] } == ["8.00", "9.00", "10.00", "11.00"])
        for device in devices { #expect(try device.read(FundQueries.verify).passed) }
    }

    @Test("a fund overdrawn by spendings merged from two devices is a due item for the GM until it is 0 or more (DISC-4, issue 14)")
    func overdrawnIsDue() throws {
        let shop = try WorkforceShop()
        try shop.apply(FundPaid(staff: shop.agent, amount: Money(yuan: 20)), as: shop.agent, at: "2026-11-24", 9)
        let base = try shop.database.ops(from: shop.database.deviceID)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-fund-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let clocks = [TestClock(), TestClock()]
        let devices = try (0..<2).map { index in
            let db = try ShopDatabase.createNotebook(at: directory.appendingPathComponent("d\(index).sqlite").path, modules: WorkforceShop.modules,
                                                     clock: clocks[index].clock)
            _ = try db.merge(base)
            return db
        }
        let today = CivilDate("2026-11-25")!
        // Each device sees 20 in the box and spends 15: both allowed locally.
        for (index, device) in devices.enumerated() {
            clocks[index].set("2026-11-25", 10 + index)
            try device.apply(OpDraft(actor: shop.gm, FundSpent(what: "下午茶", amount: Money(yuan: 15), receipt: Self.receipt)))
            #expect(try device.read { db in try WorkforceQueries.due(db, today: today) }.allSatisfy { $0.kind != "fund-overdrawn" })
        }
        _ = try devices[0].merge(try devices[1].ops(from: devices[1].deviceID))
        let due = try devices[0].read { db in try WorkforceQueries.due(db, today: today) }.filter { $0.kind == "fund-overdrawn" }
        #expect(due.count == 1)
        #expect(due.first?.name == "黄乔" && due.first?.status == "due" && due.first?.amount == Money(yuan: -10) && due.first?.period == "2026-11-25")
        // Paid back in: no longer due.
        clocks[0].set("2026-11-25", 15)
        try devices[0].apply(OpDraft(actor: shop.gm, FundPaid(staff: shop.gm, amount: Money(yuan: 10), note: "补足")))
        #expect(try devices[0].read { db in try WorkforceQueries.due(db, today: today) }.allSatisfy { $0.kind != "fund-overdrawn" })
    }
}
