import ShopDomain

/// What a cell looks like, by meaning: the driver maps each to colours, or to bold, reverse and
/// underline on a monochrome terminal.
public enum CellStyle: UInt8, Sendable, CaseIterable {
    case normal, dim, title, bar, barKey, selected, ok, warning, error, input, flash
}

/// One terminal cell. A wide character (CJK) fills its cell and marks the next as its
/// continuation, so columns line up by the project's own `DisplayWidth`.
public struct Cell: Sendable, Equatable {
    public var character: Character
    public var style: CellStyle
    /// The right half of a wide character drawn in the cell before.
    public var isContinuation: Bool

    public static let blank = Cell(character: " ", style: .normal, isContinuation: false)
}

/// An in-memory screen: every screen draws here; the driver copies it to the terminal and tests
/// read it as text.
public struct CellGrid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` at (x, y) in `style`, clipped to `maxWidth` cells (default: to the right
    /// edge); a wide character that would not fit whole is replaced by a space. Returns the
    /// number of cells written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        for character in text {
            let w = character.isNewline ? 0 : DisplayWidth.of(character)
            guard w > 0 else { continue }
            if column + w > limit {
                if column < limit { set(column, y, Cell(character: " ", style: style, isContinuation: false)) }
                column = limit
                break
            }
            if column >= 0 {
                set(column, y, Cell(character: character, style: style, isContinuation: false))
                if w == 2 { set(column + 1, y, Cell(character: " ", style: style, isContinuation: true)) }
            }
            column += w
        }
        return column - x
    }

    /// Fills a rectangle with blanks of a style.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: CellStyle = .normal) {
        for row in max(0, y)..<min(height, y + h) {
            for column in max(0, x)..<min(width, x + w) {
                set(column, row, Cell(character: " ", style: style, isContinuation: false))
            }
        }
    }

    /// Text padded or cut to exactly `width` cells, then written.
    public mutating func putField(_ text: String, x: Int, y: Int, width w: Int, style: CellStyle = .normal,
                                  alignment: DisplayWidth.Alignment = .left) {
        let cut = DisplayWidth.of(text) > w ? DisplayWidth.truncate(text, to: w) : text
        put(DisplayWidth.pad(cut, to: w, alignment: alignment), x: x, y: y, style: style, maxWidth: w)
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        // Overwriting half of a wide character blanks its other half.
        let index = y * width + x
        if cells[index].isContinuation, x > 0 { cells[index - 1] = Cell(character: " ", style: cells[index - 1].style, isContinuation: false) }
        if !cells[index].isContinuation, x + 1 < width, cells[index + 1].isContinuation, !cell.isContinuation {
            cells[index + 1] = Cell(character: " ", style: cells[index + 1].style, isContinuation: false)
        }
        cells[index] = cell
    }

    /// One row as text, wide characters once, trailing spaces kept: what a golden file stores.
    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<width where !self[x, y].isContinuation { text.append(self[x, y].character) }
        return text
    }

    /// The whole screen as text, one line per row, trailing spaces trimmed.
    public var text: String {
        (0..<height).map { line($0).replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression) }
            .joined(separator: "\n")
    }

    /// Whether `needle` appears on some row.
    public func contains(_ needle: String) -> Bool {
        (0..<height).contains { line($0).contains(needle) }
    }
}
