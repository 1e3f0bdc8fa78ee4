import ArgumentParser
import Foundation
import GRDB
import ShopActions
import ShopDomain
import Storage

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
                InitCommand.self, StaffCommand.self, PolicyCommand.self,
                ProductCommand.self, LocationCommand.self, StockCommand.self, ReceiptCommand.self, CountCommand.self, AlertCommand.self,
                OrderCommand.self, WaybillCommand.self, PickCommand.self, PackCommand.self, PickupCommand.self, ParcelCommand.self,
                StubCommand.self, ClaimCommand.self, CourierCommand.self, FineCommand.self, FundCommand.self, CampaignCommand.self, ListingCommand.self,
                CustomerCommand.self, ReviewCommand.self, ComplaintCommand.self, InquiryCommand.self, ReturnCommand.self, ReplyCommand.self,
                CSCommand.self,
                RosterCommand.self, ShiftCommand.self, HandoverCommand.self, MemoCommand.self, PlanCommand.self, DueCommand.self,
                LeaveCommand.self, WageCommand.self, TrainingCommand.self,
                ReportCommand.self, TargetCommand.self,
                DeviceCommand.self, NotebookCommand.self, SyncCommand.self, ConflictCommand.self,
                JournalCommand.self, BackupCommand.self, DemoCommand.self,
            ]
        )
    }

    public init() {}

    /// Runs the command line: exit 0 on success, 1 when the shop refused (one clear line on
    /// stderr), 2 for a usage mistake.
    public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        do {
            var command = try parseAsRoot(keepingNegativeNumbers(hoistingGlobalOptions(arguments)))
            try command.run()
            Foundation.exit(0)
        } catch let error as any ShopError {
            FileHandle.standardError.write(Data((L("错误：", "error: ") + error.message(in: Language.current) + "\n").utf8))
            Foundation.exit(1)
        } catch let error as DatabaseError {
            // SQLite's own errors in the shop's terms (a damaged page met while reading, say): exit 1, not the usage code.
            let shopError = StorageError.from(error, path: ShopFile.path(databaseOption(arguments)))
            FileHandle.standardError.write(Data((L("错误：", "error: ") + shopError.message(in: Language.current) + "\n").utf8))
            Foundation.exit(1)
        } catch let error as CommandFailure {
            Foundation.exit(error.code)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            // Usage mistakes in the run's language too (issue 19).
            FileHandle.standardError.write(Data((ArgumentErrorText.localized(fullMessage(for: error), in: Language.current) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

extension Zhanggui {
    /// `zhanggui --db X staff list` works like `zhanggui staff list --db X`: global options
    /// written before the subcommand are moved behind it, where every command accepts them.
    static func hoistingGlobalOptions(_ arguments: [String]) -> [String] {
        let withValue: Set<String> = ["--db", "--lang", "--as"]
        let flags: Set<String> = ["--json"]
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = String(argument.prefix { $0 != "=" })
            if flags.contains(argument) || (withValue.contains(name) && argument.contains("=")) {
                leading.append(argument)
                index += 1
            } else if withValue.contains(argument), index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else {
                break
            }
        }
        let rest = Array(arguments[index...])
        // With no subcommand left (`zhanggui --lang en --help`), keep the order.
        guard !leading.isEmpty, let first = rest.first, !first.hasPrefix("-") else { return arguments }
        return rest + leading
    }
}

extension Zhanggui {
    /// The value of `--db` on the command line, if any.
    static func databaseOption(_ arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            if argument.hasPrefix("--db=") { return String(argument.dropFirst(5)) }
            if argument == "--db", index + 1 < arguments.count { return arguments[index + 1] }
        }
        return nil
    }
}

/// A command that has already printed why it failed (a verify that found problems).
struct CommandFailure: Error {
    var code: Int32 = 1
}
