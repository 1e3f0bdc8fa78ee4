import Foundation
import GRDB
import ShopDomain
import Storage

/// Fines other modules' ops name (DISC-3). Fines are deltas: they merge by addition.
enum FineHandlers {
    static let all: [OpHandler] = [
        .following(ParcelMisshipped.self, project: misshipped),
        OpHandler(FineBooked.self, authorization: .permission(.supervise), project: booked),
        OpHandler(FineContested.self, authorization: .anyStaff, project: contested),
        OpHandler(FineWaived.self, authorization: .anyStaff, project: waived),
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
        try FineLedger.insert(key: FineLedger.key(op, 0), staff: p.packer, amount: p.fine, rule: "LOG-12", ref: p.waybill,
                              zh: "快递单 \(p.waybill) \(kind.zh)", en: "waybill \(p.waybill): \(kind.en)", op: op,
                              day: try ProjectionContext.day(of: op, db), db)
    }

    /// DISC-2 (and other rules' fines a supervisor books by hand).
    static func booked(_ p: FineBooked, _ op: Op, _ db: Database) throws {
        guard !p.what.trimmingWhitespace().isEmpty else { throw PeopleError.whatRequired }
        guard try CoreQueries.staff(db, id: p.staff) != nil else { throw StorageError.unknownStaff(p.staff.rawValue) }
        if p.rule != "DISC-1", p.amount == nil, FineBooked.policyKeys[p.rule] == nil { throw PeopleError.amountRequired(p.rule) }
        if let amount = p.amount, amount <= .zero { throw PeopleError.notPositiveAmount(amount) }
        try FineLedger.book(p.fineClaims, op, db)
    }

    static func contested(_ p: FineContested, _ op: Op, _ db: Database) throws {
        let reason = p.reason.trimmingWhitespace()
        guard !reason.isEmpty else { throw WorkforceError.reasonRequired }
        if try ProjectionContext.isLocal(op, db), try !fineExists(p.fine, db) { throw PeopleError.unknownFine(p.fine) }
        try db.execute(sql: "INSERT INTO fine_contest (fineKey, staffID, reason, at) VALUES (?, ?, ?, ?)",
                       arguments: [p.fine, op.actor.rawValue, reason, op.hlc.wallMillis])
    }

    /// ORG-3: only the GM waives a fine, with a reason; the fine stays, no longer owed. Two waivers of
    /// one fine (two devices) are one: the earlier by the op's HLC is kept.
    static func waived(_ p: FineWaived, _ op: Op, _ db: Database) throws {
        guard try CoreQueries.staff(db, id: op.actor)?.roles.contains(.gm) == true else { throw PeopleError.waiverNotGM }
        let reason = p.reason.trimmingWhitespace()
        guard !reason.isEmpty else { throw WorkforceError.reasonRequired }
        let local = try ProjectionContext.isLocal(op, db)
        if local, try !fineExists(p.fine, db) { throw PeopleError.unknownFine(p.fine) }
        if local, try Bool.fetchOne(db, sql: "SELECT 1 FROM fine_waiver WHERE fineKey = ?", arguments: [p.fine]) == true {
            throw PeopleError.alreadyWaived(p.fine)
        }
        try db.execute(sql: """
            INSERT INTO fine_waiver (fineKey, waivedBy, reason, at, hlcCounter, opDevice, opSeq) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (fineKey) DO UPDATE SET waivedBy = excluded.waivedBy, reason = excluded.reason, at = excluded.at,
                hlcCounter = excluded.hlcCounter, opDevice = excluded.opDevice, opSeq = excluded.opSeq
            WHERE (excluded.at, excluded.hlcCounter, excluded.opDevice, excluded.opSeq) < (at, hlcCounter, opDevice, opSeq)
            """, arguments: [p.fine, op.actor.rawValue, reason, op.hlc.wallMillis, op.hlc.counter, op.deviceID.rawValue, op.deviceSeq])
        if let row = try Row.fetchOne(db, sql: "SELECT staffID, month FROM fine WHERE fineKey = ? AND escalated = 1", arguments: [p.fine]) {
            try FineLedger.escalate(staff: row["staffID"], month: row["month"], db)
        }
    }

    static func fineExists(_ key: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM fine WHERE fineKey = ?", arguments: [key]) == true
    }
}
