/// What one waybill label shows (LOG-1, LOG-10): the courier's number as a barcode, the
/// consignee, the sender, the items and the remarks. Plain text throughout; `LabelSheet` escapes it.
public struct WaybillLabel: Sendable, Equatable {
    /// A person and where they are: the consignee or the sender.
    public struct Party: Sendable, Equatable {
        public var name: String
        public var phone: String
        public var address: String
        /// The consignee's postcode (LOG-1); the sender's is not printed.
        public var postcode: String?
        /// The consignee's company, when the parcel goes to one (LOG-1).
        public var company: String?

        public init(name: String, phone: String, address: String, postcode: String? = nil, company: String? = nil) {
            self.name = name
            self.phone = phone
            self.address = address
            self.postcode = postcode
            self.company = company
        }
    }

    /// The remark every waybill carries (LOG-10).
    public static let inspectBeforeSigning = "先验货再签收"

    public var waybill: String
    /// `中通快递`, `圆通速递` …
    public var courier: String
    /// The print batch, `20261130-01`.
    public var batch: String
    /// The label's place in its batch, from 1; printed with four digits.
    public var sequence: Int
    public var orderNumber: String
    public var consignee: Party
    public var sender: Party
    /// Each already written `model/colour/size×qty`; printed joined with `;` (LOG-1).
    public var items: [String]
    public var buyerMessage: String?
    public var sellerNote: String?
    /// When the batch was printed, as it should read: `2026-11-30 09:12`.
    public var printedAt: String
    /// Set when this label replaces one already printed; the reason is shown, small.
    public var reprintReason: String?

    public init(waybill: String, courier: String, batch: String, sequence: Int, orderNumber: String,
                consignee: Party, sender: Party, items: [String], buyerMessage: String? = nil,
                sellerNote: String? = nil, printedAt: String, reprintReason: String? = nil) {
        self.waybill = waybill
        self.courier = courier
        self.batch = batch
        self.sequence = sequence
        self.orderNumber = orderNumber
        self.consignee = consignee
        self.sender = sender
        self.items = items
        self.buyerMessage = buyerMessage
        self.sellerNote = sellerNote
        self.printedAt = printedAt
        self.reprintReason = reprintReason
    }

    /// Whether this label replaces one already printed.
    public var isReprint: Bool { reprintReason != nil }

    /// `20261130-01-0007`: the batch and the four-digit sequence, as packers call it out.
    public var batchSequence: String {
        let digits = String(sequence)
        return batch + "-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The items as the label prints them: `AF1023/白色/XL×2;AF2088/黑色/M×1`.
    public var itemsLine: String {
        items.joined(separator: ";")
    }
}
