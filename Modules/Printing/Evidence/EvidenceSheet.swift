import ShopDomain

/// The trade printed as evidence for a claim against the courier for a lost or damaged parcel
/// (LOG-8): what was sent, for how much, when and by whom it was taken, and who packed it (LOG-5).
public struct EvidenceSheet: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case lost, damaged

        /// `丢件` or `破损`.
        public var zh: String {
            switch self {
            case .lost: "丢件"
            case .damaged: "破损"
            }
        }

        public var en: String {
            switch self {
            case .lost: "lost"
            case .damaged: "damaged"
            }
        }
    }

    /// One order line: what, how many, at what unit price.
    public struct Item: Sendable, Equatable {
        /// `AF1023/白色/XL` or the product name.
        public var description: String
        public var quantity: Int
        public var unitPrice: Money

        public init(description: String, quantity: Int, unitPrice: Money) {
            self.description = description
            self.quantity = quantity
            self.unitPrice = unitPrice
        }

        public var amount: Money { unitPrice * Int64(quantity) }
    }

    public var claimID: String
    public var kind: Kind
    /// When the claim was opened, as it should read.
    public var openedAt: String
    public var courier: String
    public var waybill: String
    public var orderNumber: String
    /// The buyer's Taobao account.
    public var buyer: String
    public var consignee: WaybillLabel.Party
    public var items: [Item]
    /// What the buyer paid for the order.
    public var orderAmount: Money
    /// The postage charged to the buyer.
    public var postage: Money
    /// Weight and fee the courier wrote at pickup (LOG-6), when known.
    public var pickupWeightGrams: Int?
    public var pickupFee: Money?
    public var pickupDate: String?
    /// The courier who took the parcel and signed the stub.
    public var pickupCourier: String?
    /// Who packed and signed the waybill (LOG-5).
    public var packer: String?
    /// What happened, in the shop's words.
    public var description: String

    public init(claimID: String, kind: Kind, openedAt: String, courier: String, waybill: String, orderNumber: String,
                buyer: String, consignee: WaybillLabel.Party, items: [Item], orderAmount: Money, postage: Money,
                pickupWeightGrams: Int? = nil, pickupFee: Money? = nil, pickupDate: String? = nil,
                pickupCourier: String? = nil, packer: String? = nil, description: String) {
        self.claimID = claimID
        self.kind = kind
        self.openedAt = openedAt
        self.courier = courier
        self.waybill = waybill
        self.orderNumber = orderNumber
        self.buyer = buyer
        self.consignee = consignee
        self.items = items
        self.orderAmount = orderAmount
        self.postage = postage
        self.pickupWeightGrams = pickupWeightGrams
        self.pickupFee = pickupFee
        self.pickupDate = pickupDate
        self.pickupCourier = pickupCourier
        self.packer = packer
        self.description = description
    }

    /// The goods at their unit prices, before discounts.
    public var itemsAmount: Money { items.reduce(.zero) { $0 + $1.amount } }

    /// Pieces in the parcel.
    public var pieces: Int { items.reduce(0) { $0 + $1.quantity } }
}
