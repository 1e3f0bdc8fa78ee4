import ShopDomain

/// A Taobao order's status as the seller centre's exports write it (订单状态), in six states.
/// Only `paid` and `partlyShipped` orders get waybills (LOG-2).
public enum TaobaoOrderStatus: String, Codable, Sendable, CaseIterable {
    /// 等待买家付款.
    case awaitingPayment = "awaiting-payment"
    /// 买家已付款，等待卖家发货.
    case paid
    /// 卖家部分发货.
    case partlyShipped = "partly-shipped"
    /// 卖家已发货，等待买家确认.
    case shipped
    /// 交易成功.
    case completed
    /// 交易关闭, 交易被淘宝关闭, 付款以后用户退款成功，交易自动关闭 ….
    case closed

    public func displayName(in language: Language) -> String {
        switch self {
        case .awaitingPayment: language.pick(zh: "等待买家付款", en: "awaiting payment")
        case .paid: language.pick(zh: "已付款，待发货", en: "paid, to ship")
        case .partlyShipped: language.pick(zh: "部分发货", en: "partly shipped")
        case .shipped: language.pick(zh: "已发货", en: "shipped")
        case .completed: language.pick(zh: "交易成功", en: "completed")
        case .closed: language.pick(zh: "交易关闭", en: "closed")
        }
    }

    /// The status for a Taobao status text (full-width or half-width punctuation, spaces
    /// ignored); nil for a text the platform has not been seen to write.
    public init?(taobaoText text: String) {
        guard let status = Self.texts[Self.normalize(text)] else { return nil }
        self = status
    }

    /// The old status text of an order closed by a refund after payment.
    static let refundClosedText = normalize("付款以后用户退款成功，交易自动关闭")

    private static let texts: [String: TaobaoOrderStatus] = {
        let table: [(TaobaoOrderStatus, [String])] = [
            (.awaitingPayment, ["等待买家付款", "没有创建支付宝交易", "国际信用卡支付付款确认中", "等待付款确认"]),
            (.paid, ["买家已付款，等待卖家发货", "等待卖家发货", "等待卖家发货，即：买家已付款", "买家已付款"]),
            (.partlyShipped, ["部分发货", "卖家部分发货"]),
            (.shipped, ["卖家已发货，等待买家确认", "卖家已发货", "等待买家确认收货", "等待买家确认收货，即：卖家已发货",
                        "买家已签收", "买家已签收，货到付款专用"]),
            (.completed, ["交易成功"]),
            (.closed, ["交易关闭", "交易被淘宝关闭", "交易自动关闭", "付款以后用户退款成功，交易自动关闭",
                       "付款以前，卖家或买家主动关闭交易"]),
        ]
        var texts: [String: TaobaoOrderStatus] = [:]
        for (status, names) in table {
            for name in names { texts[normalize(name)] = status }
        }
        return texts
    }()

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
