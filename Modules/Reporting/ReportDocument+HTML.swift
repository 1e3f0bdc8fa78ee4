import Printing
import ShopDomain

extension ReportDocument {
    /// The report as one self-contained A4 page (Printing's page shell): inline CSS and SVG
    /// charts, no scripts, nothing fetched.
    public func html() -> String {
        let e = HTML.escape
        var body = "<header><h1>\(e(title))</h1><p class=\"period\">\(e(subtitle))</p></header>\n"
        if !figures.isEmpty {
            body += "<dl class=\"figures\">"
            for figure in figures { body += "<div><dt>\(e(figure.label))</dt><dd>\(e(figure.value))</dd></div>" }
            body += "</dl>\n"
        }
        for note in notes { body += "<p class=\"note\">\(e(note))</p>\n" }
        for (index, chart) in charts.enumerated() { body += "<figure>\(chart.svg(id: "c\(index)"))</figure>\n" }
        for table in tables {
            body += "<section><h2>\(e(table.title))</h2>\n"
            guard !table.rows.isEmpty else {
                body += "<p class=\"none\">\(e(table.empty))</p></section>\n"
                continue
            }
            body += "<table><thead><tr>"
            for column in table.columns { body += "<th\(column.numeric ? " class=\"n\"" : "")>\(e(column.title))</th>" }
            body += "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                body += "<tr>"
                for (index, cell) in row.enumerated() {
                    let numeric = table.columns.indices.contains(index) && table.columns[index].numeric
                    body += "<td\(numeric ? " class=\"n\"" : "")>\(e(cell))</td>"
                }
                body += "</tr>\n"
            }
            body += "</tbody></table></section>\n"
        }
        return HTML.page(title: "\(title) \(subtitle)", style: Self.style, body: body)
    }

    static let style = """
    @page { size: A4 portrait; margin: 12mm }
    * { box-sizing: border-box }
    body { margin: 0 auto; max-width: 186mm; font-family: \(HTML.fontStack); font-size: 10pt; color: #000; background: #fff;
           -webkit-print-color-adjust: exact; print-color-adjust: exact }
    header { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 2px solid #000; margin-bottom: 4mm }
    h1 { font-size: 17pt; margin: 2mm 0 } h2 { font-size: 12pt; margin: 5mm 0 2mm; border-bottom: 1px solid #000 }
    .period { margin: 0; font-size: 10.5pt }
    .figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm; margin: 0 0 4mm }
    .figures div { border: 1px solid #000; padding: 1.5mm 2mm; break-inside: avoid }
    .figures dt { font-size: 8.5pt } .figures dd { margin: 0; font-size: 13pt; font-weight: bold }
    .note { border-left: 3px solid #000; padding: 1mm 3mm; background: #eee }
    figure { margin: 0 0 4mm; break-inside: avoid } .chart { width: 100%; height: auto; display: block }
    .chart text { font-family: \(HTML.fontStack); fill: #000 }
    .chart-title { font-size: 12px; font-weight: bold } .tick, .unit, .value { font-size: 9.5px } .legend-text { font-size: 10px }
    .grid { stroke: #ccc; stroke-width: 0.6 } .axis { stroke: #000; stroke-width: 1 }
    .series { fill: none; stroke-width: 2 } .marker-fill { fill: #000 } .marker-open { fill: #fff; stroke: #000; stroke-width: 1.2 }
    .bar { stroke: #000; stroke-width: 0.8 } .reference { stroke: #000; stroke-width: 1.4; stroke-dasharray: 9 3 2 3 }
    .reference-label { font-size: 10px; font-weight: bold }
    section { break-inside: auto } table { width: 100%; border-collapse: collapse; font-size: 9.5pt }
    th, td { border-bottom: 1px solid #888; padding: 1mm 1.5mm; text-align: left } th { border-bottom: 1.5px solid #000 }
    thead { display: table-header-group } tr { break-inside: avoid } .n { text-align: right; font-variant-numeric: tabular-nums }
    .none { font-style: italic }
    """
}
