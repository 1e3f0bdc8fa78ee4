import Foundation
import ShiftDesk
import ShopDomain
import ShopActions
import Storage
import TerminalUI

// zhanggui-tui [--db PATH] [--lang zh|en] [--hub URL --token T] [--mono]: parse, wire, run.
let arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let environment = ProcessInfo.processInfo.environment
if arguments.contains("--help") || arguments.contains("-h") {
    print("""
        zhanggui-tui — the shift desk (掌柜 终端界面)
        usage: zhanggui-tui [--db PATH] [--lang zh|en] [--hub URL --token TOKEN] [--mono]
          --db     the shop database (default ZHANGGUI_DB or ~/.local/share/zhanggui/shop.sqlite)
          --lang   zh or en (default from LANG)
          --hub    the hub to sync with from the Sync screen, with --token (default ZHANGGUI_HUB, ZHANGGUI_TOKEN)
          --mono   no colours
        keys: 1–7 or F1–F7 switch screens, ? help, Esc back, q quit
        """)
    exit(0)
}
let language = option("--lang").flatMap(Language.init(tag:)) ?? Language.from(environment: environment)
let hubURL = option("--hub") ?? environment["ZHANGGUI_HUB"]
let token = option("--token") ?? environment["ZHANGGUI_TOKEN"]
let monochrome = arguments.contains("--mono")
do {
    let session = try ShopSession(path: option("--db"), environment: environment)
    let context = try DeskContext(database: session.database, language: language,
                                  hub: hubURL.flatMap { url in token.map { (url, $0) } })
    Desk(driver: NcursesDriver(monochrome: monochrome), context: context).run()
} catch let error as any ShopError {
    FileHandle.standardError.write(Data((language.pick(zh: "错误：", en: "error: ") + error.message(in: language) + "\n").utf8))
    exit(1)
}
