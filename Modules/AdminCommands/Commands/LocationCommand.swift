import ArgumentParser
import ShopDomain
import Storage
import Warehouse

struct LocationCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "location",
            abstract: L("库位：区-架-位，类型，类目存放区（WH-3、WH-5）。", "Locations: zone-shelf-bin, kind, home zones of categories (WH-3, WH-5)."),
            subcommands: [Add.self, List.self, Home.self]
        )
    }
}

extension LocationCommand {
    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "add", abstract: L("添加库位，如 A-03-2；残次库用 --kind defective。", "Add locations such as A-03-2; the defective stock is --kind defective."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("库位编码（可多个）", "Location codes"), valueName: "code")) var codes: [String]
        @Option(help: ArgumentHelp(L("类型：sellable 可售、defective 残次、returns 退货、quarantine 待检", "Kind: sellable, defective, returns, quarantine")))
        var kind = "sellable"

        func run() throws {
            let session = try Session(global)
            guard let kind = LocationKind(parsing: kind) else { throw LocationError.badKind(kind) }
            let me = try actor.resolve(in: session)
            let parsed = try codes.map { try LocationCode.parse($0) }
            try session.database.apply(parsed.map { OpDraft(actor: me.id, LocationAdded(code: $0, kind: kind)) })
            if !global.json { Output.line(L("已添加库位：", "Added: ") + parsed.map(\.rawValue).joined(separator: ", ")) }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("列出库位。", "List locations."))
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session(global)
            let locations = try session.read(WarehouseQueries.locations)
            if global.json { return Output.json(locations) }
            var table = TextTable([.init(L("库位", "Location")), .init(L("区", "Zone")), .init(L("类型", "Kind")),
                                   .init(L("存放类目", "Home of"), maxWidth: 30), .init(L("商品数", "SKUs"), alignment: .right),
                                   .init(L("件数", "Units"), alignment: .right)])
            for l in locations {
                table.append(l.code, l.zone, LocationKind(rawValue: l.kind)?.title(in: .current) ?? l.kind,
                             l.homeOf.joined(separator: L("、", ", ")), String(l.skus), String(l.units))
            }
            Output.table(table)
        }
    }

    struct Home: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "home", abstract: L("设定类目的存放区（WH-3）：收货默认放到该区第一个可售库位。",
                                             "Set a category's home zone (WH-3): receipts default to its first sellable location."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("类目", "Category"))) var category: String
        @Argument(help: ArgumentHelp(L("区，如 A", "Zone, e.g. A"))) var zone: String

        func run() throws {
            let session = try Session(global)
            let zone = zone.trimmingWhitespace().uppercased()
            guard !zone.isEmpty, zone.count <= 3, zone.allSatisfy({ $0.isASCII && $0.isLetter }) else { throw LocationError.badCode(zone) }
            try session.apply(CategoryZoneSet(category: category, zone: zone), as: actor)
            if !global.json { Output.line(L("“\(category)”存放在 \(zone) 区", "“\(category)” lives in zone \(zone)")) }
        }
    }
}
