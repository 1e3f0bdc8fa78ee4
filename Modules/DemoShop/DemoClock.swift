import Foundation
import ShopDomain
import Synchronization

/// The demo's own clock: the demo's history happens over the days before today, step by step,
/// so shifts have real lateness and the journal's times read like a real week.
final class DemoClock: Sendable {
    private let instant: Mutex<Date>

    init(_ start: Date) {
        instant = Mutex(start)
    }

    var clock: ShopClock {
        ShopClock { [self] in instant.withLock { $0 } }
    }

    /// Moves to a shop-local time on a day.
    func set(_ day: CivilDate, _ hour: Int, _ minute: Int, in zone: ShopZone) {
        instant.withLock { $0 = zone.start(of: day).addingTimeInterval(Double(hour * 3600 + minute * 60)) }
    }
}
