import ShopDomain

/// A Taobao order's status as the seller centre's exports write it (订单状态): ShopDomain's
/// `OrderStatus`, read from every text the platform has been seen to write. Only `paid` and
/// `partlyShipped` orders get waybills (LOG-2).
public typealias TaobaoOrderStatus = OrderStatus

extension OrderStatus {
    /// The status for a Taobao status text (full-width or half-width punctuation, spaces
    /// ignored); nil for a text the platform has not been seen to write.
    public init?(taobaoText text: String) {
        guard let status = Self.exactTexts[text] ?? Self.texts[Self.normalize(text)] else { return nil }
        self = status
    }

    /// The old status text of an order closed by a refund after payment.
    static let refundClosedText = normalize("付款以后用户退款成功，交易自动关闭")

    /// The texts as the platform writes them, looked up before normalizing (every row of an export).
    private static let exactTexts: [String: OrderStatus] = {
        var texts: [String: OrderStatus] = [:]
        for (status, names) in table {
            for name in names { texts[name] = status }
        }
        return texts
    }()

    private static let texts: [String: OrderStatus] = {
        var texts: [String: OrderStatus] = [:]
        for (status, names) in table {
            for name in names { texts[normalize(name)] = status }
        }
        return texts
    }()

    private static let table: [(OrderStatus, [String])] = [
        (.awaitingPayment, ["等待买家付款", "没有创建支付宝交易", "国际信用卡支付付款确认中", "等待付款确认"]),
        (.paid, ["买家已付款，等待卖家发货", "等待卖家发货", "等待卖家发货，即：买家已付款", "买家已付款"]),
        (.partlyShipped, ["部分发货", "卖家部分发货"]),
        (.shipped, ["卖家已发货，等待买家确认", "卖家已发货", "等待买家确认收货", "等待买家确认收货，即：卖家已发货",
                    "买家已签收", "买家已签收，货到付款专用"]),
        (.completed, ["交易成功"]),
        (.closed, ["交易关闭", "交易被淘宝关闭", "交易自动关闭", "付款以后用户退款成功，交易自动关闭",
                   "付款以前，卖家或买家主动关闭交易"]),
    ]

    /// Full-width punctuation to half-width, white space dropped.
    static func normalize(_ text: String) -> String {
        var out = ""
        for c in text where !c.isWhitespace {
            switch c {
            case "，": out.append(",")
            case "：": out.append(":")
            case "（": out.append("(")
            case "）": out.append(")")
            default: out.append(c)
            }
        }
        return out
    }
}
