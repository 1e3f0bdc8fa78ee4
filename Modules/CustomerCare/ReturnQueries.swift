import Foundation
import GRDB
import ShopDomain

/// A 退/换货单 (CS-6, CS-12).
public struct ReturnRecord: Sendable, Equatable, Codable {
    public struct Line: Sendable, Equatable, Codable {
        public var sku: String
        public var quantity: Int
        public var sellable: Int
        public var defective: Int
    }
    public var returnID: String
    public var order: String
    public var buyer: String?
    public var kind: ReturnKind
    public var reason: String
    public var waybill: String?
    /// `opened`, `received`, `closed`.
    public var state: String
    public var receipt: String?
    public var refund: Money?
    public var replacementOrder: String?
    public var openedAt: Date
    public var lines: [Line]
}

public enum ReturnQueries {
    public static func list(_ db: Database, openOnly: Bool = false) throws -> [ReturnRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM cs_return WHERE ? = 0 OR state <> 'closed' ORDER BY state = 'closed', openedAt",
                         arguments: [openOnly ? 1 : 0]).map { try record($0, db) }
    }

    public static func find(_ db: Database, _ id: String) throws -> ReturnRecord {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM cs_return WHERE id = ?", arguments: [id]) else {
            throw CustomerCareError.unknownReturn(id)
        }
        return try record(row, db)
    }

    static func record(_ row: Row, _ db: Database) throws -> ReturnRecord {
        let id: String = row["id"]
        let lines = try Row.fetchAll(db, sql: "SELECT * FROM cs_return_line WHERE returnID = ? ORDER BY sku", arguments: [id]).map {
            ReturnRecord.Line(sku: $0["sku"], quantity: $0["quantity"], sellable: $0["sellable"], defective: $0["defective"])
        }
        return ReturnRecord(returnID: id, order: row["orderID"], buyer: row["buyer"], kind: ReturnKind(rawValue: row["kind"]) ?? .refund,
                            reason: row["reason"], waybill: row["waybill"], state: row["state"], receipt: row["receipt"],
                            refund: (row["refund"] as Int64?).map(Money.init(fen:)), replacementOrder: row["replacementOrder"],
                            openedAt: Date(millis: row["openedAt"]), lines: lines)
    }
}
