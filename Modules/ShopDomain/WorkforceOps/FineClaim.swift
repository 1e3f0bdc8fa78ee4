/// A fine that an op of another feature books against a person (DISC-3: the fines other rules
/// name — CS-3, CAMP-2, DISC-1 service complaints, a warehouse-caused complaint). The feature
/// that owns the op makes its payload `FineBearing`; Workforce follows every kind listed in
/// `FineBearingKinds.all` and books the claims in the one fines ledger, so no feature writes
/// fines of its own. Fines are deltas: they merge by addition.
public struct FineClaim: Sendable, Equatable, Codable {
    /// How the amount is found.
    public enum Amount: Sendable, Equatable, Codable {
        /// As decided by the person who booked it (DISC-3: a warehouse-caused complaint).
        case fixed(Money)
        /// The money policy in force on the op's shop day (`CS-3.fine`, `CAMP-2.fine.unsigned.gm` …).
        case policy(String)
        /// DISC-1: by the person's service complaints in the calendar month (shop zone): the first
        /// `DISC-1.complaint.first`, the second `DISC-1.complaint.second`, the third flags dismissal.
        case monthlyEscalation
    }

    public var staff: StaffID
    /// The rule in REQUIREMENTS.md: `CS-3`.
    public var rule: String
    public var amount: Amount
    /// What the fine is about (a complaint, a campaign's error …); with the rule it tells two
    /// claims of one op apart.
    public var ref: String
    public var reasonZh: String
    public var reasonEn: String

    public init(staff: StaffID, rule: String, amount: Amount, ref: String, reasonZh: String, reasonEn: String) {
        self.staff = staff
        self.rule = rule
        self.amount = amount
        self.ref = ref
        self.reasonZh = reasonZh
        self.reasonEn = reasonEn
    }
}

/// An op payload whose rule books fines.
public protocol FineBearing: OpPayload {
    /// The fines this op books (none, for most ops of a kind that may).
    var fineClaims: [FineClaim] { get }
}

/// Every op kind that books fines, for Workforce to follow. A feature adds its kinds here.
public enum FineBearingKinds {
    public static let all: [any FineBearing.Type] = [CampaignErrorRecorded.self, ComplaintAdvanced.self, CustomerDamageReported.self]
}
