/// Returns and exchanges (CS-6, CS-12): the 退/换货单.

public enum ReturnKind: String, Sendable, Codable, CaseIterable {
    case refund, exchange

    public func name(in language: Language) -> String {
        switch self {
        case .refund: language.pick(zh: "退货", en: "refund")
        case .exchange: language.pick(zh: "换货", en: "exchange")
        }
    }
}

public struct ReturnLine: Sendable, Codable, Equatable {
    public var sku: SKU
    public var quantity: Int
    public init(sku: SKU, quantity: Int) {
        self.sku = sku
        self.quantity = quantity
    }
}

/// A return or exchange opened on an order.
public struct ReturnOpened: OpPayload {
    public static let kind = "return.opened"
    public static let version = 1
    public var returnID: String
    public var order: OrderID
    public var kind: ReturnKind
    public var lines: [ReturnLine]
    public var reason: String
    /// The buyer's return waybill number.
    public var waybill: String?
    public init(returnID: String, order: OrderID, kind: ReturnKind, lines: [ReturnLine], reason: String, waybill: String?) {
        self.returnID = returnID
        self.order = order
        self.kind = kind
        self.lines = lines
        self.reason = reason
        self.waybill = waybill
    }
}

/// The goods came back and passed inspection (WH-1): the stock itself is booked by the
/// warehouse's own receipt ops the action makes (one write path, no second ledger); this op
/// records what the return received and where it went.
public struct ReturnReceived: OpPayload {
    public static let kind = "return.received"
    public static let version = 1
    public var returnID: String
    /// Units fit to sell again; the rest of the lines went to defective stock.
    public var sellable: [ReturnLine]
    public var defective: [ReturnLine]
    /// The warehouse receipt that booked them.
    public var receipt: String?
    public init(returnID: String, sellable: [ReturnLine], defective: [ReturnLine], receipt: String?) {
        self.returnID = returnID
        self.sellable = sellable
        self.defective = defective
        self.receipt = receipt
    }
}

/// A return closed: refunded, or for an exchange, the replacement order that ships like any order.
public struct ReturnClosed: OpPayload {
    public static let kind = "return.closed"
    public static let version = 1
    public var returnID: String
    public var refund: Money
    public var replacementOrder: OrderID?
    public var note: String?
    public init(returnID: String, refund: Money, replacementOrder: OrderID?, note: String?) {
        self.returnID = returnID
        self.refund = refund
        self.replacementOrder = replacementOrder
        self.note = note
    }
}
