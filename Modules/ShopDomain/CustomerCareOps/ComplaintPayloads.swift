/// The complaint register (CS-7): every complaint passes the same steps in order, each with who
/// and when; a confirmed service complaint against an agent is that agent's DISC-1 fine, a
/// warehouse-caused one a fine the manager decides (DISC-3).

/// The steps of CS-7, in order. Nothing is skipped.
public enum ComplaintStep: String, Sendable, Codable, CaseIterable, Comparable {
    case intake
    case determined
    case investigating
    case followingUp = "following-up"
    case confirmed
    /// The return visit, with the customer's evaluation.
    case visited
    case archived

    public static func < (lhs: ComplaintStep, rhs: ComplaintStep) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The step after this one, nil once archived.
    public var next: ComplaintStep? {
        let all = ComplaintStep.allCases
        let index = all.firstIndex(of: self)!
        return index + 1 < all.count ? all[index + 1] : nil
    }

    public func name(in language: Language) -> String {
        switch self {
        case .intake: language.pick(zh: "受理", en: "intake")
        case .determined: language.pick(zh: "定性", en: "determined")
        case .investigating: language.pick(zh: "调查", en: "investigating")
        case .followingUp: language.pick(zh: "跟进处理", en: "following up")
        case .confirmed: language.pick(zh: "结果确认", en: "result confirmed")
        case .visited: language.pick(zh: "回访", en: "return visit")
        case .archived: language.pick(zh: "归档", en: "archived")
        }
    }
}

/// What a complaint is about, decided at the `determined` step.
public enum ComplaintKind: String, Sendable, Codable, CaseIterable {
    case service, product, logistics, warehouse

    public func name(in language: Language) -> String {
        switch self {
        case .service: language.pick(zh: "服务", en: "service")
        case .product: language.pick(zh: "商品", en: "product")
        case .logistics: language.pick(zh: "物流", en: "logistics")
        case .warehouse: language.pick(zh: "仓库", en: "warehouse")
        }
    }
}

/// A complaint taken in (CS-7, step `intake`).
public struct ComplaintOpened: OpPayload {
    public static let kind = "complaint.opened"
    public static let version = 1
    public var complaint: String
    public var buyer: String
    public var order: OrderID?
    public var text: String
    public init(complaint: String, buyer: String, order: OrderID?, text: String) {
        self.complaint = complaint
        self.buyer = buyer
        self.order = order
        self.text = text
    }
}

/// A complaint moved one step on (CS-7). `from` is the step the person saw: if another device
/// moved it meanwhile, the merged op is a conflict, never a silent pick.
public struct ComplaintAdvanced: OpPayload, FineBearing {
    public static let kind = "complaint.advanced"
    public static let version = 1
    public var complaint: String
    public var from: ComplaintStep
    public var to: ComplaintStep
    public var note: String?
    /// At `determined`: what the complaint is about.
    public var kind: ComplaintKind?
    /// At `determined` or `confirmed`: the person the complaint is against.
    public var against: StaffID?
    /// At `confirmed`: whether the complaint was upheld against `against`.
    public var upheld: Bool?
    /// At `confirmed`, a warehouse-caused complaint: the fine the manager decides (DISC-3).
    public var fine: Money?
    /// At `visited`: the customer's evaluation on the return visit.
    public var evaluation: String?
    /// The complaint's kind as the register held it when the op was made (for the fine claim):
    /// filled in by the action, so the claim needs no read.
    public var kindAtConfirmation: ComplaintKind?

    public init(complaint: String, from: ComplaintStep, to: ComplaintStep, note: String? = nil, kind: ComplaintKind? = nil,
                against: StaffID? = nil, upheld: Bool? = nil, fine: Money? = nil, evaluation: String? = nil,
                kindAtConfirmation: ComplaintKind? = nil) {
        self.complaint = complaint
        self.from = from
        self.to = to
        self.note = note
        self.kind = kind
        self.against = against
        self.upheld = upheld
        self.fine = fine
        self.evaluation = evaluation
        self.kindAtConfirmation = kindAtConfirmation
    }

    /// DISC-1: a service complaint confirmed against an agent, escalating within the month;
    /// DISC-3: a warehouse-caused one, the amount the manager decided.
    public var fineClaims: [FineClaim] {
        guard to == .confirmed, upheld == true, let against else { return [] }
        switch kindAtConfirmation {
        case .service:
            return [FineClaim(staff: against, rule: "DISC-1", amount: .monthlyEscalation, ref: complaint,
                              reasonZh: "服务投诉 \(complaint) 经确认", reasonEn: "service complaint \(complaint) confirmed")]
        case .warehouse:
            guard let fine, fine > .zero else { return [] }
            return [FineClaim(staff: against, rule: "DISC-3", amount: .fixed(fine), ref: complaint,
                              reasonZh: "仓库原因投诉 \(complaint)", reasonEn: "warehouse-caused complaint \(complaint)")]
        default:
            return []
        }
    }
}
