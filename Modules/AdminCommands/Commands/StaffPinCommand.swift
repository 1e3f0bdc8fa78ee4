import ArgumentParser
import Foundation
import ShopDomain
import Storage

extension StaffCommand {
    struct Pin: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "pin", abstract: L(
                "设置员工登录终端界面（zhanggui-tui）的 PIN（4–8 位数字，只存加盐慢哈希）；本人或有管理员工权限的人可设。不给 --pin 时从标准输入读一行。",
                "Set a staff member's PIN for the terminal UI (zhanggui-tui): 4–8 digits, stored only as a salted slow hash; by the person or someone who manages staff. Without --pin, reads one line from standard input."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("员工", "Staff member"))) var staff: String
        @Option(help: ArgumentHelp(L("PIN（脚本用；交互时别写在命令行里）", "The PIN (for scripts; interactively, leave it off the command line)"))) var pin: String?

        func run() throws {
            let session = try Session(global)
            let target = try session.read { db in try CoreQueries.findStaff(db, staff) }
            if pin == nil, isatty(STDIN_FILENO) != 0 { FileHandle.standardError.write(Data(L("PIN：", "PIN: ").utf8)) }
            let digits = try PIN.validate(pin ?? readLine(strippingNewline: true) ?? "")
            let salt = PIN.newSalt()
            try session.apply(StaffPINSet(staff: target.id, salt: salt, hash: PIN.hash(digits, salt: salt), rounds: PIN.rounds), as: actor)
            if !global.json { Output.line(L("已为 \(target.name) 设置 PIN", "PIN set for \(target.name)")) }
        }
    }
}
