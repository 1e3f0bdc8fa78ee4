extension PickList {
    /// The pick list as an A4 portrait page: one table grouped by style with a subtotal per
    /// style and a grand total, then the waybills to check by hand.
    public func html() -> String {
        let e = HTML.escape
        let groups = groups
        var out = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>拣货单 \(e(batch))</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <header><h1>拣货单 <small>Pick list</small></h1>
        <div class="facts"><span>批次 Batch <b>\(e(batch))</b></span><span>\(e(title))</span><span>\(e(date))</span>
        <span>\(groups.count) 款 styles · <b>\(total)</b> 件 pieces</span></div></header>
        <table class="pick">
        <thead><tr><th>款号<small>Style</small></th><th>品名<small>Name</small></th><th>颜色<small>Colour</small></th>
        <th>尺码<small>Size</small></th><th class="n">数量<small>Qty</small></th><th>库位<small>Locations</small></th>
        <th class="n">单数<small>Orders</small></th><th class="check">✓</th></tr></thead>

        """
        for group in groups {
            out += "<tbody>\n"
            var previousColour: String?
            for (index, line) in group.lines.enumerated() {
                let first = index == 0
                out += "<tr\(first ? " class=\"first\"" : "")>"
                out += first ? "<td class=\"style\">\(e(group.style))</td><td>\(e(group.name))</td>" : "<td></td><td></td>"
                out += "<td>\(line.colour == previousColour ? "" : e(line.colour))</td>"
                out += "<td class=\"size\">\(e(line.size))</td><td class=\"n qty\">\(line.quantity)</td>"
                out += "<td class=\"loc\">\(line.locations.isEmpty ? "<span class=\"none\">无库位 none</span>" : line.locations.map(e).joined(separator: " · "))</td>"
                out += "<td class=\"n\">\(line.orders)</td><td class=\"check\">☐</td></tr>\n"
                previousColour = line.colour
            }
            out += "<tr class=\"subtotal\"><td colspan=\"4\">\(e(group.style)) 小计 Subtotal</td>"
            out += "<td class=\"n\">\(group.quantity)</td><td colspan=\"3\"></td></tr>\n</tbody>\n"
        }
        out += "<tfoot><tr><td colspan=\"4\">合计 Total</td><td class=\"n\">\(total)</td><td colspan=\"3\"></td></tr></tfoot>\n"
        out += "</table>\n"
        out += flagsSection()
        out += "</body>\n</html>\n"
        return out
    }

    func flagsSection() -> String {
        let e = HTML.escape
        let byWaybill = flagsByWaybill
        var out = "<h2>需核对的运单 <small>Waybills to check: remarks, gifts, messages</small></h2>\n"
        guard !byWaybill.isEmpty else {
            return out + "<p class=\"none\">本批没有备注、赠品或留言。No remarks, gifts or messages in this batch.</p>\n"
        }
        out += """
        <table class="flags">
        <thead><tr><th>运单号<small>Waybill</small></th><th>订单号<small>Order</small></th><th>收件人<small>Consignee</small></th>
        <th>类型<small>Kind</small></th><th>内容<small>Text</small></th><th class="check">✓</th></tr></thead>

        """
        for (waybill, flags) in byWaybill {
            out += "<tbody>\n"
            for (index, flag) in flags.enumerated() {
                out += "<tr>"
                if index == 0 {
                    let span = flags.count > 1 ? " rowspan=\"\(flags.count)\"" : ""
                    out += "<td class=\"mono\"\(span)>\(e(waybill))</td><td class=\"mono\"\(span)>\(e(flag.order))</td><td\(span)>\(e(flag.consignee))</td>"
                }
                out += "<td class=\"kind \(flag.kind.rawValue)\">\(flag.kind.zh)</td><td>\(e(flag.text))</td><td class=\"check\">☐</td></tr>\n"
            }
            out += "</tbody>\n"
        }
        return out + "</table>\n"
    }

    static let style = """
    @page { size: A4 portrait; margin: 12mm 12mm 14mm }
    * { box-sizing: border-box }
    body { margin: 0; font-family: \(Printed.fontStack); font-size: 10.5pt; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact }
    header { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 2px solid #000; margin-bottom: 3mm }
    h1 { font-size: 18pt; margin: 0 0 1mm }
    h2 { font-size: 13pt; margin: 7mm 0 2mm }
    small { font-size: 0.7em; font-weight: 400; color: #444; margin-left: 0.4em }
    th small { display: block; margin: 0 }
    .facts { display: flex; gap: 5mm; font-size: 10pt }
    table { width: 100%; border-collapse: collapse }
    th, td { border: 0.5px solid #888; padding: 1.2mm 2mm; text-align: left; vertical-align: baseline }
    th { background: #eee; font-size: 9.5pt; line-height: 1.2 }
    thead { display: table-header-group }
    tr { break-inside: avoid; page-break-inside: avoid }
    .n { text-align: right; font-variant-numeric: tabular-nums }
    .qty { font-weight: 700; font-size: 11.5pt }
    .check { width: 8mm; text-align: center }
    tr.first td { border-top: 1.5px solid #000 }
    .style { font-weight: 700 }
    .size { font-weight: 700 }
    .loc, .mono { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 9.5pt }
    .none { color: #777 }
    .subtotal td { background: #f4f4f4; font-weight: 700 }
    tfoot td { border-top: 2px solid #000; font-weight: 700; font-size: 12pt }
    .flags .kind { white-space: nowrap; font-weight: 700 }
    @media screen { body { max-width: 210mm; padding: 12mm; margin: 0 auto } }
    """
}
