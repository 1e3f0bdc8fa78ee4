import Foundation
import GRDB
import ShopDomain

/// The conflict queue: merged ops whose effect could not be applied (DESIGN.md, merging). The op
/// stays in the journal — nothing is dropped — and a person settles it with a `conflict.resolved`
/// op that every device pulls. A read table: a replay parks the same ops again.
public struct Conflict: Sendable, Equatable, Codable {
    public var id: Int64
    public var op: String
    public var device: String
    public var seq: Int64
    public var opKind: String
    public var actor: String
    /// `rejected` (the rules refused it: a state that no longer holds, a uniqueness clash …) or
    /// `forbidden` (the actor's roles do not allow it).
    public var kind: String
    public var reasonZh: String
    public var reasonEn: String
    public var raisedAt: Date
    public var status: String
    public var resolution: String?
    public var resolvedBy: String?
    public var payload: String

    public func reason(in language: Language) -> String { language.pick(zh: reasonZh, en: reasonEn) }
}

extension ShopDatabase {
    /// Projects a merged op inside a savepoint; if the rules refuse it, its partial effect is
    /// rolled back and it is parked as a conflict instead. Returns whether it was parked.
    /// Not `isolated` (a merge's first, optimistic pass): no savepoint, and a refusal throws
    /// `OptimisticMerge.refused` for the merge to undo the batch and redo it isolated.
    @discardableResult
    func projectMerged(_ op: Op, _ handler: OpHandler, _ actors: inout ActorCache, _ db: Database, isolated: Bool = true) throws -> Bool {
        do {
            try authorize(op.actor, handler.authorization, &actors, db)
        } catch let error as StorageError {
            try Conflicts.record(db, op, kind: "forbidden", error)
            return true
        }
        guard isolated else {
            do {
                try handler.project(op, nil, db)
            } catch is any ShopError {
                throw OptimisticMerge.refused
            }
            if handler.affectsAuthorization { actors.forget() }
            return false
        }
        // `Database.inSavepoint` prepares its SQL anew each time; a merge opens one savepoint per op.
        try db.cachedStatement(sql: "SAVEPOINT merged_op").execute()
        do {
            try handler.project(op, nil, db)
        } catch {
            do {
                try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT merged_op").execute()
                try db.cachedStatement(sql: "RELEASE SAVEPOINT merged_op").execute()
            } catch {}  // as `inSavepoint`: the projection's error is the one that counts
            ProjectionCache.forget(db)  // what the projection wrote and read is undone
            guard let refusal = error as? any ShopError else { throw error }
            try Conflicts.record(db, op, kind: "rejected", refusal)
            if let duplicate = refusal as? HarmlessDuplicate {
                // Its `to` already holds: parked and settled at once, on every device it arrives at second.
                try ParkedOps.settle(op, by: op, resolution: duplicate.resolution, db)
                return false
            }
            return true
        }
        try db.cachedStatement(sql: "RELEASE SAVEPOINT merged_op").execute()
        if handler.affectsAuthorization { actors.forget() }
        return false
    }

    /// Open conflicts first, then settled ones.
    public func conflicts(includeResolved: Bool = false) throws -> [Conflict] {
        try read { db in try Conflicts.list(db, includeResolved: includeResolved) }
    }
}

