/// A whole number as people write it on the command line or in a cell: ASCII or full-width
/// digits (`12`, `１２`), an optional sign. Refuses `1e9`, `1.5`, `0x10`, other scripts' digits
/// (`١٢`), and anything outside the range the caller names, with a message naming the limit.
public enum WholeNumber {
    public static func parse(_ text: String, _ name: String, range: ClosedRange<Int>) throws(InputError) -> Int {
        let trimmed = Money.normalizeWidth(text).trimmingWhitespace()
        var body = Substring(trimmed)
        var negative = false
        if body.first == "-" || body.first == "−" {
            negative = true
            body = body.dropFirst()
        } else if body.first == "+" {
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.allSatisfy(\.isASCIIDigit) else { throw .notWhole(name: name, text: text.trimmingWhitespace()) }
        let digits = body.drop { $0 == "0" }
        // More digits than any limit: refused by size, never converted (no overflow).
        guard digits.count <= 15, let magnitude = Int(digits.isEmpty ? "0" : String(digits)) else {
            if negative, range.lowerBound >= 0 {
                throw range.lowerBound == 1 ? .notPositive(name: name, text: trimmed) : .negative(name: name, text: trimmed)
            }
            throw negative ? .tooSmall(name: name, text: trimmed, limit: range.lowerBound)
                           : .tooLarge(name: name, text: trimmed, limit: range.upperBound)
        }
        let value = negative ? -magnitude : magnitude
        do {
            try InputLimits.check(value, name, range: range)
        } catch {
            throw error.with(text: trimmed)
        }
        return value
    }

    /// A quantity: `1...InputLimits.quantity` (or from 0 when zero is meaningful).
    public static func quantity(_ text: String, _ name: String, allowZero: Bool = false) throws(InputError) -> Int {
        try parse(text, name, range: (allowZero ? 0 : 1)...InputLimits.quantity)
    }
}

/// Why a number was refused: what, as written, and the limit it passed.
public enum InputError: Error, Equatable, Sendable {
    case notWhole(name: String, text: String)
    case notPositive(name: String, text: String)
    case negative(name: String, text: String)
    case tooLarge(name: String, text: String, limit: Int)
    case tooSmall(name: String, text: String, limit: Int)
    case moneyTooLarge(name: String, text: String)

    func with(text: String) -> InputError {
        switch self {
        case .notWhole(let name, _): .notWhole(name: name, text: text)
        case .notPositive(let name, _): .notPositive(name: name, text: text)
        case .negative(let name, _): .negative(name: name, text: text)
        case .tooLarge(let name, _, let limit): .tooLarge(name: name, text: text, limit: limit)
        case .tooSmall(let name, _, let limit): .tooSmall(name: name, text: text, limit: limit)
        case .moneyTooLarge(let name, _): .moneyTooLarge(name: name, text: text)
        }
    }

    /// `100,000`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }
}

extension InputError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .notWhole(let name, let text):
            language.pick(zh: "\(name)“\(text)”不是整数：请只写数字，例如 12",
                          en: "\(name) “\(text)” is not a whole number: write digits only, such as 12")
        case .notPositive(let name, let text):
            language.pick(zh: "\(name)“\(text)”不对：必须是正整数（1 或以上）",
                          en: "\(name) “\(text)” is wrong: it must be a positive whole number (1 or more)")
        case .negative(let name, let text):
            language.pick(zh: "\(name)“\(text)”是负数：这里只能是 0 或正整数",
                          en: "\(name) “\(text)” is negative: it must be 0 or a positive whole number")
        case .tooLarge(let name, let text, let limit):
            language.pick(zh: "\(name)“\(text)”太大：上限是 \(Self.grouped(limit))",
                          en: "\(name) “\(text)” is too large: the limit is \(Self.grouped(limit))")
        case .tooSmall(let name, let text, let limit):
            language.pick(zh: "\(name)“\(text)”太小：下限是 \(Self.grouped(limit))",
                          en: "\(name) “\(text)” is too small: the limit is \(Self.grouped(limit))")
        case .moneyTooLarge(let name, let text):
            language.pick(zh: "\(name)“\(text)”太大：一笔金额的上限是 \(InputLimits.money.withSign)",
                          en: "\(name) “\(text)” is too large: one amount may be at most \(InputLimits.money.withSign)")
        }
    }
}

extension WholeNumber {
    /// A weight in kilograms as a person writes it (`1.2`, `0.35`, `１．２`; at most three
    /// decimals, no exponent) in grams: `1...InputLimits.grams` (issue 19, LOG-6).
    public static func grams(kg text: String, _ name: String) throws(InputError) -> Int {
        let trimmed = Money.normalizeWidth(text).trimmingWhitespace()
        let parts = trimmed.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0].hasPrefix("+") ? parts[0].dropFirst() : parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        if whole.first == "-" || whole.first == "−" { throw .notPositive(name: name, text: trimmed) }
        guard !(whole.isEmpty && fraction.isEmpty), whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit),
              fraction.count <= 3
        else { throw .notWhole(name: name, text: trimmed) }
        let kg = whole.drop { $0 == "0" }
        guard kg.count <= 6 else { throw .tooLarge(name: name, text: trimmed, limit: InputLimits.grams / 1000) }
        let grams = (Int(kg.isEmpty ? "0" : String(kg)) ?? 0) * 1000 + (Int(fraction + String(repeating: "0", count: 3 - fraction.count)) ?? 0)
        guard grams > 0 else { throw .notPositive(name: name, text: trimmed) }
        guard grams <= InputLimits.grams else { throw .tooLarge(name: name, text: trimmed, limit: InputLimits.grams / 1000) }
        return grams
    }
}
