import ShopDomain

/// Why an order or logistics op is refused: each says what to do instead.
public enum LogisticsError: Error, Equatable, Sendable {
    case orderExists(String)
    case unknownOrder(String)
    case noConsignee(String)
    case badQuantity(Int)
    case statusNotForward(String, OrderStatus, OrderStatus)
    case unknownSKU(String)
    case emptyNote
    case alreadyTaken(String, by: String)
    case orderNotOpen(String, OrderStatus)
    case extraPostageRequired(String)
    case alreadyPacked(String)
    case badRange
    case rangeOverlaps(String, String, device: String)
    case notPaid(String, OrderStatus)
    case orderHasWaybill(String, String, new: String)
    case numberUsed(String)
    case notInStock(String, String)
    case noStock(String)
    case reasonRequired
    case handedOver(String)
    case unknownBatch(String)
    case seqOutOfBatch(String, Int, Int)
    case unknownWaybill(String)
    case waybillVoided(String)
    case staleSignature(String)
    case packMismatch(String)
    case unmatchedLine(String, String)
    case nothingToPickUp(String)
    case notPacked(String)
    case otherCourier(String, String)
    case inOtherPickup(String, String)
    case unknownPickup(String)
    case pickupConfirmed(String)
    case stubCount(String, stubs: Int, parcels: Int, missing: [String])
    case courierNameRequired
    case notInPickup(String, String)
    case badWeight
    case notHandedOver(String)
    case badAmount
    case claimExists(String, String)
    case notThePacker(String, String)
    case badMonth(String)
    case emptyStatement(String)
    case courierNotConfigured(String)
    case noStatement(String, String)
    case senderIncomplete
    case notOnOrder(String, String)
    case overQuantity(String, String, Int)
    case packIncomplete(String, [String])
    case noPaidOrders
    case unknownClaim(String)
}
