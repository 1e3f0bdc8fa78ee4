extension CampaignDraftSheet {
    /// The draft as an A4 page.
    public func html() -> String {
        let e = HTML.escape
        var out = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>活动稿件审批单 \(e(campaign))</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <header>
        <div><h1>活动稿件审批单</h1><div class="en">Campaign draft for approval (CAMP-1)</div></div>
        <div class="id mono">\(e(campaign))<small>打印 \(e(printedAt))</small></div>
        </header>
        <table class="facts">
        <tr><th>活动名称<small>Campaign</small></th><td>\(e(name))</td><th>平台<small>Platform</small></th><td>\(e(platform))</td></tr>
        <tr><th>活动日期<small>Dates</small></th><td>\(e(dates))</td><th>预算<small>Budget</small></th><td>\(budget)\(fee.map { "　平台费率 " + e($0) } ?? "")</td></tr>
        <tr><th>申报人<small>Declared by</small></th><td>\(e(declaredBy))</td><th>状态<small>State</small></th><td>\(e(liveNote ?? "审批中"))</td></tr>
        <tr><th>平台要求<small>Requirements</small></th><td colspan="3" class="req">\(e(requirements))</td></tr>
        </table>
        <h2>活动商品 <small>Products at campaign prices</small></h2>
        <table class="items">
        <thead><tr><th>商家编码<small>SKU</small></th><th>商品<small>Product</small></th><th class="n">活动价<small>Price</small></th></tr></thead>
        <tbody>

        """
        for item in items {
            out += "<tr><td class=\"mono\">\(e(item.sku))</td><td>\(e(item.product))</td><td class=\"n\">\(item.price)</td></tr>\n"
        }
        out += """
        </tbody>
        </table>
        <h2>图文稿件 <small>The page draft</small></h2>

        """
        if files.isEmpty {
            out += "<p class=\"none\">尚未附上稿件 <small>No draft attached yet</small></p>\n"
        } else {
            out += "<div class=\"files\">\n"
            for file in files {
                let image = file.source.map { "<img src=\"\(e($0))\" alt=\"\(e(file.name))\">" } ?? "<div class=\"noimage\">\(e(file.name))</div>"
                out += "<figure>\(image)<figcaption>\(e(file.name))<br><span class=\"mono\">\(e(String(file.sha256.prefix(16))))</span></figcaption></figure>\n"
            }
            out += "</div>\n"
        }
        out += """
        <div class="hash"><span>稿件内容哈希 <small>Content hash (SHA-256 of the declaration and the files)</small></span><div class="mono">\(e(contentHash))</div></div>
        <h2>签字 <small>Signatures — each binds the content hash above</small></h2>
        <div class="boxes">

        """
        for box in boxes {
            out += "<div class=\"box\"><div class=\"step\">\(e(box.stepZh))<small>\(e(box.stepEn)) · \(e(box.role))</small></div>"
            if let signer = box.signer {
                out += "<div class=\"who\">\(e(signer))</div><div class=\"when\">\(e(box.signedAt ?? ""))</div>"
                out += "<div class=\"mono signed\">\(e(String((box.hash ?? "").prefix(16))))</div>"
            } else {
                out += "<div class=\"who blank\"></div><div class=\"when blank\"></div>"
            }
            if let note = box.note { out += "<div class=\"note\">\(e(note))</div>" }
            out += "</div>\n"
        }
        out += """
        </div>
        </body>
        </html>

        """
        return out
    }

    static let style = """
    @page { size: A4 portrait; margin: 15mm }
    * { box-sizing: border-box }
    body { margin: 0; font-family: \(Printed.fontStack); font-size: 10.5pt; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact }
    header { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 2px solid #000; padding-bottom: 3mm; margin-bottom: 4mm }
    h1 { font-size: 20pt; margin: 0 }
    .en { color: #444; font-size: 10pt; margin-top: 1mm }
    .id { font-size: 12pt; font-weight: 700; text-align: right }
    .id small { display: block; font-weight: 400 }
    h2 { font-size: 12.5pt; margin: 5mm 0 1.5mm }
    small { font-size: 0.72em; font-weight: 400; color: #444; margin-left: 0.4em }
    th small { display: block; margin: 0 }
    table { width: 100%; border-collapse: collapse }
    tr { break-inside: avoid; page-break-inside: avoid }
    th, td { border: 0.5px solid #888; padding: 1.1mm 2.5mm; text-align: left; vertical-align: baseline }
    th { background: #eee; font-size: 9.5pt; width: 18%; line-height: 1.2 }
    .items th { width: auto }
    .req { white-space: pre-wrap; overflow-wrap: anywhere }
    .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap }
    .mono { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; overflow-wrap: anywhere }
    .files { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm }
    figure { margin: 0; border: 0.5px solid #888; padding: 1.5mm; break-inside: avoid; page-break-inside: avoid }
    figure img { width: 100%; max-height: 55mm; object-fit: contain; display: block }
    .noimage { height: 20mm; display: flex; align-items: center; justify-content: center; background: #f4f4f4; color: #444 }
    figcaption { font-size: 8.5pt; margin-top: 1mm }
    .hash { margin-top: 4mm; border: 1px solid #000; padding: 2mm 3mm }
    .hash .mono { font-size: 10pt; font-weight: 700; margin-top: 1mm }
    .boxes { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; break-inside: avoid; page-break-inside: avoid }
    .box { border: 1px solid #000; min-height: 32mm; padding: 2mm; display: flex; flex-direction: column; gap: 1.5mm }
    .step { font-weight: 700; font-size: 12pt }
    .step small { display: block; margin: 0 }
    .who { font-size: 13pt; min-height: 8mm }
    .blank { border-bottom: 0.5px solid #000; min-height: 7mm }
    .when { font-size: 9pt }
    .signed { font-size: 8pt; color: #333 }
    .note { font-size: 9pt; font-weight: 700 }
    .none { color: #444 }
    @media screen { body { max-width: 210mm; padding: 12mm; margin: 0 auto } }
    """
}
