import TerminalUI

/// The screens reachable with one key from the navigation bar: the digit (outside a text
/// field) or the function key (always).
public enum MainScreens {
    public struct Entry: Sendable {
        public let zh: String
        public let en: String
        public let make: @Sendable () -> any Screen

        public func title(_ ctx: DeskContext) -> String { ctx.t(zh, en) }
    }

    /// In navigation-bar order; each screen's file adds its entry here.
    public static let all: [Entry] = [
        Entry(zh: "总览", en: "Dashboard") { DashboardScreen() },
        Entry(zh: "交接", en: "Handover") { HandoverScreen() },
        Entry(zh: "拣货打包", en: "Pick & pack") { PickPackScreen() },
        Entry(zh: "库存", en: "Stock") { StockScreen() },
        Entry(zh: "订单", en: "Orders") { OrdersScreen() },
        Entry(zh: "冲突", en: "Conflicts") { ConflictsScreen() },
        Entry(zh: "同步", en: "Sync") { SyncScreen() },
        Entry(zh: "客服台", en: "Agent desk") { AgentDeskScreen() },
    ]

    static func target(for key: Key, typing: Bool) -> Entry? {
        let index: Int
        switch key {
        case .function(let n): index = n - 1
        case .character(let c) where !typing: index = (c.wholeNumberValue ?? 0) - 1
        default: return nil
        }
        return all.indices.contains(index) ? all[index] : nil
    }
}
