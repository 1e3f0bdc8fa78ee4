import Foundation
import Logistics
import Printing
import Storage
import ShopDomain

/// Turns what Logistics knows about a label into the printed page (Printing), and writes it.
enum LabelOutput {
    static func write(_ labels: [LabelInfo], session: Session, to path: String, title: String, reprintReason: String? = nil) throws {
        let sender = try session.read(ShippingQueries.sender)
        let shop = try session.read(CoreQueries.shop)
        let printedAt = session.time(session.database.clock.now())
        let pages = labels.map { info in
            WaybillLabel(
                waybill: info.waybill, courier: Courier(code: info.courier).chineseName, batch: info.batch, sequence: info.seq,
                orderNumber: info.order,
                consignee: .init(name: info.consignee, phone: info.phone, address: info.address, postcode: info.postcode.isEmpty ? nil : info.postcode),
                sender: .init(name: sender?.name ?? shop.name, phone: sender?.phone ?? "", address: sender?.address ?? ""),
                items: info.items, buyerMessage: info.buyerMessage, sellerNote: info.sellerNote, printedAt: printedAt,
                reprintReason: reprintReason)
        }
        try PageFile.write(LabelSheet.html(pages, title: title), to: path)
    }
}

/// Writes a printable page whole or not at all (a temporary file renamed into place).
enum PageFile {
    static func write(_ html: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try Data(html.utf8).write(to: url, options: .atomic)
        } catch {
            throw PageFileError.unwritable(path)
        }
    }
}

enum PageFileError: Error, ShopError {
    case unwritable(String)

    func message(in language: Language) -> String {
        switch self {
        case .unwritable(let path): language.pick(zh: "写不了文件 \(path)：检查目录和权限", en: "cannot write \(path): check the folder and permissions")
        }
    }
}
