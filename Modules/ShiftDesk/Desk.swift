import Foundation
import GRDB
import ShopDomain
import Storage
import Sync
import TerminalUI

/// The shift desk: a header, the current screen, a status line, the screen's keys and the
/// navigation bar. Keys go to the screen unless they switch screens; what other processes write
/// shows within a second, without a key (the journal's head is polled each tick).
public final class Desk {
    let driver: any TerminalDriver
    public let ctx: DeskContext
    private(set) var stack: [any Screen]
    private var status: Status?
    private var showHelp = false
    private var head: Int64 = -1
    /// How long `run` waits for a key before looking for others' changes.
    public var tick = 250

    public init(driver: any TerminalDriver, context: DeskContext) {
        self.driver = driver
        ctx = context
        stack = [LoginScreen()]
        reloadTop()
    }

    /// Runs until the user quits.
    public func run() {
        driver.draw(render())
        while true {
            let key = driver.nextKey(timeoutMilliseconds: tick)
            guard step(key) else { break }
            driver.draw(render())
        }
        driver.shutdown()
    }

    /// One key (or a quiet tick when nil). Returns false when the user quit.
    @discardableResult
    public func step(_ key: Key?) -> Bool {
        guard let key else {
            refreshIfChanged()
            return true
        }
        if showHelp {
            showHelp = false
            return true
        }
        let top = stack[stack.count - 1]
        if ctx.me != nil, let target = MainScreens.target(for: key, typing: top.capturesText) {
            open(main: target)
            return true
        }
        if !top.capturesText {
            if key == .character("?") {
                showHelp = true
                return true
            }
            if key == .character("q") || key == .character("Q") { return false }
        }
        if key == .resize { return true }
        do {
            return perform(try top.handle(key, ctx))
        } catch let error as any ShopError {
            status = Status(error.message(in: ctx.language), .refused)
        } catch {
            status = Status(String(describing: error), .refused)
        }
        return true
    }

    private func perform(_ action: ScreenAction) -> Bool {
        switch action {
        case .none:
            break
        case .open(let screen):
            stack.append(screen)
            status = nil
            reloadTop()
        case .back:
            if stack.count > 1 {
                stack.removeLast()
                status = nil
                reloadTop()
            }
        case .quit:
            return false
        case .status(let new):
            status = new
            reloadTop()
        case .loggedIn:
            status = Status(ctx.t("欢迎，\(ctx.me?.name ?? "")", "Welcome, \(ctx.me?.name ?? "")"), .ok)
            stack = [MainScreens.all[0].make()]
            reloadTop()
        }
        return true
    }

    private func open(main: MainScreens.Entry) {
        stack = [main.make()]
        status = nil
        reloadTop()
    }

    private func reloadTop() {
        do {
            try stack[stack.count - 1].reload(ctx)
        } catch let error as any ShopError {
            status = Status(error.message(in: ctx.language), .refused)
        } catch {
            status = Status(String(describing: error), .refused)
        }
        head = currentHead()
    }

    /// The journal's last sequence plus this device's sync cursor: any write by any process moves it.
    private func currentHead() -> Int64 {
        (try? ctx.read { db in try SyncClient.changeMark(db) }) ?? 0
    }

    private func refreshIfChanged() {
        let now = currentHead()
        if now != head { reloadTop() }
    }

    // MARK: - Drawing

    public func render() -> CellGrid {
        let (width, height) = driver.size
        var grid = CellGrid(width: width, height: height)
        guard width >= 20, height >= 8 else {
            grid.put(ctx.t("窗口太小", "Window too small"), x: 0, y: 0)
            return grid
        }
        let top = stack[stack.count - 1]
        drawHeader(&grid, top)
        let area = Area(x: 0, y: 1, width: width, height: height - 4)
        top.draw(&grid, area, ctx)
        if let status {
            let style: CellStyle = switch status.kind { case .info: .normal; case .ok: .ok; case .refused: .flash }
            grid.fill(x: 0, y: height - 3, width: width, height: 1, style: status.kind == .refused ? .flash : .normal)
            grid.put(" " + status.text, x: 0, y: height - 3, style: style)
        }
        drawHints(&grid, top.hints(ctx), y: height - 2)
        drawNavigation(&grid, y: height - 1)
        if showHelp { drawHelp(&grid, top) }
        return grid
    }

