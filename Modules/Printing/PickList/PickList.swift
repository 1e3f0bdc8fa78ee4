/// The day's pick list (WH-7): what to take from which shelf for a print batch, grouped by style,
/// colour and size, and the waybills whose remarks, gifts or messages must be checked by hand.
///
/// `groups` and `total` are the grouped view both the HTML page and the terminal table print, so
/// the two always agree.
public struct PickList: Sendable, Equatable {
    /// One variant to pick, usually one per order line; equal variants are added up in `groups`.
    public struct Line: Sendable, Equatable {
        /// 款号.
        public var style: String
        public var name: String
        public var colour: String
        public var size: String
        public var quantity: Int
        /// Where to find it, in the order to look.
        public var locations: [String]
        /// How many orders want it.
        public var orders: Int

        public init(style: String, name: String, colour: String, size: String, quantity: Int,
                    locations: [String], orders: Int) {
            self.style = style
            self.name = name
            self.colour = colour
            self.size = size
            self.quantity = quantity
            self.locations = locations
            self.orders = orders
        }
    }

    /// Why a waybill must be checked by hand while packing.
    public enum FlagKind: String, Sendable, Equatable, CaseIterable {
        case remark, gift, buyerMessage, madeToOrder

        /// `备注`, `赠品`, `买家留言`, `定制`.
        public var zh: String {
            switch self {
            case .remark: "备注"
            case .gift: "赠品"
            case .buyerMessage: "买家留言"
            case .madeToOrder: "定制"
            }
        }

        public var en: String {
            switch self {
            case .remark: "remark"
            case .gift: "gift"
            case .buyerMessage: "buyer message"
            case .madeToOrder: "made to order"
            }
        }
    }

    /// A waybill to check: its remark, gift, message or made-to-order note.
    public struct Flag: Sendable, Equatable {
        public var waybill: String
        public var order: String
        public var consignee: String
        public var kind: FlagKind
        public var text: String

        public init(waybill: String, order: String, consignee: String, kind: FlagKind, text: String) {
            self.waybill = waybill
            self.order = order
            self.consignee = consignee
            self.kind = kind
            self.text = text
        }
    }

    /// One style's lines, colour then size, equal variants added up.
    public struct StyleGroup: Sendable, Equatable {
        public var style: String
        public var name: String
        public var lines: [Line]
        /// Pieces of this style.
        public var quantity: Int { lines.reduce(0) { $0 + $1.quantity } }
    }

    public var batch: String
    public var title: String
    public var date: String
    public var lines: [Line]
    public var flags: [Flag]

    public init(batch: String, title: String, date: String, lines: [Line], flags: [Flag] = []) {
        self.batch = batch
        self.title = title
        self.date = date
        self.lines = lines
        self.flags = flags
    }

    /// The lines grouped by style, sorted style → colour → size (garment order), with equal
    /// variants merged: quantities and orders added, locations united in first-seen order.
    public var groups: [StyleGroup] {
        var merged: [Line] = []
        var index: [VariantKey: Int] = [:]
        for line in lines {
            let key = VariantKey(style: line.style, colour: line.colour, size: line.size)
            if let at = index[key] {
                merged[at].quantity += line.quantity
                merged[at].orders += line.orders
                for location in line.locations where !merged[at].locations.contains(location) {
                    merged[at].locations.append(location)
                }
                if merged[at].name.isEmpty { merged[at].name = line.name }
            } else {
                index[key] = merged.count
                merged.append(line)
            }
        }
        merged.sort { a, b in
            if a.style != b.style { return NaturalOrder.areInIncreasingOrder(a.style, b.style) }
            if a.colour != b.colour { return NaturalOrder.areInIncreasingOrder(a.colour, b.colour) }
            return SizeOrder.areInIncreasingOrder(a.size, b.size)
        }
        var groups: [StyleGroup] = []
        for line in merged {
            if groups.last?.style == line.style {
                groups[groups.count - 1].lines.append(line)
            } else {
                groups.append(StyleGroup(style: line.style, name: line.name, lines: [line]))
            }
        }
        return groups
    }

    /// Pieces to pick in the whole batch.
    public var total: Int { lines.reduce(0) { $0 + $1.quantity } }

    /// The flags by waybill (in the order waybills first appear), each waybill's flags in kind order.
    public var flagsByWaybill: [(waybill: String, flags: [Flag])] {
        var order: [String] = []
        var byWaybill: [String: [Flag]] = [:]
        for flag in flags {
            if byWaybill[flag.waybill] == nil { order.append(flag.waybill) }
            byWaybill[flag.waybill, default: []].append(flag)
        }
        let rank = Dictionary(uniqueKeysWithValues: FlagKind.allCases.enumerated().map { ($0.element, $0.offset) })
        return order.map { waybill in
            (waybill, byWaybill[waybill]!.enumerated().sorted {
                (rank[$0.element.kind]!, $0.offset) < (rank[$1.element.kind]!, $1.offset)
            }.map(\.element))
        }
    }

    private struct VariantKey: Hashable {
        var style, colour, size: String
    }
}

/// Text with its digit runs compared as numbers: `AF999 < AF1023`.
enum NaturalOrder {
    static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        var left = Substring(a), right = Substring(b)
        while let l = left.first, let r = right.first {
            if l.isASCII && l.isNumber && r.isASCII && r.isNumber {
                let ln = left.prefix { $0.isASCII && $0.isNumber }, rn = right.prefix { $0.isASCII && $0.isNumber }
                let lv = ln.drop { $0 == "0" }, rv = rn.drop { $0 == "0" }
                if lv.count != rv.count { return lv.count < rv.count }
                if lv != rv { return lv < rv }
                left = left.dropFirst(ln.count)
                right = right.dropFirst(rn.count)
            } else {
                if l != r { return l < r }
                left = left.dropFirst()
                right = right.dropFirst()
            }
        }
        if left.isEmpty != right.isEmpty { return left.isEmpty }  // a prefix comes first
        return a < b  // equal but for leading zeros: keep a fixed order
    }
}
