import Foundation
import ShopDomain
import Storage
import Sync
import Synchronization
import TerminalUI

/// Sync: the hub, the ops waiting to be pushed, the last sync and its result, open conflicts;
/// `s` syncs now through `SyncClient` (HTTP to `--hub` with `--token`). The round runs on a
/// task of its own, so the desk keeps drawing ("syncing…") and shows the result when it ends.
final class SyncScreen: Screen {
    /// One sync round in the background; the desk's loop reads its state on each redraw.
    final class Job: Sendable {
        enum State: Sendable, Equatable {
            case running
            case finished(SyncClient.Result)
            case failed(zh: String, en: String)
        }

        private let value = Mutex<State>(.running)
        var state: State { value.withLock { $0 } }
        func finish(_ state: State) { value.withLock { $0 = state } }
    }

    /// The round running or last run per database file: leaving the screen and coming back
    /// neither loses it nor starts a second one beside it.
    static let jobs = Mutex<[String: Job]>([:])

    /// How the screen reaches the hub: HTTP; tests put the hub in the same process.
    var makeTransport: (URL, String) -> any HubTransport = { HTTPTransport(base: $0, token: $1) }

    private var pending = 0
    private var kinds: [(kind: String, count: Int)] = []
    private var cursor: SyncClient.Cursor?
    private var openConflicts = 0
    /// Registered devices, when this computer is a hub.
    private var devices: [HubDevice] = []
    /// The job state the figures were last read for: when the job moves on, they are read again.
    private var seen: Job.State?

    func title(_ ctx: DeskContext) -> String { ctx.t("同步", "Sync") }

    func hints(_ ctx: DeskContext) -> [KeyHint] {
        ctx.hub == nil ? [] : [KeyHint("s", ctx.t("立即同步", "sync now"))]
    }

    private func job(_ ctx: DeskContext) -> Job? { Self.jobs.withLock { $0[ctx.database.path] } }

    func reload(_ ctx: DeskContext) throws {
        // With --hub, that hub's cursor: what "sync now" would push.
        (pending, cursor) = try SyncClient.status(ctx.database, hub: ctx.hub?.url)
        kinds = try SyncClient.pendingKinds(ctx.database, hub: ctx.hub?.url)
        openConflicts = try ctx.database.conflicts().count
        devices = try DeviceRegistry(ctx.database).list()
        seen = job(ctx)?.state
    }

    func draw(_ grid: inout CellGrid, _ area: Area, _ ctx: DeskContext) {
        let job = job(ctx)
        if let job, job.state != seen { try? reload(ctx) }
        var out = LineWriter(area)
        let hub = ctx.hub?.url ?? cursor.flatMap { $0.hub.isEmpty ? nil : $0.hub }
        if hub == nil, !devices.isEmpty {
            drawHub(&grid, &out, ctx)
            return
        }
        out.line(ctx.t("中心机：", "Hub: ") + (hub ?? ctx.t("（没有设置）", "(none set)")), .title, &grid)
        out.line(ctx.t("待上传：\(pending) 条操作", "Waiting to push: \(pending) ops") + (hub == nil ? ctx.t("（从未同步）", " (never synced)") : ""),
                 pending > 0 && hub != nil ? .warning : .normal, &grid)
        if let cursor, let at = cursor.lastSyncAt {
            out.paragraph(ctx.t("上次同步：", "Last sync: ") + ctx.time(at) + "  " + Self.result(cursor.lastResult, ctx),
                          cursor.lastResult?.hasPrefix("failed") == true ? .error : .normal, &grid)
        } else {
            out.line(ctx.t("上次同步：从未", "Last sync: never"), .normal, &grid)
        }
        conflictsLine(&grid, &out, ctx)
        out.skip()
        if ctx.hub != nil {
            switch job?.state {
            case .running?:
                out.line(ctx.t("正在同步…", "Syncing…"), .warning, &grid)
            case .finished(let r)?:
                out.paragraph(ctx.t("已同步：推送 \(r.pushed) 条，拉取 \(r.pulled) 条，冲突 \(r.conflicts) 条",
                                    "Synced: pushed \(r.pushed), pulled \(r.pulled), conflicts \(r.conflicts)")
                              + (r.held > 0 ? ctx.t("，暂缓 \(r.held) 条", ", held \(r.held)") : ""), r.conflicts > 0 ? .warning : .ok, &grid)
            case .failed(let zh, let en)?:
                out.field(ctx.t("同步失败：", "Sync failed: "), ctx.t(zh, en), .error, &grid)
            case nil:
                out.paragraph(ctx.t("按 s 立即同步：先推送本机的新操作，再拉取本机缺的操作。",
                                    "Press s to sync now: push this computer's new ops, then pull the ops it lacks."), .normal, &grid)
            }
        } else {
            out.paragraph(ctx.t("这台电脑没有设置中心机，不能从这里同步。要同步，请这样启动：",
                                "This computer has no hub set, so it cannot sync from here. To sync, start it like this:"), .normal, &grid)
            out.line("  zhanggui-tui --hub http://" + ctx.t("主机", "HOST") + ":8765 --token " + ctx.t("设备令牌", "TOKEN"), .title, &grid)
            out.paragraph(ctx.t("（或设置 ZHANGGUI_HUB 和 ZHANGGUI_TOKEN；令牌由店长在中心机上用 zhanggui device register 生成）",
                                "(or set ZHANGGUI_HUB and ZHANGGUI_TOKEN; a manager makes the token on the hub with zhanggui device register)"),
                          .dim, &grid)
        }
        // What is waiting, by kind: only when there is a hub to push it to.
        guard hub != nil, !kinds.isEmpty, out.rowsLeft > 3 else { return }
        out.skip()
        var table = TableView([.init(ctx.t("待上传的操作", "Ops waiting to push")), .init(ctx.t("条数", "Count"), alignment: .right)])
        for k in kinds { table.append([k.kind, String(k.count)]) }
        table.draw(&grid, x: out.x, y: out.y, width: min(out.width, 48), height: min(kinds.count + 1, out.rowsLeft))
    }

