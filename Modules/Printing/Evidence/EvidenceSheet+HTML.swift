extension EvidenceSheet {
    /// The evidence as an A4 page: title, the waybill's barcode, the trade, the pickup, the
    /// description and lines for signatures.
    public func html() -> String {
        let e = HTML.escape
        let blank = "<span class=\"blank\"></span>"
        func optional(_ text: String?) -> String { text.map(e) ?? blank }
        let barcode = (try? Code128.svg(waybill, moduleWidth: 0.33, height: 12)) ?? ""
        var out = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>快递\(kind.zh)索赔证明 \(e(claimID))</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <header>
        <div><h1>快递丢件/破损索赔证明</h1><div class="en">Courier claim evidence: lost or damaged parcel</div>
        <div class="kinds">\(Kind.allCases.map { "<span class=\"\($0 == kind ? "on" : "off")\">\($0 == kind ? "☑" : "☐") \($0.zh) <small>\($0.en)</small></span>" }.joined())</div></div>
        <div class="code">\(barcode)<div class="number">\(e(waybill))</div></div>
        </header>
        <table class="facts">
        <tr><th>索赔编号<small>Claim</small></th><td class="mono">\(e(claimID))</td><th>登记时间<small>Opened</small></th><td>\(e(openedAt))</td></tr>
        <tr><th>快递公司<small>Courier</small></th><td>\(e(courier))</td><th>运单号<small>Waybill</small></th><td class="mono">\(e(waybill))</td></tr>
        <tr><th>订单号<small>Order</small></th><td class="mono">\(e(orderNumber))</td><th>买家<small>Buyer</small></th><td>\(e(buyer))</td></tr>
        <tr><th>收件人<small>Consignee</small></th><td>\(e(consignee.name))</td><th>电话<small>Phone</small></th><td>\(e(consignee.phone))</td></tr>
        <tr><th>收件地址<small>Address</small></th><td colspan="3">\(e(consignee.address))\(consignee.postcode.map { "　邮编 " + e($0) } ?? "")</td></tr>
        </table>
        <h2>货品 <small>Items</small></h2>
        <table class="items">
        <thead><tr><th>货品<small>Item</small></th><th class="n">数量<small>Qty</small></th><th class="n">单价<small>Unit price</small></th><th class="n">金额<small>Amount</small></th></tr></thead>
        <tbody>

        """
        for item in items {
            out += "<tr><td>\(e(item.description))</td><td class=\"n\">\(item.quantity)</td>"
            out += "<td class=\"n\">\(item.unitPrice)</td><td class=\"n\">\(item.amount)</td></tr>\n"
        }
        out += """
        </tbody>
        <tfoot>
        <tr><td>货品合计 <small>Goods</small></td><td class="n">\(pieces)</td><td></td><td class="n">\(itemsAmount)</td></tr>
        <tr><td colspan="3">订单实付金额 <small>Order amount paid</small></td><td class="n total">\(orderAmount)</td></tr>
        <tr><td colspan="3">邮费 <small>Postage</small></td><td class="n">\(postage)</td></tr>
        </tfoot>
        </table>
        <h2>揽收与打包 <small>Pickup and packing</small></h2>
        <table class="facts">
        <tr><th>揽收日期<small>Picked up</small></th><td>\(optional(pickupDate))</td><th>揽收快递员<small>Courier who signed</small></th><td>\(optional(pickupCourier))</td></tr>
        <tr><th>揽收称重<small>Weight at pickup</small></th><td>\(pickupWeightGrams.map(Printed.kilograms) ?? blank)</td><th>揽收运费<small>Fee at pickup</small></th><td>\(pickupFee.map(\.description) ?? blank)</td></tr>
        <tr><th>打包人<small>Packed by</small></th><td colspan="3">\(optional(packer))</td></tr>
        </table>
        <h2>情况说明 <small>What happened</small></h2>
        <div class="description">\(e(description))</div>
        <div class="signatures">
        <div><span>寄件方（店铺）签章<small>Shipper</small></span><span class="line"></span><span>日期<small>Date</small></span><span class="line short"></span></div>
        <div><span>快递网点/快递员签字<small>Courier</small></span><span class="line"></span><span>日期<small>Date</small></span><span class="line short"></span></div>
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
    header { display: flex; justify-content: space-between; align-items: flex-start; gap: 6mm; border-bottom: 2px solid #000; padding-bottom: 3mm; margin-bottom: 4mm }
    h1 { font-size: 20pt; margin: 0 }
    .en { color: #444; font-size: 10pt; margin-top: 1mm }
    .kinds { display: flex; gap: 6mm; margin-top: 3mm; font-size: 12pt }
    .kinds .on { font-weight: 700 }
    .kinds .off { color: #666 }
    .code { text-align: center; flex: none }
    .code svg { display: block }
    .number { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 11pt; font-weight: 700; letter-spacing: 1px; margin-top: 1mm }
    h2 { font-size: 12.5pt; margin: 5mm 0 1.5mm }
    small { font-size: 0.72em; font-weight: 400; color: #444; margin-left: 0.4em }
    th small { display: block; margin: 0 }
    table { width: 100%; border-collapse: collapse }
    tr { break-inside: avoid; page-break-inside: avoid }
    th, td { border: 0.5px solid #888; padding: 1.1mm 2.5mm; text-align: left; vertical-align: baseline }
    th { background: #eee; font-size: 9.5pt; width: 20%; line-height: 1.2 }
    .items th { width: auto }
    .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap }
    .mono { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace }
    tfoot td { font-weight: 700 }
    .total { font-size: 12pt }
    .blank { display: inline-block; min-width: 30mm; border-bottom: 0.5px solid #000; height: 1em }
    .description { border: 0.5px solid #888; padding: 3mm; min-height: 22mm; line-height: 1.6; white-space: pre-wrap; overflow-wrap: anywhere }
    .signatures { margin-top: 10mm; display: flex; flex-direction: column; gap: 9mm; break-inside: avoid; page-break-inside: avoid }
    .signatures div { display: flex; align-items: flex-end; gap: 2mm }
    .signatures small { display: block; margin: 0 }
    .line { flex: 1; border-bottom: 1px solid #000; height: 8mm }
    .line.short { flex: none; width: 35mm }
    @media screen { body { max-width: 210mm; padding: 12mm; margin: 0 auto } }
    """
}
