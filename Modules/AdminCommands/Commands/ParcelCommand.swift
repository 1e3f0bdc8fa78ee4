import ArgumentParser
import Foundation
import GRDB
import Logistics
import ShopDomain
import Storage

struct ParcelCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "parcel",
            abstract: L("包裹：称重运费、退回、错发（LOG-6、LOG-9、LOG-12）。", "Parcels: weight and fee, undeliverable, mis-shipped (LOG-6, LOG-9, LOG-12)."),
            subcommands: [Weigh.self, Undeliverable.self, Misship.self]
        )
    }
}

extension ParcelCommand {
    struct Weigh: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "weigh", abstract: L("登记快递员写的重量和运费，并与协议价核对（LOG-6）。", "Record the weight and fee the courier wrote, checked against the agreed price (LOG-6)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("快递单号", "Waybill"))) var waybill: String
        @Option(help: ArgumentHelp(L("重量（公斤）", "Weight in kg"))) var kg: String
        @Option(help: ArgumentHelp(L("运费（元）", "Fee in yuan"))) var fee: String

        func run() throws {
            let session = try Session(global)
            let grams = try WholeNumber.grams(kg: kg, "--kg")  // issue 19: 1.2 or 0.35, at most 100 kg
            let fee = try money(self.fee, "--fee")
            let number = try session.read { db in try ShippingQueries.waybill(db, waybill).waybill }
            try session.apply(ParcelWeighed(waybill: number, grams: grams, fee: fee), as: actor)
            if !global.json { Output.line(L("\(number)：\(kg) 公斤，运费 \(fee)", "\(number): \(kg) kg, fee \(fee)")) }
        }
    }

    struct Undeliverable: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "undeliverable", abstract: L("快递已揽收但无法投递：底单另放，月底扣款（LOG-9）。", "Taken but undeliverable: the stub is kept apart for the month-end deduction (LOG-9)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("快递单号", "Waybill"))) var waybill: String
        @Option(help: ArgumentHelp(L("说明", "Note"))) var note: String?

        func run() throws {
            let session = try Session(global)
            let number = try session.read { db in try ShippingQueries.waybill(db, waybill).waybill }
            try session.apply(ParcelUndeliverable(waybill: number, note: note), as: actor)
            if !global.json { Output.line(L("\(number) 已登记为无法投递：底单另放，月底对账扣款", "\(number) marked undeliverable: keep its stub apart for the month-end deduction")) }
        }
    }

    struct Misship: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "misship", abstract: L("错发、漏发、多发或打包损坏：发货方承担邮费和货款，并罚签名打包人（LOG-12）。",
                                                                  "Wrong, missing, extra or damaged by packing: the shipper bears postage and goods, and the packer who signed is fined (LOG-12)."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("快递单号", "Waybill"))) var waybill: String
        @Option(help: ArgumentHelp("wrong | missing | extra | damaged-packing")) var kind: String
        @Option(help: ArgumentHelp(L("承担的邮费（默认登记的运费）", "Postage borne (default: the recorded fee)"))) var postage: String?
        @Option(help: ArgumentHelp(L("承担的货款", "Goods value borne"))) var goods: String = "0"
        @Option(help: ArgumentHelp(L("说明", "Note"))) var note: String?

        func run() throws {
            let postage = try self.postage.map { try money($0, "--postage") }  // issue 19: before anything is read
            let goods = try money(self.goods, "--goods")
            let session = try Session(global)
            guard let kind = ParcelMisshipped.Kind(rawValue: kind) else {
                throw ValidationError(L("--kind 只能是 wrong、missing、extra、damaged-packing", "--kind must be wrong, missing, extra or damaged-packing"))
            }
            let (row, fine) = try session.read { db in
                let row = try ShippingQueries.waybill(db, waybill)
                let key = kind == .damagedPacking ? "LOG-12.fine.packing-damage" : "LOG-12.fine.misship"
                guard case .money(let fine) = try ProjectionContext.policy(PolicyCatalog.item(key)!, on: session.today, db) else { return (row, Money.zero) }
                return (row, fine)
            }
            guard let packer = row.packedBy else { throw LogisticsError.notPacked(row.waybill) }
            let op = ParcelMisshipped(waybill: row.waybill, kind: kind, packer: StaffID(rawValue: packer),
                                      postage: postage ?? row.fee ?? .zero, goods: goods,
                                      fine: fine, note: note)
            try session.apply(op, as: actor)
            if global.json { return Output.json(op) }
            Output.line(L("已登记 \(row.waybill) 错发：发货方承担邮费 \(op.postage)、货款 \(op.goods)；打包人 \(row.packer ?? packer) 罚款 \(fine)（LOG-12）",
                          "Recorded \(row.waybill): the shipper bears postage \(op.postage) and goods \(op.goods); packer \(row.packer ?? packer) fined \(fine) (LOG-12)"))
        }
    }
}
