import Foundation
import ShopDomain
import Storage
import TerminalUI

/// Choose yourself, type your PIN. Three wrong PINs lock that person out of this terminal for a
/// while (`PINCheck`).
final class LoginScreen: Screen {
    private var staff: [Staff] = []
    private var table = TableView([])
    private var pin: TextField?

    func title(_ ctx: DeskContext) -> String { ctx.t("登录", "Log in") }

    func hints(_ ctx: DeskContext) -> [KeyHint] {
        pin == nil ? [KeyHint("↑↓", ctx.t("选人", "choose")), KeyHint("Enter", ctx.t("输入 PIN", "enter PIN"))]
            : [KeyHint("Enter", ctx.t("登录", "log in")), KeyHint("Esc", ctx.t("换人", "someone else"))]
    }

    var capturesText: Bool { pin != nil }

    func reload(_ ctx: DeskContext) throws {
        let selected = table.selected
        staff = try ctx.read { db in try CoreQueries.staffList(db, includeInactive: false) }.map(\.staff)
        table = TableView([.init(ctx.t("姓名", "Name")), .init(ctx.t("岗位", "Roles"))])
        for person in staff { table.append([person.name, person.roles.map { $0.title(in: ctx.language) }.joined(separator: "、")]) }
        table.selected = staff.isEmpty ? nil : min(selected ?? 0, staff.count - 1)
    }

    func draw(_ grid: inout CellGrid, _ area: Area, _ ctx: DeskContext) {
        grid.put(ctx.t("谁在上班？选中自己，按 Enter，输入 PIN。", "Who is on shift? Choose yourself, press Enter, type your PIN."),
                 x: area.x + 2, y: area.y + 1, style: .title)
        let listHeight = max(3, area.height - 6)
        table.draw(&grid, x: area.x + 2, y: area.y + 3, width: min(area.width - 4, 60), height: listHeight)
        if let pin, let index = table.selected {
            let y = area.y + 4 + listHeight
            let label = ctx.t("\(staff[index].name) 的 PIN：", "PIN for \(staff[index].name): ")
            let w = grid.put(label, x: area.x + 2, y: y, style: .title)
            pin.draw(&grid, x: area.x + 2 + w, y: y, width: 12)
        }
    }

    func handle(_ key: Key, _ ctx: DeskContext) throws -> ScreenAction {
        if var field = pin {
            switch key {
            case .escape:
                pin = nil
                return .none
            case .enter:
                return try logIn(field.text, ctx)
            default:
                _ = field.edit(key)
                pin = field
                return .none
            }
        }
        switch key {
        case .up: table.move(-1)
        case .down: table.move(1)
        case .enter where table.selected != nil: pin = TextField(masked: true)
        default: break
        }
        return .none
    }

    private func logIn(_ text: String, _ ctx: DeskContext) throws -> ScreenAction {
        guard let index = table.selected else { return .none }
        let person = staff[index]
        pin = TextField(masked: true)
        switch try ctx.session.login(person.id, pin: text) {
        case .accepted:
            ctx.me = person
            pin = nil
            return .loggedIn
        case .wrong(let left):
            return .status(Status(ctx.t("PIN 不对，还可以试 \(left) 次", "Wrong PIN: \(left) more tries"), .refused))
        case .locked(let until):
            pin = nil
            return .status(Status(ctx.t("\(person.name) 已被锁定到 \(ctx.time(until))：连续输错 3 次 PIN",
                                        "\(person.name) is locked out until \(ctx.time(until)): three wrong PINs"), .refused))
        case .noPIN:
            pin = nil
            return .status(Status(ctx.t("\(person.name) 还没有 PIN：请店长运行 zhanggui staff pin \(person.name)",
                                        "\(person.name) has no PIN yet: ask a manager to run zhanggui staff pin \(person.name)"), .refused))
        }
    }
}
