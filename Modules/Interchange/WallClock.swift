import Foundation
import ShopDomain

/// Reads the wall times platform exports write (no zone: the shop's own clock) and returns
/// the instant. Accepts `2016-05-23 22:02:11`, `2016-05-23 22:02`, and Excel's re-saved forms
/// `2016/5/23 22:02` and `2016/5/23 22:02:11`.
///
/// An export of 100,000 orders spans a few hundred hours, so the calendar is asked once per hour
/// of the shop's clock and the minutes and seconds added to it (zones change their offset on the
/// hour; the few that ever did so at a half hour did it at 00:00 or 02:00).
final class WallClock {
    private let calendar: Calendar
    private var hours: [Int64: Date] = [:]

    init(zone: ShopZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone.timeZone
        self.calendar = calendar
    }

    /// The instant, or nil for text that is not such a time.
    func instant(_ text: String) -> Date? {
        guard let time = Self.fields(text.utf8) ?? Self.fields(slowly: text),
              let day = CivilDate(year: time.year, month: time.month, day: time.day),
              time.hour < 24, time.minute < 60, time.second < 60
        else { return nil }
        let key = Int64(day.year) * 1_000_000 + Int64(day.month) * 10_000 + Int64(day.day) * 100 + Int64(time.hour)
        let offset = TimeInterval(time.minute * 60 + time.second)
        if let start = hours[key] { return start + offset }
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: time.hour, minute: 0, second: 0)
        guard let start = calendar.date(from: components) else { return nil }
        hours[key] = start
        return start + offset
    }

    /// A time cell: nil when empty, a row problem when it is not a time.
    func parse(_ raw: String?, column: String) throws(RowProblem) -> Date? {
        let text = Cells.unwrap(raw ?? "")
        if text.isEmpty { return nil }
        guard let instant = instant(text) else { throw .badTime(column: column, text: text) }
        return instant
    }

    struct Fields { var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0 }

    /// The common forms read byte by byte: `yyyy-M-d H:mm[:ss]` (or with `/`), one space; nil
    /// for anything else, which `fields(slowly:)` then reads.
    static func fields(_ utf8: String.UTF8View) -> Fields? {
        var parts = [0, 0, 0, 0, 0, 0], widths = [0, 0, 0, 0, 0, 0], part = 0
        // What may end each part: `-`/`/`, the same again, one space, `:`, `:` (or the end).
        for byte in utf8 {
            switch byte {
            case 0x30...0x39:
                guard widths[part] < 4 else { return nil }
                parts[part] = parts[part] * 10 + Int(byte - 0x30)
                widths[part] += 1
            case 0x2D where part < 2: part += 1
            case 0x2F where part < 2: part += 1
            case 0x20 where part == 2: part += 1
            case 0x3A where part == 3 || part == 4: part += 1
            default: return nil
            }
        }
        guard part >= 4, widths[0] == 4, (1...2).contains(widths[1]), (1...2).contains(widths[2]),
              (1...2).contains(widths[3]), widths[4] == 2, part == 4 || widths[5] == 2
        else { return nil }
        return Fields(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4], second: parts[5])
    }

    /// Every form the reader accepts (several spaces, up to four digits of month or day).
    static func fields(slowly text: String) -> Fields? {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let day = CivilDate(String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(clock.count),
              clock.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCIIDigitish) }),
              let hour = Int(clock[0]), let minute = Int(clock[1]), clock[1].count == 2
        else { return nil }
        var second = 0
        if clock.count == 3 {
            guard clock[2].count == 2, let s = Int(clock[2]) else { return nil }
            second = s
        }
        return Fields(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute, second: second)
    }
}
