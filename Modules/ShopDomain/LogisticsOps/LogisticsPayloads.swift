/// Waybills, parcels, courier handovers, claims and statements (LOG-1…LOG-13, WH-7…WH-9).
/// A parcel moves printed → packed → handed over; each step names the waybill it acts on.

/// SKU and quantity: a packed, shipped or consumed line.
public struct ItemCount: Sendable, Codable, Equatable, Hashable {
    public var sku: SKU
    public var quantity: Int
    public init(sku: SKU, quantity: Int) {
        self.sku = sku
        self.quantity = quantity
    }
}

/// A range of pre-assigned waybill numbers now held by the device that made this op: two
/// devices never hold the same number (DESIGN.md, offline printing).
public struct WaybillStockAdded: OpPayload {
    public static let kind = "waybill.stock-added"
    public static let version = 1
    public var courier: Courier
    /// Letters before the digits (`YT`), or empty.
    public var prefix: String
    public var first: Int64
    public var count: Int
    /// Digits in each number, leading zeros kept.
    public var width: Int
    public init(courier: Courier, prefix: String, first: Int64, count: Int, width: Int) {
        self.courier = courier
        self.prefix = prefix
        self.first = first
        self.count = count
        self.width = width
    }
}

/// One label of a print batch (LOG-2): the order's one live waybill.
public struct WaybillPrinted: OpPayload {
    public static let kind = "waybill.printed"
    public static let version = 1
    public var batch: String
    public var seq: Int
    public var order: OrderID
    public var courier: Courier
    public var waybill: String
    public init(batch: String, seq: Int, order: OrderID, courier: Courier, waybill: String) {
        self.batch = batch
        self.seq = seq
        self.order = order
        self.courier = courier
        self.waybill = waybill
    }
}

/// The same number printed again (a torn or smudged label), with the reason.
public struct WaybillReprinted: OpPayload {
    public static let kind = "waybill.reprinted"
    public static let version = 1
    public var waybill: String
    public var reason: String
    public init(waybill: String, reason: String) {
        self.waybill = waybill
        self.reason = reason
    }
}

/// A waybill is void; its order may get a new number.
public struct WaybillVoided: OpPayload {
    public static let kind = "waybill.voided"
    public static let version = 1
    public var waybill: String
    public var reason: String
    public init(waybill: String, reason: String) {
        self.waybill = waybill
        self.reason = reason
    }
}

/// A jammed printer: the batch is printed again from a sequence number on.
public struct BatchResumed: OpPayload {
    public static let kind = "waybill.batch-resumed"
    public static let version = 1
    public var batch: String
    public var from: Int
    public init(batch: String, from: Int) {
        self.batch = batch
        self.from = from
    }
}

/// The parcel holds exactly what the waybill lists (WH-8, LOG-4); the actor is the packer who
/// signs (LOG-5). The signature binds `linesHash`: lines changed meanwhile make it stale.
public struct ParcelPacked: OpPayload {
    public static let kind = "parcel.packed"
    public static let version = 1
    public var waybill: String
    public var order: OrderID
    public var linesHash: String
    public var items: [ItemCount]
    /// Packing supplies used (WH-10): bags, tape, boxes.
    public var supplies: [ItemCount]
    public init(waybill: String, order: OrderID, linesHash: String, items: [ItemCount], supplies: [ItemCount]) {
        self.waybill = waybill
        self.order = order
        self.linesHash = linesHash
        self.items = items
        self.supplies = supplies
    }
}

/// Packed parcels listed for the courier's pickup.
public struct PickupCreated: OpPayload {
    public static let kind = "pickup.created"
    public static let version = 1
    public var pickup: String
    public var courier: Courier
    public var waybills: [String]
    public init(pickup: String, courier: Courier, waybills: [String]) {
        self.pickup = pickup
        self.courier = courier
        self.waybills = waybills
    }
}

/// The courier took the parcels and left one stub each (LOG-6); the outbound is registered
/// (WH-9): each parcel's items leave stock.
public struct PickupConfirmed: OpPayload {
    public static let kind = "pickup.confirmed"
    public static let version = 1
    public struct Parcel: Sendable, Codable, Equatable {
        public var waybill: String
        public var order: OrderID
        public var items: [ItemCount]
        public init(waybill: String, order: OrderID, items: [ItemCount]) {
            self.waybill = waybill
            self.order = order
            self.items = items
        }
    }
    public var pickup: String
    public var stubs: Int
    public var courierName: String
    public var parcels: [Parcel]
    public init(pickup: String, stubs: Int, courierName: String, parcels: [Parcel]) {
        self.pickup = pickup
        self.stubs = stubs
        self.courierName = courierName
        self.parcels = parcels
    }
}