enum Conflicts {
    static func record(_ db: Database, _ op: Op, kind: String, _ error: any ShopError) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO conflict (opDevice, opSeq, opKind, actor, kind, reasonZh, reasonEn, raisedAt, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open')
            """, arguments: [op.deviceID.rawValue, op.deviceSeq, op.kind, op.actor.rawValue, kind,
                             error.message(in: .zh), error.message(in: .en), op.hlc.wallMillis])
    }

    static func list(_ db: Database, includeResolved: Bool) throws -> [Conflict] {
        try Row.fetchAll(db, sql: """
            SELECT c.*, j.payload FROM conflict c JOIN journal j ON j.deviceID = c.opDevice AND j.deviceSeq = c.opSeq
            WHERE ? OR c.status = 'open' ORDER BY c.status = 'open' DESC, c.id
            """, arguments: [includeResolved]).map(conflict)
    }

    static func conflict(_ row: Row) -> Conflict {
        let device: String = row["opDevice"]
        return Conflict(id: row["id"], op: "\(device.prefix(8)):\(row["opSeq"] as Int64)", device: device, seq: row["opSeq"],
                        opKind: row["opKind"], actor: row["actor"], kind: row["kind"],
                        reasonZh: row["reasonZh"], reasonEn: row["reasonEn"], raisedAt: Date(millis: row["raisedAt"]),
                        status: row["status"], resolution: row["resolution"], resolvedBy: row["resolvedBy"], payload: row["payload"])
    }
}


/// Ops parked in this database's conflict queue, for a projection whose op makes a clash moot: a
/// waybill printed twice for one order, parked here, that the other notebook (or the hub) has
/// since voided. The projection books what the parked op did and settles its conflict, so that
/// every notebook ends with the queue the hub has, not one a resolution elsewhere never reaches.
public enum ParkedOps {
    /// The open conflicts' ops of one kind that the rules refused (`rejected`, not `forbidden`),
    /// oldest first, with their payloads.
    public static func rejected<P: OpPayload>(_ type: P.Type, _ db: Database) throws -> [(op: Op, payload: P)] {
        try Row.fetchAll(db, sql: """
            SELECT j.* FROM conflict c JOIN journal j ON j.deviceID = c.opDevice AND j.deviceSeq = c.opSeq
            WHERE c.status = 'open' AND c.kind = 'rejected' AND c.opKind = ? ORDER BY c.id
            """, arguments: [P.kind]).compactMap { row in
            let op = JournalEntry(row: row).op
            return (try? op.decode(P.self)).map { (op, $0) }
        }
    }

    /// Whether `op` is parked in an open conflict here: a projection run for it now is a person's
    /// `conflict.resolved` keeping its effect (a merge never projects an op parked already).
    public static func isParked(_ op: Op, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM conflict WHERE opDevice = ? AND opSeq = ? AND status = 'open')",
                          arguments: [op.deviceID.rawValue, op.deviceSeq])!
    }

    /// Marks `parked`'s conflict settled by `op`: its effect stands, as `op` left it.
    public static func settle(_ parked: Op, by op: Op, resolution: String? = nil, _ db: Database) throws {
        try db.execute(sql: """
            UPDATE conflict SET status = 'resolved', resolution = ?, resolvedBy = ?, resolvedAt = ?
            WHERE opDevice = ? AND opSeq = ? AND status = 'open'
            """, arguments: [resolution ?? "op, then \(op.kind) \(op.id)", op.actor.rawValue, op.hlc.wallMillis,
                             parked.deviceID.rawValue, parked.deviceSeq])
    }
}

/// The refusal of a merged op whose `to` already holds, with the same outcome (DESIGN.md, merging:
/// a harmless duplicate — the same complaint step, review handling, signature or campaign error
/// made on two devices). A projection throws it before writing anything, so that its followers
/// (the fines ledger) book nothing either; the merge parks the op and settles it at once
/// (`ParkedOps.settle`, resolution `duplicate`), so no device keeps it open, in any merge order.
/// Two different outcomes are a real conflict: throw the module's own error, the op stays parked
/// until `conflict.resolved`. Only for merged ops: a local write that repeats a step is refused.
public struct HarmlessDuplicate: ShopError, Equatable {
    public let zh: String
    public let en: String

    /// `what` names the state that holds already, e.g. `("投诉 K1 已到「已定性」", "complaint K1 is determined already")`.
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func message(in language: Language) -> String {
        language.pick(zh: "重复操作（另一台设备已做过，结果相同）：\(zh)", en: "a duplicate (done on another device with the same outcome): \(en)")
    }

    var resolution: String { "duplicate: " + en }
}
