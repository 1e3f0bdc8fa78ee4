import Foundation
import GRDB
import ShopDomain
import Storage

/// Fines other modules' ops name (DISC-3). Fines are deltas: they merge by addition.
enum FineHandlers {
    static let all: [OpHandler] = [
        .following(ParcelMisshipped.self, project: misshipped),
    ]

    /// LOG-12: the packer who signed the parcel pays the fine.
    static func misshipped(_ p: ParcelMisshipped, _ op: Op, _ db: Database) throws {
        guard p.fine > .zero else { return }
        let kind: (zh: String, en: String) = switch p.kind {
        case .wrong: ("错发", "wrong item")
        case .missing: ("漏发", "item missing")
        case .extra: ("多发", "extra item")
        case .damagedPacking: ("打包造成损坏", "damage from packing")
        }
        try db.execute(sql: """
            INSERT INTO fine (staffID, amount, rule, ref, reasonZh, reasonEn, bookedBy, at) VALUES (?, ?, 'LOG-12', ?, ?, ?, ?, ?)
            """, arguments: [p.packer.rawValue, p.fine.fen, p.waybill, "快递单 \(p.waybill) \(kind.zh)", "waybill \(p.waybill): \(kind.en)",
                             op.actor.rawValue, op.hlc.wallMillis])
    }
}

/// One fine, as `fine list` shows it.
public struct Fine: Sendable, Equatable, Codable {
    public var staff: String
    public var name: String
    public var amount: Money
    public var rule: String
    public var ref: String
    public var reasonZh: String
    public var reasonEn: String
    public var bookedBy: String
    public var at: Date
}

public enum FineQueries {
    /// Fines booked in a month (`2026-11`, shop time) or all, newest first.
    public static func fines(_ db: Database, from: Date? = nil, until: Date? = nil, staff: StaffID? = nil) throws -> [Fine] {
        try Row.fetchAll(db, sql: """
            SELECT f.*, COALESCE((SELECT name FROM staff_v s WHERE s.id = f.staffID), f.staffID) AS name FROM fine f WHERE at >= ? AND at < ? AND (? IS NULL OR staffID = ?) ORDER BY at DESC, id DESC
            """, arguments: [from?.millis ?? Int64.min, until?.millis ?? Int64.max, staff?.rawValue, staff?.rawValue]).map {
            Fine(staff: $0["staffID"], name: $0["name"], amount: Money(fen: $0["amount"]), rule: $0["rule"], ref: $0["ref"], reasonZh: $0["reasonZh"],
                 reasonEn: $0["reasonEn"], bookedBy: $0["bookedBy"], at: Date(millis: $0["at"]))
        }
    }
}
