import Foundation
import ShopDomain
import TerminalUI

/// Small drawing and wording helpers the stock, order, conflict and sync screens share.
enum DeskText {
    /// `text` broken into lines of at most `width` cells (by display width, so CJK counts two),
    /// at spaces where it can, mid-word where it must; newlines are kept.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", lineWidth = 0
            var lastSpace: String.Index?
            for character in paragraph {
                let w = DisplayWidth.of(character)
                if lineWidth + w > width {
                    if let cut = lastSpace, cut > line.startIndex {
                        let rest = String(line[line.index(after: cut)...])
                        lines.append(String(line[..<cut]))
                        line = rest
                    } else {
                        lines.append(line)
                        line = ""
                    }
                    lineWidth = DisplayWidth.of(line)
                    lastSpace = nil
                }
                if character == " " { lastSpace = line.endIndex }
                line.append(character)
                lineWidth += w
            }
            lines.append(line)
        }
        return lines
    }

    /// One line for a table cell: newlines become " / ".
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.joined(separator: " / ")
    }

    /// A short order status for lists and the filter row (the full one is `OrderStatus.name`).
    static func status(_ status: OrderStatus?, _ ctx: DeskContext) -> String {
        switch status {
        case .awaitingPayment: ctx.t("待付款", "awaiting payment")
        case .paid: ctx.t("已付款", "paid")
        case .partlyShipped: ctx.t("部分发货", "partly shipped")
        case .shipped: ctx.t("已发货", "shipped")
        case .completed: ctx.t("交易成功", "completed")
        case .closed: ctx.t("已关闭", "closed")
        case nil: ctx.t("全部", "all")
        }
    }

    /// A parcel's state after its waybill, as `order list` prints it.
    static func parcel(_ state: String?, _ ctx: DeskContext) -> String {
        switch state {
        case "printed": ctx.t("已打单", "printed")
        case "packed": ctx.t("已打包", "packed")
        case "handed-over": ctx.t("已揽收", "handed over")
        default: ""
        }
    }

    /// A stock movement's kind (the ledger's codes) in words.
    static func movement(_ kind: String, _ ctx: DeskContext) -> String {
        switch kind {
        case "receipt": ctx.t("收货", "receipt")
        case "shipment": ctx.t("发货出库", "shipment")
        case "move": ctx.t("移库", "move")
        case "adjustment": ctx.t("调整", "adjustment")
        case "to-defective": ctx.t("转残次", "to defective")
        case "return": ctx.t("退货入库", "return")
        case "count-variance": ctx.t("盘点差异", "count variance")
        case "consumed": ctx.t("耗用", "consumed")
        default: kind
        }
    }

    /// The roles that may do something, for "only … may" messages.
    static func roles(granting permission: Permission, _ ctx: DeskContext) -> String {
        permission.grantedBy.map { $0.title(in: ctx.language) }.joined(separator: ctx.t("、", ", "))
    }
}

/// Writes lines top-down into an area and stops at its bottom.
struct LineWriter {
    var x: Int
    var y: Int
    var width: Int
    var bottom: Int

    init(_ area: Area, inset: Int = 2, top: Int = 1, reserve: Int = 0) {
        x = area.x + inset
        y = area.y + top
        width = max(0, area.width - 2 * inset)
        bottom = area.y + area.height - reserve
    }

    var rowsLeft: Int { max(0, bottom - y) }

    /// One line, clipped to the width; returns false when there was no room.
    @discardableResult
    mutating func line(_ text: String, _ style: CellStyle = .normal, _ grid: inout CellGrid) -> Bool {
        guard y < bottom else { return false }
        grid.put(text, x: x, y: y, style: style, maxWidth: width)
        y += 1
        return true
    }

    /// Text that wraps onto as many lines as it needs (and the area has).
    mutating func paragraph(_ text: String, _ style: CellStyle = .normal, _ grid: inout CellGrid) {
        for part in DeskText.wrap(text, width: width) {
            guard line(part, style, &grid) else { return }
        }
    }

    /// A label and a value that wraps under itself.
    mutating func field(_ label: String, _ value: String, _ style: CellStyle = .normal, _ grid: inout CellGrid) {
        guard y < bottom else { return }
        let labelWidth = grid.put(label, x: x, y: y, style: .title, maxWidth: width)
        for part in DeskText.wrap(value, width: max(1, width - labelWidth)) {
            guard y < bottom else { return }
            grid.put(part, x: x + labelWidth, y: y, style: style, maxWidth: width - labelWidth)
            y += 1
        }
    }

    mutating func skip(_ rows: Int = 1) { y += rows }
}
