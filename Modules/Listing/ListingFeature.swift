import Foundation
import GRDB
import ShopDomain
import Storage

/// The designers' checklist as a feature: the listing clock from the goods' arrival, the
/// stages, the checked boxes, the image folder checks, going on sale, sold-out annotations
/// (DES-1…DES-7).
public enum Listing {
    public static let feature = ShopFeature(
        name: "listing",
        migrations: [.init("listing.v1", sql: ListingSchema.v1), .init("listing.v2", sql: ListingSchema.views)],
        handlers: ListingHandlers.all + FolderHandlers.all,
        readTables: ListingSchema.readTables,
        publicViews: ListingSchema.viewNames,
        handoverFigures: handoverFigures
    )

    /// Overdue listings (DES-1) and sold-out colours or sizes to annotate (DES-7), counted on the
    /// summary's day in the shop's zone.
    @Sendable static func handoverFigures(_ db: Database) throws -> [HandoverFigure] {
        let today = try ProjectionContext.zone(db).day(of: HandoverTime.now ?? Date())
        let overdue = try ListingQueries.overdue(db, today: today)
        let soldOut = try SoldOutQueries.lines(db, today: today)
        return [
            HandoverFigure(key: "listing.overdue", zh: "超期未上架的新品", en: "new goods overdue for sale",
                           count: overdue.count, examples: overdue.prefix(10).map(\.style)),
            HandoverFigure(key: "listing.sold-out", zh: "售罄待标注的颜色或尺码", en: "sold-out colours or sizes to annotate",
                           count: soldOut.count, examples: soldOut.prefix(10).map { "\($0.style) \($0.value)" }),
        ]
    }
}
