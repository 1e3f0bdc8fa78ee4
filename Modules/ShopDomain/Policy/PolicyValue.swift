/// The value of one policy item: an amount, a count, a period, a time of day or a shift.
public enum PolicyValue: Sendable, Hashable {
    case money(Money)
    case count(Int)
    case days(Int)
    case percent(Int)
    case pixels(Int)
    case years(Int)
    /// Minutes after midnight, shop time: `16:00`.
    case timeOfDay(Int)
    /// Start (minutes after midnight) and duration in minutes: `16:00-24:00` is 960 + 480.
    /// A shift that ends at 24:00 belongs to the day it starts (DESIGN.md, Time).
    case shift(start: Int, minutes: Int)

    public enum Kind: String, Sendable, CaseIterable {
        case money, count, days, percent, pixels, years, timeOfDay = "time", shift
    }

    public var kind: Kind {
        switch self {
        case .money: .money
        case .count: .count
        case .days: .days
        case .percent: .percent
        case .pixels: .pixels
        case .years: .years
        case .timeOfDay: .timeOfDay
        case .shift: .shift
        }
    }

    /// Canonical text: `100.00`, `10`, `3`, `300`, `710`, `16:00`, `16:00-24:00`.
    public var description: String {
        switch self {
        case .money(let money): money.description
        case .count(let n), .days(let n), .percent(let n), .pixels(let n), .years(let n): String(n)
        case .timeOfDay(let minutes): Self.clock(minutes)
        case .shift(let start, let minutes): Self.clock(start) + "-" + Self.clock(start + minutes)
        }
    }

    /// How a person reads it: `¥100.00`, `3 天`, `300%` …
    public func display(in language: Language) -> String {
        switch self {
        case .money(let money): money.withSign
        case .count(let n): language.pick(zh: "\(n) 件", en: "\(n)")
        case .days(let n): language.pick(zh: "\(n) 天", en: n == 1 ? "1 day" : "\(n) days")
        case .percent(let n): "\(n)%"
        case .pixels(let n): "\(n) px"
        case .years(let n): language.pick(zh: "\(n) 岁", en: "\(n) years")
        case .timeOfDay, .shift: description
        }
    }

    static func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }

    /// Parses `text` as a value of `kind`.
    public static func parse(_ text: String, as kind: Kind) throws(PolicyError) -> PolicyValue {
        let trimmed = text.trimmingWhitespace()
        // Issue 19: a negative amount, count or period says so.
        if kind != .timeOfDay, kind != .shift, let first = trimmed.first, first == "-" || first == "−" || first == "－",
           trimmed.dropFirst().first.map({ $0.isNumber || $0 == "¥" }) ?? false {
            throw .negativeValue(trimmed, kind)
        }
        switch kind {
        case .money:
            do { return .money(try Money.parse(trimmed)) } catch .tooLarge { throw .tooLarge(trimmed, kind) } catch { throw .badValue(trimmed, kind) }
        case .count, .days, .percent, .pixels, .years:
            var digits = trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed
            for suffix in ["%", "px", "天", "件", "岁", "days", "day", "years"] where digits.hasSuffix(suffix) {
                digits = String(digits.dropLast(suffix.count)).trimmingWhitespace()
            }
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { throw .badValue(trimmed, kind) }
            // Issue 19: no policy count, period or size passes `InputLimits.quantity`.
            guard digits.count <= 9, let n = Int(digits), n <= InputLimits.quantity else { throw .tooLarge(trimmed, kind) }
            switch kind {
            case .count: return .count(n)
            case .days: return .days(n)
            case .percent: return .percent(n)
            case .pixels: return .pixels(n)
            default: return .years(n)
            }
        case .timeOfDay:
            guard let minutes = parseClock(trimmed), minutes < 24 * 60 else { throw .badValue(trimmed, kind) }
            return .timeOfDay(minutes)
        case .shift:
            let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "~" })
            guard parts.count == 2, let start = parseClock(String(parts[0])), let end = parseClock(String(parts[1])),
                  start < 24 * 60, end <= 24 * 60, end != start
            else { throw .badValue(trimmed, kind) }
            // An end before the start runs past midnight.
            let minutes = end > start ? end - start : end + 24 * 60 - start
            return .shift(start: start, minutes: minutes)
        }
    }

    /// `8:00`, `08:00`, `24:00` → minutes after midnight.
    static func parseClock(_ text: String) -> Int? {
        let parts = text.trimmingWhitespace().split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
              parts[1].count == 2, (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 24 * 60
        else { return nil }
        return h * 60 + m
    }
}

extension PolicyValue: CustomStringConvertible {}
