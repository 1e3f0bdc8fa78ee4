import ArgumentParser
import ShopDomain
import ShopActions
import Storage

struct InitCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "init",
            abstract: L("新建店铺数据库，店主为第一位员工（总经理）。", "Create the shop database with its owner as the first staff member (GM)."),
            discussion: L("已存在的文件不会被改动。", "An existing file is never touched.")
        )
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp(L("店铺名称", "The shop's name"), valueName: "name"))
    var shop: String

    @Option(help: ArgumentHelp(L("店主姓名（成为总经理）", "The owner's name (becomes the GM)"), valueName: "person"))
    var owner: String

    @Option(help: ArgumentHelp(L("店铺时区（IANA 名称）", "The shop's time zone (IANA name)"), valueName: "zone"))
    var timezone = ShopZone.defaultIdentifier

    func run() throws {
        let path = global.databasePath
        let database = try ShopDatabase.create(at: path, shop: shop, owner: owner, timezone: timezone,
                                               modules: ShopFeatures.all, clock: try global.clock())
        let info = try database.read(CoreQueries.shop)
        if global.json {
            Output.json(InitResult(path: path, device: database.deviceID.rawValue, shop: info.name,
                                   timezone: info.timezone, owner: info.owner.rawValue))
        } else {
            Output.line(L("已创建店铺“\(info.name)”：\(path)", "Created the shop “\(info.name)”: \(path)"))
            Output.line(L("店主 \(owner.trimmingWhitespace()) 为总经理。下一步：zhanggui staff add 姓名 --role cs-agent --as \(owner.trimmingWhitespace())",
                          "\(owner.trimmingWhitespace()) is its GM. Next: zhanggui staff add NAME --role cs-agent --as \(owner.trimmingWhitespace())"))
        }
    }

    struct InitResult: Encodable {
        var path: String
        var device: String
        var shop: String
        var timezone: String
        var owner: String
    }
}
