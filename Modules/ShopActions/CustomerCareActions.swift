import CustomerCare
import Logistics
import ShopDomain
import Storage

/// Customer care's writes that read first (issue 12): the CLI's `complaint`, `review` and
/// `inquiry` commands and the agent desk (screen 8) both call these, so a front end cannot make
/// a different op from the other. The rules themselves are the handlers' (CS-4, CS-5, CS-7, CS-9).
extension ShopSession {
    /// CS-7: the complaint one step on from where the register has it, nothing skipped. `seen` is
    /// the step a screen's form was opened on: when someone moved the complaint meanwhile the
    /// advance is refused, never applied to a step the person did not see.
    @discardableResult
    public func advanceComplaint(_ complaint: String, seen: ComplaintStep? = nil, kind: ComplaintKind? = nil, against: String? = nil,
                                 upheld: Bool? = nil, fine: Money? = nil, evaluation: String? = nil, note: String? = nil,
                                 as actor: Staff) throws -> ComplaintAdvanced {
        let draft = try read { db -> ComplaintAdvanced in
            let record = try ComplaintQueries.find(db, complaint)
            if let seen, record.step != seen {
                if record.step == .archived { throw CustomerCareError.complaintClosed(record.complaint) }
                throw CustomerCareError.stepMoved(record.complaint, current: record.step, seen: seen)
            }
            return try ComplaintDrafts.next(db, complaint: record.complaint, note: note, kind: kind,
                                            against: try against.map { try CoreQueries.findStaff(db, $0).id },
                                            upheld: upheld, fine: fine, evaluation: evaluation)
        }
        try apply(draft, as: actor)
        return draft
    }

    /// CS-7: the archive, only after the return visit.
    @discardableResult
    public func archiveComplaint(_ complaint: String, note: String? = nil, as actor: Staff) throws -> ComplaintAdvanced {
        let draft = try read { db in try ComplaintDrafts.close(db, complaint: try ComplaintQueries.find(db, complaint).complaint, note: note) }
        try apply(draft, as: actor)
        return draft
    }

    /// CS-4: contact, outcome and refund; malicious means reported to the platform, and the
    /// handler blacklists the buyer in the same op. The refund limit is the handler's.
    @discardableResult
    public func handleReview(_ review: String, contacted: Bool, outcome: ReviewOutcome, compensation: Money, malicious: Bool = false,
                             note: String? = nil, as actor: Staff) throws -> ReviewHandled {
        let id = try read { db in try ReviewQueries.find(db, review).review }
        let payload = ReviewHandled(review: id, contacted: contacted, outcome: malicious ? .reported : outcome, compensation: compensation,
                                    note: note.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 })
        try apply(payload, as: actor)
        return payload
    }

    /// CS-9: one pre-sale inquiry, the acting agent's; `order` by number or its last digits.
    @discardableResult
    public func logInquiry(buyer: String, products: [String], outcome: InquiryOutcome, reason: String? = nil, order: String? = nil,
                           as actor: Staff) throws -> InquiryLogged {
        let orderID = try order.map { text in try read { db in try OrderQueries.find(db, text) } }
        let payload = InquiryLogged(inquiry: ShortID.make("Q", day: today, ids: .random), buyer: buyer.trimmingWhitespace(),
                                    products: products.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }, outcome: outcome,
                                    reason: reason.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0.trimmingWhitespace() }, order: orderID)
        try apply(payload, as: actor)
        return payload
    }

    /// CS-5: a follow-up of an order placed but not paid.
    @discardableResult
    public func followUpOrder(_ order: String, note: String, as actor: Staff) throws -> InquiryFollowedUp {
        let payload = InquiryFollowedUp(order: try read { db in try OrderQueries.find(db, order) }, note: note)
        try apply(payload, as: actor)
        return payload
    }
}
