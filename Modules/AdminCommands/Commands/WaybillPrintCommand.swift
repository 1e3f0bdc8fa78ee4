import ArgumentParser
import Foundation
import Logistics
import ShopDomain
import Storage

extension WaybillCommand {
    struct Print: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "print", abstract: L(
                "批量打印快递单（LOG-2）：只打已付款未发货的订单，每单只有一张有效快递单；面单 100×180 毫米，带条码和“先验货再签收”（LOG-1、LOG-10）。卡纸后用 --resume 批次 --from 序号 接着打。",
                "Print waybills in a batch (LOG-2): paid orders awaiting shipment only, one live waybill per order; 100×180 mm labels with a barcode and 先验货再签收 (LOG-1, LOG-10). After a jam, --resume BATCH --from SEQ prints the rest again."))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: ArgumentHelp(L("快递公司", "Courier"))) var courier: String?
        @Flag(help: ArgumentHelp(L("所有已付款、还没打单的订单", "Every paid order without a waybill"))) var allPaid = false
        @Argument(help: ArgumentHelp(L("订单编号", "Order numbers"))) var orders: [String] = []
        @Option(help: ArgumentHelp(L("面单 HTML 文件（在浏览器打开后打印）", "The labels' HTML file (open it in a browser and print)"))) var out: String
        @Option(help: ArgumentHelp(L("接着打某批次", "Resume this batch"))) var resume: String?
        @Option(help: ArgumentHelp(L("从第几张起（与 --resume 一起用）", "From this sequence number (with --resume)"))) var from: Int = 1

        func validate() throws {
            if resume == nil {
                guard courier != nil else { throw ValidationError(L("请给出 --courier", "give --courier")) }
                guard allPaid != !orders.isEmpty else { throw ValidationError(L("写订单编号，或用 --all-paid（二选一）", "give order numbers or --all-paid (one of them)")) }
            }
        }

        func run() throws {
            let session = try Session(global)
            if let resume {
                let batch = resume.trimmingWhitespace()
                try session.apply(BatchResumed(batch: batch, from: from), as: actor)
                let labels = try session.read { db in try ShippingQueries.labels(db, batch: batch, from: from) }
                try LabelOutput.write(labels, session: session, to: out, title: L("快递单 \(batch)（自 \(from)）", "Waybills \(batch) from \(from)"))
                return report(batch, labels.count)
            }
            let code = try Courier.parse(courier ?? "")
            let ids = try session.read { db in try orders.map { try OrderQueries.find(db, $0) } }
            // Two print commands at once: the second's plan may name an order the first just
            // printed; the database refuses it, and --all-paid plans again without it.
            var attempt = 0
            while true {
                attempt += 1
                let plan = try session.read { db in
                    try PrintPlanner.plan(db, courier: code, orders: allPaid ? nil : ids, device: session.database.deviceID, day: session.today)
                }
                let me = try actor.resolve(in: session)
                do {
                    try session.database.apply(plan.labels.map { OpDraft(actor: me.id, $0) })
                } catch let error as LogisticsError where allPaid && attempt < 5 {
                    if case .orderHasWaybill = error { continue }
                    if case .numberUsed = error { continue }
                    throw error
                }
                let labels = try session.read { db in try ShippingQueries.labels(db, batch: plan.batch) }
                try LabelOutput.write(labels, session: session, to: out, title: L("快递单 \(plan.batch)", "Waybills \(plan.batch)"))
                return report(plan.batch, labels.count)
            }
        }

        func report(_ batch: String, _ count: Int) {
            if global.json { return Output.json(["batch": batch, "labels": String(count), "file": out]) }
            Output.line(L("批次 \(batch)：\(count) 张面单 → \(out)（浏览器打开，纸张 100×180 毫米）。拣货：zhanggui pick list \(batch)",
                          "Batch \(batch): \(count) label(s) → \(out) (open in a browser; paper 100×180 mm). Pick: zhanggui pick list \(batch)"))
        }
    }
}
