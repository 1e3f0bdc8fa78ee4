import Foundation
import ShopDomain
import Storage
import TerminalUI

/// Conflicts: merged ops the rules refused, parked for a person (`ShopDatabase.conflicts()`);
/// Enter shows both sides. Settling them (`ConflictResolved`) is for those whose role may.
final class ConflictsScreen: Screen {
    private var conflicts: [Conflict] = []
    private var names: [String: String] = [:]
    private var table = TableView([])

    func title(_ ctx: DeskContext) -> String { ctx.t("冲突", "Conflicts") }

    func hints(_ ctx: DeskContext) -> [KeyHint] {
        [KeyHint("↑↓", ctx.t("选择", "choose")), KeyHint("Enter", ctx.t("看两边", "see both sides"))]
    }

    func reload(_ ctx: DeskContext) throws {
        let selectedID = table.selected.flatMap { conflicts.indices.contains($0) ? conflicts[$0].id : nil }
        conflicts = try ctx.database.conflicts()
        names = try ConflictText.names(ctx)
        table = TableView([.init("#", alignment: .right), .init(ctx.t("操作", "Op")), .init(ctx.t("冲突", "Conflict")),
                           .init(ctx.t("操作人", "By")), .init(ctx.t("时间", "When")), .init(ctx.t("原因", "Reason"))])
        for c in conflicts {
            table.append([String(c.id), c.opKind, ConflictText.kind(c, ctx), names[c.actor] ?? c.actor, ctx.time(c.raisedAt),
                          c.reason(in: ctx.language)])
        }
        table.selected = conflicts.isEmpty ? nil : selectedID.flatMap { id in conflicts.firstIndex { $0.id == id } } ?? 0
    }

    func draw(_ grid: inout CellGrid, _ area: Area, _ ctx: DeskContext) {
        var out = LineWriter(area)
        out.paragraph(ctx.t("同步时规则不允许的操作，停在这里等人处理；处理结果会同步到每台设备。",
                       "Ops a merge could not apply wait here for a person; the decision syncs to every device."), .dim, &grid)
        out.paragraph(ConflictText.whoMay(ctx), ctx.can(.resolveConflicts) ? .dim : .warning, &grid)
        out.skip()
        guard !conflicts.isEmpty else {
            out.line(ctx.t("没有待处理的冲突。", "No open conflicts."), .ok, &grid)
            return
        }
        table.draw(&grid, x: out.x, y: out.y, width: out.width, height: out.rowsLeft)
    }

    func handle(_ key: Key, _ ctx: DeskContext) throws -> ScreenAction {
        switch key {
        case .up: table.move(-1)
        case .down: table.move(1)
        case .enter:
            guard let index = table.selected else { return .none }
            return .open(ConflictDetailScreen(id: conflicts[index].id))
        case .escape: return .back
        default: break
        }
        return .none
    }
}

/// Both sides of one conflict, as `zhanggui conflict show` prints them: A, what holds now (the
/// reason the op was refused), and B, the parked op itself. `a` keeps A, `b` applies B.
final class ConflictDetailScreen: Screen {
    let id: Int64
    private var conflict: Conflict?
    private var names: [String: String] = [:]

    init(id: Int64) { self.id = id }

    func title(_ ctx: DeskContext) -> String { ctx.t("冲突 #\(id)", "Conflict #\(id)") }

    private var isOpen: Bool { conflict?.status == "open" }

    func hints(_ ctx: DeskContext) -> [KeyHint] {
        var hints: [KeyHint] = []
        if isOpen, ctx.can(.resolveConflicts) {
            hints = [KeyHint("a", ctx.t("保留当前（A）", "keep current (A)")), KeyHint("b", ctx.t("执行这条操作（B）", "apply the op (B)"))]
        }
        return hints + [KeyHint("Esc", ctx.t("回到列表", "back to the list"))]
    }

    func reload(_ ctx: DeskContext) throws {
        guard let c = try ctx.database.conflicts(includeResolved: true).first(where: { $0.id == id }) else {
            throw ConflictError.unknown(String(id))
        }
        conflict = c
        names = try ConflictText.names(ctx)
    }

