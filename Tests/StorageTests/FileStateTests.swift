import Foundation
import GRDB
import ShopDomain
import Testing
@testable import Storage

/// Issue 19: a shop file's states told apart — not a shop, truncated, damaged, newer, read-only —
/// each with what to do, and nothing written into a damaged file.
@Suite("Damaged, truncated, read-only and newer shop files")
struct FileStateTests {
    /// A closed copy of a small shop: the file alone, everything checkpointed into it.
    func copy(_ name: String = "copy.sqlite") throws -> (TestShop, String) {
        let shop = try TestShop()
        for n in 0..<40 { try shop.addStaff("员工\(n)", [.warehouse]) }
        let target = shop.directory.appendingPathComponent(name).path
        try shop.database.backup(to: target)
        return (shop, target)
    }

    func size(_ path: String) throws -> Int64 {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as! NSNumber).int64Value
    }

    /// Cuts the file to its first `length` bytes.
    func cut(_ path: String, to length: Int64) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(length))
        try handle.close()
    }

    @Test("a truncated file says it is truncated, with its size, and how to restore")
    func truncated() throws {
        let (_, path) = try copy()
        let full = try size(path)
        try cut(path, to: full / 2)
        #expect(throws: StorageError.truncated(path: path, size: full / 2, expected: full)) { try ShopDatabase.open(at: path) }
        let message = StorageError.truncated(path: path, size: full / 2, expected: full).message(in: .en)
        #expect(message.contains("truncated") && message.contains("zhanggui backup"))
        // Cut within the header, or to nothing at all.
        for length in [Int64(40), 0] {
            try cut(path, to: length)
            #expect(throws: StorageError.truncated(path: path, size: length, expected: nil)) { try ShopDatabase.open(at: path) }
        }
    }

    @Test("shorter than its header says with a write-ahead log beside it (a checkpoint copying pages in) is not called truncated")
    func checkpointInProgress() throws {
        let (_, path) = try copy()
        let full = try size(path)
        try cut(path, to: full / 2)
        try Data(repeating: 0, count: 32).write(to: URL(fileURLWithPath: path + "-wal"))
        do {
            _ = try ShopDatabase.open(at: path)
        } catch let error as StorageError {
            if case .truncated = error { Issue.record("refused as truncated while a log is beside it: \(error)") }
        }
    }

    @Test("a file that is SQLite but holds no shop, and one that is not SQLite, are not shop files")
    func notAShop() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-fs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let other = directory.appendingPathComponent("other.sqlite").path
        let queue = try DatabaseQueue(path: other)
        try queue.write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT)") }
        try queue.close()
        #expect(throws: StorageError.notAShopDatabase(path: other)) { try ShopDatabase.open(at: other) }
        let text = directory.appendingPathComponent("notes.txt").path
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: StorageError.notAShopDatabase(path: text)) { try ShopDatabase.open(at: text) }
    }

    @Test("a page of garbage in the middle: opening with the check refuses it, verify reports it, no write gets in")
    func damagedPage() throws {
        let (shop, path) = try copy()
        let full = try size(path)
        let pageSize: Int64 = 4096
        let middle = (full / pageSize / 2) * pageSize
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: UInt64(middle))
        handle.write(Data(repeating: 0xA5, count: Int(pageSize)))
        try handle.close()
        #expect(throws: StorageError.self) { try ShopDatabase.open(at: path, checkIntegrity: true) }
        do {
            _ = try ShopDatabase.open(at: path, checkIntegrity: true)
        } catch let error as StorageError {
            guard case .damaged = error else { Issue.record("expected damaged, got \(error)"); return }
            #expect(error.message(in: .en).contains("Restore from a backup"))
            #expect(!error.message(in: .en).contains("\n"))
        }
        // Opened without the check (as `journal verify` does): the file's own check comes first.
        let database: ShopDatabase
        do {
            database = try ShopDatabase.open(at: path)
        } catch let error as StorageError {
            guard case .damaged = error else { Issue.record("expected damaged, got \(error)"); return }
            return
        }
        let report = try database.verify()
        #expect(!report.passed)
        guard case .damagedFile = report.problems.first else { Issue.record("\(report.problems)"); return }
        // Known to be damaged: every write is refused, before it begins.
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            try database.apply(OpDraft(actor: shop.gm, StaffAdded(staff: IDSource.random.next(), name: "新人", roles: [.warehouse])))
            Issue.record("a write went into a damaged file")
        } catch let error as StorageError {
            guard case .damaged = error else { Issue.record("expected damaged, got \(error)"); return }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("a file a newer program migrated says to upgrade this one")
    func newerSchema() throws {
        let (_, path) = try copy()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('zz.from-the-future')") }
        try queue.close()
        #expect(throws: StorageError.newerSchema(path: path)) { try ShopDatabase.open(at: path) }
        #expect(StorageError.newerSchema(path: path).message(in: .en).contains("upgrade this program"))
    }

    @Test("a read-only file opens for reading; writes are refused with what to do", .enabled(if: getuid() != 0, "root writes any file; the CLI test covers this as another user"))
    func readOnly() throws {
        let (_, path) = try copy()
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let database = try ShopDatabase.open(at: path)
        #expect(database.readOnly)
        #expect(try database.journalCount() == 41)
        #expect(throws: StorageError.readOnly(path: path)) {
            try database.apply(OpDraft(actor: StaffID(rawValue: "x"), StaffAdded(staff: IDSource.random.next(), name: "新人", roles: [.warehouse])))
        }
    }

    @Test("an unreadable file says permission, not 'not a shop'", .enabled(if: getuid() != 0, "root reads any file; the CLI test covers this as another user"))
    func unreadable() throws {
        let (_, path) = try copy()
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
        #expect(throws: StorageError.permissionDenied(path: path)) { try ShopDatabase.open(at: path) }
    }
}