/// The weight and price the courier wrote, checked by the shipper (LOG-6).
public struct ParcelWeighed: OpPayload {
    public static let kind = "parcel.weighed"
    public static let version = 1
    public var waybill: String
    public var grams: Int
    public var fee: Money
    public init(waybill: String, grams: Int, fee: Money) {
        self.waybill = waybill
        self.grams = grams
        self.fee = fee
    }
}

/// Stubs older than the archive period put away (LOG-7).
public struct StubsArchived: OpPayload {
    public static let kind = "stub.archived"
    public static let version = 1
    public var waybills: [String]
    public init(waybills: [String]) { self.waybills = waybills }
}

/// Lost or damaged by the courier (LOG-8, LOG-13): a claim, deducted at month end.
public struct ClaimOpened: OpPayload {
    public static let kind = "claim.opened"
    public static let version = 1
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case lost, damaged
    }
    public var claim: String
    public var waybill: String
    public var kind: Kind
    /// What the shop claims from the courier.
    public var amount: Money
    public var note: String?
    public init(claim: String, waybill: String, kind: Kind, amount: Money, note: String?) {
        self.claim = claim
        self.waybill = waybill
        self.kind = kind
        self.amount = amount
        self.note = note
    }
}

/// Taken by the courier but undeliverable (LOG-9): the stub is kept apart for the deduction.
public struct ParcelUndeliverable: OpPayload {
    public static let kind = "parcel.undeliverable"
    public static let version = 1
    public var waybill: String
    public var note: String?
    public init(waybill: String, note: String?) {
        self.waybill = waybill
        self.note = note
    }
}

/// The shipper's mistake (LOG-12): the shipper bears postage and goods, and the packer who signed
/// is fined. Workforce books the fine.
public struct ParcelMisshipped: OpPayload {
    public static let kind = "parcel.misshipped"
    public static let version = 1
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case wrong, missing, extra, damagedPacking = "damaged-packing"
    }
    public var waybill: String
    public var kind: Kind
    public var packer: StaffID
    public var postage: Money
    public var goods: Money
    public var fine: Money
    public var note: String?
    public init(waybill: String, kind: Kind, packer: StaffID, postage: Money, goods: Money, fine: Money, note: String?) {
        self.waybill = waybill
        self.kind = kind
        self.packer = packer
        self.postage = postage
        self.goods = goods
        self.fine = fine
        self.note = note
    }
}

/// The agreed price: first kilogram and each further (started) kilogram, for a region or all.
public struct CourierRateSet: OpPayload {
    public static let kind = "courier.rate-set"
    public static let version = 1
    public var courier: Courier
    /// A province as addresses start (`新疆`), or nil for everywhere else.
    public var region: String?
    public var firstKg: Money
    public var extraKg: Money
    public init(courier: Courier, region: String?, firstKg: Money, extraKg: Money) {
        self.courier = courier
        self.region = region
        self.firstKg = firstKg
        self.extraKg = extraKg
    }
}

/// A courier's monthly statement (LOG-11), line by line. A re-import of the same month replaces it.
public struct StatementImported: OpPayload {
    public static let kind = "statement.imported"
    public static let version = 1
    public struct Line: Sendable, Codable, Equatable {
        public var line: Int
        public var waybill: String
        public var grams: Int?
        public var amount: Money
        public var date: String?
        public var destination: String?
        public init(line: Int, waybill: String, grams: Int?, amount: Money, date: String?, destination: String?) {
            self.line = line
            self.waybill = waybill
            self.grams = grams
            self.amount = amount
            self.date = date
            self.destination = destination
        }
    }
    public var courier: Courier
    /// `2026-11`.
    public var month: String
    public var file: String
    public var lines: [Line]
    public init(courier: Courier, month: String, file: String, lines: [Line]) {
        self.courier = courier
        self.month = month
        self.file = file
        self.lines = lines
    }
}

/// Who sends the parcels: the sender block of every label (LOG-1).
public struct SenderSet: OpPayload {
    public static let kind = "shipping.sender-set"
    public static let version = 1
    public var name: String
    public var phone: String
    public var address: String
    public init(name: String, phone: String, address: String) {
        self.name = name
        self.phone = phone
        self.address = address
    }
}
