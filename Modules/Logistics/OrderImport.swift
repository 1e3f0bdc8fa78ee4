import Foundation
import GRDB
import Interchange
import ShopDomain
import Storage

/// Imports the seller centre's order export (and its detail export) as ops: a new order is
/// `order.imported`, a known one that moved forward is `order.status-changed`, anything else is
/// unchanged — so importing the same file twice changes nothing. Streams the order file and
/// applies in chunks, so 100,000 orders take bounded memory (the detail lines are held by order).
public struct OrderImport {
    public struct Report: Sendable, Equatable, Codable {
        public var file: String
        public var encoding: String
        public var imported = 0
        public var movedForward = 0
        public var unchanged = 0
        public var unmatchedLines = 0
        public var refused: [String] = []
    }

    let database: ShopDatabase
    let actor: StaffID
    let zone: ShopZone
    var chunkSize = 2_000

    public init(database: ShopDatabase, actor: StaffID, zone: ShopZone) {
        self.database = database
        self.actor = actor
        self.zone = zone
    }

    /// Rows refused (a lost order number, a bad date …) are listed as `file:line: reason` and the
    /// rest imported; a missing required column or a broken file refuses everything.
    public func run(orders path: String, details: String?, language: Language) throws -> Report {
        var lines: [String: [TaobaoOrderLine]] = [:]
        var refused: [String] = []
        if let details {
            var reader = try TaobaoOrderLineReader(path: details)
            while let row = try reader.next() {
                switch row {
                case .success(let line): lines[line.orderNumber, default: []].append(line)
                case .failure(let error): refused.append(Self.describe(error, language))
                }
            }
        }
        var reader = try TaobaoOrderReader(path: path, zone: zone)
        let matcher = try database.read(SKUMatcher.init)
        var report = Report(file: path, encoding: reader.encoding?.rawValue ?? "")
        var chunk: [TaobaoOrder] = []
        func flush() throws {
            guard !chunk.isEmpty else { return }
            let (drafts, counts) = try database.read { db in try plan(chunk, lines: lines, matcher, db) }
            report.imported += counts.imported
            report.movedForward += counts.moved
            report.unchanged += counts.unchanged
            report.unmatchedLines += counts.unmatched
            if !drafts.isEmpty { try database.apply(drafts) }
            chunk.removeAll(keepingCapacity: true)
        }
        while let row = try reader.next() {
            switch row {
            case .success(let order):
                chunk.append(order)
                if chunk.count >= chunkSize { try flush() }
            case .failure(let error): refused.append(Self.describe(error, language))
            }
        }
        try flush()
        report.refused = refused
        return report
    }

    static func describe(_ error: InterchangeError.RowError, _ language: Language) -> String {
        "\(error.file):\(error.line): " + language.pick(zh: error.zh, en: error.en)
    }

    private func plan(_ orders: [TaobaoOrder], lines: [String: [TaobaoOrderLine]], _ matcher: SKUMatcher, _ db: Database)
        throws -> ([OpDraft], (imported: Int, moved: Int, unchanged: Int, unmatched: Int)) {
        let known = try OrderQueries.statuses(db, orders.map(\.number))
        var drafts: [OpDraft] = [], imported = 0, moved = 0, unchanged = 0, unmatched = 0
        var seen: Set<String> = []
        for order in orders where seen.insert(order.number).inserted {
            let status = order.status
            if let current = known[order.number] {
                if status.rank > current.rank {
                    drafts.append(OpDraft(actor: actor, OrderStatusChanged(order: OrderID(rawValue: order.number), from: current, to: status,
                                                                           closeReason: order.closeReason, refunded: order.isRefund,
                                                                           paidAt: order.paidAt?.millis)))
                    moved += 1
                } else {
                    unchanged += 1
                }
                continue
            }
            let orderLines = (lines[order.number] ?? []).map { line in
                let attributes = Self.attributes(line)
                let sku = matcher.match(line, attributes: attributes)
                if sku == nil { unmatched += 1 }
                return OrderLine(title: line.title, attributes: attributes, colour: line.colour, size: line.size,
                                 quantity: line.quantity, price: line.price, merchantCode: line.merchantCode, sku: sku)
            }
            let snapshot = OrderSnapshot(
                order: OrderID(rawValue: order.number), buyer: order.buyer, status: status, closeReason: order.closeReason,
                refunded: order.isRefund, goodsTotal: order.goodsTotal ?? order.total, postage: order.postage ?? .zero, total: order.total,
                paid: order.paid, buyerMessage: order.buyerMessage, consignee: order.consignee, phone: order.mobile ?? order.landline,
                address: order.address, postcode: order.postcode, createdAt: order.createdAt.millis, paidAt: order.paidAt?.millis,
                sellerRemark: order.sellerRemark, lines: orderLines)
            drafts.append(OpDraft(actor: actor, OrderImported(order: snapshot)))
            imported += 1
        }
        return (drafts, (imported, moved, unchanged, unmatched))
    }

    static func attributes(_ line: TaobaoOrderLine) -> String {
        line.attributes.map { "\($0.name)：\($0.value)" }.joined(separator: ";")
    }
}
