import Foundation
import ShopDomain

/// Reads the wall times platform exports write (no zone: the shop's own clock) and returns
/// the instant. Accepts `2016-05-23 22:02:11`, `2016-05-23 22:02`, and Excel's re-saved forms
/// `2016/5/23 22:02` and `2016/5/23 22:02:11`.
struct WallClock: Sendable {
    private let calendar: Calendar

    init(zone: ShopZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone.timeZone
        self.calendar = calendar
    }

    /// The instant, or nil for text that is not such a time.
    func instant(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let day = CivilDate(String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(clock.count),
              clock.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCIIDigitish) }),
              let hour = Int(clock[0]), let minute = Int(clock[1]),
              hour < 24, minute < 60, clock[1].count == 2
        else { return nil }
        var second = 0
        if clock.count == 3 {
            guard clock[2].count == 2, let s = Int(clock[2]), s < 60 else { return nil }
            second = s
        }
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute, second: second)
        return calendar.date(from: components)
    }

    /// A time cell: nil when empty, a row problem when it is not a time.
    func parse(_ raw: String?, column: String) throws(RowProblem) -> Date? {
        let text = Cells.unwrap(raw ?? "")
        if text.isEmpty { return nil }
        guard let instant = instant(text) else { throw .badTime(column: column, text: text) }
        return instant
    }
}
