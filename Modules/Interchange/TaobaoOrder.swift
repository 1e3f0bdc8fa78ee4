import Foundation
import ShopDomain

/// One order from the seller centre's order export (订单报表, `ExportOrderList….csv`).
/// Amounts in fen; times are instants (the export's wall times read in the shop's zone).
public struct TaobaoOrder: Sendable, Equatable, Codable {
    /// 订单编号: 16 to 19 digits, kept as text.
    public var number: String
    /// 买家会员名.
    public var buyer: String?
    /// 买家支付宝账号.
    public var alipayAccount: String?
    /// 买家应付货款.
    public var goodsTotal: Money?
    /// 买家应付邮费.
    public var postage: Money?
    /// 总金额.
    public var total: Money
    /// 买家实际支付金额 (zero when empty: nothing paid).
    public var paid: Money
    /// 退款金额 (newer exports only).
    public var refund: Money?
    /// 买家服务费.
    public var buyerServiceFee: Money?
    public var status: TaobaoOrderStatus
    /// 订单状态 as written in the file.
    public var statusText: String
    /// 订单关闭原因; nil when 订单未关闭.
    public var closeReason: String?
    /// 买家留言, line breaks kept.
    public var buyerMessage: String?
    /// 收货人姓名.
    public var consignee: String
    /// 收货地址 without the trailing `(postcode)`, runs of spaces collapsed.
    public var address: String
    /// The six-digit postcode from the end of 收货地址; nil when absent or `000000`.
    public var postcode: String?
    /// 联系手机, without the leading `'`.
    public var mobile: String?
    /// 联系电话, without the leading `'`.
    public var landline: String?
    /// 订单创建时间.
    public var createdAt: Date
    /// 订单付款时间.
    public var paidAt: Date?
    /// 确认收货时间 (newer exports only).
    public var confirmedAt: Date?
    /// 支付交易号 (newer exports only); nil when Excel turned it into `2.016E+27` (informational only).
    public var paymentNumber: String?
    /// 物流单号 already on the platform.
    public var waybill: String?
    /// 物流公司.
    public var courier: String?
    /// 订单备注 (the seller's remark).
    public var sellerRemark: String?
    /// 宝贝标题 (every item's title, as one text).
    public var titles: String?
    /// 宝贝总数量.
    public var itemCount: Int?
    /// 店铺名称.
    public var shopName: String?
    /// The line of the file the order's row starts on.
    public var line: Int

    /// Closed because of a refund: the close reason mentions 退款, or the old refund status.
    public var isRefund: Bool {
        if closeReason?.contains("退款") == true { return true }
        // The old refund status text is a closed status: other statuses need no normalizing.
        return status == .closed && TaobaoOrderStatus.normalize(statusText) == TaobaoOrderStatus.refundClosedText
    }

    public init(number: String, buyer: String? = nil, alipayAccount: String? = nil, goodsTotal: Money? = nil,
                postage: Money? = nil, total: Money, paid: Money, refund: Money? = nil, buyerServiceFee: Money? = nil,
                status: TaobaoOrderStatus, statusText: String, closeReason: String? = nil, buyerMessage: String? = nil,
                consignee: String, address: String, postcode: String? = nil, mobile: String? = nil,
                landline: String? = nil, createdAt: Date, paidAt: Date? = nil, confirmedAt: Date? = nil,
                paymentNumber: String? = nil, waybill: String? = nil, courier: String? = nil,
                sellerRemark: String? = nil, titles: String? = nil, itemCount: Int? = nil, shopName: String? = nil,
                line: Int) {
        self.number = number
        self.buyer = buyer
        self.alipayAccount = alipayAccount
        self.goodsTotal = goodsTotal
        self.postage = postage
        self.total = total
        self.paid = paid
        self.refund = refund
        self.buyerServiceFee = buyerServiceFee
        self.status = status
        self.statusText = statusText
        self.closeReason = closeReason
        self.buyerMessage = buyerMessage
        self.consignee = consignee
        self.address = address
        self.postcode = postcode
        self.mobile = mobile
        self.landline = landline
        self.createdAt = createdAt
        self.paidAt = paidAt
        self.confirmedAt = confirmedAt
        self.paymentNumber = paymentNumber
        self.waybill = waybill
        self.courier = courier
        self.sellerRemark = sellerRemark
        self.titles = titles
        self.itemCount = itemCount
        self.shopName = shopName
        self.line = line
    }
}
