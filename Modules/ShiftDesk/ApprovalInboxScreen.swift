import Approval
import Foundation
import ShopDomain
import Storage
import TerminalUI

/// The approvals inbox (CAMP-1): what waits for my signature, the draft's content hash and what
/// changed since the last signature; `s` signs, `r` rejects with a reason, each confirmed with my
/// PIN. The module's actions build the ops; the same rules refuse what the CLI refuses.
final class ApprovalInboxScreen: Screen {
    private enum Entry { case none, reason, pin }
    private var pending: [PendingSignature] = []
    private var table = TableView([])
    private var entry = Entry.none
    private var rejecting = false
    private var reason = TextField()
    private var pin = TextField(masked: true)

    func title(_ ctx: DeskContext) -> String { ctx.t("审批", "Approvals") }

    var capturesText: Bool { entry != .none }

    func hints(_ ctx: DeskContext) -> [KeyHint] {
        switch entry {
        case .none:
            var hints = [KeyHint("↑↓", ctx.t("选择", "choose"))]
            if let selected = table.selected, pending.indices.contains(selected) {
                hints.append(KeyHint("s", ctx.t("签字", "sign")))
                if pending[selected].step != .declare { hints.append(KeyHint("r", ctx.t("驳回", "reject"))) }
            }
            return hints
        case .reason: return [KeyHint("Enter", ctx.t("下一步：PIN", "next: PIN")), KeyHint("Esc", ctx.t("取消", "cancel"))]
        case .pin: return [KeyHint("Enter", ctx.t("确认", "confirm")), KeyHint("Esc", ctx.t("取消", "cancel"))]
        }
    }

    func reload(_ ctx: DeskContext) throws {
        guard let me = ctx.me else { return }
        let selected = table.selected.flatMap { pending.indices.contains($0) ? pending[$0].campaign : nil }
        pending = try ctx.read { db in try CampaignQueries.inbox(db, for: me.id) }
        table = TableView([.init(ctx.t("活动", "Campaign")), .init(ctx.t("名称", "Name")), .init(ctx.t("待签", "Step")),
                           .init(ctx.t("内容", "Content")), .init(ctx.t("上次签字后的改动", "Changed since the last signature"))])
        for p in pending {
            table.append([p.campaign, p.name, p.step.title(in: ctx.language), String(p.contentHash.prefix(12)), Self.changes(p.changes, ctx)],
                         style: p.stale.isEmpty ? .normal : .warning)
        }
        table.selected = pending.isEmpty ? nil : selected.flatMap { id in pending.firstIndex { $0.campaign == id } } ?? 0
    }

