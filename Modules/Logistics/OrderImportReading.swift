import Foundation
import Interchange
import ShopDomain

/// The reading half of an order import, run on a thread of its own while the caller applies what
/// it has read (`OrderImport`): it splits the detail export whole (held by order number, each
/// order's rows parsed when it is planned, `TaobaoDetailExport`), then reads the order export
/// chunk by chunk, and for each order makes the `order.imported` draft it will be if
/// the shop does not know it yet — matching every line's SKU and writing the payload's JSON. Only
/// the applying side knows which orders are new; for the others the draft is dropped.
struct OrderImportReading: Sendable {
    /// One order as read, with its draft should it be new.
    struct Planned: Sendable {
        var number: String
        var status: OrderStatus
        var closeReason: String?
        var refunded: Bool
        var paidAt: Int64?
        var draft: OpDraft
        var unmatchedLines: Int
    }

    enum Piece: Sendable {
        /// Both files are open and their headers matched.
        case opened(encoding: String)
        /// Up to a chunk of orders, and the rows refused since the last piece (`file:line: why`).
        case orders([Planned], refused: [String])
        /// The rows refused since the last piece, and the detail export's refused rows (each
        /// order's rows are parsed as it is planned, the rest at the end).
        case finished(refused: [String], details: [String])
        /// A file that cannot be read on (unreadable, undecodable, a quote never closed …).
        case failed(InterchangeError)
    }

    let orders: String
    let details: String?
    let zone: ShopZone
    let actor: StaffID
    let matcher: SKUMatcher
    let language: Language
    let chunkSize: Int

    /// Reads both files into `handoff`, ending with `finished` or `failed`; stops early when the
    /// taker cancels.
    func run(into handoff: Handoff<Piece>) {
        do throws(InterchangeError) {
            var refused: [String] = [], refusedLines: [InterchangeError.RowError] = []
            // Split on both cores, each order's rows parsed as its order is planned: the first
            // chunk waits for the split alone (issue 20).
            var lines = try details.map { path throws(InterchangeError) in try TaobaoDetailExport.read(path: path) }
            var reader = try TaobaoOrderReader(path: orders, zone: zone)
            guard handoff.put(.opened(encoding: reader.encoding?.rawValue ?? "")) else { return }
            var chunk: [Planned] = []
            chunk.reserveCapacity(chunkSize)
            while let row = try reader.next() {
                switch row {
                case .success(let order):
                    let taken = try lines?.take(order.number)
                    refusedLines += taken?.refused ?? []
                    chunk.append(plan(order, lines: taken?.lines ?? []))
                    if chunk.count >= chunkSize {
                        guard handoff.put(.orders(chunk, refused: refused)) else { return }
                        chunk.removeAll(keepingCapacity: true)
                        refused.removeAll()
                    }
                case .failure(let error): refused.append(error.message(in: language))
                }
            }
            if !chunk.isEmpty { guard handoff.put(.orders(chunk, refused: [])) else { return } }
            refusedLines += try lines?.refusedRest() ?? []
            // The detail export's refusals first, in its order, as when it was parsed up front.
            let detailRefusals = refusedLines.sorted { $0.line < $1.line }.map { $0.message(in: language) }
            _ = handoff.put(.finished(refused: refused, details: detailRefusals))
        } catch {
            _ = handoff.put(.failed(error))
        }
    }

    private func plan(_ order: TaobaoOrder, lines: [TaobaoOrderLine]) -> Planned {
        var unmatched = 0
        let orderLines = lines.map { line in
            let attributes = Self.attributes(line)
            let sku = matcher.match(line, attributes: attributes)
            if sku == nil { unmatched += 1 }
            return OrderLine(title: line.title, attributes: attributes, colour: line.colour, size: line.size,
                             quantity: line.quantity, price: line.price, merchantCode: line.merchantCode, sku: sku)
        }
        let refunded = order.isRefund
        let snapshot = OrderSnapshot(
            order: OrderID(rawValue: order.number), buyer: order.buyer, status: order.status, closeReason: order.closeReason,
            refunded: refunded, goodsTotal: order.goodsTotal ?? order.total, postage: order.postage ?? .zero, total: order.total,
            paid: order.paid, buyerMessage: order.buyerMessage, consignee: order.consignee, phone: order.mobile ?? order.landline,
            address: order.address, postcode: order.postcode, createdAt: order.createdAt.millis, paidAt: order.paidAt?.millis,
            sellerRemark: order.sellerRemark, lines: orderLines)
        return Planned(number: order.number, status: order.status, closeReason: order.closeReason, refunded: refunded,
                       paidAt: order.paidAt?.millis, draft: OpDraft(actor: actor, OrderImported(order: snapshot)), unmatchedLines: unmatched)
    }

    static func attributes(_ line: TaobaoOrderLine) -> String {
        line.attributes.map { "\($0.name)：\($0.value)" }.joined(separator: ";")
    }
}
