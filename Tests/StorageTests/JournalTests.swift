import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Storage

@Suite("The journal: one write path, rebuildable, verifiable")
struct JournalTests {
    @Test("creating a shop makes a device, the owner as GM and the first op")
    func create() throws {
        let shop = try TestShop()
        let staff = try shop.database.read { db in try CoreQueries.staffList(db) }
        #expect(staff.map(\.staff.name) == ["黄乔"])
        #expect(staff[0].staff.roles == [.gm])
        let ops = try shop.database.journal()
        #expect(ops.count == 1)
        #expect(ops[0].op.kind == "shop.created")
        #expect(ops[0].op.deviceID == shop.database.deviceID)
        #expect(ops[0].op.prevHash == Op.genesisHash)
        #expect(try shop.database.read(CoreQueries.shop).createdOn == CivilDate("2026-11-30"))
    }

    @Test("create refuses an existing file and leaves it untouched")
    func createRefusesExisting() throws {
        let shop = try TestShop()
        let before = try Data(contentsOf: URL(fileURLWithPath: shop.path))
        #expect(throws: StorageError.databaseExists(path: shop.path)) {
            try ShopDatabase.create(at: shop.path, shop: "另一家", owner: "某人")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: shop.path)) == before)
    }

    @Test("a failed create leaves no file behind")
    func failedCreate() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-\(UUID().uuidString).sqlite").path
        #expect(throws: ZoneError.self) { try ShopDatabase.create(at: path, shop: "店", owner: "人", timezone: "Nowhere/Land") }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(throws: StorageError.databaseMissing(path: path)) { try ShopDatabase.open(at: path) }
    }

    @Test("sequences are gapless and each op chains to the one before")
    func chain() throws {
        let shop = try TestShop()
        for name in ["史文龙", "汪莎", "刘芬"] { try shop.addStaff(name, [.csAgent]) }
        let ops = try shop.database.journal().map(\.op).reversed()
        #expect(ops.map(\.deviceSeq) == [1, 2, 3, 4])
        var previous = Op.genesisHash
        for op in ops {
            #expect(op.prevHash == previous)
            #expect(op.hasValidHash)
            previous = op.hash
        }
        #expect(zip(ops, ops.dropFirst()).allSatisfy { $0.hlc < $1.hlc })
    }

    @Test("a refused op writes nothing: no journal row, no read-table change")
    func refusedWritesNothing() throws {
        let shop = try TestShop()
        let agent = try shop.addStaff("刘芬", [.csAgent])
        let before = try shop.database.journalCount()
        #expect(throws: StorageError.self) { try shop.addStaff("小明", [.csAgent], as: agent) }
        #expect(throws: StorageError.duplicateStaffName("刘芬")) { try shop.addStaff("刘芬", [.shipper]) }
        #expect(throws: StorageError.unknownStaff("nobody")) { try shop.addStaff("小红", [.shipper], as: StaffID(rawValue: "nobody")) }
        #expect(try shop.database.journalCount() == before)
        #expect(try shop.database.read { db in try CoreQueries.staffList(db).count } == 2)
        #expect(try shop.database.verify().passed)
    }

    @Test("a batch is all or nothing")
    func batch() throws {
        let shop = try TestShop()
        let drafts = [
            OpDraft(actor: shop.gm, StaffAdded(staff: StaffID(rawValue: "a"), name: "甲", roles: [.shipper])),
            OpDraft(actor: shop.gm, StaffAdded(staff: StaffID(rawValue: "b"), name: "甲", roles: [.shipper])),
        ]
        #expect(throws: StorageError.duplicateStaffName("甲")) { try shop.database.apply(drafts) }
        #expect(try shop.database.journalCount() == 1)
        #expect(try shop.database.verify().passed)
    }

    @Test("drafts made inside the write transaction see what another connection committed; none made, nothing written")
    func applyMaking() throws {
        let shop = try TestShop()
        let other = try ShopDatabase.open(at: shop.directory.appendingPathComponent("shop.sqlite").path)
        try other.apply(OpDraft(actor: shop.gm, StaffAdded(staff: StaffID(rawValue: "a"), name: "甲", roles: [.shipper])))
        let before = try shop.database.journalCount()
        // Adds 乙 only if 甲 is there, as an import adds only the orders the tables do not hold.
        let ops = try shop.database.apply(making: { db in
            try CoreQueries.staffList(db).contains { $0.staff.name == "甲" }
                ? [OpDraft(actor: shop.gm, StaffAdded(staff: StaffID(rawValue: "b"), name: "乙", roles: [.shipper]))] : []
        })
        #expect(ops.count == 1)
        #expect(try shop.database.journalCount() == before + 1)
        #expect(try shop.database.apply(making: { _ in [] }).isEmpty)
        #expect(try shop.database.journalCount() == before + 1)
        #expect(try shop.database.verify().passed)
    }

    @Test("the role check names the person, their roles and who may")
    func roleRefusal() throws {
        let shop = try TestShop()
        let shipper = try shop.addStaff("大哥", [.shipper, .finance])
        do {
            try shop.database.apply(OpDraft(actor: shipper, PolicySet(key: "LOG-2.fine", value: "50.00", effectiveFrom: CivilDate("2026-12-01")!)))
            Issue.record("a shipper changed policy")
        } catch let error as StorageError {
            #expect(error == .notPermitted(name: "大哥", permission: .setPolicy, roles: [.shipper, .finance]))
            #expect(error.message(in: .zh).contains("总经理"))
        }
    }

    @Test("deactivated staff cannot act; the last GM cannot be deactivated")
    func deactivation() throws {
        let shop = try TestShop()
        let manager = try shop.addStaff("店长甲", [.shopManager])
        #expect(throws: StorageError.lastGM) { try shop.database.apply(OpDraft(actor: manager, StaffDeactivated(staff: shop.gm))) }
        try shop.database.apply(OpDraft(actor: shop.gm, StaffDeactivated(staff: manager, reason: "离职")))
        #expect(throws: StorageError.inactiveStaff(name: "店长甲")) { try shop.addStaff("新人", [.csAgent], as: manager) }
        #expect(throws: StorageError.staffAlreadyInactive("店长甲")) {
            try shop.database.apply(OpDraft(actor: shop.gm, StaffDeactivated(staff: manager)))
        }
        // The name is free again once its holder has left.
        try shop.addStaff("店长甲", [.shopManager])
        #expect(try shop.database.verify().passed)
    }

    @Test("rebuild gives read tables identical to the ones apply made")
    func rebuildIdentical() throws {
        let shop = try TestShop()
        let ids = try ["史文龙", "汪莎", "刘芬", "大哥"].map { try shop.addStaff($0, [.csAgent, .shipper]) }
        try shop.database.apply(OpDraft(actor: shop.gm, StaffDeactivated(staff: ids[1], reason: "离职")))
        try shop.database.apply(OpDraft(actor: shop.gm, PolicySet(key: "CS-10.low-stock", value: "8", effectiveFrom: CivilDate("2026-12-01")!)))
        try shop.database.apply(OpDraft(actor: shop.gm, PolicySet(key: "CS-10.low-stock", value: "6", effectiveFrom: CivilDate("2026-12-01")!)))
        let tables = ["shop", "staff", "staff_role", "policy_change"]
        let before = try shop.database.read { db in try tables.map { try TableDigest.of($0, in: db) } }
        let report = try shop.database.rebuild()
        #expect(report.ops == 8)
        let after = try shop.database.read { db in try tables.map { try TableDigest.of($0, in: db) } }
        #expect(before == after)
        #expect(try shop.database.verify().passed)
        let policy = try shop.database.read(CoreQueries.policy)
        #expect(policy.value(of: PolicyCatalog.item("CS-10.low-stock")!, on: CivilDate("2026-12-02")!).value == .count(6))
    }
}

