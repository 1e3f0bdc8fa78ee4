import TerminalUI

/// The screens reachable with one key from the navigation bar: the digit (outside a text
/// field) or the function key (always).
public enum MainScreens {
    public struct Entry: Sendable {
        public let zh: String
        public let en: String
        /// The function key that opens it (F1…F12), and the digit for F1–F10 (`0` is F10). Nil: its
        /// place in `all`, counting from 1.
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

    /// In navigation-bar order; each screen's file adds its entry here.
    public static let all: [Entry] = [
        Entry(zh: "总览", en: "Dashboard") { DashboardScreen() },
        Entry(zh: "交接", en: "Handover") { HandoverScreen() },
        Entry(zh: "拣货打包", en: "Pick & pack") { PickPackScreen() },
        Entry(zh: "库存", en: "Stock") { StockScreen() },
        Entry(zh: "订单", en: "Orders") { OrdersScreen() },
        Entry(zh: "冲突", en: "Conflicts") { ConflictsScreen() },
        Entry(zh: "同步", en: "Sync") { SyncScreen() },
        Entry(zh: "上架", en: "Listing", number: 11) { ListingScreen() },
    ]

    /// The function key number of the entry at `index`.
    public static func number(at index: Int) -> Int { all[index].number ?? index + 1 }

    /// How the navigation bar and the help screen name an entry's key: `4`, `0` (F10), `F11`.
    public static func keyName(at index: Int) -> String {
        let n = number(at: index)
        return n <= 9 ? String(n) : n == 10 ? "0" : "F\(n)"
    }

    static func target(for key: Key, typing: Bool) -> Entry? {
        let wanted: Int
        switch key {
        case .function(let n): wanted = n
        case .character(let c) where !typing:
            guard let digit = c.wholeNumberValue, c.isASCII else { return nil }
            wanted = digit == 0 ? 10 : digit
        default: return nil
        }
        return all.indices.first { number(at: $0) == wanted }.map { all[$0] }
    }
}
