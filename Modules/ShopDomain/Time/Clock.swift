import Foundation

/// Where "now" comes from. Injected everywhere, so tests and demos can fix the time.
public struct ShopClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    public func now() -> Date { read() }

    /// The machine's clock.
    public static let system = ShopClock { Date() }

    /// A clock stopped at one instant.
    public static func fixed(_ instant: Date) -> ShopClock {
        ShopClock { instant }
    }

    /// The system clock, or a fixed instant when `ZHANGGUI_NOW` holds an ISO 8601 time
    /// (`2026-11-30T08:00:00+08:00`): for demos, golden files and end-to-end tests.
    public static func from(environment: [String: String]) throws(ClockError) -> ShopClock {
        guard let text = environment["ZHANGGUI_NOW"], !text.isEmpty else { return .system }
        guard let instant = parseInstant(text) else { throw .badFixedTime(text) }
        return .fixed(instant)
    }

    /// Parses an ISO 8601 instant with a zone: `2026-11-30T08:00:00+08:00` or `…Z`.
    public static func parseInstant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}

public enum ClockError: Error, Equatable, Sendable {
    case badFixedTime(String)
}

extension ClockError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .badFixedTime(let text):
            language.pick(zh: "ZHANGGUI_NOW=\(text) 不是带时区的时间：请写成 2026-11-30T08:00:00+08:00",
                          en: "ZHANGGUI_NOW=\(text) is not a time with a zone: write it as 2026-11-30T08:00:00+08:00")
        }
    }
}

/// The shop's time zone: instants are stored in UTC and reasoned about here
/// (business days, months, shifts). Default Asia/Shanghai.
public struct ShopZone: Sendable, Equatable {
    public let identifier: String
    public let timeZone: TimeZone

    public static let defaultIdentifier = "Asia/Shanghai"

    let calendar: Calendar

    public init(_ identifier: String) throws(ZoneError) {
        guard let zone = TimeZone(identifier: identifier) else { throw .unknown(identifier) }
        self.identifier = identifier
        self.timeZone = zone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
    }

    /// The calendar day an instant falls on in the shop.
    public func day(of instant: Date) -> CivilDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// A shop day and instants (milliseconds since 1970) that all fall on it.
    public struct DaySpan: Sendable, Equatable {
        public let day: CivilDate
        public let millis: Range<Int64>
    }

    /// The day an instant falls on, with the whole day's instants when the zone keeps one UTC
    /// offset all that day (then local time only moves forward, so every instant between the
    /// day's first and last millisecond is on it); on a day with a clock change, just the
    /// instant. For remembering the last answer: `Calendar` takes microseconds per question.
    public func daySpan(ofMillis millis: Int64) -> DaySpan {
        func instant(_ millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }
        let day = self.day(of: instant(millis))
        let alone = DaySpan(day: day, millis: millis..<millis + 1)
        let start = self.start(of: day), end = start.addingTimeInterval(86_400)
        if let change = timeZone.nextDaylightSavingTimeTransition(after: start), change < end { return alone }
        let first = Int64((start.timeIntervalSince1970 * 1000).rounded(.up))
        let last = Int64((end.timeIntervalSince1970 * 1000).rounded(.up)) - 1
        guard first <= millis, millis <= last, self.day(of: instant(first)) == day, self.day(of: instant(last)) == day
        else { return alone }
        return DaySpan(day: day, millis: first..<last + 1)
    }

    /// The instant a shop day starts (00:00 local).
    public func start(of day: CivilDate) -> Date {
        calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
    }

    /// `2026-11-30 08:00` in the shop's zone.
    public func format(_ instant: Date, seconds: Bool = false) -> String {
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        let base = String(format: "%04d-%02d-%02d %02d:%02d", p.year!, p.month!, p.day!, p.hour!, p.minute!)
        return seconds ? base + String(format: ":%02d", p.second!) : base
    }
}

public enum ZoneError: Error, Equatable, Sendable {
    case unknown(String)
}

extension ZoneError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .unknown(let name):
            language.pick(zh: "不认识时区“\(name)”：请用 IANA 名称，例如 Asia/Shanghai",
                          en: "unknown time zone “\(name)”: use an IANA name such as Asia/Shanghai")
        }
    }
}
