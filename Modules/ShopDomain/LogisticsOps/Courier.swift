/// A courier company the shop ships with. Codes are the ones the platform and the couriers use.
public struct Courier: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let code: String

    public init(code: String) { self.code = code }

    public static func < (lhs: Courier, rhs: Courier) -> Bool { lhs.code < rhs.code }

    public var description: String { code }

    /// Known couriers: code, Chinese name as the platform writes it, the published number pattern.
    static let known: [(code: String, zh: String, pattern: String)] = [
        ("ZTO", "中通快递", #"^7[3-68]\d{12}$"#),
        ("YTO", "圆通速递", #"^YT\d{13}$"#),
        ("STO", "申通快递", #"^(268|368|468|568|668|768|868|968|77)\d{10,11}$"#),
        ("YD", "韵达快递", #"^(10|12|13|19|31|33|43|46)\d{11}$"#),
        ("SF", "顺丰速运", #"^SF\d{13}$"#),
        ("EMS", "中国邮政EMS", #"^[A-Z]{2}\d{9}CN$|^1\d{12}$"#),
        ("JD", "京东物流", #"^JD[A-Z0-9]{13}$"#),
        ("JT", "极兔速递", #"^JT\d{13}$"#),
    ]

    /// The Chinese name (`中通快递`), or the code for a courier this program does not know.
    public var chineseName: String { Self.known.first { $0.code == code }?.zh ?? code }

    public var englishName: String { code }

    /// Accepts a code in any case (`zto`) or the Chinese name, full (`中通快递`) or short (`中通`).
    public static func parse(_ text: String) throws(LogisticsRuleError) -> Courier {
        let key = text.trimmingWhitespace()
        guard !key.isEmpty else { throw .unknownCourier(text) }
        if let entry = known.first(where: { $0.code == key.uppercased() || $0.zh == key || $0.zh.hasPrefix(key) && key.count >= 2 }) {
            return Courier(code: entry.code)
        }
        // An unknown courier by its code: letters and digits only, kept upper-case.
        guard key.count <= 12, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { throw .unknownCourier(text) }
        return Courier(code: key.uppercased())
    }

    /// Whether a number follows the courier's published pattern. Real numbers break these
    /// patterns (an 18-digit YTO number exists), so a mismatch is a warning, never a refusal.
    public func matchesPattern(_ number: String) -> Bool {
        guard let pattern = Self.known.first(where: { $0.code == code })?.pattern,
              let regex = try? Regex(pattern) else { return true }
        return (try? regex.wholeMatch(in: number)) != nil
    }

    public func name(in language: Language) -> String { language.pick(zh: chineseName, en: code) }
}

/// A waybill number: 6–32 letters and digits, upper-cased.
public enum WaybillNumber {
    public static func parse(_ text: String) throws(LogisticsRuleError) -> String {
        let number = text.trimmingWhitespace().uppercased()
        guard (6...32).contains(number.count), number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw .badWaybillNumber(text)
        }
        return number
    }

    /// Splits `YT1234567890123` into its letter prefix and numeric part, for number ranges.
    public static func split(_ number: String) -> (prefix: String, digits: String)? {
        let prefix = number.prefix { $0.isLetter }
        let digits = number.dropFirst(prefix.count)
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber), digits.count <= 18 else { return nil }
        return (String(prefix), String(digits))
    }
}

/// Errors in logistics values a person typed.
public enum LogisticsRuleError: Error, Equatable, Sendable {
    case unknownCourier(String)
    case badWaybillNumber(String)
}

extension LogisticsRuleError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .unknownCourier(let text):
            language.pick(zh: "不认识快递公司“\(text)”：用代码（ZTO、YTO、STO、YD、SF、EMS、JD、JT）或中文名",
                          en: "unknown courier “\(text)”: use a code (ZTO, YTO, STO, YD, SF, EMS, JD, JT) or the Chinese name")
        case .badWaybillNumber(let text):
            language.pick(zh: "快递单号“\(text)”不对：应为 6–32 位字母和数字", en: "waybill number “\(text)” is not valid: 6–32 letters and digits")
        }
    }
}
