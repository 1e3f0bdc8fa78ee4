import ShopDomain

/// Garment sizes in the order a rail is hung: `XS < S < M < L < XL < XXL (2XL) < 3XL …`, numeric
/// sizes by number (`26 < 28 < 100`, `160/84A` by its 160), then anything else (`均码`) as text.
public enum SizeOrder {
    /// Whether size `a` comes before size `b`.
    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        let (left, right) = (key(a), key(b))
        if left.group != right.group { return left.group < right.group }
        if left.rank != right.rank { return left.rank < right.rank }
        return a < b
    }

    /// (group, rank): group 0 letter sizes, 1 numeric, 2 other text.
    static func key(_ size: String) -> (group: Int, rank: Double) {
        let text = size.trimmingWhitespace().uppercased()
        if let rank = letterRank(text) { return (0, rank) }
        let number = text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        if !number.isEmpty, let value = Double(number) { return (1, value) }
        return (2, 0)
    }

    /// S = 0, M = 1, L = 2, XL = 3, XXL = 2XL = 4 …; XS = −1, XXS = 2XS = −2 …
    static func letterRank(_ text: String) -> Double? {
        if text == "M" { return 1 }
        guard let last = text.last, last == "S" || last == "L" else { return nil }
        let body = text.dropLast()
        var xs = 0
        if let count = Int(body.prefix { $0.isASCII && $0.isNumber }), count > 0 {
            let rest = body.drop { $0.isASCII && $0.isNumber }
            guard rest == "X" else { return nil }
            xs = count
        } else {
            guard body.allSatisfy({ $0 == "X" }) else { return nil }
            xs = body.count
        }
        return last == "S" ? Double(-xs) : Double(2 + xs)
    }
}
