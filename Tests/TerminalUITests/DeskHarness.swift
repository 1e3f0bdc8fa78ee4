import Foundation
import DemoShop
import ShopDomain
import ShopActions
@testable import ShiftDesk
@testable import Storage
import ScriptedTerminal
import TerminalUI

/// The demo shop on a fixed clock and seed, every person with PIN 1234, and a desk on a
/// scripted terminal: what golden screens are made from.
enum DeskHarness {
    static let now = ShopClock.parseInstant("2026-11-30T10:00:00+08:00")!
    static let pin = "1234"

    /// A fresh copy of the demo shop (made once per process, then copied: it takes a moment).
    static func shop() throws -> ShopDatabase {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-tui-\(UUID().uuidString)")
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
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-tui-template-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("shop.sqlite").path
        let database = try DemoShop.create(at: path, seed: 7, modules: ShopFeatures.all, clock: .fixed(now))
        try database.checkpoint()  // the demo gives everyone PIN 1234
        made = path
        return path
    }

    /// A desk on a terminal of the given size, logged in as `name` when given.
    static func desk(_ language: Language, width: Int = 80, height: Int = 24, as name: String? = "二哥",
                     database: ShopDatabase? = nil) throws -> (Desk, ScriptedDriver) {
        let driver = ScriptedDriver(width: width, height: height)
        let desk = Desk(driver: driver, context: try DeskContext(database: try database ?? shop(), language: language))
        if let name {
            let index = try desk.ctx.read { db in try CoreQueries.staffList(db, includeInactive: false) }.firstIndex { $0.staff.name == name }!
            for _ in 0..<index { desk.step(.down) }
            desk.step(.enter)
            for key in Key.typing(pin) { desk.step(key) }
            desk.step(.enter)
        }
        return (desk, driver)
    }

    static func press(_ desk: Desk, _ keys: [Key]) {
        for key in keys { desk.step(key) }
    }
}

/// Golden screens: `Golden/NAME.txt` holds the expected text; `ZHANGGUI_UPDATE_GOLDEN=1` rewrites them.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ name: String, _ grid: CellGrid) -> (matches: Bool, expected: String, actual: String) {
        let url = directory.appendingPathComponent("\(name).txt")
        let actual = grid.text + "\n"
        if ProcessInfo.processInfo.environment["ZHANGGUI_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            return (true, actual, actual)
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "(no golden file \(name).txt: run with ZHANGGUI_UPDATE_GOLDEN=1)"
        return (expected == actual, expected, actual)
    }
}
