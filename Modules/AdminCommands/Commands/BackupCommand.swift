import ArgumentParser
import Storage

struct BackupCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "backup",
            abstract: L("在线备份到新文件（用 --db 文件 打开备份）。", "Online backup into a new file (open it with --db FILE)."),
            discussion: L("备份期间其他程序可以继续使用数据库。备份与原库设备编号相同：用于恢复，不要当作另一台设备同步。",
                          "Other programs may keep using the database meanwhile. A backup keeps the device ID: it is for restoring, not for syncing as another device.")
        )
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp(L("备份文件（不能已存在）", "The backup file (must not exist)"), valueName: "file"))
    var to: String

    func run() throws {
        let database = try global.open()
        try database.backup(to: to)
        let ops = try database.journalCount()
        if global.json {
            Output.json(BackupResult(path: to, ops: ops))
        } else {
            Output.line(L("已备份到 \(to)（\(ops) 条操作）", "Backed up to \(to) (\(ops) ops)"))
        }
    }

    struct BackupResult: Encodable {
        var path: String
        var ops: Int
    }
}
