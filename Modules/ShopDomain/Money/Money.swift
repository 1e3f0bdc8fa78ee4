/// An amount of renminbi in integer fen (分). Never floating point.
///
/// Parses what people and spreadsheets write: `12.50`, `12.5`, `598`, `0元`, `¥1,280.00`,
/// full-width digits `１２．５０`. Refuses `1.2.3`, `1e3`, three decimals, and a negative amount
/// unless the caller allows it.
public struct Money: Sendable, Hashable, Comparable, Codable {
    public var fen: Int64

    public init(fen: Int64) {
        self.fen = fen
    }

    public init(yuan: Int64) {
        self.fen = yuan * 100
    }

    public static let zero = Money(fen: 0)

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }
    public static func * (lhs: Money, rhs: Int64) -> Money { Money(fen: lhs.fen * rhs) }
    public static prefix func - (value: Money) -> Money { Money(fen: -value.fen) }

    /// `12.50`, `-3.05`, `0.00`: yuan with two decimals, no currency sign.
    public var description: String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// `¥12.50`.
    public var withSign: String {
        fen < 0 ? "-¥" + (-self).description : "¥" + description
    }

    // MARK: Coding: a bare integer of fen.

    public init(from decoder: any Decoder) throws {
        self.fen = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fen)
    }
}

extension Money: CustomStringConvertible {}

// MARK: - Parsing

extension Money {
    /// Parses yuan as people write them.
    /// - Parameter allowNegative: whether `-5.00` is acceptable here (a refund delta, say).
    public static func parse(_ text: String, allowNegative: Bool = false) throws(MoneyError) -> Money {
        if let plain = plain(text.utf8) { return plain }
        var body = Substring(normalizeWidth(text).trimmingWhitespace())
        guard !body.isEmpty else { throw .empty }
        var negative = false
        if body.first == "-" {
            negative = true
            body = body.dropFirst()
        } else if body.first == "+" {
            body = body.dropFirst()
        }
        if body.first == "¥" { body = body.dropFirst() }
        if body.last == "元" { body = body.dropLast() }
        body = Substring(String(body).trimmingWhitespace())
        guard !body.isEmpty else { throw .notANumber(text) }

        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw .notANumber(text) }
        // Thousands separators group by three: `1,280.00` yes, `12,5` (a decimal comma) no.
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        guard groups.dropFirst().allSatisfy({ $0.count == 3 }), groups.count == 1 || !groups[0].isEmpty else {
            throw .notANumber(text)
        }
        let whole = groups.joined()
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard !whole.isEmpty || !fraction.isEmpty,
              whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit)
        else { throw .notANumber(text) }
        guard fraction.count <= 2 else { throw .tooManyDecimals(text) }
        guard whole.count <= 15 else { throw .tooLarge(text) }

        let yuan = Int64(whole.isEmpty ? "0" : whole)!
        let paddedFraction = fraction + String(repeating: "0", count: 2 - fraction.count)
        let fen = yuan * 100 + Int64(paddedFraction)!
        // Issue 19: one amount is at most `InputLimits.money`.
        guard fen <= InputLimits.money.fen else { throw .tooLarge(text) }
        if negative && fen != 0 && !allowNegative { throw .negative(text) }
        return Money(fen: negative ? -fen : fen)
    }

    /// `598`, `12.5`, `12.50`: ASCII digits and at most two decimals, the form of nearly every
    /// cell of an export, read without building substrings; nil for anything else (the full parse).
    static func plain(_ utf8: String.UTF8View) -> Money? {
        var whole: Int64 = 0, digits = 0, fraction: Int64 = 0, decimals = -1
        for byte in utf8 {
            switch byte {
            case 0x30...0x39:
                if decimals < 0 {
                    whole = whole * 10 + Int64(byte - 0x30)
                    digits += 1
                    guard digits <= 15 else { return nil }
                } else {
                    fraction = fraction * 10 + Int64(byte - 0x30)
                    decimals += 1
                    guard decimals <= 2 else { return nil }
                }
            case 0x2E where decimals < 0 && digits > 0:
                decimals = 0
            default:
                return nil
            }
        }
        guard digits > 0, decimals != 0 else { return nil }
        let fen = whole * 100 + (decimals == 1 ? fraction * 10 : fraction)
        // Beyond `InputLimits.money` (issue 19): the general parse refuses it, naming the limit.
        return fen <= InputLimits.money.fen ? Money(fen: fen) : nil
    }

    /// Full-width digits and punctuation (`１２．５０`, `￥`) to their ASCII forms.
    static func normalizeWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0xFF10...0xFF19, 0xFF0E, 0xFF0C, 0xFF0D, 0xFF0B:
                return Unicode.Scalar(scalar.value - 0xFEE0)!
            case 0xFFE5:
                return "¥"
            default:
                return scalar
            }
        }))
    }
}

