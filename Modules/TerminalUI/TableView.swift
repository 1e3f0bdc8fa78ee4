import ShopDomain

/// A table drawn into a grid: columns sized by display width (CJK = 2 cells), a highlighted
/// selected row kept in view, a style per row.
public struct TableView: Sendable {
    public struct Column: Sendable {
        public var title: String
        public var alignment: DisplayWidth.Alignment
        public var maxWidth: Int?
        /// Never shrunk below this when the table is too wide (an order number must show whole).
        public var minWidth: Int?
        public init(_ title: String, alignment: DisplayWidth.Alignment = .left, maxWidth: Int? = nil, minWidth: Int? = nil) {
            self.title = title
            self.alignment = alignment
            self.maxWidth = maxWidth
            self.minWidth = minWidth
        }
    }

    public var columns: [Column]
    public var rows: [[String]] = [] { didSet { measured = nil } }
    public var styles: [CellStyle] = []
    public var selected: Int?
    /// The widest cell of each column, kept up by `append` so a redraw of a long table does not
    /// measure every cell again (a keystroke must redraw within a frame).
    private var measured: [Int]?

    public init(_ columns: [Column]) { self.columns = columns }

    public mutating func append(_ cells: [String], style: CellStyle = .normal) {
        var widths = measured.flatMap { $0.count == columns.count ? $0 : nil } ?? contentWidths()
        rows.append(cells)
        for (index, cell) in cells.enumerated() where index < widths.count {
            widths[index] = max(widths[index], DisplayWidth.of(cell))
        }
        measured = widths
        styles.append(style)
    }

    private func contentWidths() -> [Int] {
        columns.indices.map { index in rows.map { index < $0.count ? DisplayWidth.of($0[index]) : 0 }.max() ?? 0 }
    }

    /// Moves the selection by `delta`, staying on the rows.
    public mutating func move(_ delta: Int) {
        guard !rows.isEmpty else { selected = nil; return }
        selected = min(max(0, (selected ?? 0) + delta), rows.count - 1)
    }

    /// The cells the table needs to show every column unshrunk (a screen may drop a column when it does not fit).
    public var naturalWidth: Int {
        widths(total: Int.max / 2).reduce(0, +) + max(0, columns.count - 1) * 2
    }

    /// The widths the columns get: their content, capped, the last one taking what is left.
    func widths(total: Int) -> [Int] {
        let content = measured.flatMap { $0.count == columns.count ? $0 : nil } ?? contentWidths()
        var widths = columns.enumerated().map { index, column in
            min(max(DisplayWidth.of(column.title), content[index]), column.maxWidth ?? Int.max)
        }
        let gaps = max(0, columns.count - 1) * 2
        var over = widths.reduce(0, +) + gaps - total
        // Too wide: shrink the widest columns first, never below 4 cells (or a column's minimum).
        while over > 0, let widest = widths.indices.filter({ widths[$0] > max(4, columns[$0].minWidth ?? 0) })
                .max(by: { widths[$0] < widths[$1] }) {
            widths[widest] -= 1
            over -= 1
        }
        return widths
    }

    /// Draws the header and as many rows as fit, scrolled so the selection shows.
    public func draw(_ grid: inout CellGrid, x: Int, y: Int, width: Int, height: Int) {
        guard height > 0, width > 0 else { return }
        let widths = widths(total: width)
        func row(_ cells: [String], _ rowY: Int, _ style: CellStyle) {
            var column = x
            for (index, w) in widths.enumerated() {
                guard column < x + width else { break }
                let cell = index < cells.count ? cells[index] : ""
                grid.putField(cell, x: column, y: rowY, width: min(w, x + width - column), style: style, alignment: columns[index].alignment)
                column += w + 2
            }
        }
        row(columns.map(\.title), y, .title)
        let visible = height - 1
        guard visible > 0 else { return }
        let first = selected.map { max(0, $0 - visible + 1) } ?? 0
        for (offset, index) in (first..<min(rows.count, first + visible)).enumerated() {
            let style = index == selected ? CellStyle.selected : styles[index]
            if index == selected { grid.fill(x: x, y: y + 1 + offset, width: width, height: 1, style: .selected) }
            row(rows[index], y + 1 + offset, style)
        }
    }
}
