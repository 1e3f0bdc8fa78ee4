import GRDB
import ShopDomain

/// Builds the next step's op from what the register holds now, so the CLI and the TUI make the
/// same op: `from` is the step seen, and at `confirmed` the kind and the person responsible are
/// copied in (the fine claim is read from the payload alone, DISC-1/DISC-3).
public enum ComplaintDrafts {
    public static func next(_ db: Database, complaint id: String, note: String? = nil, kind: ComplaintKind? = nil, against: StaffID? = nil,
                            upheld: Bool? = nil, fine: Money? = nil, evaluation: String? = nil) throws -> ComplaintAdvanced {
        let record = try ComplaintQueries.find(db, id)
        guard let next = record.next else { throw CustomerCareError.complaintClosed(id) }
        var responsible = against
        if next == .confirmed, upheld == true, responsible == nil { responsible = record.againstID.map(StaffID.init(rawValue:)) }
        return ComplaintAdvanced(complaint: id, from: record.step, to: next, note: note, kind: kind, against: responsible, upheld: upheld,
                                 fine: fine, evaluation: evaluation, kindAtConfirmation: next == .confirmed ? record.kind : nil)
    }

    /// `complaint close`: the archive, only from the return visit (CS-7).
    public static func close(_ db: Database, complaint id: String, note: String? = nil) throws -> ComplaintAdvanced {
        let record = try ComplaintQueries.find(db, id)
        guard record.step != .archived else { throw CustomerCareError.complaintClosed(id) }
        guard record.step == .visited else {
            throw CustomerCareError.stepOutOfOrder(id, current: record.step, next: record.next, asked: .archived)
        }
        return ComplaintAdvanced(complaint: id, from: .visited, to: .archived, note: note)
    }
}

/// CS-3: a damage report with `told` from the register and the agent who handled the order.
public enum DamageDrafts {
    public static func report(_ db: Database, order: OrderID, note: String, responsible: StaffID?) throws -> CustomerDamageReported {
        guard try Row.fetchOne(db, sql: "SELECT 1 FROM order_v WHERE id = ?", arguments: [order.rawValue]) != nil else {
            throw CustomerCareError.unknownOrder(order.rawValue)
        }
        let told = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cs_inspection WHERE orderID = ?)", arguments: [order.rawValue])!
        let takenBy = try String.fetchOne(db, sql: "SELECT takenBy FROM order_v WHERE id = ?", arguments: [order.rawValue])
        return CustomerDamageReported(order: order, note: note, told: told, responsible: responsible ?? takenBy.map(StaffID.init(rawValue:)))
    }
}
