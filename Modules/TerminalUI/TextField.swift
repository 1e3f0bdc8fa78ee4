import ShopDomain

/// A one-line text field: typed characters, backspace, masked for a PIN.
public struct TextField: Sendable, Equatable {
    public var text = ""
    public var masked = false

    public init(masked: Bool = false) { self.masked = masked }

    /// Applies an editing key; returns whether it was one.
    public mutating func edit(_ key: Key) -> Bool {
        switch key {
        case .character(let c) where !c.isNewline:
            text.append(c)
            return true
        case .backspace:
            if !text.isEmpty { text.removeLast() }
            return true
        default:
            return false
        }
    }

    public func draw(_ grid: inout CellGrid, x: Int, y: Int, width: Int) {
        let shown = masked ? String(repeating: "•", count: text.count) : text
        let tail = DisplayWidth.of(shown) >= width - 1 ? String(shown.suffix(width / 2)) : shown
        grid.putField(tail + "▏", x: x, y: y, width: width, style: .input)
    }
}
