import ShopDomain

/// Waybill labels as one self-contained HTML page per label, 100 mm × 180 mm (the courier's
/// one-part thermal form), ready for the browser's print dialog.
public enum LabelSheet {
    /// Height of the waybill barcode's bars, in mm.
    static let barHeight = 15.0
    /// Room for the barcode across the label, in mm; a long waybill number gets narrower modules.
    static let barcodeRoom = 90.0

    /// - Parameter moduleWidth: the barcode's narrowest bar in mm. 0.33 suits most printers; on a
    ///   203 dpi thermal printer 0.375 (exactly 3 dots) keeps every bar the same width.
    public static func html(_ labels: [WaybillLabel], title: String, moduleWidth: Double = 0.33) -> String {
        var page = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>\(HTML.escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>

        """
        for label in labels {
            page += html(label, moduleWidth: moduleWidth)
        }
        page += "</body>\n</html>\n"
        return page
    }

    static func html(_ label: WaybillLabel, moduleWidth: Double) -> String {
        let e = HTML.escape
        var out = "<section class=\"label\">\n"
        out += "<header><div class=\"courier\">\(e(label.courier))</div>"
        out += "<div class=\"seq\">\(e(label.batch))-<b>\(e(String(label.batchSequence.suffix(4))))</b></div></header>\n"
        out += "<div class=\"meta\"><span>订单 \(e(label.orderNumber))</span><span>\(e(label.printedAt))</span>"
        if let reason = label.reprintReason {
            out += "<span class=\"reprint\">补打" + (reason.isEmpty ? "" : "：\(e(reason))") + "</span>"
        }
        out += "</div>\n"
        out += "<div class=\"code\">\(barcode(label.waybill, moduleWidth: moduleWidth))<div class=\"number\">\(e(label.waybill))</div></div>\n"
        out += party(label.consignee, tag: "收", kind: "to", addressSizes: [4.6, 4, 3.5, 3], addressLines: 5)
        out += party(label.sender, tag: "寄", kind: "from", addressSizes: [3, 2.7, 2.4], addressLines: 2)
        // Each item is kept whole on a line where it fits; the text still reads `a;b;c`.
        out += "<div class=\"items\" style=\"font-size:\(fit(label.itemsLine, sizes: [4.2, 3.6, 3.1, 2.7, 2.4], lines: 8))mm\">"
        out += "<span class=\"key\">货品</span>"
        out += label.items.map { "<span class=\"item\">\(e($0))</span>" }.joined(separator: ";") + "</div>\n"
        let messages = (label.buyerMessage ?? "") + (label.sellerNote ?? "")
        out += "<div class=\"notes\" style=\"font-size:\(fit(messages, sizes: [3, 2.6, 2.3], lines: 3))mm\">"
        out += "<div class=\"remark\">备注：<b>\(WaybillLabel.inspectBeforeSigning)</b></div>"
        if let message = label.buyerMessage, !message.isEmpty {
            out += "<div><span class=\"key\">买家留言</span>\(e(message))</div>"
        }
        if let note = label.sellerNote, !note.isEmpty {
            out += "<div><span class=\"key\">卖家备注</span>\(e(note))</div>"
        }
        out += "</div>\n"
        out += "<footer><span>打包人签名 Packer：</span><span class=\"line\"></span>"
        out += "<span class=\"seqsmall\">\(e(label.batchSequence))</span></footer>\n"
        out += "</section>\n"
        return out
    }

    static func party(_ party: WaybillLabel.Party, tag: String, kind: String, addressSizes: [Double], addressLines: Int) -> String {
        let e = HTML.escape
        var out = "<div class=\"party \(kind)\"><div class=\"tag\">\(tag)</div><div class=\"body\">"
        out += "<div class=\"who\"><span class=\"name\">\(e(party.name))</span><span class=\"phone\">\(e(party.phone))</span></div>"
        if let company = party.company, !company.isEmpty {
            out += "<div class=\"company\">\(e(company))</div>"
        }
        let size = fit(party.address, sizes: addressSizes, lines: addressLines)
        out += "<div class=\"address\" style=\"font-size:\(size)mm\">\(e(party.address))</div>"
        if let postcode = party.postcode, !postcode.isEmpty {
            out += "<div class=\"postcode\">邮编 \(e(postcode))</div>"
        }
        out += "</div></div>\n"
        return out
    }

    /// The waybill's barcode, narrowed when the number is too long for 0.33 mm modules.
    static func barcode(_ waybill: String, moduleWidth: Double) -> String {
        guard let (_, modules) = try? Code128.bars(waybill) else {
            return "<div class=\"nocode\">运单号无法生成条码 · no barcode for this number</div>"
        }
        let width = min(moduleWidth, barcodeRoom / Double(modules))
        return (try? Code128.svg(waybill, moduleWidth: width, height: barHeight)) ?? ""
    }

    /// The largest font size (mm) at which `text` should fit `lines` lines of the label's text
    /// width (about 80 mm), judging width as a terminal would (a Chinese character one em, Latin
    /// half) and leaving a fifth for the ragged ends of lines.
    static func fit(_ text: String, sizes: [Double], lines: Int) -> String {
        let ems = Double(DisplayWidth.of(text)) / 2
        let size = sizes.first { ems * $0 <= 0.8 * 80 * Double(lines) } ?? sizes.last!
        return Printed.number(size)
    }

    static let style = """
    @page { size: 100mm 180mm; margin: 0 }
    * { box-sizing: border-box }
    html, body { margin: 0; padding: 0; background: #fff; color: #000 }
    body { font-family: \(Printed.fontStack); -webkit-print-color-adjust: exact; print-color-adjust: exact }
    .label { width: 100mm; height: 180mm; padding: 3mm 4mm; overflow: hidden; display: flex; flex-direction: column;
      page-break-after: always; break-after: page; page-break-inside: avoid; break-inside: avoid }
    .label:last-child { page-break-after: auto; break-after: auto }
    header { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 0.5mm solid #000; padding-bottom: 1.5mm }
    .courier { font-size: 7mm; font-weight: 700; line-height: 1.1 }
    .seq { font-size: 3.6mm; font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; border: 0.4mm solid #000; padding: 0.5mm 1.5mm; white-space: nowrap }
    .seq b { font-size: 5mm }
    .meta { display: flex; justify-content: space-between; gap: 2mm; font-size: 2.6mm; padding: 1mm 0; color: #222 }
    .reprint { border: 0.2mm solid #000; padding: 0 1mm; border-radius: 1mm }
    .code { text-align: center; padding: 1.5mm 0 1mm; border-bottom: 0.3mm solid #000 }
    .code svg { display: block; margin: 0 auto }
    .number { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 4.4mm; font-weight: 700; letter-spacing: 0.6mm; margin-top: 0.8mm }
    .nocode { font-size: 3mm; padding: 5mm 0 }
    .party { display: flex; gap: 2mm; padding: 2mm 0; border-bottom: 0.3mm solid #000 }
    .party .tag { flex: none; display: flex; align-items: center; justify-content: center; font-weight: 700; border: 0.4mm solid #000; border-radius: 50% }
    .party .body { flex: 1; min-width: 0; overflow-wrap: anywhere }
    .to { flex: none; min-height: 36mm }
    .to .tag { width: 9mm; height: 9mm; font-size: 5.5mm }
    .to .name { font-size: 6.5mm; font-weight: 700; margin-right: 3mm }
    .to .phone { font-size: 5.5mm; font-weight: 700; font-family: "DejaVu Sans", sans-serif }
    .to .company { font-size: 3.8mm; margin-top: 1mm }
    .to .address { font-weight: 700; line-height: 1.3; margin-top: 1mm }
    .to .postcode { font-size: 3.4mm; margin-top: 1mm }
    .from { flex: none }
    .from .tag { width: 6mm; height: 6mm; font-size: 3.6mm }
    .from .name { font-size: 3.4mm; font-weight: 700; margin-right: 2mm }
    .from .phone { font-size: 3.2mm }
    .from .address { line-height: 1.3; margin-top: 0.5mm }
    .items { flex: 1; min-height: 12mm; overflow: hidden; padding: 2mm 0; line-height: 1.35; overflow-wrap: anywhere; border-bottom: 0.3mm solid #000 }
    .item { display: inline-block; max-width: 100% }
    .item + .item { margin-left: 0.6mm }
    .key { display: inline-block; font-size: 2.6mm; border: 0.2mm solid #000; padding: 0 0.8mm; margin-right: 1.5mm; vertical-align: 0.3mm; font-weight: 400 }
    .notes { padding: 1.5mm 0; line-height: 1.4; overflow-wrap: anywhere; max-height: 24mm; overflow: hidden }
    .remark { font-size: 4.2mm }
    .remark b { font-weight: 900 }
    footer { display: flex; align-items: flex-end; gap: 1mm; font-size: 3mm; padding-top: 3mm; border-top: 0.3mm solid #000 }
    footer .line { flex: 1; border-bottom: 0.3mm solid #000; height: 5mm }
    footer .seqsmall { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 2.6mm; margin-left: 2mm }
    """
}
