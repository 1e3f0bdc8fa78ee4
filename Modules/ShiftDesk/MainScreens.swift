import TerminalUI

/// The screens reachable with one key from the navigation bar: the digit (outside a text
/// field) or the function key (always).
public enum MainScreens {
    public struct Entry: Sendable {
        public let zh: String
        public let en: String
        /// The screen's number (1–11: the digit, `0` for 10, and F1–F11); nil: its place in `all`.
        public let number: Int?
        public let make: @Sendable () -> any Screen

        public init(zh: String, en: String, number: Int? = nil, make: @escaping @Sendable () -> any Screen) {
            self.zh = zh
            self.en = en
            self.number = number
            self.make = make
        }

        public func title(_ ctx: DeskContext) -> String { ctx.t(zh, en) }
    }

    /// Each entry's number: its own, or its place in `all`.
    static var numbered: [(number: Int, entry: Entry)] {
        all.enumerated().map { ($0.element.number ?? $0.offset + 1, $0.element) }
    }

    /// The digit that opens screen `number` (`0` for 10; none past it: F11 only).
    static func digit(_ number: Int) -> String { number == 10 ? "0" : number < 10 ? String(number) : "F\(number)" }

    /// In navigation-bar order; each screen's file adds its entry here.
    public static let all: [Entry] = [
        Entry(zh: "总览", en: "Dashboard") { DashboardScreen() },
        Entry(zh: "交接", en: "Handover") { HandoverScreen() },
        Entry(zh: "拣货打包", en: "Pick & pack") { PickPackScreen() },
        Entry(zh: "库存", en: "Stock") { StockScreen() },
        Entry(zh: "订单", en: "Orders") { OrdersScreen() },
        Entry(zh: "冲突", en: "Conflicts") { ConflictsScreen() },
        Entry(zh: "同步", en: "Sync") { SyncScreen() },
        Entry(zh: "客服台", en: "Agent desk", number: 8) { AgentDeskScreen() },
        Entry(zh: "审批", en: "Approvals", number: 9) { ApprovalInboxScreen() },
        Entry(zh: "罚款请假", en: "Fines & leave", number: 10) { PeopleScreen() },
        Entry(zh: "上架", en: "Listing", number: 11) { ListingScreen() },
    ]

    static func target(for key: Key, typing: Bool) -> Entry? {
        let number: Int
        switch key {
        case .function(let n): number = n
        case .character(let c) where !typing:
            guard let digit = c.wholeNumberValue else { return nil }
            number = digit == 0 ? 10 : digit
        default: return nil
        }
        return numbered.first { $0.number == number }?.entry
    }
}
