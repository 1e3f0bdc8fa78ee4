import ArgumentParser
import Foundation
import Logistics
import Printing
import ShopDomain
import Storage

struct ClaimCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "claim",
            abstract: L("快递丢件、破损索赔：底单另放，打印交易证明（LOG-8、LOG-13）；月底对账时扣款。",
                        "Claims for parcels lost or damaged by the courier: the stub kept apart, the trade printed as evidence (LOG-8, LOG-13); deducted at month end."),
            subcommands: [Open.self, List.self, Evidence.self]
        )
    }

    static func evidence(_ info: ClaimInfo, _ session: Session, to path: String) throws {
        let sheet = EvidenceSheet(
            claimID: info.claim, kind: EvidenceSheet.Kind(rawValue: info.kind) ?? .lost, openedAt: session.time(info.openedAt),
            courier: Courier(code: info.courier).chineseName, waybill: info.waybill, orderNumber: info.order, buyer: info.buyer ?? "",
            consignee: .init(name: info.consignee, phone: info.phone, address: info.address, postcode: info.postcode),
            items: info.items.map { .init(description: $0.description, quantity: $0.quantity, unitPrice: $0.price) },
            orderAmount: info.orderAmount, postage: info.postage, pickupWeightGrams: info.grams, pickupFee: info.fee,
            pickupDate: info.handedAt.map { session.zone.day(of: $0).description }, pickupCourier: info.courierName, packer: info.packedBy,
            description: info.note ?? "")
        try PageFile.write(sheet.html(), to: path)
    }
}

extension ClaimCommand {
    struct Open: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "open", abstract: L("对已揽收的包裹开索赔，并生成交易证明页。", "Open a claim on a parcel the courier took, and write the evidence page."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("快递单号", "Waybill"))) var waybill: String
        @Option(help: ArgumentHelp("lost | damaged")) var kind: String
        @Option(help: ArgumentHelp(L("索赔金额（默认买家实付）", "Amount claimed (default: what the buyer paid)"))) var amount: String?
        @Option(help: ArgumentHelp(L("经过", "What happened"))) var note: String?
        @Option(help: ArgumentHelp(L("交易证明 HTML 文件", "Evidence HTML file"))) var out: String?

        func run() throws {
            let amount = try self.amount.map { try money($0, "--amount") }  // issue 19: before anything is read
            let session = try Session(global)
            guard let kind = ClaimOpened.Kind(rawValue: kind) else { throw ValidationError(L("--kind 只能是 lost 或 damaged", "--kind must be lost or damaged")) }
            let (number, paid) = try session.read { db in
                let row = try ShippingQueries.waybill(db, waybill)
                return (row.waybill, try OrderQueries.detail(db, OrderID(rawValue: row.order)).summary.total)
            }
            let id = ShortID.make("C", day: session.today, ids: .random)
            try session.apply(ClaimOpened(claim: id, waybill: number, kind: kind, amount: amount ?? paid, note: note), as: actor)
            let info = try session.read { db in try ShippingQueries.claim(db, id) }
            if let out { try ClaimCommand.evidence(info, session, to: out) }
            if global.json { return Output.json(info) }
            Output.line(L("索赔 \(id)：\(number) \(kind == .lost ? "丢件" : "破损")，金额 \(info.amount)。底单另放（LOG-8）",
                          "Claim \(id): \(number) \(kind.rawValue), amount \(info.amount). Keep its stub apart (LOG-8)"))
            if let out { Output.line(L("交易证明：\(out)", "Evidence: \(out)")) }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("列出索赔。", "List claims."))
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session(global)
            let claims = try session.read(ShippingQueries.claims)
            if global.json { return Output.json(claims) }
            var table = TextTable([.init(L("索赔", "Claim")), .init(L("快递单", "Waybill")), .init(L("快递", "Courier")), .init(L("类型", "Kind")),
                                   .init(L("金额", "Amount"), alignment: .right), .init(L("开立", "Opened"))])
            for c in claims {
                table.append(c.claim, c.waybill, c.courier, c.kind == "lost" ? L("丢件", "lost") : L("破损", "damaged"), c.amount.description, session.time(c.openedAt))
            }
            Output.table(table)
        }
    }

    struct Evidence: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "evidence", abstract: L("重新生成交易证明页（LOG-8）。", "Write a claim's evidence page again (LOG-8)."))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("索赔号或快递单号", "Claim or waybill"))) var claim: String
        @Option(help: ArgumentHelp(L("HTML 文件", "HTML file"))) var out: String

        func run() throws {
            let session = try Session(global)
            let info = try session.read { db in try ShippingQueries.claim(db, claim) }
            try ClaimCommand.evidence(info, session, to: out)
            if !global.json { Output.line(L("交易证明：\(out)", "Evidence: \(out)")) }
        }
    }
}