@Suite("journal verify catches tampering and names the op")
struct VerifyTests {
    func shopWithHistory() throws -> TestShop {
        let shop = try TestShop()
        for name in ["史文龙", "汪莎", "刘芬", "大哥"] { try shop.addStaff(name, [.csAgent]) }
        #expect(try shop.database.verify().passed)
        return shop
    }

    func reopen(_ shop: TestShop) throws -> ShopDatabase {
        try ShopDatabase.open(at: shop.path, clock: .fixed(TestShop.now))
    }

    @Test("an edited journal row")
    func editedRow() throws {
        let shop = try shopWithHistory()
        try shop.tamper("UPDATE journal SET payload = replace(payload, '汪莎', '汪沙') WHERE deviceSeq = 3")
        let report = try reopen(shop).verify()
        #expect(report.problems == [.hashMismatch(OpID(deviceID: shop.database.deviceID, deviceSeq: 3), kind: "staff.added")])
        #expect(report.problems[0].message(in: .en).contains(":3"))
    }

    @Test("an edited row whose hash was recomputed still breaks the chain")
    func forgedRow() throws {
        let shop = try shopWithHistory()
        let forged = try shop.database.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT * FROM journal WHERE deviceSeq = 2")!
            var op = JournalEntry(row: row).op
            op.payload = op.payload.replacingOccurrences(of: "史文龙", with: "史武龙")
            return op.computedHash()
        }
        try shop.tamper("UPDATE journal SET payload = replace(payload, '史文龙', '史武龙'), hash = '\(forged)' WHERE deviceSeq = 2")
        let report = try reopen(shop).verify()
        #expect(report.problems == [.brokenChain(OpID(deviceID: shop.database.deviceID, deviceSeq: 3), kind: "staff.added")])
    }

    @Test("a deleted row")
    func deletedRow() throws {
        let shop = try shopWithHistory()
        try shop.tamper("DELETE FROM journal WHERE deviceSeq = 2")
        let report = try reopen(shop).verify()
        #expect(report.problems == [.gap(device: shop.database.deviceID, expected: 2, found: 3)])
    }

    @Test("a truncated tail")
    func truncatedTail() throws {
        let shop = try shopWithHistory()
        try shop.tamper("DELETE FROM journal WHERE deviceSeq >= 4")
        let report = try reopen(shop).verify()
        #expect(report.problems == [.truncated(device: shop.database.deviceID, lastFound: 3, head: 5)])
    }

    @Test("a read table edited behind the journal's back")
    func editedReadTable() throws {
        let shop = try shopWithHistory()
        try shop.tamper("UPDATE staff SET name = '黄桥' WHERE name = '黄乔'")
        let database = try reopen(shop)
        #expect(try database.verify().problems == [.readTableDiffers(table: "staff")])
        try database.rebuild()
        #expect(try database.verify().passed)
        #expect(try database.read { db in try CoreQueries.findStaff(db, "黄乔").name } == "黄乔")
    }
}

