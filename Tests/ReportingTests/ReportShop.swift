import Foundation
import DemoShop
import GRDB
import ShopDomain
import ShopActions
import Storage

/// The demo shop on a fixed clock, made once per process and copied for each test; and the
/// independent SQL the tests check the reports against (over the tables, not the module's code).
enum ReportShop {
    static let now = ShopClock.parseInstant("2026-11-30T10:00:00+08:00")!
    static let today = CivilDate("2026-11-30")!
    static let zone = try! ShopZone("Asia/Shanghai")

    static func open() throws -> ShopDatabase {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("shop.sqlite").path
        try FileManager.default.copyItem(atPath: try template(), toPath: path)
        return try ShopDatabase.open(at: path, modules: ShopFeatures.all, clock: .fixed(now))
    }

    nonisolated(unsafe) private static var made: String?
    private static let lock = NSLock()

    private static func template() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-report-template-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("shop.sqlite").path
        let database = try DemoShop.create(at: path, seed: 7, modules: ShopFeatures.all, clock: .fixed(now))
        try database.checkpoint()
        made = path
        return path
    }

    /// November 2026 in Shanghai as UTC milliseconds.
    static let november: (Int64, Int64) = (
        zone.start(of: CivilDate("2026-11-01")!).millis, zone.start(of: CivilDate("2026-12-01")!).millis
    )

    static func staff(_ database: ShopDatabase, _ name: String) throws -> StaffID {
        try database.read { db in try CoreQueries.findStaff(db, name).id }
    }
}
