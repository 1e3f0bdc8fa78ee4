/// Orders imported from the seller centre, and what customer service does with them (CS-8).
/// An order's status only moves forward; a re-import that says less is ignored.

/// Where an order stands on the platform.
public enum OrderStatus: String, Sendable, Codable, CaseIterable {
    case awaitingPayment = "awaiting-payment"
    case paid
    case partlyShipped = "partly-shipped"
    case shipped
    case completed
    case closed

    /// Forward order: a re-import never moves an order back.
    public var rank: Int {
        switch self {
        case .awaitingPayment: 0
        case .paid: 1
        case .partlyShipped: 2
        case .shipped: 3
        case .completed, .closed: 4
        }
    }

    /// Whether the order's goods are still owed to the buyer (paid, not yet sent): its stock is reserved
    /// and it may get a waybill (LOG-2).
    public var awaitsShipment: Bool { self == .paid || self == .partlyShipped }

    public func name(in language: Language) -> String {
        switch self {
        case .awaitingPayment: language.pick(zh: "等待买家付款", en: "awaiting payment")
        case .paid: language.pick(zh: "买家已付款，等待卖家发货", en: "paid, awaiting shipment")
        case .partlyShipped: language.pick(zh: "部分发货", en: "partly shipped")
        case .shipped: language.pick(zh: "卖家已发货，等待买家确认", en: "shipped")
        case .completed: language.pick(zh: "交易成功", en: "completed")
        case .closed: language.pick(zh: "交易关闭", en: "closed")
        }
    }
}

/// One item of an order as the detail export lists it, matched to a SKU when possible.
public struct OrderLine: Sendable, Codable, Equatable {
    public var title: String
    /// 商品属性 as exported: `颜色分类：白色;尺码：XL`.
    public var attributes: String
    public var colour: String?
    public var size: String?
    public var quantity: Int
    /// Unit price.
    public var price: Money
    /// 商家编码, the seller's own code.
    public var merchantCode: String?
    public var sku: SKU?

    public init(title: String, attributes: String, colour: String?, size: String?, quantity: Int, price: Money,
                merchantCode: String?, sku: SKU?) {
        self.title = title
        self.attributes = attributes
        self.colour = colour
        self.size = size
        self.quantity = quantity
        self.price = price
        self.merchantCode = merchantCode
        self.sku = sku
    }

    /// What a mapping the user gives is remembered by: the title and the attributes.
    public var matchKey: String { OrderLine.matchKey(title: title, attributes: attributes) }

    public static func matchKey(title: String, attributes: String) -> String {
        title.trimmingWhitespace() + "|" + attributes.trimmingWhitespace()
    }
}

/// An order as the export shows it when first imported.
public struct OrderSnapshot: Sendable, Codable, Equatable {
    public var order: OrderID
    public var buyer: String?
    public var status: OrderStatus
    public var closeReason: String?
    public var refunded: Bool
    public var goodsTotal: Money
    public var postage: Money
    public var total: Money
    public var paid: Money
    public var buyerMessage: String?
    public var consignee: String
    public var phone: String?
    public var address: String
    public var postcode: String?
    /// Milliseconds since 1970, UTC.
    public var createdAt: Int64
    public var paidAt: Int64?
    public var sellerRemark: String?
    public var lines: [OrderLine]

    public init(order: OrderID, buyer: String?, status: OrderStatus, closeReason: String?, refunded: Bool, goodsTotal: Money,
                postage: Money, total: Money, paid: Money, buyerMessage: String?, consignee: String, phone: String?, address: String,
                postcode: String?, createdAt: Int64, paidAt: Int64?, sellerRemark: String?, lines: [OrderLine]) {
        self.order = order
        self.buyer = buyer
        self.status = status
        self.closeReason = closeReason
        self.refunded = refunded
        self.goodsTotal = goodsTotal
        self.postage = postage
        self.total = total
        self.paid = paid
        self.buyerMessage = buyerMessage
        self.consignee = consignee
        self.phone = phone
        self.address = address
        self.postcode = postcode
        self.createdAt = createdAt
        self.paidAt = paidAt
        self.sellerRemark = sellerRemark
        self.lines = lines
    }
}

