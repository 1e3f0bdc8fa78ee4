import Foundation
import ShopDomain
import Synchronization

/// The demo's own clock: the demo's history happens over the days before today, step by step,
/// so shifts have real lateness and the journal's times read like a real week.
///
/// It also keeps an agenda: things that happen at their own time whatever part of the story is
/// being told then (the fines and fund payments spread over the fortnight). Each part of the demo
/// moves the clock with `set`; whatever is on the agenda before the new time happens first, at its
/// own time, so the journal stays in time order.
final class DemoClock: Sendable {
    private let instant: Mutex<Date>
    private let agenda = Mutex<[(at: Date, run: @Sendable () throws -> Void)]>([])
    private let failure = Mutex<(any Error)?>(nil)

    init(_ start: Date) {
        instant = Mutex(start)
    }

    var clock: ShopClock {
        ShopClock { [self] in instant.withLock { $0 } }
    }

    /// Moves to a shop-local time on a day, after what is on the agenda before it.
    func set(_ day: CivilDate, _ hour: Int, _ minute: Int, in zone: ShopZone) {
        let target = zone.start(of: day).addingTimeInterval(Double(hour * 3600 + minute * 60))
        runAgenda(through: target)
        instant.withLock { $0 = target }
    }

    /// Puts `run` on the agenda for `at` (shop-local `hour:minute` on `day`).
    func schedule(_ day: CivilDate, _ hour: Int, _ minute: Int, in zone: ShopZone, _ run: @escaping @Sendable () throws -> Void) {
        let at = zone.start(of: day).addingTimeInterval(Double(hour * 3600 + minute * 60))
        agenda.withLock { items in
            items.append((at, run))
            items.sort { $0.at < $1.at }
        }
    }

    /// Runs what is on the agenda up to `end`, each at its own time; the first error is kept for
    /// `finish` (the parts of the story call `set` outside any `throws`).
    func runAgenda(through end: Date) {
        while let next = agenda.withLock({ items -> (at: Date, run: @Sendable () throws -> Void)? in
            guard let first = items.first, first.at <= end else { return nil }
            return items.removeFirst()
        }) {
            instant.withLock { $0 = next.at }
            do { try next.run() } catch { failure.withLock { if $0 == nil { $0 = error } } }
        }
    }

    /// Runs the rest of the agenda and throws the first error any of it met.
    func finish() throws {
        runAgenda(through: .distantFuture)
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
