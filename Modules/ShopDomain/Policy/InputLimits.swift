/// Hard limits on what one input may say (issue 19): no shop rule sets them, they keep absurd
/// values out — a typo of nine digits, a cell of a broken export, a payload from a damaged
/// device — so nothing reaches an arithmetic trap and no figure becomes meaningless.
/// Every quantity and every amount entering the system is checked against these, where it is
/// parsed (options, CSV cells) and again in the op's handler (so a merged op is bounded too).
public enum InputLimits {
    /// Units in one line, move, adjustment, count, receipt or order line.
    public static let quantity = 100_000
    /// Units of one SKU at one location: what any booking may leave, up or down.
    public static let balance = 10_000_000
    /// One amount of money (a price, a fee, a fine, a statement line): ¥1,000,000.00.
    public static let money = Money(yuan: 1_000_000)
    /// A parcel's weight in grams (100 kg).
    public static let grams = 100_000
    /// Minutes in one absence or period (a day).
    public static let minutes = 24 * 60
    /// Labels, waybill numbers or stubs in one range, batch or pickup.
    public static let labels = 100_000

    /// Checks a quantity from a payload: `0...quantity` (or `1...` when it must be positive).
    public static func check(quantity: Int, _ name: String, positive: Bool = false) throws(InputError) {
        try check(quantity, name, range: (positive ? 1 : 0)...Self.quantity)
    }

    /// Checks a signed change from a payload: `-quantity...quantity`.
    public static func check(delta: Int, _ name: String) throws(InputError) {
        try check(delta, name, range: -Self.quantity...Self.quantity)
    }

    /// Checks a whole number from a payload against `range`.
    public static func check(_ value: Int, _ name: String, range: ClosedRange<Int>) throws(InputError) {
        if value > range.upperBound { throw .tooLarge(name: name, text: String(value), limit: range.upperBound) }
        if value < range.lowerBound {
            if range.lowerBound == 1, value <= 0 { throw .notPositive(name: name, text: String(value)) }
            if range.lowerBound == 0 { throw .negative(name: name, text: String(value)) }
            throw .tooSmall(name: name, text: String(value), limit: range.lowerBound)
        }
    }

    /// Checks an amount from a payload: `0...money` (or `-money...money` when it may be negative).
    public static func check(money: Money, _ name: String, allowNegative: Bool = false) throws(InputError) {
        if money.fen > Self.money.fen || (allowNegative && money.fen < -Self.money.fen) {
            throw .moneyTooLarge(name: name, text: money.description)
        }
        if !allowNegative, money.fen < 0 { throw .negative(name: name, text: money.description) }
    }
}