@Suite("Sharing one file between processes")
struct ConcurrencyTests {
    @Test("two writers on one file at once never fail with 'database is locked'")
    func concurrentWriters() async throws {
        let shop = try TestShop()
        let other = try ShopDatabase.open(at: shop.path, clock: .fixed(TestShop.now))
        let gm = shop.gm
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, database) in [shop.database, other].enumerated() {
                group.addTask {
                    for n in 0..<100 {
                        try database.apply(OpDraft(actor: gm, StaffAdded(staff: IDSource.random.next(), name: "员工\(index)-\(n)", roles: [.warehouse])))
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try shop.database.journalCount() == 201)
        #expect(try shop.database.verify().passed)
    }

    @Test("a backup opens as a shop with the same journal")
    func backup() throws {
        let shop = try TestShop()
        try shop.addStaff("刘芬", [.csAgent])
        let target = shop.directory.appendingPathComponent("backup.sqlite").path
        try shop.database.backup(to: target)
        let copy = try ShopDatabase.open(at: target)
        #expect(try copy.journalCount() == 2)
        #expect(copy.deviceID == shop.database.deviceID)
        #expect(try copy.verify().passed)
        #expect(throws: StorageError.backupTargetExists(path: target)) { try shop.database.backup(to: target) }
    }

    @Test("a file that is not a shop database is refused clearly")
    func notAShop() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-\(UUID().uuidString).txt").path
        try Data("hello".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StorageError.notAShopDatabase(path: path)) { try ShopDatabase.open(at: path) }
    }
}

@Suite("One op kind, several modules")
struct SharedKindTests {
    /// A module that also acts on `staff.added`: it keeps a count of people per first role.
    static let census = ShopFeature(
        name: "census",
        migrations: [.init("census.v1", sql: "CREATE TABLE census (role TEXT PRIMARY KEY, people INTEGER NOT NULL)")],
        handlers: [OpHandler(StaffAdded.self, authorization: .anyStaff) { payload, _, db in
            try db.execute(sql: "INSERT INTO census (role, people) VALUES (?, 1) ON CONFLICT (role) DO UPDATE SET people = people + 1",
                           arguments: [payload.roles.first?.rawValue ?? "none"])
        }],
        readTables: ["census"]
    )

    @Test("the owner authorizes; every module's projection runs in one transaction; a rebuild gives the same")
    func shared() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-shared-\(UUID().uuidString).sqlite").path
        let database = try ShopDatabase.create(at: path, shop: "店", owner: "黄乔", modules: [Self.census], clock: .fixed(TestShop.now))
        let gm = try database.read(CoreQueries.shop).owner
        let agent = IDSource.random.next(StaffID.self)
        try database.apply(OpDraft(actor: gm, StaffAdded(staff: agent, name: "刘芬", roles: [.csAgent])))
        // The core module owns staff.added: a CS agent may not add staff, whatever census allows.
        #expect(throws: StorageError.self) {
            try database.apply(OpDraft(actor: agent, StaffAdded(staff: IDSource.random.next(), name: "小红", roles: [.csAgent])))
        }
        // The core's refusal (a duplicate name) rolls back census's part too.
        #expect(throws: StorageError.duplicateStaffName("刘芬")) {
            try database.apply(OpDraft(actor: gm, StaffAdded(staff: IDSource.random.next(), name: "刘芬", roles: [.csAgent])))
        }
        let census = try database.read { db in try Int.fetchOne(db, sql: "SELECT people FROM census WHERE role = 'cs-agent'") }
        #expect(census == 1)
        #expect(try database.verify().passed)
    }
}