/// Why a money amount was refused.
public enum MoneyError: Error, Equatable, Sendable {
    case empty
    case notANumber(String)
    case tooManyDecimals(String)
    case negative(String)
    case tooLarge(String)
}

extension MoneyError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .empty:
            language.pick(zh: "金额为空：请填写如 12.50 的金额", en: "the amount is empty: write an amount such as 12.50")
        case .notANumber(let text):
            language.pick(zh: "“\(text)”不是金额：请写成 12.50、598 或 0元 这样的形式",
                          en: "“\(text)” is not an amount: write it as 12.50, 598 or 0元")
        case .tooManyDecimals(let text):
            language.pick(zh: "“\(text)”的小数超过两位：金额精确到分，例如 12.50",
                          en: "“\(text)” has more than two decimals: amounts are exact to the fen, e.g. 12.50")
        case .negative(let text):
            language.pick(zh: "“\(text)”是负数：这里的金额不能为负", en: "“\(text)” is negative: this amount cannot be negative")
        case .tooLarge(let text):
            language.pick(zh: "“\(text)”太大了：一笔金额的上限是 \(InputLimits.money.withSign)，请检查金额",
                          en: "“\(text)” is too large: one amount may be at most \(InputLimits.money.withSign); check the amount")
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}

extension StringProtocol {
    /// The text without leading and trailing white space (including the ideographic space).
    public func trimmingWhitespace() -> String {
        scanTrimmed()
    }

    fileprivate func scanTrimmed() -> String {
        // A character is white space by its first scalar, so text without a white-space scalar
        // is already trimmed, answered without breaking text into characters.
        if !unicodeScalars.contains(where: \.isWhiteSpace) { return String(self) }
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}

// Ends that are plainly not white space (ASCII letters and digits, Chinese characters) answer at
// once: the common case of every cell of an import, without a scan.
extension String {
    /// The text without leading and trailing white space (including the ideographic space).
    public func trimmingWhitespace() -> String {
        TrimEnds.plain(utf8) ? self : scanTrimmed()
    }
}

extension Substring {
    /// The text without leading and trailing white space (including the ideographic space).
    public func trimmingWhitespace() -> String {
        TrimEnds.plain(utf8) ? String(self) : scanTrimmed()
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space property (`properties.isWhitespace`), without the property lookup:
    /// the list is short and fixed, and every cell of an import asks.
    public var isWhiteSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}

/// Whether a text's first and last scalars are ones that are never white space and always begin
/// a character of their own: ASCII other than spaces and control codes, CJK ideographs, CJK
/// punctuation (not the ideographic space U+3000) and full-width forms. Anything else: not known.
enum TrimEnds {
    static func plain<View: BidirectionalCollection<UInt8>>(_ utf8: View) -> Bool {
        guard let firstByte = utf8.first, let lastByte = utf8.last else { return false }
        if firstByte < 0x80 {
            guard firstByte > 0x20, firstByte != 0x7F else { return false }
        } else {
            guard plainScalar(leading(utf8)) else { return false }
        }
        if lastByte < 0x80 { return lastByte > 0x20 && lastByte != 0x7F }
        return plainScalar(trailing(utf8))
    }

    /// The first scalar of text starting with a byte ≥ 0x80 (three-byte sequences only; 0 otherwise).
    private static func leading<View: BidirectionalCollection<UInt8>>(_ utf8: View) -> UInt32 {
        var i = utf8.startIndex
        let b0 = utf8[i]
        guard b0 & 0xF0 == 0xE0 else { return 0 }
        i = utf8.index(after: i)
        guard i != utf8.endIndex else { return 0 }
        let b1 = utf8[i]
        i = utf8.index(after: i)
        guard i != utf8.endIndex else { return 0 }
        let b2 = utf8[i]
        return (UInt32(b0 & 0x0F) << 12) | (UInt32(b1 & 0x3F) << 6) | UInt32(b2 & 0x3F)
    }

    /// The last scalar of text ending with a byte ≥ 0x80 (three-byte sequences only; 0 otherwise).
    private static func trailing<View: BidirectionalCollection<UInt8>>(_ utf8: View) -> UInt32 {
        var i = utf8.index(before: utf8.endIndex)
        let b2 = utf8[i]
        guard i != utf8.startIndex else { return 0 }
        i = utf8.index(before: i)
        let b1 = utf8[i]
        guard i != utf8.startIndex else { return 0 }
        i = utf8.index(before: i)
        let b0 = utf8[i]
        guard b0 & 0xF0 == 0xE0, b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return 0 }
        return (UInt32(b0 & 0x0F) << 12) | (UInt32(b1 & 0x3F) << 6) | UInt32(b2 & 0x3F)
    }

    private static func plainScalar(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x3001...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return true
        default: return false
        }
    }
}
