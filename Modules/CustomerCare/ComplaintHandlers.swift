import GRDB
import ShopDomain
import Storage

/// The complaint register (CS-7, DISC-1, DISC-3). The fines themselves are booked by Workforce,
/// which follows `complaint.advanced` (a `FineBearing` kind): this module only checks the steps.
enum ComplaintHandlers {
    static let all: [OpHandler] = [
        OpHandler(ComplaintOpened.self, authorization: .permission(.handleOrders), project: opened),
        OpHandler(ComplaintAdvanced.self, authorization: .permission(.handleOrders), project: advanced),
    ]

    static func opened(_ p: ComplaintOpened, _ op: Op, _ db: Database) throws {
        // The buyer and the order must go together: a complaint filed on another buyer's order
        // would put it in the wrong customer's history.
        if let order = p.order, let actual = try Buyers.buyer(ofOrder: order, db), actual != p.buyer {
            throw CustomerCareError.buyerNotOnOrder(p.buyer, order: order.rawValue, actual: actual)
        }
        try Buyers.require(db, p.buyer)
        let text = try Buyers.text(p.text, "投诉内容 / complaint text")
        guard try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cs_complaint WHERE id = ?)", arguments: [p.complaint])! else {
            throw CustomerCareError.complaintExists(p.complaint)
        }
        try db.execute(sql: """
            INSERT INTO cs_complaint (id, buyer, orderID, text, step, openedBy, openedAt, updatedAt) VALUES (?, ?, ?, ?, 'intake', ?, ?, ?)
            """, arguments: [p.complaint, p.buyer, p.order?.rawValue, text, op.actor.rawValue, op.hlc.wallMillis, op.hlc.wallMillis])
        try db.execute(sql: "INSERT INTO cs_complaint_step (complaintID, step, actor, at, note) VALUES (?, 'intake', ?, ?, NULL)",
                       arguments: [p.complaint, op.actor.rawValue, op.hlc.wallMillis])
    }

    /// CS-7: one step on from the step the person saw, nothing skipped; the return visit with the
    /// customer's evaluation before the archive.
    static func advanced(_ p: ComplaintAdvanced, _ op: Op, _ db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT step, kind, against, upheld, fine, evaluation FROM cs_complaint WHERE id = ?",
                                         arguments: [p.complaint]) else {
            throw CustomerCareError.unknownComplaint(p.complaint)
        }
        let current = ComplaintStep(rawValue: row["step"])!
        // CS-7, merged: the step taken on another device too, with the same outcome, is one step
        // (DESIGN.md: its `to` holds, a harmless duplicate) — no second step row, no second fine.
        if try !ProjectionContext.isLocal(op, db), try taken(p, row, db) {
            throw HarmlessDuplicate(zh: "投诉 \(p.complaint) 已到「\(p.to.name(in: .zh))」", en: "complaint \(p.complaint) is \(p.to.name(in: .en)) already")
        }
        guard current != .archived else { throw CustomerCareError.complaintClosed(p.complaint) }
        // Another device moved it on since this person looked: for a merged op, a conflict.
        guard current == p.from else { throw CustomerCareError.stepMoved(p.complaint, current: current, seen: p.from) }
        guard p.to == current.next else {
            throw CustomerCareError.stepOutOfOrder(p.complaint, current: current, next: current.next, asked: p.to)
        }
        var kind = (row["kind"] as String?).flatMap(ComplaintKind.init(rawValue:))
        var against = (row["against"] as String?).map(StaffID.init(rawValue:))
        if let given = p.against { against = given }
        switch p.to {
        case .determined:
            guard let given = p.kind else { throw CustomerCareError.kindRequired(p.complaint) }
            kind = given
        case .confirmed:
            guard let upheld = p.upheld else { throw CustomerCareError.upheldRequired(p.complaint) }
            guard p.kindAtConfirmation == kind else { throw CustomerCareError.kindMismatch(p.complaint) }
            // The fine claim is read from the payload alone: the person is named in it (the action
            // fills it in from the register).
            if upheld, kind == .service || kind == .warehouse, p.against == nil { throw CustomerCareError.againstRequired(p.complaint) }
            if let fine = p.fine, fine != .zero {
                guard kind == .warehouse, upheld, fine > .zero else { throw CustomerCareError.fineOnlyForWarehouse(p.complaint) }
                // DISC-3: the amount is the manager's decision.
                guard try Buyers.actor(op, may: .bookFines, db) else { throw CustomerCareError.fineNeedsManager(p.complaint) }
            }
        case .visited:
            guard let evaluation = p.evaluation, !evaluation.trimmingWhitespace().isEmpty else {
                throw CustomerCareError.evaluationRequired(p.complaint)
            }
        default:
            break
        }
        if let against, try CoreQueries.staff(db, id: against) == nil { throw StorageError.unknownStaff(against.rawValue) }
        try db.execute(sql: """
            UPDATE cs_complaint SET step = ?, kind = ?, against = ?, upheld = COALESCE(?, upheld), fine = COALESCE(?, fine),
                evaluation = COALESCE(?, evaluation), updatedAt = ? WHERE id = ?
            """, arguments: [p.to.rawValue, kind?.rawValue, against?.rawValue, p.upheld.map { $0 ? 1 : 0 }, p.fine?.fen,
                             p.evaluation?.trimmingWhitespace(), op.hlc.wallMillis, p.complaint])
        try db.execute(sql: "INSERT INTO cs_complaint_step (complaintID, step, actor, at, note) VALUES (?, ?, ?, ?, ?)",
                       arguments: [p.complaint, p.to.rawValue, op.actor.rawValue, op.hlc.wallMillis, p.note ?? p.evaluation])
    }

    /// Whether the step `p` asks for was taken already with the outcome `p` gives: the kind it was
    /// determined as, the confirmation (upheld, against whom, the fine), the customer's evaluation.
    /// A note is not an outcome. Another outcome is a real conflict (`stepMoved`), for a person.
    private static func taken(_ p: ComplaintAdvanced, _ row: Row, _ db: Database) throws -> Bool {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cs_complaint_step WHERE complaintID = ? AND step = ?)",
                                arguments: [p.complaint, p.to.rawValue])! else { return false }
        if let against = p.against, against.rawValue != row["against"] as String? { return false }
        switch p.to {
        case .determined:
            return p.kind?.rawValue == row["kind"] as String?
        case .confirmed:
            let upheld = (row["upheld"] as Int?).map { $0 != 0 }
            return p.upheld == upheld && p.kindAtConfirmation?.rawValue == row["kind"] as String?
                && (p.fine ?? .zero).fen == (row["fine"] as Int64? ?? 0)
        case .visited:
            return p.evaluation?.trimmingWhitespace() == row["evaluation"] as String?
        default:
            return true
        }
    }
}
