import Foundation
import Testing
import ShopDomain

@Suite("Shop days: a remembered day's span holds only that day's instants")
struct DaySpanTests {
    @Test("every few hours for two years, around clock changes, including one at midnight",
          arguments: ["Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Lord_Howe", "America/Sao_Paulo"])
    func spans(identifier: String) throws {
        let zone = try ShopZone(identifier)
        func day(_ millis: Int64) -> CivilDate { zone.day(of: Date(timeIntervalSince1970: Double(millis) / 1000)) }
        var millis: Int64 = 1_514_764_800_000  // 2018-01-01, when São Paulo still changed clocks at midnight
        while millis < 1_580_000_000_000 {
            let span = zone.daySpan(ofMillis: millis)
            #expect(span.day == day(millis))
            #expect(span.millis.contains(millis))
            let first = span.millis.lowerBound, last = span.millis.upperBound - 1
            for probe in [first, first + (last - first) / 3, first + 2 * (last - first) / 3, last] {
                #expect(day(probe) == span.day, "\(identifier) \(probe)")
            }
            // At most a day, from the day's start (a 25-hour day's last hour is left out: its
            // clock change is where the span ends).
            #expect(span.millis.count <= 86_400_000)
            if span.millis.count > 1 { #expect(day(first - 1) != span.day) }
            millis += 5 * 3_600_000 + 1_234_567
        }
    }
}
