import Foundation
import ShopDomain

/// A report laid out for people: a title, key figures, notes, tables and charts. Each report
/// builds one (`document(in:)`); the terminal, CSV and HTML writers read only this, so the three
/// show the same figures in the same order.
public struct ReportDocument: Sendable, Equatable {
    public struct Figure: Sendable, Equatable {
        public var label: String
        public var value: String
    }

    public struct Table: Sendable, Equatable {
        public struct Column: Sendable, Equatable {
            public var title: String
            public var numeric: Bool
            public init(_ title: String, numeric: Bool = false) {
                self.title = title
                self.numeric = numeric
            }
        }
        public var title: String
        public var columns: [Column]
        public var rows: [[String]]
        /// What to print instead of an empty table.
        public var empty: String
    }

    public var title: String
    /// `2026-11（截至 2026-11-30）`.
    public var subtitle: String
    public var figures: [Figure]
    /// Plain statements a reader must see: no data for the period, parts with no data yet.
    public var notes: [String]
    public var tables: [Table]
    public var charts: [SVGChart]

    public init(title: String, subtitle: String, figures: [Figure] = [], notes: [String] = [], tables: [Table] = [], charts: [SVGChart] = []) {
        self.title = title
        self.subtitle = subtitle
        self.figures = figures
        self.notes = notes
        self.tables = tables
        self.charts = charts
    }
}

extension ReportDocument {
    /// The aligned terminal form: title, figures, notes, then each table (CJK widths).
    public func text() -> String {
        var out = "\(title)  \(subtitle)\n"
        if !figures.isEmpty {
            var table = TextTable([.init(""), .init("", alignment: .right)])
            for figure in figures { table.append(figure.label, figure.value) }
            // The figures' two columns without their (empty) header and rule.
            out += "\n" + table.render().split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n")
        }
        for note in notes { out += "\n" + note + "\n" }
        for table in tables {
            out += "\n\(table.title)\n"
            guard !table.rows.isEmpty else {
                out += table.empty + "\n"
                continue
            }
            var text = TextTable(table.columns.map { .init($0.title, alignment: $0.numeric ? .right : .left) })
            for row in table.rows { text.append(row) }
            out += text.render()
        }
        return out
    }

    /// The CSV form as rows: the title, the figures as label/value pairs, the notes, then each
    /// table under its title, a blank row between parts.
    public func csvRows() -> [[String]] {
        var rows: [[String]] = [[title, subtitle]]
        if !figures.isEmpty { rows.append([]); rows += figures.map { [$0.label, $0.value] } }
        for note in notes { rows.append([]); rows.append([note]) }
        for table in tables {
            rows.append([])
            rows.append([table.title])
            if table.rows.isEmpty { rows.append([table.empty]); continue }
            rows.append(table.columns.map(\.title))
            rows += table.rows
        }
        return rows
    }
}
