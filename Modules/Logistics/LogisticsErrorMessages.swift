import ShopDomain

extension LogisticsError: ShopError {
    public func message(in language: Language) -> String {
        let l = language
        switch self {
        case .orderExists(let o): return l.pick(zh: "订单 \(o) 已导入", en: "order \(o) is already imported")
        case .unknownOrder(let o): return l.pick(zh: "没有订单 \(o)：先 zhanggui order import", en: "no order \(o): run zhanggui order import first")
        case .noConsignee(let o): return l.pick(zh: "订单 \(o) 没有收货人或地址", en: "order \(o) has no consignee or address")
        case .badQuantity(let n): return l.pick(zh: "数量 \(n) 不对：应为正整数", en: "quantity \(n) is not a positive whole number")
        case .statusNotForward(let o, let from, let to):
            return l.pick(zh: "订单 \(o) 已是“\(from.name(in: l))”，不能改回“\(to.name(in: l))”",
                          en: "order \(o) is already \(from.name(in: l)); it cannot go back to \(to.name(in: l))")
        case .unknownSKU(let s): return l.pick(zh: "没有商家编码 \(s) 的商品", en: "no product with SKU \(s)")
        case .emptyNote: return l.pick(zh: "备注不能为空", en: "the note is empty")
        case .alreadyTaken(let o, let by):
            return l.pick(zh: "订单 \(o) 已由 \(by) 读取（已读取）", en: "order \(o) was already taken by \(by)")
        case .orderNotOpen(let o, let s):
            return l.pick(zh: "订单 \(o) 状态为“\(s.name(in: l))”：不能再处理；如已打单请作废快递单",
                          en: "order \(o) is \(s.name(in: l)): it cannot be handled; void its waybill if one was printed")
        case .extraPostageRequired(let o):
            return l.pick(zh: "订单 \(o) 已读取，加货须由顾客补邮费（CS-8）：加 --extra-postage 金额",
                          en: "order \(o) is already taken: adding an item needs the extra postage the customer pays (CS-8): add --extra-postage AMOUNT")
        case .alreadyPacked(let w): return l.pick(zh: "快递单 \(w) 已打包", en: "waybill \(w) is already packed")
        case .badRange: return l.pick(zh: "单号段不对：数量 1–100000，位数不超过 18", en: "bad number range: count 1–100000, at most 18 digits")
        case .rangeOverlaps(let a, let b, let d):
            return l.pick(zh: "单号段与设备 \(d) 持有的 \(a)–\(b) 重叠：两台设备不能持有同一单号",
                          en: "the range overlaps \(a)–\(b) held by device \(d): two devices never hold the same number")
        case .notPaid(let o, let s):
            return l.pick(zh: "订单 \(o) 为“\(s.name(in: l))”：只给已付款未发货的订单打单（LOG-2）",
                          en: "order \(o) is \(s.name(in: l)): waybills are printed only for paid orders awaiting shipment (LOG-2)")
        case .orderHasWaybill(let o, let live, let new):
            return l.pick(zh: "订单 \(o) 已有快递单 \(live)，不能再打 \(new)（LOG-2，每单罚款）：补打用 waybill reprint，换单先 waybill void",
                          en: "order \(o) already has waybill \(live); \(new) would print it twice (LOG-2, fined): use waybill reprint, or waybill void first")
        case .numberUsed(let w): return l.pick(zh: "单号 \(w) 已用过：一个单号只能用一次", en: "waybill number \(w) was used already: a number is used once")
        case .notInStock(let w, let c):
            return l.pick(zh: "单号 \(w) 不在本设备的 \(c) 单号段内：先 waybill stock add", en: "\(w) is not in this device's \(c) number stock: run waybill stock add")
        case .noStock(let c):
            return l.pick(zh: "本设备的 \(c) 单号用完了：zhanggui waybill stock add --courier \(c) --from 单号 --count 数量",
                          en: "this device has no \(c) numbers left: zhanggui waybill stock add --courier \(c) --from NUMBER --count N")
        case .reasonRequired: return l.pick(zh: "请写明原因（--reason）", en: "give a reason (--reason)")
        case .handedOver(let w):
            return l.pick(zh: "快递单 \(w) 已交给快递员，不能作废：丢件或破损用 claim open，退回用 parcel undeliverable",
                          en: "waybill \(w) is with the courier and cannot be voided: use claim open for lost or damaged, parcel undeliverable for returns")
        case .unknownBatch(let b): return l.pick(zh: "没有打印批次 \(b)", en: "no print batch \(b)")
        case .seqOutOfBatch(let b, let n, let max): return l.pick(zh: "批次 \(b) 只有 1–\(max) 号，没有 \(n)", en: "batch \(b) has labels 1–\(max), not \(n)")
        case .unknownWaybill(let w): return l.pick(zh: "没有快递单 \(w)", en: "no waybill \(w)")
        case .waybillVoided(let w): return l.pick(zh: "快递单 \(w) 已作废", en: "waybill \(w) is void")
        case .staleSignature(let w):
            return l.pick(zh: "快递单 \(w) 的订单内容在打包时已被改动：签名失效，请按新内容重新打包",
                          en: "the order of waybill \(w) changed while it was packed: the signature is stale; pack it again from the new lines")
        case .packMismatch(let w): return l.pick(zh: "快递单 \(w) 的包裹内容与订单不符（WH-8）", en: "the parcel for \(w) does not hold exactly the order's items (WH-8)")
        case .unmatchedLine(let o, let t):
            return l.pick(zh: "订单 \(o) 的“\(t)”还没对应商家编码：zhanggui order map 先对应", en: "“\(t)” on order \(o) has no SKU yet: run zhanggui order map first")
        case .nothingToPickUp(let c): return l.pick(zh: "没有待 \(c) 揽收的已打包包裹", en: "no packed parcels waiting for \(c)")
        case .notPacked(let w): return l.pick(zh: "快递单 \(w) 还没打包", en: "waybill \(w) is not packed yet")
        case .otherCourier(let w, let c): return l.pick(zh: "快递单 \(w) 不是 \(c) 的", en: "waybill \(w) is not a \(c) waybill")
        case .inOtherPickup(let w, let k): return l.pick(zh: "快递单 \(w) 已在揽收单 \(k) 中", en: "waybill \(w) is already on pickup \(k)")
        case .unknownPickup(let k): return l.pick(zh: "没有揽收单 \(k)", en: "no pickup \(k)")
        case .pickupConfirmed(let k): return l.pick(zh: "揽收单 \(k) 已确认", en: "pickup \(k) is already confirmed")
        case .stubCount(let k, let stubs, let parcels, let missing):
            let names = missing.isEmpty ? "" : l.pick(zh: "；没有底单的：", en: "; without a stub: ") + missing.joined(separator: "、")
            return l.pick(zh: "揽收单 \(k)：底单 \(stubs) 张，包裹 \(parcels) 个，数量不符（LOG-6）\(names)；请清点，或用 --scan 逐张扫描底单找出缺的",
                          en: "pickup \(k): \(stubs) stubs for \(parcels) parcels (LOG-6)\(names); count again, or scan each stub with --scan to find which is missing")
        case .courierNameRequired: return l.pick(zh: "请写上揽收快递员的姓名（--courier-name）", en: "give the name of the courier who signed (--courier-name)")
        case .notInPickup(let w, let k): return l.pick(zh: "快递单 \(w) 不在揽收单 \(k) 中", en: "waybill \(w) is not on pickup \(k)")
        case .badWeight: return l.pick(zh: "重量应在 0–100 公斤之间，运费不能为负", en: "weight must be 0–100 kg and the fee not negative")
        case .notHandedOver(let w): return l.pick(zh: "快递单 \(w) 还没交给快递员", en: "waybill \(w) has not been handed to the courier")
        case .badAmount: return l.pick(zh: "金额不能为负", en: "amounts cannot be negative")
        case .claimExists(let w, let c): return l.pick(zh: "快递单 \(w) 已有索赔 \(c)", en: "waybill \(w) already has claim \(c)")
        case .notThePacker(let w, let p): return l.pick(zh: "快递单 \(w) 是 \(p) 签名打包的", en: "waybill \(w) was signed by packer \(p)")
        case .badMonth(let m): return l.pick(zh: "月份“\(m)”应写成 2026-11", en: "month “\(m)” must look like 2026-11")
        case .emptyStatement(let f): return l.pick(zh: "对账单 \(f) 没有数据行", en: "statement \(f) has no lines")
        case .courierNotConfigured(let c):
            return l.pick(zh: "本店没有与 \(c) 约定过价格：对账单无从核对。先登记协议价（zhanggui courier rate --courier \(c) --first-kg 元 --extra-kg 元），或检查 --courier",
                          en: "the shop has no agreed prices with \(c): the statement cannot be checked. Set them first (zhanggui courier rate --courier \(c) --first-kg YUAN --extra-kg YUAN), or check --courier")
        case .senderIncomplete:
            return l.pick(zh: "寄件人的姓名、电话、地址都要填（LOG-1）", en: "the sender needs a name, a phone and an address (LOG-1)")
        case .notOnOrder(let code, let w):
            return l.pick(zh: "“\(code)”不在快递单 \(w) 的订单上：放回去（WH-8）", en: "“\(code)” is not on the order of waybill \(w): put it back (WH-8)")
        case .overQuantity(let sku, let w, let n):
            return l.pick(zh: "\(sku) 在快递单 \(w) 上只有 \(n) 件：多了一件，放回去（WH-8）", en: "waybill \(w) lists only \(n) × \(sku): one too many, put it back (WH-8)")
        case .packIncomplete(let w, let missing):
            return l.pick(zh: "快递单 \(w) 还差：\(missing.joined(separator: "；"))", en: "waybill \(w) still needs: \(missing.joined(separator: "; "))")
        case .unknownClaim(let c): return l.pick(zh: "没有索赔 \(c)", en: "no claim \(c)")
        case .noPaidOrders:
            return l.pick(zh: "没有待打单的已付款订单", en: "no paid orders waiting for a waybill")
        case .noStatement(let c, let m):
            return l.pick(zh: "还没有导入 \(c) \(m) 的对账单：zhanggui courier statement import", en: "no \(c) statement for \(m): run zhanggui courier statement import")
        }
    }
}
