import ArgumentParser
import Foundation
import ShopDomain

/// The administrator's command line: every operation of the shop, `--json` on every read.
public struct Zhanggui: ParsableCommand {
    public static let version = "0.1.0"

    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "zhanggui",
            abstract: L("掌柜：淘宝小店的后台（仓库、发货、客服、交接班）。", "Zhanggui: the back office of a small Taobao shop."),
            discussion: L("""
                数据库：--db 路径，或 ZHANGGUI_DB，否则 ${XDG_DATA_HOME:-~/.local/share}/zhanggui/shop.sqlite。
                写操作以 --as 员工（或 ZHANGGUI_STAFF）的身份进行。--lang zh|en 选择语言（否则看 LANG）。
                """, """
                Database: --db PATH, or ZHANGGUI_DB, else ${XDG_DATA_HOME:-~/.local/share}/zhanggui/shop.sqlite.
                Writes act as --as STAFF (or ZHANGGUI_STAFF). --lang zh|en picks the language (else LANG).
                """),
            version: version,
            subcommands: [
                InitCommand.self, StaffCommand.self, PolicyCommand.self, JournalCommand.self, BackupCommand.self, DemoCommand.self,
            ]
        )
    }

    public init() {}

    /// Runs the command line: exit 0 on success, 1 when the shop refused (one clear line on
    /// stderr), 2 for a usage mistake.
    public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let error as any ShopError {
            FileHandle.standardError.write(Data((L("错误：", "error: ") + error.message(in: Language.current) + "\n").utf8))
            Foundation.exit(1)
        } catch let error as CommandFailure {
            Foundation.exit(error.code)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// A command that has already printed why it failed (a verify that found problems).
struct CommandFailure: Error {
    var code: Int32 = 1
}
