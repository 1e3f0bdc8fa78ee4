/// Inspect before signing (CS-3): the agent confirms per order that the customer was told
/// 先验货再签收; a damage case on an order where nobody did books the CS-3 fine.

/// The agent (the op's actor) told the customer of this order to inspect before signing.
public struct CustomerInspectionTold: OpPayload {
    public static let kind = "customer.inspection-told"
    public static let version = 1
    public var order: OrderID
    public init(order: OrderID) {
        self.order = order
    }
}

/// Goods arrived damaged (CS-3). When nobody had told the customer to inspect before signing,
/// `responsible` (the agent who handled the order) bears the CS-3 fine; the action fills in
/// `told` from the register so the claim needs no read, and the handler checks it.
public struct CustomerDamageReported: OpPayload, FineBearing {
    public static let kind = "customer.damage-reported"
    public static let version = 1
    public var order: OrderID
    public var note: String
    public var told: Bool
    public var responsible: StaffID?
    public init(order: OrderID, note: String, told: Bool, responsible: StaffID?) {
        self.order = order
        self.note = note
        self.told = told
        self.responsible = responsible
    }

    public var fineClaims: [FineClaim] {
        guard !told, let responsible else { return [] }
        return [FineClaim(staff: responsible, rule: "CS-3", amount: .policy("CS-3.fine"), ref: order.rawValue,
                          reasonZh: "订单 \(order.rawValue) 货损，未提醒先验货再签收",
                          reasonEn: "order \(order.rawValue) damaged; customer not told to inspect before signing")]
    }
}
