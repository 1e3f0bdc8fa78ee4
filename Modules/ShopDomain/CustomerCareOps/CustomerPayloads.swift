/// What customer service adds to a buyer (CS-5, CS-6). The buyer's orders, names, phones and
/// addresses come from the imported orders; these ops add only what people know besides.
/// A buyer is named by the Taobao nick (`买家会员名`).

/// How a buyer can be reached besides the order's phone.
public enum ContactMethod: String, Sendable, Codable, CaseIterable {
    case phone, wangwang, email

    public func name(in language: Language) -> String {
        switch self {
        case .phone: language.pick(zh: "电话", en: "phone")
        case .wangwang: language.pick(zh: "旺旺", en: "WangWang")
        case .email: language.pick(zh: "邮箱", en: "e-mail")
        }
    }
}

/// A contact method recorded for a buyer.
public struct CustomerContactAdded: OpPayload {
    public static let kind = "customer.contact-added"
    public static let version = 1
    public var buyer: String
    public var method: ContactMethod
    public var value: String
    public init(buyer: String, method: ContactMethod, value: String) {
        self.buyer = buyer
        self.method = method
        self.value = value
    }
}

/// A free-text note about a buyer.
public struct CustomerNoted: OpPayload {
    public static let kind = "customer.noted"
    public static let version = 1
    public var buyer: String
    public var text: String
    public init(buyer: String, text: String) {
        self.buyer = buyer
        self.text = text
    }
}

/// A classification tag put on (or taken off) a buyer.
public struct CustomerTagged: OpPayload {
    public static let kind = "customer.tagged"
    public static let version = 1
    public var buyer: String
    public var tag: String
    public var removed: Bool
    public init(buyer: String, tag: String, removed: Bool = false) {
        self.buyer = buyer
        self.tag = tag
        self.removed = removed
    }
}

/// A buyer put in a VIP group (CS-5), with the group's offer text; `group` nil takes the buyer out.
public struct CustomerVIPSet: OpPayload {
    public static let kind = "customer.vip-set"
    public static let version = 1
    public var buyer: String
    public var group: String?
    /// The group's offer (`老客户九折，包邮`); given once for a group, kept until changed.
    public var offer: String?
    public init(buyer: String, group: String?, offer: String? = nil) {
        self.buyer = buyer
        self.group = group
        self.offer = offer
    }
}

/// A buyer blacklisted with the reason (CS-4: a malicious buyer), or taken off the list. A
/// blacklisted buyer's orders still ship; they are flagged wherever they show.
public struct CustomerBlacklisted: OpPayload {
    public static let kind = "customer.blacklisted"
    public static let version = 1
    public var buyer: String
    public var reason: String
    public var lifted: Bool
    public init(buyer: String, reason: String, lifted: Bool = false) {
        self.buyer = buyer
        self.reason = reason
        self.lifted = lifted
    }
}
