import ArgumentParser
import Foundation
import Logistics
import ShopDomain
import Storage

struct StubCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "stub",
            abstract: L("快递底单：超过期限的归档（LOG-7）；索赔和无法投递的另放（LOG-8、LOG-9）。",
                        "Courier stubs: archive those past the period (LOG-7); claims and undeliverables are kept apart (LOG-8, LOG-9)."),
            subcommands: [List.self, Archive.self]
        )
    }

    static func due(_ session: Session) throws -> [WaybillRow] {
        try session.read { db in
            guard case .days(let days) = try ProjectionContext.policy(PolicyCatalog.item("LOG-7.stub-archive-days")!, on: session.today, db) else { return [] }
            return try ShippingQueries.stubsToArchive(db, before: session.zone.start(of: session.today.adding(days: -days)))
        }
    }
}

extension StubCommand {
    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("列出到期该归档的底单。", "List stubs due for archiving."))
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session(global)
            let rows = try StubCommand.due(session)
            if global.json { return Output.json(rows) }
            var table = TextTable([.init(L("揽收日", "Handed over")), .init(L("快递", "Courier")), .init(L("快递单", "Waybill")), .init(L("收货人", "Consignee"))])
            for row in rows { table.append(row.handedAt.map { session.zone.day(of: $0).description } ?? "", row.courier, row.waybill, row.consignee) }
            Output.table(table)
            Output.line(L("共 \(rows.count) 张到期；归档：zhanggui stub archive", "\(rows.count) stub(s) due; archive them: zhanggui stub archive"))
        }
    }

    struct Archive: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "archive", abstract: L("把到期底单登记为已归档。", "Record the due stubs as archived."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption

        func run() throws {
            let session = try Session(global)
            let rows = try StubCommand.due(session)
            guard !rows.isEmpty else { return Output.line(L("没有到期的底单", "No stubs are due")) }
            try session.apply(StubsArchived(waybills: rows.map(\.waybill)), as: actor)
            Output.line(L("已归档 \(rows.count) 张底单", "Archived \(rows.count) stub(s)"))
        }
    }
}