    private func drawHeader(_ grid: inout CellGrid, _ top: any Screen) {
        grid.fill(x: 0, y: 0, width: grid.width, height: 1, style: .bar)
        var left = " \(ctx.t("掌柜", "Zhanggui")) · \(ctx.shopName) │ \(top.title(ctx))"
        if let me = ctx.me {
            left += " │ \(me.name)（\(me.roles.map { $0.title(in: ctx.language) }.joined(separator: "、"))）"
        }
        let right = syncSummary() + " "
        let rightWidth = DisplayWidth.of(right)
        grid.put(left, x: 0, y: 0, style: .bar, maxWidth: max(0, grid.width - rightWidth - 1))
        grid.put(right, x: max(0, grid.width - rightWidth), y: 0, style: .bar)
    }

    private func syncSummary() -> String {
        guard let status = try? SyncClient.status(ctx.database) else { return "" }
        if status.cursor.hub.isEmpty, ctx.hub == nil {
            let devices = try? DeviceRegistry(ctx.database).activeCount()
            return devices.map { $0 > 0 ? ctx.t("中心机 · \($0) 台设备", "hub · \($0) devices") : ctx.t("单机", "standalone") } ?? ctx.t("单机", "standalone")
        }
        let last = status.cursor.lastSyncAt.map { ctx.zone.format($0) } ?? ctx.t("未同步", "never synced")
        return ctx.t("待同步 \(status.pending) · \(last)", "\(status.pending) to sync · \(last)")
    }

    private func drawHints(_ grid: inout CellGrid, _ hints: [KeyHint], y: Int) {
        var x = 1
        for hint in hints {
            let key = hint.key, text = hint.text + "  "
            guard x + DisplayWidth.of(key) + DisplayWidth.of(text) + 1 <= grid.width else { break }
            x += grid.put(key, x: x, y: y, style: .title)
            x += grid.put(" " + text, x: x, y: y)
        }
    }

    private func drawNavigation(_ grid: inout CellGrid, y: Int) {
        grid.fill(x: 0, y: y, width: grid.width, height: 1, style: .bar)
        var hints: [KeyHint] = ctx.me == nil ? [] : MainScreens.numbered.map { KeyHint(MainScreens.digit($0.number), $0.entry.title(ctx)) }
        hints += [KeyHint("?", ctx.t("帮助", "help")), KeyHint("Esc", ctx.t("返回", "back")), KeyHint("q", ctx.t("退出", "quit"))]
        var x = 0
        for hint in hints {
            let width = DisplayWidth.of(hint.key) + DisplayWidth.of(hint.text) + 3
            guard x + width <= grid.width else { break }
            x += grid.put(" " + hint.key + " ", x: x, y: y, style: .barKey)
            x += grid.put(hint.text + " ", x: x, y: y, style: .bar)
        }
    }

    private func drawHelp(_ grid: inout CellGrid, _ top: any Screen) {
        var lines: [(String, String)] = []
        if ctx.me != nil {
            for (n, entry) in MainScreens.numbered { lines.append((n > 10 ? "F\(n)" : "\(MainScreens.digit(n))  F\(n)", entry.title(ctx))) }
        }
        lines += top.hints(ctx).map { ($0.key, $0.text) }
        lines += [("?", ctx.t("帮助（任意键关闭）", "help (any key closes)")), ("Esc", ctx.t("返回上一页", "back")),
                  ("q", ctx.t("退出（输入框外）", "quit (outside a text field)"))]
        let width = min(grid.width - 4, 56), height = min(grid.height - 2, lines.count + 3)
        let x = (grid.width - width) / 2, y = max(1, (grid.height - height) / 2)
        grid.fill(x: x, y: y, width: width, height: height, style: .selected)
        grid.put(" " + ctx.t("按键", "Keys") + " — " + top.title(ctx), x: x + 1, y: y, style: .selected, maxWidth: width - 2)
        for (n, line) in lines.prefix(height - 3).enumerated() {
            grid.putField(line.0, x: x + 2, y: y + 2 + n, width: 10, style: .selected)
            grid.put(line.1, x: x + 12, y: y + 2 + n, style: .selected, maxWidth: width - 14)
        }
    }
}
