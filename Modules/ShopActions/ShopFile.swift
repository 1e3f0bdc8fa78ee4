import Foundation

/// Where the shop's database file is, for every program (issue 18: the CLI, the TUI and the hub
/// used to work it out each on their own, and the hub had no default at all): the path given
/// (`--db`), else `ZHANGGUI_DB`, else `${XDG_DATA_HOME:-~/.local/share}/zhanggui/shop.sqlite`.
public enum ShopFile {
    public static func path(_ given: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let given, !given.isEmpty { return given }
        if let path = environment["ZHANGGUI_DB"], !path.isEmpty { return path }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (dataHome as NSString).appendingPathComponent("zhanggui/shop.sqlite")
    }
}
