import Foundation
import GRDB
import ShopDomain
import Storage

/// Reads of the designers' list (DES-1) and one style's checklist, for the CLI and the TUI.
public enum ListingQueries {
    /// One style on the designers' list.
    public struct Listing: Sendable, Codable, Equatable {
        public var style: String
        public var name: String
        /// `arrived`, `photographed`, `retouched`, `listed`, `reviewed`, `on-sale` (or `not-arrived`).
        public var state: String
        public var arrivedAt: Date?
        public var arrivalDay: String?
        public var dueOn: String?
        public var onSaleDay: String?
        /// Not on sale and its due day has passed, in the shop's zone (DES-1).
        public var overdue: Bool
        /// Went on sale after its due day.
        public var late: Bool
        /// Days until the due day (negative: days overdue); nil once on sale or before arrival.
        public var daysLeft: Int?
        /// The latest folder check: nil when none; else the rules that failed.
        public var folderFailed: [String]?
        public var ticksPassed: Int
        public var ticksTotal: Int
    }

    /// Every style with a listing, overdue first (longest overdue first), then by due day, then
    /// on sale (latest first).
    public static func listings(_ db: Database, today: CivilDate, style: String? = nil) throws -> [Listing] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT v.*, (SELECT name FROM product_v p WHERE p.style = v.style ORDER BY sku LIMIT 1) AS name,
                   (SELECT COUNT(*) FROM listing_tick t WHERE t.style = v.style AND t.passed = 1) AS ticksPassed,
                   (SELECT id FROM listing_folder_check c WHERE c.style = v.style ORDER BY checkedAt DESC, rowid DESC LIMIT 1) AS lastCheck
            FROM listing_v v \(style == nil ? "" : "WHERE v.style = ?")
            """, arguments: StatementArguments(style.map { [$0] } ?? []))
        let result = try rows.map { row in
            let dueOn = (row["dueOn"] as String?).flatMap(CivilDate.init)
            let onSaleDay: String? = row["onSaleDay"]
            let open = onSaleDay == nil
            let check: String? = row["lastCheck"]
            let failed = try check.map { id in
                Set(try String.fetchAll(db, sql: "SELECT DISTINCT rule FROM listing_finding WHERE checkID = ?", arguments: [id]))
            }
            return Listing(style: row["style"], name: row["name"] ?? "", state: row["state"],
                           arrivedAt: (row["arrivedAt"] as Int64?).map(Date.init(millis:)), arrivalDay: row["arrivalDay"],
                           dueOn: dueOn?.description, onSaleDay: onSaleDay,
                           overdue: open && dueOn.map { $0 < today } == true,
                           late: !open && (row["overdue"] as Bool?) == true,
                           daysLeft: open ? dueOn.map { today.days(to: $0) } : nil,
                           folderFailed: failed.map { set in FolderRule.allCases.filter { set.contains($0.rawValue) }.map(\.rawValue) },
                           ticksPassed: row["ticksPassed"], ticksTotal: ListingCheckItem.allCases.count)
        }
        return result.sorted { a, b in
            func rank(_ l: Listing) -> Int { l.overdue ? 0 : l.onSaleDay == nil ? (l.dueOn == nil ? 2 : 1) : 3 }
            if rank(a) != rank(b) { return rank(a) < rank(b) }
            if rank(a) == 3 { return (a.onSaleDay ?? "", a.style) > (b.onSaleDay ?? "", b.style) }
            return (a.dueOn ?? "", a.style) < (b.dueOn ?? "", b.style)
        }
    }

    /// The listings overdue today (DES-1): the designer's due items.
    public static func overdue(_ db: Database, today: CivilDate) throws -> [Listing] {
        try listings(db, today: today).filter(\.overdue)
    }

    /// One box of the checklist as last ticked.
    public struct Tick: Sendable, Codable, Equatable {
        public var item: String
        public var rule: String
        public var passed: Bool?
        public var by: String?
        public var at: Date?
        public var price: Money?
        public var note: String?
    }

    /// A step and who did it.
    public struct Step: Sendable, Codable, Equatable {
        public var stage: String
        public var by: String?
        public var at: Date?
    }

    /// A style's whole checklist.
    public struct Detail: Sendable, Codable, Equatable {
        public var listing: Listing
        public var steps: [Step]
        public var ticks: [Tick]
        public var folder: FolderQueries.Check?
        public var blockers: [String]
    }

    public static func detail(_ db: Database, style: String, today: CivilDate, language: Language) throws -> Detail {
        guard let listing = try listings(db, today: today, style: style).first else { throw ListingError.unknownStyle(style) }
        let names = try staffNames(db)
        let row = try Row.fetchOne(db, sql: "SELECT * FROM listing WHERE style = ?", arguments: [style])!
        let steps = ListingStage.allCases.map { stage in
            Step(stage: stage.rawValue, by: (row["\(stage.rawValue)By"] as String?).map { names[$0] ?? $0 },
                 at: (row["\(stage.rawValue)At"] as Int64?).map(Date.init(millis:)))
        } + [Step(stage: "on-sale", by: (row["onSaleBy"] as String?).map { names[$0] ?? $0 }, at: (row["onSaleAt"] as Int64?).map(Date.init(millis:)))]
        let ticked = Dictionary(try Row.fetchAll(db, sql: "SELECT * FROM listing_tick WHERE style = ?", arguments: [style])
            .map { ($0["item"] as String, $0) }, uniquingKeysWith: { $1 })
        let ticks = ListingCheckItem.allCases.map { item in
            let t = ticked[item.rawValue]
            return Tick(item: item.rawValue, rule: item.rule, passed: t?["passed"], by: (t?["byStaff"] as String?).map { names[$0] ?? $0 },
                        at: (t?["at"] as Int64?).map(Date.init(millis:)), price: (t?["price"] as Int64?).map(Money.init(fen:)), note: t?["note"])
        }
        let blockers = listing.onSaleDay == nil ? try ListingRules.blockers(db, style: style).map { $0.message(in: language) } : []
        return Detail(listing: listing, steps: steps, ticks: ticks, folder: try FolderQueries.latest(db, style: style, language: language),
                      blockers: blockers)
    }

    /// Staff IDs to names (for "who ticked").
    static func staffNames(_ db: Database) throws -> [String: String] {
        Dictionary(try CoreQueries.staffList(db).map { ($0.staff.id.rawValue, $0.staff.name) }, uniquingKeysWith: { a, _ in a })
    }
}
