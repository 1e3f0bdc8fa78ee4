import Foundation
import GRDB
import ShopDomain
import Storage

extension WarehouseQueries {
    public struct Receipt: Sendable, Codable, Equatable {
        public var id: String
        public var vendor: String
        public var status: String
        public var createdAt: Date
        public var postedAt: Date?
        public var lines: [ReceiptLine]
    }

    public struct ReceiptLine: Sendable, Codable, Equatable {
        public var sku: String
        public var name: String
        public var expected: Int
        public var location: String
        public var accepted: Int?
        public var rejected: Int?
        public var reason: String?
        public var wrongName: String?
    }

    public static func receipts(_ db: Database, id: String? = nil) throws -> [Receipt] {
        let lines = Dictionary(grouping: try Row.fetchAll(db, sql: """
            SELECT l.*, p.name FROM receipt_line l JOIN product p ON p.sku = l.sku
            WHERE ?1 IS NULL OR l.receiptID = ?1 ORDER BY l.rowid
            """, arguments: [id]), by: { $0["receiptID"] as String })
        return try Row.fetchAll(db, sql: "SELECT * FROM receipt WHERE ?1 IS NULL OR id = ?1 ORDER BY createdAt DESC, id", arguments: [id]).map { row in
            Receipt(id: row["id"], vendor: row["vendor"], status: row["status"], createdAt: Date(millis: row["createdAt"]),
                    postedAt: (row["postedAt"] as Int64?).map(Date.init(millis:)),
                    lines: (lines[row["id"] as String] ?? []).map { line in
                        ReceiptLine(sku: line["sku"], name: line["name"], expected: line["expected"], location: line["location"],
                                    accepted: line["accepted"], rejected: line["rejected"], reason: line["reason"], wrongName: line["wrongName"])
                    })
        }
    }

    /// Something purchasing must take up with a vendor (WH-1, WH-2).
    public struct VendorIssue: Sendable, Codable, Equatable {
        public var receipt: String
        public var vendor: String
        public var sku: String
        /// `return` (rejected goods to send back), `quantity` or `name`.
        public var kind: String
        public var expected: Int?
        public var received: Int?
        public var quantity: Int?
        public var note: String?
        public var at: Date
    }

    public static func vendorIssues(_ db: Database) throws -> [VendorIssue] {
        let returns = try Row.fetchAll(db, sql: "SELECT * FROM vendor_return ORDER BY id").map { row in
            VendorIssue(receipt: row["receiptID"], vendor: row["vendor"], sku: row["sku"], kind: "return", expected: nil,
                        received: nil, quantity: row["quantity"], note: row["reason"], at: Date(millis: row["at"]))
        }
        let discrepancies = try Row.fetchAll(db, sql: "SELECT * FROM receipt_discrepancy ORDER BY id").map { row in
            VendorIssue(receipt: row["receiptID"], vendor: row["vendor"], sku: row["sku"], kind: row["kind"], expected: row["expected"],
                        received: row["received"], quantity: nil, note: row["note"], at: Date(millis: row["at"]))
        }
        return (returns + discrepancies).sorted { ($0.at, $0.receipt, $0.sku) < ($1.at, $1.receipt, $1.sku) }
    }
}
