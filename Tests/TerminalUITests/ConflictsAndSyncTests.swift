import Foundation
import Testing
import GRDB
import ShopDomain
import ShopActions
@testable import ShiftDesk
@testable import Storage
import Sync
import TerminalUI

@Suite("shift desk: conflicts and sync")
struct ConflictsAndSyncTests {
    @Test("golden screens: conflicts (the laptop's refused inspection) and sync (the laptop with work to push), zh and en, 80×24 and 160×48",
          arguments: [(Language.zh, 80, 24), (Language.en, 80, 24), (Language.zh, 160, 48), (Language.en, 160, 48)])
    func goldens(_ language: Language, _ width: Int, _ height: Int) async throws {
        let suffix = Screens.suffix(language, width, height)
        let merged = try await Screens.laptop(merged: true)
        let (desk, _) = try Screens.desk(language, width: width, height: height, as: "大哥", database: merged.shop)
        desk.step(Screens.key("Conflicts"))
        let conflicts = Golden.check("conflicts-\(suffix)", desk.render())
        #expect(conflicts.matches, "\(conflicts.actual)")
        desk.step(.enter)
        let both = Golden.check("conflict-detail-\(suffix)", desk.render())
        #expect(both.matches, "\(both.actual)")

        let offline = try await Screens.laptop(merged: false)
        let (laptop, _) = try Screens.desk(language, width: width, height: height, database: offline.laptop,
                                           hub: (Screens.hubURL, offline.token))
        laptop.step(Screens.key("Sync"))
        let sync = Golden.check("sync-\(suffix)", laptop.render())
        #expect(sync.matches, "\(sync.actual)")
    }

    @Test("golden screens: sync on a computer with no hub says how to start with one, zh and en, 80×24", arguments: [Language.zh, .en])
    func standalone(_ language: Language) throws {
        let (desk, _) = try Screens.desk(language, database: try DeskHarness.shop())
        desk.step(Screens.key("Sync"))
        let golden = Golden.check("sync-standalone-\(Screens.suffix(language, 80, 24))", desk.render())
        #expect(golden.matches, "\(golden.actual)")
        #expect(desk.render().text.contains("--hub"))
        desk.step(.character("s"))
        #expect(desk.render().text.contains(language == .en ? "No hub: start with zhanggui-tui --hub URL --token TOKEN" : "没有中心机"))
    }

    @Test("on the hub itself the sync screen lists the devices that sync with it")
    func hubComputer() async throws {
        let scenario = try await Screens.laptop(merged: true)
        let (desk, _) = try Screens.desk(.zh, as: "大哥", database: scenario.shop)
        desk.step(Screens.key("Sync"))
        let screen = desk.render().text
        #expect(screen.contains("这台电脑是中心机：1 台设备向它同步"))
        #expect(screen.contains("仓库笔记本"))
        #expect(screen.contains("待处理冲突：1 条"))
    }

    @Test("a warehouse lead resolves a conflict: applying the op is refused by the module, keeping current settles it")
    func resolve() async throws {
        let scenario = try await Screens.laptop(merged: true)
        let shop = scenario.shop
        let open = try shop.conflicts()
        #expect(open.count == 1)
        let (desk, _) = try Screens.desk(.en, as: "大哥", database: shop)
        DeskHarness.press(desk, [Screens.key("Conflicts"), .enter])
        #expect(desk.render().text.contains("a keep current (A)"))
        // B: the op still cannot apply (the delivery was posted meanwhile): the module says why.
        desk.step(.character("b"))
        #expect(try shop.conflicts().count == 1)
        #expect(desk.render().line(24 - 3).contains(String(open[0].reasonEn.prefix(30))))
        // A: keep what holds now.
        desk.step(.character("a"))
        #expect(desk.render().text.contains("Conflict \(open[0].id) settled: kept current (A)"))
        #expect(try shop.conflicts().isEmpty)
        let settled = try #require(try shop.conflicts(includeResolved: true).first { $0.id == open[0].id })
        let lead = try shop.read { db in try CoreQueries.findStaff(db, "大哥") }
        #expect(settled.resolution == "current")
        #expect(settled.resolvedBy == lead.id.rawValue)
        #expect(desk.render().text.contains("Status: settled, kept current (A), by 大哥"))
    }

    @Test("someone whose roles may not resolve conflicts sees both sides, is told who may, and cannot settle it")
    func cannotResolve() async throws {
        let scenario = try await Screens.laptop(merged: true)
        let (desk, _) = try Screens.desk(.zh, as: "二哥", database: scenario.shop)
        DeskHarness.press(desk, [Screens.key("Conflicts")])
        #expect(desk.render().text.contains("只有这些岗位可以处理冲突"))
        desk.step(.enter)
        let screen = desk.render().text
        #expect(!screen.contains("a 保留当前"))
        #expect(screen.contains("只有这些岗位可以处理冲突：总经理、店长、客服主管、仓储主管"))
        DeskHarness.press(desk, [.character("a")])
        #expect(desk.render().text.contains("只有这些岗位可以处理冲突"))
        DeskHarness.press(desk, [.character("b")])
        #expect(try scenario.shop.conflicts().count == 1)
    }

    @Test("sync now pushes the laptop's work to the hub, shows syncing and then the result")
    func syncNow() async throws {
        let scenario = try await Screens.laptop(merged: false)
        let (desk, _) = try Screens.desk(.en, database: scenario.laptop, hub: (Screens.hubURL, scenario.token))
        desk.step(Screens.key("Sync"))
        let pending = try SyncClient.status(scenario.laptop).pending
        #expect(pending > 0)
        #expect(desk.render().text.contains("Waiting to push: \(pending) ops"))
        // The hub is in this process here; in use it is HTTP to --hub.
        let screen = try #require(desk.stack.last as? SyncScreen)
        let transport = scenario.transport
        screen.makeTransport = { _, _ in transport }
        desk.step(.character("s"))
        let state = try await Screens.waitForSync(scenario.laptop)
        guard case .finished(let result)? = state else {
            Issue.record("sync did not finish: \(String(describing: state))")
            return
        }
        #expect(result.pushed == pending)
        #expect(result.conflicts == 1)
        desk.step(nil)
        let after = desk.render().text
        #expect(after.contains("Synced: pushed \(pending), pulled \(result.pulled), conflicts 1"))
        #expect(after.contains("Waiting to push: 0 ops"))
        #expect(try SyncClient.status(scenario.laptop).pending == 0)
        #expect(try scenario.shop.conflicts().count == 1)
    }

    @Test("a hub that does not answer: the sync screen shows the module's error")
    func unreachable() async throws {
        let database = try DeskHarness.shop()
        let (desk, _) = try Screens.desk(.en, database: database, hub: ("http://127.0.0.1:9", "zg_nothing"))
        DeskHarness.press(desk, [Screens.key("Sync"), .character("s")])
        let state = try await Screens.waitForSync(database)
        guard case .failed(_, let en)? = state else {
            Issue.record("expected a failure, got \(String(describing: state))")
            return
        }
        desk.step(nil)
        #expect(desk.render().text.contains("Sync failed:"))
        #expect(desk.render().text.contains(String(en.prefix(20))))
    }
}
