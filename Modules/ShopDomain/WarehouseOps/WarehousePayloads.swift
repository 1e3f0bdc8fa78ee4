/// The warehouse's ops (WH-1…WH-10, CS-10, DES-8). Stock movements are deltas: they commute,
/// so notebooks merge them by addition.

/// A variant joins the catalogue.
public struct ProductAdded: OpPayload {
    public static let kind = "product.added"
    public static let version = 1
    public var product: Product
    public init(product: Product) { self.product = product }
}

/// A staff member has learned a product's attributes (DES-8).
public struct ProductTrained: OpPayload {
    public static let kind = "product.trained"
    public static let version = 1
    public var sku: SKU
    public var staff: StaffID
    public init(sku: SKU, staff: StaffID) {
        self.sku = sku
        self.staff = staff
    }
}

/// A per-SKU low-stock threshold overriding the policy (CS-10); `nil` returns to the policy.
public struct ThresholdSet: OpPayload {
    public static let kind = "product.threshold-set"
    public static let version = 1
    public var sku: SKU
    public var threshold: Int?
    public init(sku: SKU, threshold: Int?) {
        self.sku = sku
        self.threshold = threshold
    }
}

/// A shelf position exists (WH-3).
public struct LocationAdded: OpPayload {
    public static let kind = "location.added"
    public static let version = 1
    public var code: LocationCode
    public var kind: LocationKind
    public init(code: LocationCode, kind: LocationKind) {
        self.code = code
        self.kind = kind
    }
}

/// A category's goods live in this zone (WH-3).
public struct CategoryZoneSet: OpPayload {
    public static let kind = "location.home-zone-set"
    public static let version = 1
    public var category: String
    public var zone: String
    public init(category: String, zone: String) {
        self.category = category
        self.zone = zone
    }
}

/// Goods move between two locations (a move, or into the defective stock with a reason, WH-5).
public struct StockMoved: OpPayload {
    public static let kind = "stock.moved"
    public static let version = 1
    public var sku: SKU
    public var from: LocationCode
    public var to: LocationCode
    public var quantity: Int
    public var reason: String?
    public init(sku: SKU, from: LocationCode, to: LocationCode, quantity: Int, reason: String? = nil) {
        self.sku = sku
        self.from = from
        self.to = to
        self.quantity = quantity
        self.reason = reason
    }
}

/// A correction of the quantity in one location (warehouse lead, reason required).
public struct StockAdjusted: OpPayload {
    public static let kind = "stock.adjusted"
    public static let version = 1
    public var sku: SKU
    public var location: LocationCode
    public var delta: Int
    public var reason: String
    public init(sku: SKU, location: LocationCode, delta: Int, reason: String) {
        self.sku = sku
        self.location = location
        self.delta = delta
        self.reason = reason
    }
}

/// A delivery is expected from a vendor (WH-1, WH-2).
public struct ReceiptCreated: OpPayload {
    public static let kind = "receipt.created"
    public static let version = 1
    public struct Line: Sendable, Equatable, Codable {
        public var sku: SKU
        public var expected: Int
        /// Where accepted goods go; default: the first sellable location of the category's home zone.
        public var location: LocationCode?
        public init(sku: SKU, expected: Int, location: LocationCode? = nil) {
            self.sku = sku
            self.expected = expected
            self.location = location
        }
    }
    public var receipt: String
    public var vendor: String
    public var lines: [Line]
    public init(receipt: String, vendor: String, lines: [Line]) {
        self.receipt = receipt
        self.vendor = vendor
        self.lines = lines
    }
}

/// One receipt line inspected before receipt (WH-1): accepted and rejected units, and what
/// actually arrived when it is not what was ordered (WH-2).
public struct ReceiptInspected: OpPayload {
    public static let kind = "receipt.inspected"
    public static let version = 1
    public var receipt: String
    public var sku: SKU
    public var accepted: Int
    public var rejected: Int
    public var reason: String?
    /// The name on the goods when it differs from the catalogue's (a wrong item).
    public var wrongName: String?
    public init(receipt: String, sku: SKU, accepted: Int, rejected: Int, reason: String? = nil, wrongName: String? = nil) {
        self.receipt = receipt
        self.sku = sku
        self.accepted = accepted
        self.rejected = rejected
        self.reason = reason
        self.wrongName = wrongName
    }
}

/// An inspected receipt is booked: accepted goods enter stock, rejected goods go back to the
/// vendor, wrong names and quantities are listed for purchasing.
public struct ReceiptPosted: OpPayload {
    public static let kind = "receipt.posted"
    public static let version = 1
    public var receipt: String
    public init(receipt: String) { self.receipt = receipt }
}

/// A stocktake begins (WH-4): the expected quantities in scope are snapshotted.
public struct CountStarted: OpPayload {
    public static let kind = "count.started"
    public static let version = 1
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case monthly, yearEnd = "year-end", spot
    }
    public var count: String
    public var kind: Kind
    public var category: String?
    public var location: LocationCode?
    public init(count: String, kind: Kind, category: String? = nil, location: LocationCode? = nil) {
        self.count = count
        self.kind = kind
        self.category = category
        self.location = location
    }
}

/// A blind count: a category total, or one item in one location.
public struct CountEntered: OpPayload {
    public static let kind = "count.entered"
    public static let version = 1
    public var count: String
    public var category: String?
    public var sku: SKU?
    public var location: LocationCode?
    public var quantity: Int
    public init(count: String, category: String? = nil, sku: SKU? = nil, location: LocationCode? = nil, quantity: Int) {
        self.count = count
        self.category = category
        self.sku = sku
        self.location = location
        self.quantity = quantity
    }
}

/// A stocktake is booked: each counted item's variance becomes a count-variance movement.
public struct CountPosted: OpPayload {
    public static let kind = "count.posted"
    public static let version = 1
    public var count: String
    public init(count: String) { self.count = count }
}
