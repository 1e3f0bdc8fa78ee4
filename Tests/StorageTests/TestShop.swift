import Foundation
import GRDB
import ShopDomain
@testable import Storage

/// A fresh real database in its own temporary folder, per test.
struct TestShop {
    let directory: URL
    let database: ShopDatabase
    let gm: StaffID

    static let now = ShopClock.parseInstant("2026-11-30T08:00:00+08:00")!

    init(clock: ShopClock = .fixed(TestShop.now)) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try ShopDatabase.create(at: directory.appendingPathComponent("shop.sqlite").path, shop: "测试小店",
                                           owner: "黄乔", clock: clock)
        gm = try database.read(CoreQueries.shop).owner
    }

    var path: String { database.path }

    @discardableResult
    func addStaff(_ name: String, _ roles: [Role], as actor: StaffID? = nil) throws -> StaffID {
        let id = IDSource.random.next(StaffID.self)
        try database.apply(OpDraft(actor: actor ?? gm, StaffAdded(staff: id, name: name, roles: roles)))
        return id
    }

    /// Runs raw SQL on the file, as someone with the sqlite3 tool would.
    func tamper(_ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
        try queue.close()
    }
}
