/// The shift templates of HR-1, each a policy item (editable with an effective date).
public enum ShiftTemplate: String, Sendable, Codable, CaseIterable {
    case csEarly = "cs-early", csLate = "cs-late", opsDay = "ops-day", opsNight = "ops-night", warehouse

    public var policyKey: String { "HR-1.shift." + rawValue }

    public var team: Team {
        switch self {
        case .csEarly, .csLate: .cs
        case .opsDay, .opsNight: .ops
        case .warehouse: .warehouse
        }
    }

    public func title(in language: Language) -> String {
        switch self {
        case .csEarly: language.pick(zh: "客服早班", en: "CS early")
        case .csLate: language.pick(zh: "客服晚班", en: "CS late")
        case .opsDay: language.pick(zh: "运营白班", en: "ops day")
        case .opsNight: language.pick(zh: "运营晚班", en: "ops night")
        case .warehouse: language.pick(zh: "仓库班", en: "warehouse")
        }
    }

    /// Start (minutes after midnight) and length in minutes on a day, from the policy in force.
    /// A shift that ends at 24:00 is start + duration and belongs to the day it starts.
    public func times(in policy: Policy, on day: CivilDate) -> (start: Int, minutes: Int) {
        guard let item = PolicyCatalog.item(policyKey), case .shift(let start, let minutes) = policy.value(of: item, on: day).value else {
            return (9 * 60, 8 * 60)
        }
        return (start, minutes)
    }
}

/// Who works together and hands over to each other.
public enum Team: String, Sendable, Codable, CaseIterable {
    case cs, ops, warehouse

    /// A person's team: customer service if they hold a CS role, else the warehouse if they hold
    /// a warehouse or shipping role, else operations.
    public static func of(_ roles: [Role]) -> Team {
        if roles.contains(where: { $0 == .csAgent || $0 == .csLead }) { return .cs }
        if roles.contains(where: { $0 == .warehouse || $0 == .warehouseLead || $0 == .shipper }) { return .warehouse }
        return .ops
    }

    /// The shifts the team alternates between, week by week.
    public var templates: [ShiftTemplate] {
        switch self {
        case .cs: [.csEarly, .csLate]
        case .ops: [.opsDay, .opsNight]
        case .warehouse: [.warehouse]
        }
    }

    public func title(in language: Language) -> String {
        switch self {
        case .cs: language.pick(zh: "客服", en: "CS")
        case .ops: language.pick(zh: "运营", en: "operations")
        case .warehouse: language.pick(zh: "仓库", en: "warehouse")
        }
    }
}

/// HR-1's six-on-one-off rota, rest days rotated fairly.
///
/// Within a team, members' rest days are spread over the week. Each week everyone's rest day
/// moves one day earlier, so over seven weeks each person rests once on every weekday. Moving
/// earlier never makes a run longer than six days; in the week a rest day wraps from Monday to
/// Sunday the person rests on Monday too, so nobody ever works more than six days in a row.
/// The plan depends only on the week and the team's members, so it is the same on every device.
public enum RosterPlanner {
    public struct Member: Sendable, Equatable {
        public var staff: StaffID
        public var roles: [Role]
        public init(staff: StaffID, roles: [Role]) {
            self.staff = staff
            self.roles = roles
        }
    }

    public static func plan(week: ISOWeek, members: [Member]) -> [RosterPlanned.Entry] {
        var entries: [RosterPlanned.Entry] = []
        let teams = Dictionary(grouping: members, by: { Team.of($0.roles) })
        for team in Team.allCases {
            let people = teams[team] ?? []
            for (k, person) in people.enumerated() {
                let rest = restDays(member: k, of: people.count, week: week)
                // Alternate the team's shifts week by week, half the team on each.
                let template = team.templates[(k + week.ordinal) % team.templates.count]
                for (index, day) in week.days.enumerated() {
                    entries.append(.init(day: day, staff: person.staff, template: rest.contains(index) ? nil : template))
                }
            }
        }
        return entries
    }

    /// Rest weekdays (0 = Monday) of member `k` of a team of `n` in a week.
    public static func restDays(member k: Int, of n: Int, week: ISOWeek) -> Set<Int> {
        let base = n > 0 ? k * 7 / n : 0
        let day = ((base - week.ordinal) % 7 + 7) % 7
        return day == 6 ? [0, 6] : [day]
    }

    /// The cleaning rota (HR-7): one person a day, taking turns in a fixed order that carries on
    /// from week to week.
    public static func cleaning(week: ISOWeek, members: [StaffID]) -> [RosterPlanned.Cleaning] {
        guard !members.isEmpty else { return [] }
        return week.days.enumerated().map { index, day in
            .init(day: day, staff: members[(week.ordinal * 7 + index) % members.count])
        }
    }
}
