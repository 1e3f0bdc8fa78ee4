import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Storage
@testable import Workforce

/// DISC-1 after sync: complaints booked on three notebooks, merged in any order, give every device
/// the same fines — the month's ranking is by the op's HLC, then device and sequence, never by
/// the order of arrival.
@Suite("Fines merge: DISC-1's escalation is the same on every device")
struct FineMergeTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-fines-\(UUID().uuidString)")

    func notebook(_ name: String, base: [Op], clock: TestClock) throws -> ShopDatabase {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let db = try ShopDatabase.createNotebook(at: directory.appendingPathComponent("\(name).sqlite").path, modules: WorkforceShop.modules,
                                                 clock: clock.clock)
        let report = try db.merge(base)
        #expect(report.applied == base.count && report.conflicts == 0)
        return db
    }

    static func table(_ db: ShopDatabase) throws -> [String] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT fineKey, staffID, amount, rule, month, escalation, dismissal FROM fine ORDER BY fineKey").map {
                "\($0["fineKey"] as String) \($0["staffID"] as String) \($0["amount"] as Int) \($0["rule"] as String) \($0["month"] as String) "
                    + "\(($0["escalation"] as Int?).map(String.init) ?? "-") \($0["dismissal"] as Bool)"
            }
        }
    }

    @Test("3 notebooks, complaints around a month's end, merged in 12 random orders and batchings: one fines table", arguments: [1, 2, 3] as [UInt64])
    func randomOrders(seed: UInt64) throws {
        let shop = try WorkforceShop()
        let base = try shop.database.ops(from: shop.database.deviceID)
        let clocks = (0..<3).map { _ in TestClock() }
        let devices = try (0..<3).map { try notebook("device\($0)-\(seed)", base: base, clock: clocks[$0]) }
        var random = SeededGenerator(seed: seed)
        // Each device books complaints against two agents, some at the very same instant on two
        // devices, some on either side of midnight of 30 November in Shanghai.
        let slots: [(String, Int, Int)] = [("2026-11-28", 9, 0), ("2026-11-29", 9, 0), ("2026-11-30", 23, 59), ("2026-12-01", 0, 0), ("2026-12-02", 9, 0)]
        var count = 0
        for (index, device) in devices.enumerated() {
            for _ in 0..<5 {
                let slot = slots.randomElement(using: &random)!
                clocks[index].set(slot.0, slot.1, slot.2)
                let agent = Bool.random(using: &random) ? shop.agent : shop.night
                count += 1
                try device.apply(OpDraft(actor: shop.lead, TestComplaint(complaint: "C\(count)", agent: agent)))
            }
        }
        let streams = try devices.map { try $0.ops(from: $0.deviceID) }
        // Every device takes the others' ops; and fresh notebooks take all of them in random orders.
        var tables: [[String]] = []
        for (index, device) in devices.enumerated() {
            _ = try device.merge(streams.enumerated().filter { $0.offset != index }.flatMap(\.element))
            tables.append(try Self.table(device))
        }
        for trial in 0..<12 {
            let target = try notebook("trial\(trial)-\(seed)", base: base, clock: TestClock())
            var queues = streams
            var batch: [Op] = []
            while queues.contains(where: { !$0.isEmpty }) {
                // An interleaving that keeps each device's own order (a gap is held, never skipped) …
                let next = queues.indices.filter { !queues[$0].isEmpty }.randomElement(using: &random)!
                batch.append(queues[next].removeFirst())
                // … arriving in batches of random length.
                if Int.random(in: 0..<3, using: &random) == 0 {
                    let report = try target.merge(batch)
                    #expect(report.conflicts == 0 && report.held.isEmpty)
                    batch = []
                }
            }
            _ = try target.merge(batch)
            tables.append(try Self.table(target))
            if trial == 0 { #expect(try target.verify().passed) }
        }
        #expect(tables[0].count == count)
        for table in tables.dropFirst() { #expect(table == tables[0]) }
        // And the answer is DISC-1's: per person per month, 50, 100, then the dismissal flag.
        let rows = tables[0].map { $0.split(separator: " ").map(String.init) }
        for group in Dictionary(grouping: rows, by: { $0[1] + $0[4] }).values {
            let ranked = group.sorted { Int($0[5])! < Int($1[5])! }
            #expect(ranked.map { Int($0[5])! } == Array(1...ranked.count))
            for row in ranked {
                let expected = switch Int(row[5])! { case 1: "5000"; case 2: "10000"; default: "0" }
                #expect(row[2] == expected)
                #expect(row[6] == String(Int(row[5])! >= 3))
            }
        }
    }
}
