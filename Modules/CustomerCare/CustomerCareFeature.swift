import GRDB
import ShopDomain
import Storage

/// Customer care as a feature: the buyer database, reviews, complaints, inquiries and
/// conversion, returns and exchanges, inspect-before-signing, canned replies (CS-1…CS-9, CS-12,
/// DISC-1). Buyers are derived from Logistics' `order_v`; this module owns only what people add.
public enum CustomerCare {
    public static let feature = ShopFeature(
        name: "customer-care",
        migrations: [
            .init("customer-care.v1", sql: CustomerCareSchema.v1),
            .init("customer-care.views", sql: CustomerCareSchema.views),
        ],
        handlers: CustomerHandlers.all + ReviewHandlers.all + ComplaintHandlers.all + InquiryHandlers.all + InspectionHandlers.all
            + ReturnHandlers.all,
        readTables: CustomerCareSchema.readTables,
        publicViews: CustomerCareSchema.viewNames,
        handoverFigures: handoverFigures
    )

    /// The views other modules may read (issue 18).
    public static let publicViews = CustomerCareSchema.viewNames
}

extension CustomerCare {
    /// What customer care has waiting at a handover (HR-2): open bad reviews (CS-2, the GM's),
    /// open complaints (CS-7), returns not closed.
    @Sendable static func handoverFigures(_ db: Database) throws -> [HandoverFigure] {
        func figure(_ key: String, _ zh: String, _ en: String, _ from: String, _ example: String) throws -> HandoverFigure {
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(from)")!
            let examples = try String.fetchAll(db, sql: "SELECT \(example) \(from) LIMIT 10")
            return HandoverFigure(key: key, zh: zh, en: en, count: count, examples: examples)
        }
        return [
            try figure("cs.reviews-open", "未处理的中差评", "mid/bad reviews not handled",
                       "FROM cs_review WHERE handled = 0 ORDER BY addedAt", "id || ' ' || orderID"),
            try figure("cs.complaints-open", "未归档的投诉", "complaints not archived",
                       "FROM cs_complaint WHERE step <> 'archived' ORDER BY openedAt", "id || ' ' || step"),
            try figure("cs.returns-open", "未完结的退换货", "returns not closed",
                       "FROM cs_return WHERE state <> 'closed' ORDER BY openedAt", "id || ' ' || state"),
        ]
    }
}