/// A new order from the seller centre's export. A paid one reserves its matched items.
public struct OrderImported: OpPayload {
    public static let kind = "order.imported"
    public static let version = 1
    public var order: OrderSnapshot
    public init(order: OrderSnapshot) { self.order = order }
}

// MARK: - Canonical JSON written directly (an export makes these by the hundred thousand)

extension OrderImported: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSONWriter) {
        json.object { json in json.member("order") { order.write(to: &$0) } }
    }
}

extension OrderSnapshot: CanonicalJSONWritable {
    /// Members in byte order of their keys.
    public func write(to json: inout CanonicalJSONWriter) {
        json.object { json in
            json.member("address", address)
            json.member("buyer", buyer)
            json.member("buyerMessage", buyerMessage)
            json.member("closeReason", closeReason)
            json.member("consignee", consignee)
            json.member("createdAt", createdAt)
            json.member("goodsTotal", goodsTotal.fen)
            json.member("lines", array: lines) { json, line in line.write(to: &json) }
            json.member("order", order.rawValue)
            json.member("paid", paid.fen)
            json.member("paidAt", paidAt)
            json.member("phone", phone)
            json.member("postage", postage.fen)
            json.member("postcode", postcode)
            json.member("refunded", refunded)
            json.member("sellerRemark", sellerRemark)
            json.member("status", status.rawValue)
            json.member("total", total.fen)
        }
    }
}

extension OrderLine: CanonicalJSONWritable {
    /// Members in byte order of their keys.
    public func write(to json: inout CanonicalJSONWriter) {
        json.object { json in
            json.member("attributes", attributes)
            json.member("colour", colour)
            json.member("merchantCode", merchantCode)
            json.member("price", price.fen)
            json.member("quantity", quantity)
            json.member("size", size)
            json.member("sku", sku?.rawValue)
            json.member("title", title)
        }
    }
}

/// A re-import moved an order forward: paid, shipped, closed, refunded.
public struct OrderStatusChanged: OpPayload {
    public static let kind = "order.status-changed"
    public static let version = 1
    public var order: OrderID
    public var from: OrderStatus
    public var to: OrderStatus
    public var closeReason: String?
    public var refunded: Bool
    public var paidAt: Int64?
    public init(order: OrderID, from: OrderStatus, to: OrderStatus, closeReason: String?, refunded: Bool, paidAt: Int64?) {
        self.order = order
        self.from = from
        self.to = to
        self.closeReason = closeReason
        self.refunded = refunded
        self.paidAt = paidAt
    }
}

/// The user says which SKU an unmatched title + attributes means; remembered for later imports,
/// and applied to every unmatched line with that key.
public struct SKUMappingSet: OpPayload {
    public static let kind = "order.sku-mapped"
    public static let version = 1
    public var key: String
    public var sku: SKU
    public init(key: String, sku: SKU) {
        self.key = key
        self.sku = sku
    }
}

/// An order note (CS-5, CS-8).
public struct OrderNoted: OpPayload {
    public static let kind = "order.noted"
    public static let version = 1
    public var order: OrderID
    public var text: String
    public init(order: OrderID, text: String) {
        self.order = order
        self.text = text
    }
}

/// The order-making agent marks the order 已读取: taken for processing (CS-8).
public struct OrderTaken: OpPayload {
    public static let kind = "order.taken"
    public static let version = 1
    public var order: OrderID
    public init(order: OrderID) { self.order = order }
}

/// The customer adds an item (CS-8). On a taken order the customer pays `extraPostage`;
/// on an untaken one the item is added and the order-making agent is told.
public struct OrderItemAdded: OpPayload {
    public static let kind = "order.item-added"
    public static let version = 1
    public var order: OrderID
    public var sku: SKU
    public var title: String
    public var quantity: Int
    public var price: Money
    public var extraPostage: Money?
    public init(order: OrderID, sku: SKU, title: String, quantity: Int, price: Money, extraPostage: Money?) {
        self.order = order
        self.sku = sku
        self.title = title
        self.quantity = quantity
        self.price = price
        self.extraPostage = extraPostage
    }
}
