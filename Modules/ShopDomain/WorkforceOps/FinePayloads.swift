/// The ops of fines and the department fund (DISC-1..4, ORG-3).

/// A supervisor's fine (DISC-2: the 10-yuan fines; or another rule's fixed amount). Booked in the
/// one fines ledger like every `FineBearing` op.
public struct FineBooked: FineBearing {
    public static let kind = "fine.booked"
    public static let version = 1
    public var staff: StaffID
    /// `DISC-2`, `DISC-1` (a service complaint: the month's escalation) or `DISC-3` (a fixed amount).
    public var rule: String
    /// What the person did: `工作时间玩手机`.
    public var what: String
    /// The amount, for a rule without a policy amount (DISC-3); nil: the rule's policy.
    public var amount: Money?
    public init(staff: StaffID, rule: String, what: String, amount: Money? = nil) {
        self.staff = staff
        self.rule = rule
        self.what = what
        self.amount = amount
    }

    /// The policy item a rule's fine amount comes from.
    public static let policyKeys = ["DISC-2": "DISC-2.fine"]

    public var fineClaims: [FineClaim] {
        let amount: FineClaim.Amount = if rule == "DISC-1" {
            .monthlyEscalation
        } else if let amount = self.amount {
            .fixed(amount)
        } else {
            .policy(Self.policyKeys[rule] ?? "\(rule).fine")
        }
        return [FineClaim(staff: staff, rule: rule, amount: amount, ref: what, reasonZh: what, reasonEn: what)]
    }
}

/// The person fined contests it (ORG-3): the GM decides.
public struct FineContested: OpPayload {
    public static let kind = "fine.contested"
    public static let version = 1
    public var fine: String
    public var reason: String
    public init(fine: String, reason: String) {
        self.fine = fine
        self.reason = reason
    }
}

/// The GM waives a fine, with a reason (ORG-3). The fine stays in the ledger; it is no longer owed.
public struct FineWaived: OpPayload {
    public static let kind = "fine.waived"
    public static let version = 1
    public var fine: String
    public var reason: String
    public init(fine: String, reason: String) {
        self.fine = fine
        self.reason = reason
    }
}

/// Money actually paid into the fund's box (DISC-4), by the person whose fines it settles.
public struct FundPaid: OpPayload {
    public static let kind = "fund.paid"
    public static let version = 1
    public var staff: StaffID
    public var amount: Money
    public var note: String
    public init(staff: StaffID, amount: Money, note: String = "") {
        self.staff = staff
        self.amount = amount
        self.note = note
    }
}

/// A spending from the fund for a team activity, approved by the GM (DISC-4): what, how much and
/// the SHA-256 of the receipt's photo.
public struct FundSpent: OpPayload {
    public static let kind = "fund.spent"
    public static let version = 1
    public var what: String
    public var amount: Money
    /// SHA-256 of the receipt photo, lowercase hex.
    public var receipt: String
    public init(what: String, amount: Money, receipt: String) {
        self.what = what
        self.amount = amount
        self.receipt = receipt
    }
}
