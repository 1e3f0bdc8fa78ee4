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
    /// rest imported; a missing required column or an unreadable file refuses everything, and a
    /// file that breaks part-way (a quote never closed) stops the import there, after the chunks
    /// before it. The catalogue and the remembered mappings are read once, at the start.
    ///
    /// Two threads: one reads and parses the files and makes each order's draft
    /// (`OrderImportReading`), this one decides which orders are new and applies them chunk by
    /// chunk, so reading the next chunk overlaps applying this one. At most two chunks wait between
    /// them, so memory stays bounded.
    public func run(orders path: String, details: String?, language: Language) throws -> Report {
        let matcher = try database.read(SKUMatcher.init)
        let reading = OrderImportReading(orders: path, details: details, zone: zone, actor: actor, matcher: matcher,
                                         language: language, chunkSize: chunkSize)
        let handoff = Handoff<OrderImportReading.Piece>(capacity: 2)
        let done = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: done) { reading.run(into: handoff) }
        defer {
            handoff.cancel()
            done.wait()
        }
        return try database.bulk { try applyAll(from: handoff, file: path) }
    }

    /// Takes what the reading thread hands over and applies it, chunk by chunk.
    private func applyAll(from handoff: Handoff<OrderImportReading.Piece>, file: String) throws -> Report {
        var report = Report(file: file, encoding: "")
        while true {
            switch handoff.take() {
            case .opened(let encoding):
                report.encoding = encoding
            case .orders(let chunk, let refused):
                report.refused += refused
                var counted = report
                try database.apply(making: { db in
                    counted = report
                    return try decide(chunk, &counted, db)
                })
                report = counted
            case .finished(let refused, let details):
                report.refused = details + report.refused + refused
                return report
            case .failed(let error):
                throw error
            }
        }
    }

    /// Each order's draft: `order.imported` if the shop does not know it, `order.status-changed`
    /// if it moved forward, none if it did not — decided inside the chunk's write transaction.
    private func decide(_ chunk: [OrderImportReading.Planned], _ report: inout Report, _ db: Database) throws -> [OpDraft] {
        let known = try OrderQueries.statuses(db, chunk.map(\.number))
        var drafts: [OpDraft] = []
        drafts.reserveCapacity(chunk.count)
        var seen: Set<String> = []
        for order in chunk where seen.insert(order.number).inserted {
            guard let current = known[order.number] else {
                drafts.append(order.draft)
                report.imported += 1
                report.unmatchedLines += order.unmatchedLines
                continue
            }
            if order.status.rank > current.rank {
                drafts.append(OpDraft(actor: actor, OrderStatusChanged(order: OrderID(rawValue: order.number), from: current, to: order.status,
                                                                       closeReason: order.closeReason, refunded: order.refunded,
                                                                       paidAt: order.paidAt)))
                report.movedForward += 1
            } else {
                report.unchanged += 1
            }
        }
        return drafts
    }
}
