import Foundation
import ShopDomain
import TerminalUI

/// A few labelled one-line fields under a list, then (for what a person signs) their PIN: the
/// agent desk's forms (issue 12). Tab or ↓ and ↑ move between fields, Enter moves on and on
/// the last field submits; Esc cancels. The screen parses the fields when the form is submitted
/// and refuses with one status line, keeping the form open and writing nothing.
struct DeskForm {
    struct Field {
        var label: String
        /// What may be typed, shown dim after the field while it is empty.
        var hint: String
        var field: TextField
    }

    enum Outcome { case editing, cancelled, submitted, pinEntered }

    var title: String
    var fields: [Field]
    var focus = 0
    /// Whether the form ends with the person's PIN (CS-4 handling, CS-7 steps: who signs).
    var signs: Bool
    var askingPIN = false
    var pin = TextField(masked: true)

    init(title: String, signs: Bool, fields: [Field]) {
        self.title = title
        self.signs = signs
        self.fields = fields
    }

    /// The field's text, trimmed; nil when empty.
    func value(_ index: Int) -> String? {
        let text = fields[index].field.text.trimmingWhitespace()
        return text.isEmpty ? nil : text
    }

    /// The field's text as typed, trimmed (empty stays empty: the number parsers refuse it).
    func raw(_ index: Int) -> String { fields[index].field.text.trimmingWhitespace() }

    var rows: Int { fields.count + 1 + (askingPIN ? 1 : 0) }

    mutating func handle(_ key: Key) -> Outcome {
        if askingPIN {
            switch key {
            case .escape: askingPIN = false; pin = TextField(masked: true)
            case .enter: return .pinEntered
            default: _ = pin.edit(key)
            }
            return .editing
        }
        switch key {
        case .escape: return .cancelled
        case .tab, .down: focus = (focus + 1) % fields.count
        case .backTab, .up: focus = (focus + fields.count - 1) % fields.count
        case .enter:
            if focus == fields.count - 1 { return .submitted }
            focus += 1
        default: _ = fields[focus].field.edit(key)
        }
        return .editing
    }

    /// After a submit the screen accepted: the PIN line, when the form signs.
    mutating func askPIN() {
        askingPIN = true
        pin = TextField(masked: true)
    }

    func draw(_ grid: inout CellGrid, x: Int, y: Int, width: Int, _ ctx: DeskContext) {
        grid.put(title, x: x, y: y, style: .title, maxWidth: width)
        let labelWidth = min(width / 3, (fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 1)
        for (i, f) in fields.enumerated() {
            let row = y + 1 + i
            grid.put(f.label, x: x, y: row, style: i == focus && !askingPIN ? .selected : .normal, maxWidth: labelWidth)
            let fieldWidth = max(8, min(40, width - labelWidth - 2))
            if i == focus, !askingPIN {
                f.field.draw(&grid, x: x + labelWidth + 1, y: row, width: fieldWidth)
            } else {
                grid.putField(f.field.text, x: x + labelWidth + 1, y: row, width: fieldWidth, style: .normal)
            }
            if f.field.text.isEmpty, !f.hint.isEmpty, width > labelWidth + fieldWidth + 4 {
                grid.put(f.hint, x: x + labelWidth + fieldWidth + 2, y: row, style: .dim, maxWidth: width - labelWidth - fieldWidth - 2)
            }
        }
        if askingPIN {
            let label = ctx.t("签字，输入你的 PIN：", "Sign: your PIN: ")
            let w = grid.put(label, x: x, y: y + 1 + fields.count, style: .title)
            pin.draw(&grid, x: x + w, y: y + 1 + fields.count, width: 12)
        }
    }
}

/// The PIN that confirms a signed action (approvals, the agent desk): the login's own check,
/// so three wrong PINs lock the person out here too.
enum PINConfirm {
    enum Result {
        case accepted
        /// Wrong: the field stays open for another try.
        case retry(Status)
        /// Locked or no PIN: the action is dropped.
        case stop(Status)
    }

    static func check(_ typed: String, _ ctx: DeskContext) throws -> Result {
        guard let me = ctx.me else { return .stop(Status(ctx.t("请先登录", "log in first"), .refused)) }
        switch try ctx.session.login(me.id, pin: typed) {
        case .accepted:
            return .accepted
        case .wrong(let left):
            return .retry(Status(ctx.t("PIN 不对，还可以试 \(left) 次", "Wrong PIN: \(left) more tries"), .refused))
        case .locked(let until):
            return .stop(Status(ctx.t("已被锁定到 \(ctx.time(until))：连续输错 3 次 PIN", "Locked out until \(ctx.time(until)): three wrong PINs"), .refused))
        case .noPIN:
            return .stop(Status(ctx.t("你还没有 PIN：请店长运行 zhanggui staff pin", "You have no PIN yet: ask a manager to run zhanggui staff pin"), .refused))
        }
    }
}
