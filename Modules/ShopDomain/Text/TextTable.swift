/// The one table renderer every command's human output uses.
///
/// Columns align by display width (a CJK character is two cells), so Chinese and ASCII text
/// line up in a terminal. Numbers and money are right-aligned by their column's alignment.
public struct TextTable: Sendable {
    public struct Column: Sendable {
        public var title: String
        public var alignment: DisplayWidth.Alignment
        /// Cells at most; longer values are cut with "…". `nil`: no limit.
        public var maxWidth: Int?

        public init(_ title: String, alignment: DisplayWidth.Alignment = .left, maxWidth: Int? = nil) {
            self.title = title
            self.alignment = alignment
            self.maxWidth = maxWidth
        }
    }

    public var columns: [Column]
    public private(set) var rows: [[String]] = []

    public init(_ columns: [Column]) {
        self.columns = columns
    }

    public init(_ titles: String...) {
        self.columns = titles.map { Column($0) }
    }

    /// Adds a row; missing cells are blank, extra cells are dropped.
    public mutating func append(_ cells: [String]) {
        var row = Array(cells.prefix(columns.count))
        while row.count < columns.count { row.append("") }
        rows.append(row)
    }

    public mutating func append(_ cells: String...) {
        append(cells)
    }

    /// The table as lines of text: a header, a rule, then the rows; two spaces between columns.
    /// Trailing spaces are trimmed from every line.
    public func render() -> String {
        let cells = rows.map { row in
            row.enumerated().map { index, cell in
                let flat = cell.replacingNewlines()
                guard let limit = columns[index].maxWidth else { return flat }
                return DisplayWidth.truncate(flat, to: limit)
            }
        }
        var widths = columns.map { DisplayWidth.of($0.title) }
        for row in cells {
            for (index, cell) in row.enumerated() {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        func line(_ values: [String], header: Bool) -> String {
            let padded = values.enumerated().map { index, value in
                DisplayWidth.pad(value, to: widths[index], alignment: header ? .left : columns[index].alignment)
            }
            return padded.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var lines = [line(columns.map(\.title), header: true)]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += cells.map { line($0, header: false) }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }

    func replacingNewlines() -> String {
        guard contains(where: \.isNewline) else { return self }
        return split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ⏎ ")
    }
}
