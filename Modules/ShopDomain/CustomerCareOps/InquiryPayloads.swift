/// Pre-sale inquiries and their conversion (CS-9, CS-5), and the follow-up of unpaid orders.

public enum InquiryOutcome: String, Sendable, Codable, CaseIterable {
    /// 成交: the buyer ordered and paid.
    case won
    /// 未成交, with a reason from the shop's list.
    case lost
    case pending

    public func name(in language: Language) -> String {
        switch self {
        case .won: language.pick(zh: "成交", en: "won")
        case .lost: language.pick(zh: "未成交", en: "lost")
        case .pending: language.pick(zh: "待定", en: "pending")
        }
    }

    /// `成交`/`won`, `未成交`/`lost`, `待定`/`pending`.
    public init?(parsing text: String) {
        let key = text.trimmingWhitespace().lowercased()
        guard let outcome = InquiryOutcome(rawValue: key)
            ?? InquiryOutcome.allCases.first(where: { $0.name(in: .zh) == key }) else { return nil }
        self = outcome
    }
}

/// One pre-sale inquiry an agent (the op's actor) answered.
public struct InquiryLogged: OpPayload {
    public static let kind = "inquiry.logged"
    public static let version = 1
    public var inquiry: String
    public var buyer: String
    public var products: [String]
    public var outcome: InquiryOutcome
    /// For `lost`: one of the shop's reasons (`inquiry.reason-added`).
    public var reason: String?
    public var order: OrderID?
    public init(inquiry: String, buyer: String, products: [String], outcome: InquiryOutcome, reason: String?, order: OrderID?) {
        self.inquiry = inquiry
        self.buyer = buyer
        self.products = products
        self.outcome = outcome
        self.reason = reason
        self.order = order
    }
}

/// A reason an inquiry did not convert, added to the shop's list (the list starts with a few).
public struct InquiryReasonAdded: OpPayload {
    public static let kind = "inquiry.reason-added"
    public static let version = 1
    public var reason: String
    public init(reason: String) {
        self.reason = reason
    }
}

/// An unpaid order followed up by a pre-sale agent (CS-5).
public struct InquiryFollowedUp: OpPayload {
    public static let kind = "inquiry.followed-up"
    public static let version = 1
    public var order: OrderID
    public var note: String
    public init(order: OrderID, note: String) {
        self.order = order
        self.note = note
    }
}
