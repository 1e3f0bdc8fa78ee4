import ShopDomain

/// Why a customer-care op is refused: each says what to do instead (one line, zh/en).
public enum CustomerCareError: Error, Equatable, Sendable {
    case unknownBuyer(String)
    case unknownOrder(String)
    case emptyText(String)
    case unknownReview(String)
    case reviewExists(String)
    case reviewHandled(String)
    case badCompensation
    case overRefundLimit(Money, limit: Money)
    case maliciousNeedsReport
    case unknownComplaint(String)
    case complaintExists(String)
    case complaintClosed(String)
    case stepMoved(String, current: ComplaintStep, seen: ComplaintStep)
    case stepOutOfOrder(String, current: ComplaintStep, next: ComplaintStep?, asked: ComplaintStep)
    case kindRequired(String)
    case againstRequired(String)
    case upheldRequired(String)
    case kindMismatch(String)
    case fineOnlyForWarehouse(String)
    case fineNeedsManager(String)
    case evaluationRequired(String)
    case inquiryExists(String)
    case unknownInquiry(String)
    case unknownReason(String, known: [String])
    case reasonExists(String)
    case notAwaitingPayment(String)
    case replyExists(String)
    case alreadyTold(String)
    case toldMismatch(String)
    case unknownReturn(String)
    case returnExists(String)
    case returnState(String, state: String, expected: String)
    case badQuantity(Int)
    case notOnOrder(String, String)
    /// A complaint's buyer and order that do not go together (buyer, order, the order's buyer).
    case buyerNotOnOrder(String, order: String, actual: String)
    case receivedMismatch(String)
}