    private func conflictsLine(_ grid: inout CellGrid, _ out: inout LineWriter, _ ctx: DeskContext) {
        let key = MainScreens.numbered.first { $0.entry.en == "Conflicts" }.map { MainScreens.digit($0.number) } ?? ""
        out.line(openConflicts == 0 ? ctx.t("待处理冲突：没有", "Open conflicts: none")
                                    : ctx.t("待处理冲突：\(openConflicts) 条（按 \(key) 查看）", "Open conflicts: \(openConflicts) (press \(key))"),
                 openConflicts == 0 ? .normal : .warning, &grid)
    }

    /// This computer is the hub: the devices that sync with it (`zhanggui device list`).
    private func drawHub(_ grid: inout CellGrid, _ out: inout LineWriter, _ ctx: DeskContext) {
        let active = devices.filter { $0.revokedAt == nil }.count
        out.line(ctx.t("这台电脑是中心机：\(active) 台设备向它同步（zhangguid 在运行时）。", "This computer is the hub: \(active) device(s) sync with it (while zhangguid runs)."),
                 .title, &grid)
        conflictsLine(&grid, &out, ctx)
        out.skip()
        var table = TableView([.init(ctx.t("设备", "Device")), .init(ctx.t("状态", "Status")),
                               .init(ctx.t("已推送", "Ops pushed"), alignment: .right), .init(ctx.t("最近同步", "Last seen"))])
        for d in devices {
            let status = d.quarantinedAt != nil ? ctx.t("已隔离", "QUARANTINED") : d.revokedAt != nil ? ctx.t("已吊销", "revoked") : ctx.t("正常", "active")
            table.append([d.name, status, String(d.opsPushed), d.lastSeenAt.map { ctx.time($0) } ?? ctx.t("（未同步）", "(not yet)")],
                         style: d.quarantinedAt != nil ? .error : d.revokedAt != nil ? .dim : .normal)
        }
        table.draw(&grid, x: out.x, y: out.y, width: out.width, height: min(devices.count + 1, out.rowsLeft))
    }

    /// `SyncClient` records its result in English ("ok: pushed 3, pulled 0, conflicts 0" or
    /// "failed: …"); in Chinese the figures are put into words.
    static func result(_ text: String?, _ ctx: DeskContext) -> String {
        guard let text else { return "" }
        guard ctx.language == .zh else { return "(\(text))" }
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        if text.hasPrefix("ok:"), numbers.count == 3 {
            return "（成功：推送 \(numbers[0]) 条，拉取 \(numbers[1]) 条，冲突 \(numbers[2]) 条）"
        }
        if text.hasPrefix("failed: ") { return "（失败：\(text.dropFirst("failed: ".count))）" }
        return "（\(text)）"
    }

    func handle(_ key: Key, _ ctx: DeskContext) throws -> ScreenAction {
        switch key {
        case .character("s"), .character("S"):
            return start(ctx)
        case .escape:
            return .back
        default:
            return .none
        }
    }

    private func start(_ ctx: DeskContext) -> ScreenAction {
        guard let hub = ctx.hub else {
            return .status(Status(ctx.t("没有中心机：用 zhanggui-tui --hub 地址 --token 令牌 启动", "No hub: start with zhanggui-tui --hub URL --token TOKEN"), .refused))
        }
        guard let url = URL(string: hub.url), url.scheme == "http" || url.scheme == "https" else {
            return .status(Status(ctx.t("中心机地址应为 http://主机:8765 这样的形式：\(hub.url)",
                                        "The hub's address should look like http://HOST:8765: \(hub.url)"), .refused))
        }
        if case .running? = job(ctx)?.state {
            return .status(Status(ctx.t("正在同步，请稍候", "Already syncing; wait a moment")))
        }
        let job = Job()
        Self.jobs.withLock { $0[ctx.database.path] = job }
        let client = SyncClient(database: ctx.database, hub: hub.url, transport: makeTransport(url, hub.token))
        Task.detached {
            do {
                job.finish(.finished(try await client.sync()))
            } catch let error as any ShopError {
                job.finish(.failed(zh: error.message(in: .zh), en: error.message(in: .en)))
            } catch {
                job.finish(.failed(zh: String(describing: error), en: String(describing: error)))
            }
        }
        return .none  // the screen shows "syncing…" and then the result
    }
}
