import Foundation

extension CivilDate {
    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private var noonUTC: Date {
        Self.utc.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
    }

    private init(noonUTC date: Date) {
        let p = Self.utc.dateComponents([.year, .month, .day], from: date)
        self.init(year: p.year!, month: p.month!, day: p.day!)!
    }

    /// The day `n` days later (earlier when negative).
    public func adding(days n: Int) -> CivilDate {
        CivilDate(noonUTC: noonUTC.addingTimeInterval(Double(n) * 86400))
    }

    /// 0 = Monday … 6 = Sunday.
    public var weekdayIndex: Int {
        (Self.utc.component(.weekday, from: noonUTC) + 5) % 7
    }

    /// Days from `self` to `other`.
    public func days(to other: CivilDate) -> Int {
        Int(((other.noonUTC.timeIntervalSince(noonUTC)) / 86400).rounded())
    }

    /// `2026-11`: the month this day is in.
    public var monthKey: String { String(format: "%04d-%02d", year, month) }
}

/// An ISO 8601 week, `2026-W49`: Monday to Sunday.
public struct ISOWeek: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    public init?(year: Int, week: Int) {
        guard (1...53).contains(week) else { return nil }
        self.year = year
        self.week = week
        guard ISOWeek(containing: monday) == self else { return nil }  // week 53 exists only in some years
    }

    private init(unchecked year: Int, _ week: Int) {
        self.year = year
        self.week = week
    }

    /// Parses `2026-W49` (also `2026W49`, lower-case w).
    public init?(_ text: String) {
        let upper = text.trimmingWhitespace().uppercased()
        let parts = upper.split(separator: "W")
        guard parts.count == 2, parts[0].hasSuffix("-") || parts[0].count == 4 else { return nil }
        let yearText = parts[0].hasSuffix("-") ? parts[0].dropLast() : parts[0]
        guard yearText.count == 4, parts[1].count == 2, let y = Int(yearText), let w = Int(parts[1]) else { return nil }
        self.init(year: y, week: w)
    }

    /// The week a day falls in.
    public init(containing day: CivilDate) {
        // The ISO year is the year of the week's Thursday.
        let thursday = day.adding(days: 3 - day.weekdayIndex)
        let firstThursday = CivilDate(year: thursday.year, month: 1, day: 1)!
        let offset = (3 - firstThursday.weekdayIndex + 7) % 7
        let week = firstThursday.adding(days: offset).days(to: thursday) / 7 + 1
        self.init(unchecked: thursday.year, week)
    }

    public var monday: CivilDate {
        let jan4 = CivilDate(year: year, month: 1, day: 4)!
        return jan4.adding(days: -jan4.weekdayIndex + (week - 1) * 7)
    }

    /// Monday to Sunday.
    public var days: [CivilDate] { (0..<7).map { monday.adding(days: $0) } }

    public var next: ISOWeek { ISOWeek(containing: monday.adding(days: 7)) }
    public var previous: ISOWeek { ISOWeek(containing: monday.adding(days: -7)) }

    /// A running week number, for rotations that must not jump at a year's end.
    public var ordinal: Int { ISOWeek(containing: CivilDate(year: 2001, month: 1, day: 1)!).monday.days(to: monday) / 7 }

    public var description: String { String(format: "%04d-W%02d", year, week) }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let week = ISOWeek(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO week: \(text)"))
        }
        self = week
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
