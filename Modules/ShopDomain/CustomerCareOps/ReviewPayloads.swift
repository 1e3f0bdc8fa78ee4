/// Mid and bad reviews (CS-2, CS-4): registered by an agent, handled by the GM or an agent.

public enum ReviewRating: String, Sendable, Codable, CaseIterable {
    case mid, bad

    public func name(in language: Language) -> String {
        switch self {
        case .mid: language.pick(zh: "中评", en: "mid")
        case .bad: language.pick(zh: "差评", en: "bad")
        }
    }
}

/// A mid or bad review on an order (CS-2): it goes to the GM at once.
public struct ReviewAdded: OpPayload {
    public static let kind = "review.added"
    public static let version = 1
    public var review: String
    public var order: OrderID
    public var rating: ReviewRating
    public var text: String
    public init(review: String, order: OrderID, rating: ReviewRating, text: String) {
        self.review = review
        self.order = order
        self.rating = rating
        self.text = text
    }
}

/// How a review ended.
public enum ReviewOutcome: String, Sendable, Codable, CaseIterable {
    /// The buyer changed it.
    case revised
    /// It stays as written.
    case kept
    /// Reported to the platform as malicious (CS-4): the buyer is blacklisted in the same op.
    case reported

    public func name(in language: Language) -> String {
        switch self {
        case .revised: language.pick(zh: "已改评", en: "revised")
        case .kept: language.pick(zh: "未改评", en: "kept")
        case .reported: language.pick(zh: "已投诉到平台", en: "reported to the platform")
        }
    }
}

/// A review handled (CS-4): contact made, the outcome and any refund. A refund above the policy
/// `CS-4.refund-limit` needs the GM. Handled once: a second handling (another device's) is a
/// conflict for a person to settle.
public struct ReviewHandled: OpPayload {
    public static let kind = "review.handled"
    public static let version = 1
    public var review: String
    public var contacted: Bool
    public var outcome: ReviewOutcome
    public var compensation: Money
    public var note: String?
    public init(review: String, contacted: Bool, outcome: ReviewOutcome, compensation: Money, note: String?) {
        self.review = review
        self.contacted = contacted
        self.outcome = outcome
        self.compensation = compensation
        self.note = note
    }
}
