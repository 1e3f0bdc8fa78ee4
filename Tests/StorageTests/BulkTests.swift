import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Storage

@Suite("Bulk writes: the write-ahead log checkpointed off the writer, for their length only")
struct BulkTests {
    func limit(_ shop: TestShop) throws -> Int? {
        try shop.database.writeLocal { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
    }

    func fileSize(_ shop: TestShop) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: shop.database.path)[.size] as? Int ?? 0
    }

    @Test("inside, the writer never checkpoints and another thread does (issue 20); restored after, also when the body throws; the writes stand")
    func checkpointedOffTheWriter() throws {
        let shop = try TestShop()
        #expect(try limit(shop) == 1000)
        try shop.database.writeLocal { db in try db.execute(sql: "CREATE TABLE scratch (b BLOB)") }
        let before = try fileSize(shop)
        let (inside, grew) = try shop.database.bulk(walPages: 4_000) {
            try shop.addStaff("小王", [.shipper])
            try shop.database.writeLocal { db in try db.execute(sql: "INSERT INTO scratch VALUES (zeroblob(2000000))") }
            // The main file grows only when a checkpoint copies the pages into it: the writer's own
            // limit is off, so it is the checkpointer's doing.
            var grew = false
            for _ in 0..<100 where !grew {
                Thread.sleep(forTimeInterval: 0.02)
                grew = try fileSize(shop) > before + 1_000_000
            }
            return (try limit(shop), grew)
        }
        #expect(inside == 0)
        #expect(grew)
        #expect(try limit(shop) == 1000)
        struct Stop: Error {}
        #expect(throws: Stop.self) { try shop.database.bulk { try shop.addStaff("小李", [.csAgent]); throw Stop() } }
        #expect(try limit(shop) == 1000)
        #expect(try shop.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM staff") } == 3)
        // Nested: the inner one gives back what the outer one set, the outer one SQLite's limit.
        let (inner, outer) = try shop.database.bulk(walPages: 5_000) {
            (try shop.database.bulk(walPages: 6_000) { try limit(shop) }, try limit(shop))
        }
        #expect(inner == 0 && outer == 0)
        #expect(try limit(shop) == 1000)
        #expect(try shop.database.verify().passed)
    }

    @Test("checkpoints in the background (the hub daemon): the writer's limit raised, not off; another thread copies; stop gives the limit back, once")
    func inTheBackground() throws {
        let shop = try TestShop()
        try shop.database.writeLocal { db in try db.execute(sql: "CREATE TABLE scratch (b BLOB)") }
        let before = try fileSize(shop)
        let checkpoints = try shop.database.checkpointInBackground(walPages: 7_000)
        #expect(try limit(shop) == 7_000)
        try shop.database.writeLocal { db in try db.execute(sql: "INSERT INTO scratch VALUES (zeroblob(2000000))") }
        var grew = false  // under 7,000 pages: the writer's own limit is not reached, so the thread copied them
        for _ in 0..<100 where !grew {
            Thread.sleep(forTimeInterval: 0.02)
            grew = try fileSize(shop) > before + 1_000_000
        }
        #expect(grew)
        try shop.addStaff("小王", [.shipper])
        checkpoints.stop()
        #expect(try limit(shop) == 1000)
        try shop.database.writeLocal { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 500") }
        checkpoints.stop()  // a second stop changes nothing
        #expect(try limit(shop) == 500)
        #expect(try shop.database.verify().passed)
    }
}