    static func changes(_ changes: DraftChanges?, _ ctx: DeskContext) -> String {
        guard let changes else { return "" }
        guard !changes.isEmpty else { return ctx.t("无", "none") }
        var parts: [String] = []
        if !changes.changed.isEmpty { parts.append(ctx.t("改 ", "changed ") + changes.changed.joined(separator: ", ")) }
        if !changes.added.isEmpty { parts.append(ctx.t("加 ", "added ") + changes.added.joined(separator: ", ")) }
        if !changes.removed.isEmpty { parts.append(ctx.t("删 ", "removed ") + changes.removed.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    func draw(_ grid: inout CellGrid, _ area: Area, _ ctx: DeskContext) {
        var out = LineWriter(area)
        out.paragraph(ctx.t("等你签字的活动稿件。签字绑定稿件当前的内容哈希；稿件再改，之后的签字就过时（CAMP-1）。",
                            "Campaign drafts waiting for your signature. A signature binds the draft's current content hash; a later change makes it stale (CAMP-1)."),
                      .dim, &grid)
        out.skip()
        guard let index = table.selected, pending.indices.contains(index) else {
            out.line(ctx.t("没有等你签字的活动。", "Nothing waits for your signature."), .ok, &grid)
            return
        }
        let p = pending[index]
        out.line("\(p.campaign)  \(p.name)  · \(p.step.title(in: ctx.language))", .title, &grid)
        out.line(ctx.t("内容哈希 ", "Content hash ") + p.contentHash, .normal, &grid)
        if !p.stale.isEmpty {
            out.line(ctx.t("稿件改过，过时的签字：", "The draft changed; stale signatures: ") + p.stale.map { $0.title(in: ctx.language) }.joined(separator: ", "),
                     .warning, &grid)
        }
        if let changes = p.changes, !changes.isEmpty {
            out.line(ctx.t("上次签字后的改动：", "Changed since the last signature: ") + Self.changes(changes, ctx), .warning, &grid)
        }
        switch entry {
        case .reason:
            let label = ctx.t("驳回原因：", "Reason for rejecting: ")
            grid.put(label, x: out.x, y: out.y)
            reason.draw(&grid, x: out.x + DisplayWidth.of(label), y: out.y, width: max(10, out.width - DisplayWidth.of(label) - 1))
            out.skip()
        case .pin:
            let label = rejecting ? ctx.t("驳回，输入你的 PIN：", "Reject: your PIN: ") : ctx.t("签字，输入你的 PIN：", "Sign: your PIN: ")
            grid.put(label, x: out.x, y: out.y)
            pin.draw(&grid, x: out.x + DisplayWidth.of(label), y: out.y, width: 12)
            out.skip()
        case .none:
            break
        }
        out.skip()
        table.draw(&grid, x: out.x, y: out.y, width: out.width, height: out.rowsLeft)
    }

    func handle(_ key: Key, _ ctx: DeskContext) throws -> ScreenAction {
        switch entry {
        case .reason:
            switch key {
            case .escape: entry = .none
            case .enter where !reason.text.trimmingWhitespace().isEmpty: entry = .pin
            default: _ = reason.edit(key)
            }
            return .none
        case .pin:
            switch key {
            case .escape: entry = .none
            case .enter: return try confirm(ctx)
            default: _ = pin.edit(key)
            }
            return .none
        case .none:
            break
        }
        switch key {
        case .up: table.move(-1)
        case .down: table.move(1)
        case .character("s"), .character("S"):
            guard table.selected != nil else { return .none }
            rejecting = false
            pin = TextField(masked: true)
            entry = .pin
        case .character("r"), .character("R"):
            guard let index = table.selected, pending[index].step != .declare else { return .none }
            rejecting = true
            reason = TextField()
            pin = TextField(masked: true)
            entry = .reason
        case .escape: return .back
        default: break
        }
        return .none
    }

    private func confirm(_ ctx: DeskContext) throws -> ScreenAction {
        guard let index = table.selected, pending.indices.contains(index) else { return .none }
        let p = pending[index]
        let typed = pin.text
        pin = TextField(masked: true)
        switch try PINConfirm.check(typed, ctx) {
        case .accepted:
            entry = .none
        case .retry(let status):
            return .status(status)
        case .stop(let status):
            entry = .none
            return .status(status)
        }
        if rejecting {
            let payload = try ctx.read { db in try CampaignActions.reject(db, p.campaign, step: p.step, reason: reason.text) }
            try ctx.apply(payload)
            return .status(Status(ctx.t("\(p.campaign)：\(p.step.chineseTitle)已驳回，退回\(p.step.rejectsTo.chineseTitle)",
                                        "\(p.campaign): \(p.step.englishTitle) rejected; back to \(p.step.rejectsTo.englishTitle)"), .ok))
        }
        let payload = try ctx.read { db in try CampaignActions.sign(db, p.campaign, step: p.step) }
        guard payload.contentHash == p.contentHash else {
            throw ApprovalError.staleHash(step: p.step, signed: p.contentHash, current: payload.contentHash)
        }
        try ctx.apply(payload)
        return .status(Status(ctx.t("\(p.campaign)：\(p.step.chineseTitle)已签（内容 \(p.contentHash.prefix(12))）",
                                    "\(p.campaign): \(p.step.englishTitle) signed (content \(p.contentHash.prefix(12)))"), .ok))
    }
}
