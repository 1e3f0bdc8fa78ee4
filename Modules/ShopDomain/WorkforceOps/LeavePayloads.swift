/// The ops of leave, wages and training (HR-3, HR-4, HR-6).

/// The kinds of leave (HR-3).
public enum LeaveKind: String, Sendable, Codable, CaseIterable {
    case marriage, bereavement, sick, personal, annual

    public var zh: String {
        switch self {
        case .marriage: "婚假"
        case .bereavement: "丧假"
        case .sick: "病假"
        case .personal: "事假"
        case .annual: "年假"
        }
    }

    public func title(in language: Language) -> String { language.pick(zh: zh, en: rawValue) }
}

/// Whose death a bereavement leave is for (HR-3).
public enum Bereavement: String, Sendable, Codable, CaseIterable {
    case parent, spouse, child
    /// A spouse's parent: up to 3 days, only with the GM's approval.
    case spouseParent = "spouse-parent"
}

/// A leave note (HR-3, HR-4): valid once a supervisor signs (`leave.approved`).
public struct LeaveRequested: OpPayload {
    public static let kind = "leave.requested"
    public static let version = 1
    public var leave: String
    /// Who takes the leave (the person asking, or a supervisor writing it for them).
    public var staff: StaffID
    public var kind: LeaveKind
    public var from: CivilDate
    public var days: Int
    /// Marriage leave: the wedding date (the late-marriage age is reckoned on it).
    public var wedding: CivilDate?
    /// Bereavement leave: whose death.
    public var relation: Bereavement?
    public var note: String
    public init(leave: String, staff: StaffID, kind: LeaveKind, from: CivilDate, days: Int, wedding: CivilDate? = nil,
                relation: Bereavement? = nil, note: String = "") {
        self.leave = leave
        self.staff = staff
        self.kind = kind
        self.from = from
        self.days = days
        self.wedding = wedding
        self.relation = relation
        self.note = note
    }
}

/// A supervisor signs a leave note (HR-4); a spouse's parent's bereavement only the GM (HR-3).
public struct LeaveApproved: OpPayload {
    public static let kind = "leave.approved"
    public static let version = 1
    public var leave: String
    public init(leave: String) { self.leave = leave }
}

/// A supervisor turns a leave note down, with a reason.
public struct LeaveRejected: OpPayload {
    public static let kind = "leave.rejected"
    public static let version = 1
    public var leave: String
    public var reason: String
    public init(leave: String, reason: String) {
        self.leave = leave
        self.reason = reason
    }
}

/// The daily wage on a person's staff record (HR-3: unused annual leave is paid from it).
public struct WageSet: OpPayload {
    public static let kind = "staff.wage-set"
    public static let version = 1
    public var staff: StaffID
    public var daily: Money
    public init(staff: StaffID, daily: Money) {
        self.staff = staff
        self.daily = daily
    }
}

/// Leaving the post ends: the person is back (HR-4; `shift.left` recorded the going).
public struct ShiftReturned: OpPayload {
    public static let kind = "shift.returned"
    public static let version = 1
    public var shift: String
    public init(shift: String) { self.shift = shift }
}

/// A supervisor's hands-on training of a new person (HR-6, DES-8): a topic on a day.
public struct TrainingRecorded: OpPayload {
    public static let kind = "training.recorded"
    public static let version = 1
    public var staff: StaffID
    public var topic: String
    public var day: CivilDate
    public init(staff: StaffID, topic: String, day: CivilDate) {
        self.staff = staff
        self.topic = topic
        self.day = day
    }
}

/// The supervisor signs the new person's training off (HR-6).
public struct TrainingSignedOff: OpPayload {
    public static let kind = "training.signed-off"
    public static let version = 1
    public var staff: StaffID
    public init(staff: StaffID) { self.staff = staff }
}
