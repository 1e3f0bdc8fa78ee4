import Foundation
import DemoShop
import ShopDomain
import ShopActions
@testable import ShiftDesk
@testable import Storage
import Sync
import ScriptedTerminal
import TerminalUI

/// Helpers for the stock, orders, conflicts and sync screens' tests.
enum Screens {
    /// The key that opens a main screen, found by its English title (the digits move as screens land).
    static func key(_ en: String) -> Key {
        .function(MainScreens.numbered.first { $0.entry.en == en }!.number)
    }

    /// A desk on `database`, optionally with a hub set (`--hub`/`--token`), logged in as `name`.
    static func desk(_ language: Language, width: Int = 80, height: Int = 24, as name: String = "二哥",
                     database: ShopDatabase, hub: (url: String, token: String)? = nil) throws -> (Desk, ScriptedDriver) {
        let driver = ScriptedDriver(width: width, height: height)
        let desk = Desk(driver: driver, context: try DeskContext(database: database, language: language, hub: hub))
        let index = try desk.ctx.read { db in try CoreQueries.staffList(db, includeInactive: false) }.firstIndex { $0.staff.name == name }!
        DeskHarness.press(desk, Array(repeating: .down, count: index) + [.enter] + Key.typing(DeskHarness.pin) + [.enter])
        precondition(desk.ctx.me?.name == name, "could not log in as \(name)")
        return (desk, driver)
    }

    /// The demo shop with its warehouse laptop (a notebook synced once, then offline work, with a
    /// seeded device ID so screens stay the same). With `merged`, the laptop has synced again and
    /// the shop holds the conflict its offline inspection of a posted delivery makes.
    struct Laptop: Sendable {
        var shop: ShopDatabase
        var laptop: ShopDatabase
        var token: String

        var transport: LocalHubTransport { LocalHubTransport(hub: HubService(database: shop), token: token) }
    }

    /// Made on a thread of its own: `DemoLaptop` and `syncWaiting()` block their thread until a task
    /// ends, which would starve the test runner's few cooperative threads if done on one of them.
    /// The address the laptop knows its hub by (the hub itself runs in the test's process).
    static let hubURL = "http://127.0.0.1:8765"

    static func laptop(merged: Bool) async throws -> Laptop {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try makeLaptop(merged: merged) }) }.start()
        }
    }

    private static func makeLaptop(merged: Bool) throws -> Laptop {
        let shop = try DeskHarness.shop()
        let path = (shop.path as NSString).deletingLastPathComponent + "/laptop.sqlite"
        let made = try DemoLaptop.create(hub: shop, at: path, modules: ShopFeatures.all, clock: .fixed(DeskHarness.now), ids: .seeded(77),
                                           address: hubURL)
        // A minute later than its first sync, so "the last hub synced with" is never a tie.
        let laptop = try ShopDatabase.open(at: made.path, modules: ShopFeatures.all, clock: .fixed(DeskHarness.now.addingTimeInterval(60)))
        let scenario = Laptop(shop: shop, laptop: laptop, token: made.token)
        if merged {
            _ = try SyncClient(database: laptop, hub: hubURL, transport: scenario.transport).syncWaiting()
        }
        return scenario
    }

    /// Waits for the sync screen's background round on `database` to end.
    static func waitForSync(_ database: ShopDatabase, timeout: TimeInterval = 120) async throws -> SyncScreen.Job.State? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let state = SyncScreen.jobs.withLock { $0[database.path] }?.state
            if let state, state != .running { return state }
            try await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    static func suffix(_ language: Language, _ width: Int, _ height: Int) -> String {
        "\(language == .zh ? "zh" : "en")-\(width)x\(height)"
    }
}
