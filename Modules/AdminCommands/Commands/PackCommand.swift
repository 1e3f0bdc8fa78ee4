import ArgumentParser
import Foundation
import GRDB
import Logistics
import ShopDomain
import Storage
import Warehouse

/// `zhanggui pack WAYBILL --scan …`: packing checked scan by scan (WH-8, LOG-4, LOG-5).
struct PackCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "pack", abstract: L(
            "按快递单打包：逐件扫描商家编码或条码；不在单上或多出的会被拒；全部对上才完成，并由打包人签名（WH-8、LOG-4、LOG-5）。没有 --scan 时从标准输入每行读一个扫描。",
            "Pack a waybill by scanning each item's SKU or barcode: items not on it or one too many are refused; it completes only when every line matches, signed by the packer (WH-8, LOG-4, LOG-5). Without --scan, reads one scan per line from standard input."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var actor: ActorOption
    @Argument(help: ArgumentHelp(L("快递单号", "Waybill number"))) var waybill: String
    @Option(name: .customLong("scan"), parsing: .upToNextOption, help: ArgumentHelp(L("扫描到的商家编码或条码", "Scanned SKU codes or barcodes")))
    var scans: [String] = []
    @Option(name: .customLong("supply"), help: ArgumentHelp(L("用掉的包材：商家编码[:数量]，可多次（WH-10）", "Packing supplies used: SKU[:N], repeatable (WH-10)"),
                                                            valueName: "sku[:n]"))
    var supplies: [String] = []

    func run() throws {
        let counts = try supplies.map(Self.supplyCount)  // issue 19: the numbers first, before anything is read
        let session = try Session(global)
        var pack = try session.read { db in try PackSession(db, waybill: waybill) }
        let used = try session.read { db in try counts.map { ItemCount(sku: try WarehouseQueries.findProduct(db, $0.code), quantity: $0.quantity) } }
        let interactive = scans.isEmpty
        if !global.json { try BlacklistFlags.print(session, orders: [pack.order.rawValue]) }
        if interactive {
            Output.line(L("快递单 \(pack.waybill)（订单 \(pack.order.rawValue)）待打包：\(pack.missing.joined(separator: "；"))。逐件扫描，空行结束。",
                          "Waybill \(pack.waybill) (order \(pack.order.rawValue)) to pack: \(pack.missing.joined(separator: "; ")). Scan each item; an empty line ends."))
        }
        var refused = 0
        func take(_ code: String) throws {
            do {
                switch try session.read({ db in try pack.scan(code, db) }) {
                case .accepted(let sku, let n, let of): if interactive || !global.json { Output.line("✓ \(sku.rawValue) \(n)/\(of)") }
                case .complete: if !global.json { Output.line(L("✓ 全部对上", "✓ every line matched")) }
                }
            } catch let error as LogisticsError {
                refused += 1
                // With --scan the refusal is the command's one error line (printed once, issue 19).
                guard interactive else { throw error }
                FileHandle.standardError.write(Data(("✗ " + error.message(in: .current) + "\n").utf8))
            }
        }
        if interactive {
            while !pack.isComplete, let line = readLine(), !line.trimmingWhitespace().isEmpty { try take(line) }
        } else {
            for code in scans { try take(code) }
        }
        let op = try pack.finish(supplies: used)
        try session.apply(op, as: actor)
        if global.json { return Output.json(["waybill": pack.waybill, "order": pack.order.rawValue]) }
        Output.line(L("快递单 \(pack.waybill) 已打包并签名。下一步：zhanggui pickup create --courier \(pack.courier)",
                      "Waybill \(pack.waybill) packed and signed. Next: zhanggui pickup create --courier \(pack.courier)"))
    }

    /// `BAG:3` → the code as written and a quantity within `InputLimits.quantity` (issue 19).
    static func supplyCount(_ text: String) throws -> (code: String, quantity: Int) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard !parts.isEmpty else {
            throw ValidationError(L("--supply “\(text)” 应写成 商家编码[:数量]", "--supply “\(text)” must be SKU[:N]"))
        }
        return (parts[0], parts.count == 2 ? try WholeNumber.quantity(parts[1], "--supply \(parts[0])") : 1)
    }
}
