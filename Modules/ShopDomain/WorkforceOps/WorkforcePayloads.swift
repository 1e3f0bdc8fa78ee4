/// The ops of shifts, handover, memos and plans (HR-1, HR-2, HR-4, HR-5, HR-7, ORG-2).

/// A week's rota, replacing any earlier plan of that week.
public struct RosterPlanned: OpPayload {
    public static let kind = "roster.planned"
    public static let version = 1
    public struct Entry: Sendable, Equatable, Codable {
        public var day: CivilDate
        public var staff: StaffID
        /// nil: a rest day.
        public var template: ShiftTemplate?
        public init(day: CivilDate, staff: StaffID, template: ShiftTemplate?) {
            self.day = day
            self.staff = staff
            self.template = template
        }
    }
    public struct Cleaning: Sendable, Equatable, Codable {
        public var day: CivilDate
        public var staff: StaffID
        public init(day: CivilDate, staff: StaffID) {
            self.day = day
            self.staff = staff
        }
    }
    public var week: ISOWeek
    public var entries: [Entry]
    public var cleaning: [Cleaning]
    public init(week: ISOWeek, entries: [Entry], cleaning: [Cleaning]) {
        self.week = week
        self.entries = entries
        self.cleaning = cleaning
    }
}

/// One person asks another to exchange their days (a shift, a rest day or a cleaning turn).
public struct SwapRequested: OpPayload {
    public static let kind = "roster.swap-requested"
    public static let version = 1
    public var swap: String
    public var day: CivilDate
    public var with: StaffID
    /// `shift` or `cleaning`.
    public var what: String
    public init(swap: String, day: CivilDate, with: StaffID, what: String) {
        self.swap = swap
        self.day = day
        self.with = with
        self.what = what
    }
}

/// The other person agrees: the two exchange that day's assignment (HR-1, HR-7).
public struct SwapAccepted: OpPayload {
    public static let kind = "roster.swap-accepted"
    public static let version = 1
    public var swap: String
    public init(swap: String) { self.swap = swap }
}

/// A person starts their shift; lateness against the roster is recorded (HR-4).
public struct ShiftStarted: OpPayload {
    public static let kind = "shift.started"
    public static let version = 1
    public var shift: String
    public init(shift: String) { self.shift = shift }
}

/// Leaving the post during a shift, with a supervisor's approval (HR-4).
public struct ShiftLeft: OpPayload {
    public static let kind = "shift.left"
    public static let version = 1
    public var shift: String
    public var approvedBy: StaffID
    public var minutes: Int
    public var reason: String
    public init(shift: String, approvedBy: StaffID, minutes: Int, reason: String) {
        self.shift = shift
        self.approvedBy = approvedBy
        self.minutes = minutes
        self.reason = reason
    }
}

/// A figure of the shop's state at handover: what is waiting, counted when the shift ended.
public struct HandoverFigure: Sendable, Equatable, Codable {
    public var key: String
    public var zh: String
    public var en: String
    public var count: Int
    /// Up to ten of the things counted (order numbers, SKUs …).
    public var examples: [String]

    public init(key: String, zh: String, en: String, count: Int, examples: [String] = []) {
        self.key = key
        self.zh = zh
        self.en = en
        self.count = count
        self.examples = examples
    }

    public func title(in language: Language) -> String { language.pick(zh: zh, en: en) }
}

/// A person ends their shift; the handover summary the system built is part of the record (HR-2).
public struct ShiftEnded: OpPayload {
    public static let kind = "shift.ended"
    public static let version = 1
    public var shift: String
    public var figures: [HandoverFigure]
    /// Handover items still open when the shift ended.
    public var openItems: [String]
    public var note: String?
    public init(shift: String, figures: [HandoverFigure], openItems: [String], note: String?) {
        self.shift = shift
        self.figures = figures
        self.openItems = openItems
        self.note = note
    }
}

/// An item in the handover book (交接本), written on shift (HR-2).
public struct HandoverWritten: OpPayload {
    public static let kind = "handover.written"
    public static let version = 1
    public var item: String
    public var text: String
    /// What it is about: an order number, an SKU, a waybill …
    public var about: String?
    public init(item: String, text: String, about: String? = nil) {
        self.item = item
        self.text = text
        self.about = about
    }
}

/// The incoming shift takes items over (HR-2).
public struct HandoverAcked: OpPayload {
    public static let kind = "handover.acked"
    public static let version = 1
    public var items: [String]
    public init(items: [String]) { self.items = items }
}

/// An item is settled and leaves the book.
public struct HandoverClosed: OpPayload {
    public static let kind = "handover.closed"
    public static let version = 1
    public var item: String
    public var note: String?
    public init(item: String, note: String? = nil) {
        self.item = item
        self.note = note
    }
}

/// A note in a person's memo book (HR-5).
public struct MemoAdded: OpPayload {
    public static let kind = "memo.added"
    public static let version = 1
    public var memo: String
    public var text: String
    public init(memo: String, text: String) {
        self.memo = memo
        self.text = text
    }
}

/// A report of the ORG-2 cadence or HR-5's weekly summary and plan, for a period.
public struct PlanWritten: OpPayload {
    public static let kind = "plan.written"
    public static let version = 1
    public var kind: ReportKind
    /// `2026-W49` or `2026-11`.
    public var period: String
    public var text: String
    public init(kind: ReportKind, period: String, text: String) {
        self.kind = kind
        self.period = period
        self.text = text
    }
}
