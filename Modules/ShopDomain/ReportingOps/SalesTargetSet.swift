/// The general manager's sales target for a month (ORG-2's monthly sales plan, OPS-1): setting
/// the same month again replaces it. Reporting owns it; `report sales` measures against it.
public struct SalesTargetSet: OpPayload {
    public static let kind = "target.set"
    public static let version = 1
    /// `2026-11`.
    public var month: String
    public var amount: Money
    public init(month: String, amount: Money) {
        self.month = month
        self.amount = amount
    }
}
