import ArgumentParser
import Foundation
import Logistics
import ShopDomain
import Storage

struct PickupCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "pickup",
            abstract: L("快递揽收：列出已打包包裹，核对底单数后登记出库（LOG-6、WH-9）。",
                        "Courier pickups: list packed parcels, check the stub count, register the outbound (LOG-6, WH-9)."),
            subcommands: [Create.self, Confirm.self, List.self]
        )
    }
}

extension PickupCommand {
    struct Create: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "create", abstract: L("为某快递公司建揽收单：列出全部已打包待揽收的包裹。", "Create a pickup listing every packed parcel for a courier."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: ArgumentHelp(L("快递公司", "Courier"))) var courier: String

        func run() throws {
            let session = try Session(global)
            let code = try Courier.parse(courier)
            let parcels = try session.read { db in try ShippingQueries.readyForPickup(db, courier: code) }
            let id = ShortID.make("P", day: session.today, ids: .random)
            try session.apply(PickupCreated(pickup: id, courier: code, waybills: parcels), as: actor)
            struct Created: Encodable { var pickup: String; var waybills: [String] }
            if global.json { return Output.json(Created(pickup: id, waybills: parcels)) }
            Output.line(L("揽收单 \(id)：\(code.chineseName) \(parcels.count) 个包裹", "Pickup \(id): \(parcels.count) parcel(s) for \(code.code)"))
            for number in parcels { Output.line("  \(number)") }
            Output.line(L("快递员签收后：zhanggui pickup confirm \(id) --stubs \(parcels.count) --courier-name 姓名",
                          "When the courier signs: zhanggui pickup confirm \(id) --stubs \(parcels.count) --courier-name NAME"))
        }
    }

    struct Confirm: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "confirm", abstract: L(
                "确认揽收：底单数必须等于包裹数（LOG-6）；--scan 逐张扫描底单可找出缺的；--without 去掉快递员没拿走的包裹。",
                "Confirm a pickup: the stub count must equal the parcels (LOG-6); --scan each stub to find which is missing; --without drops parcels the courier did not take."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("揽收单号", "Pickup"))) var pickup: String
        @Option(help: ArgumentHelp(L("快递员留下的底单张数", "Stubs the courier left"))) var stubs: String
        @Option(help: ArgumentHelp(L("签收的快递员姓名", "Name of the courier who signed"))) var courierName: String
        @Option(name: .customLong("scan"), parsing: .upToNextOption, help: ArgumentHelp(L("底单上的快递单号", "Waybill numbers on the stubs")))
        var scanned: [String] = []
        @Option(name: .customLong("without"), parsing: .upToNextOption, help: ArgumentHelp(L("快递员没拿走的快递单号", "Waybills the courier did not take")))
        var without: [String] = []

        func run() throws {
            let stubCount = try WholeNumber.parse(stubs, "--stubs", range: 0...InputLimits.labels)  // issue 19
            let session = try Session(global)
            let id = pickup.trimmingWhitespace().uppercased()
            let listed = try session.read { db in try ShippingQueries.pickupParcels(db, id) }
            let left = Set(without.map { $0.trimmingWhitespace().uppercased() })
            var parcels = listed.filter { !left.contains($0.waybill) }
            if !scanned.isEmpty {
                let stubs = Set(scanned.map { $0.trimmingWhitespace().uppercased() })
                let missing = parcels.map(\.waybill).filter { !stubs.contains($0) }
                if !missing.isEmpty || stubs.count != stubCount {
                    throw LogisticsError.stubCount(id, stubs: stubCount, parcels: parcels.count, missing: missing)
                }
                parcels = parcels.filter { stubs.contains($0.waybill) }
            } else if stubCount != parcels.count {
                throw LogisticsError.stubCount(id, stubs: stubCount, parcels: parcels.count, missing: [])
            }
            try session.apply(PickupConfirmed(pickup: id, stubs: stubCount, courierName: courierName, parcels: parcels), as: actor)
            if global.json { return Output.json(["pickup": id, "parcels": String(parcels.count)]) }
            Output.line(L("揽收单 \(id) 已确认：\(parcels.count) 个包裹出库，底单按日期和快递公司存放（LOG-6）",
                          "Pickup \(id) confirmed: \(parcels.count) parcel(s) left stock; keep the stubs by date and courier (LOG-6)"))
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("列出揽收单。", "List pickups."))
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session(global)
            let pickups = try session.read(ShippingQueries.pickups)
            if global.json {
                return Output.json(pickups.map { ["pickup": $0.id, "courier": $0.courier, "status": $0.status, "parcels": String($0.parcels),
                                                  "stubs": $0.stubs.map(String.init) ?? "", "courierName": $0.courierName ?? ""] })
            }
            var table = TextTable([.init(L("揽收单", "Pickup")), .init(L("快递", "Courier")), .init(L("状态", "Status")),
                                   .init(L("包裹", "Parcels"), alignment: .right), .init(L("底单", "Stubs"), alignment: .right),
                                   .init(L("快递员", "Courier's name")), .init(L("建立", "Created"))])
            for p in pickups {
                table.append(p.id, p.courier, p.status == "open" ? L("待揽收", "open") : L("已揽收", "confirmed"), String(p.parcels),
                             p.stubs.map(String.init) ?? "", p.courierName ?? "", session.time(p.at))
            }
            Output.table(table)
        }
    }
}
