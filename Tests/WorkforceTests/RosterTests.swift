import Foundation
import ShopDomain
import Testing
@testable import Workforce

@Suite("The rota (HR-1): six on, one off, rest days rotated fairly")
struct RosterTests {
    func members(_ counts: [Team: Int]) -> [RosterPlanner.Member] {
        var result: [RosterPlanner.Member] = []
        for (team, n) in counts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let roles: [Role] = switch team {
            case .cs: [.csAgent]
            case .ops: [.designer]
            case .warehouse: [.warehouse]
            }
            for _ in 0..<n { result.append(.init(staff: IDSource.random.next(), roles: roles)) }
        }
        return result
    }

    /// Plans `weeks` consecutive weeks and returns each person's days in order (true = working).
    func days(from start: String, weeks: Int, members: [RosterPlanner.Member]) -> [StaffID: [RosterPlanned.Entry]] {
        var week = ISOWeek(start)!
        var result: [StaffID: [RosterPlanned.Entry]] = [:]
        for _ in 0..<weeks {
            for entry in RosterPlanner.plan(week: week, members: members) { result[entry.staff, default: []].append(entry) }
            week = week.next
        }
        return result.mapValues { $0.sorted { $0.day < $1.day } }
    }

    @Test("nobody works more than six days in a row, across weeks and the year's end", arguments: [1, 2, 3, 5, 7, 9])
    func sixOnOneOff(teamSize: Int) {
        let people = members([.cs: teamSize, .ops: 2, .warehouse: 1])
        for (_, entries) in days(from: "2026-W40", weeks: 30, members: people) {
            var run = 0, longest = 0
            for entry in entries {
                run = entry.template == nil ? 0 : run + 1
                longest = max(longest, run)
            }
            #expect(longest <= 6)
            // And at least one rest day every week.
            for week in stride(from: 0, to: entries.count, by: 7) {
                #expect(entries[week..<min(week + 7, entries.count)].contains { $0.template == nil })
            }
        }
    }

    @Test("over seven weeks each person rests once on every weekday")
    func rotation() {
        let people = members([.cs: 3])
        for (_, entries) in days(from: "2026-W45", weeks: 7, members: people) {
            let weekdays = Set(entries.filter { $0.template == nil }.map(\.day.weekdayIndex))
            #expect(weekdays == Set(0..<7))
        }
    }

    @Test("rest days are spread across a team, not all on one day")
    func spread() {
        let people = members([.cs: 4])
        let plan = RosterPlanner.plan(week: ISOWeek("2026-W49")!, members: people)
        let restByDay = Dictionary(grouping: plan.filter { $0.template == nil }, by: \.day).mapValues(\.count)
        #expect(restByDay.values.max()! <= 2)
        // Every day at least three of the four work.
        for day in ISOWeek("2026-W49")!.days { #expect(plan.filter { $0.day == day && $0.template != nil }.count >= 2) }
    }

    @Test("no one is on two overlapping shifts")
    func noOverlap() {
        let policy = Policy(defaultsFrom: CivilDate("2026-01-01")!, changes: [])
        let people = members([.cs: 3, .ops: 3, .warehouse: 2])
        for (_, entries) in days(from: "2026-W48", weeks: 6, members: people) {
            var lastEnd = Int.min
            for entry in entries {
                guard let template = entry.template else { continue }
                let times = template.times(in: policy, on: entry.day)
                let start = CivilDate("2026-01-01")!.days(to: entry.day) * 1440 + times.start
                #expect(start >= lastEnd)
                lastEnd = start + times.minutes
            }
        }
    }

    @Test("ISO weeks: parsing, Mondays, the year's end")
    func weeks() {
        #expect(ISOWeek("2026-W49")?.monday == CivilDate("2026-11-30"))
        #expect(ISOWeek(containing: CivilDate("2026-12-06")!).description == "2026-W49")
        #expect(ISOWeek(containing: CivilDate("2027-01-01")!).description == "2026-W53")
        #expect(ISOWeek("2026-W53")?.next.description == "2027-W01")
        #expect(ISOWeek("2025-W53") == nil)
        for bad in ["2026-49", "W49", "2026-W60", "2026-W4", "next week"] { #expect(ISOWeek(bad) == nil, "\(bad)") }
    }
}
