import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Storage

@Suite("Bulk writes: a larger write-ahead log for their length only")
struct BulkTests {
    func limit(_ shop: TestShop) throws -> Int? {
        try shop.database.writeLocal { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
    }

    @Test("the limit is raised inside, restored after, also when the body throws; the writes stand")
    func raisedAndRestored() throws {
        let shop = try TestShop()
        #expect(try limit(shop) == 1000)
        let inside = try shop.database.bulk(walPages: 4_000) {
            try shop.addStaff("小王", [.shipper])
            return try limit(shop)
        }
        #expect(inside == 4_000)
        #expect(try limit(shop) == 1000)
        struct Stop: Error {}
        #expect(throws: Stop.self) { try shop.database.bulk { try shop.addStaff("小李", [.csAgent]); throw Stop() } }
        #expect(try limit(shop) == 1000)
        #expect(try shop.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM staff") } == 3)
        // Nested: the inner one gives back the outer one's limit.
        let (inner, outer) = try shop.database.bulk(walPages: 5_000) {
            (try shop.database.bulk(walPages: 6_000) { try limit(shop) }, try limit(shop))
        }
        #expect(inner == 6_000 && outer == 5_000)
        #expect(try limit(shop) == 1000)
    }
}