    func draw(_ grid: inout CellGrid, _ area: Area, _ ctx: DeskContext) {
        guard let c = conflict else { return }
        var out = LineWriter(area)
        out.line("#\(c.id)  \(c.opKind)  \(ConflictText.kind(c, ctx))", .title, &grid)
        out.line(ctx.t("操作 \(c.op)，\(names[c.actor] ?? c.actor) 于 \(ctx.time(c.raisedAt))",
                       "Op \(c.op) by \(names[c.actor] ?? c.actor) at \(ctx.time(c.raisedAt))"), .normal, &grid)
        if c.status == "open" {
            out.line(ctx.t("状态：待处理", "Status: open"), .warning, &grid)
        } else {
            let how = c.resolution.map { $0.hasPrefix("op") ? ctx.t("执行了操作（B）", "applied the op (B)") : ctx.t("保留了当前（A）", "kept current (A)") } ?? ""
            out.line(ctx.t("状态：已处理，\(how)", "Status: settled, \(how)")
                     + (c.resolvedBy.map { ctx.t("，处理人 \(names[$0] ?? $0)", ", by \(names[$0] ?? $0)") } ?? ""), .ok, &grid)
        }
        out.skip()
        let a = [c.reason(in: ctx.language)]
        let b = ConflictText.payloadLines(c.payload)
        let sideBySide = out.width >= 100
        if sideBySide {
            let half = (out.width - 2) / 2
            grid.put(ctx.t("A 当前（保留合并后的状态）", "A current (keep the state as merged)"), x: out.x, y: out.y, style: .title, maxWidth: half)
            grid.put(ctx.t("B 操作（现在执行它）", "B op (apply it now)"), x: out.x + half + 2, y: out.y, style: .title, maxWidth: half)
            out.skip()
            let aLines = a.flatMap { DeskText.wrap($0, width: half - 2) }
            let bLines = b.flatMap { DeskText.wrap($0, width: half - 2) }
            let rows = min(max(aLines.count, bLines.count), max(0, out.rowsLeft - 2))
            for row in 0..<rows {
                if row < aLines.count { grid.put(aLines[row], x: out.x + 2, y: out.y, maxWidth: half - 2) }
                grid.put("│", x: out.x + half, y: out.y, style: .dim)
                if row < bLines.count { grid.put(bLines[row], x: out.x + half + 4, y: out.y, maxWidth: half - 2) }
                out.skip()
            }
        } else {
            out.line(ctx.t("A 当前（保留合并后的状态）", "A current (keep the state as merged)"), .title, &grid)
            for line in DeskText.wrap(c.reason(in: ctx.language), width: out.width - 2) { out.line("  " + line, .normal, &grid) }
            out.line(ctx.t("B 操作（现在执行它）", "B op (apply it now)"), .title, &grid)
            let room = max(1, out.rowsLeft - 2)
            let bLines = b.flatMap { DeskText.wrap($0, width: out.width - 2) }
            for line in bLines.prefix(room) { out.line("  " + line, .normal, &grid) }
        }
        out.skip()
        if c.status == "open" {
            if ctx.can(.resolveConflicts) {
                out.paragraph(ctx.t("按 a 保留当前，按 b 现在执行这条操作；结果作为操作同步到各设备。",
                               "Press a to keep current, b to apply the op now; the decision is an op every device pulls."), .normal, &grid)
            } else {
                out.paragraph(ConflictText.whoMay(ctx), .warning, &grid)
            }
        }
    }

    func handle(_ key: Key, _ ctx: DeskContext) throws -> ScreenAction {
        let keep: ConflictResolved.Keep
        switch key {
        case .character("a"), .character("A"): keep = .current
        case .character("b"), .character("B"): keep = .op
        case .escape: return .back
        default: return .none
        }
        guard let c = conflict else { return .none }
        guard ctx.can(.resolveConflicts) else { return .status(Status(ConflictText.whoMay(ctx), .refused)) }
        try ctx.apply(ConflictResolved(device: DeviceID(rawValue: c.device), seq: c.seq, keep: keep))
        return .status(Status(keep == .current ? ctx.t("冲突 \(c.id) 已处理：保留当前（A）", "Conflict \(c.id) settled: kept current (A)")
                                               : ctx.t("冲突 \(c.id) 已处理：执行了操作（B）", "Conflict \(c.id) settled: applied the op (B)"), .ok))
    }
}

enum ConflictText {
    static func kind(_ c: Conflict, _ ctx: DeskContext) -> String {
        c.kind == "forbidden" ? ctx.t("越权", "forbidden") : ctx.t("被拒", "rejected")
    }

    /// Who may settle conflicts, for those who may not (and a reminder for those who may).
    static func whoMay(_ ctx: DeskContext) -> String {
        let roles = DeskText.roles(granting: .resolveConflicts, ctx)
        return ctx.can(.resolveConflicts)
            ? ctx.t("你可以处理冲突。", "You may settle conflicts.")
            : ctx.t("只有这些岗位可以处理冲突：\(roles)。请找他们。", "Only these roles may settle conflicts: \(roles). Ask one of them.")
    }

    static func names(_ ctx: DeskContext) throws -> [String: String] {
        let people = try ctx.read { db in try CoreQueries.staffList(db, includeInactive: true) }
        return Dictionary(people.map { ($0.staff.id.rawValue, $0.staff.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// The parked op's payload as "field: value" lines (the journal keeps it as canonical JSON).
    static func payloadLines(_ payload: String) -> [String] {
        guard let data = payload.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [payload] }
        return object.keys.sorted().map { key in
            let value = object[key]!
            if let text = value as? String { return "\(key): \(text)" }
            let json = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]))
                .map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
            return "\(key): \(json)"
        }
    }
}
