import GRDB
import ShopDomain

/// What must hold before a style goes on sale: every stage recorded (DES-1), every box ticked and
/// passed (DES-2, DES-3, DES-4, DES-6), and the latest folder check passed (DES-2, DES-3, DES-5).
public enum ListingRules {
    public static func blockers(_ db: Database, style: String) throws -> [ListingBlocker] {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM listing WHERE style = ?", arguments: [style]) else {
            return ListingStage.allCases.map(ListingBlocker.stage) + ListingCheckItem.allCases.map(ListingBlocker.missing)
                + [.folderNotChecked]
        }
        var blockers = ListingStage.allCases.filter { (row["\($0.rawValue)At"] as Int64?) == nil }.map(ListingBlocker.stage)
        let ticks = Dictionary(try Row.fetchAll(db, sql: "SELECT item, passed FROM listing_tick WHERE style = ?", arguments: [style])
            .map { ($0["item"] as String, $0["passed"] as Bool) }, uniquingKeysWith: { $1 })
        for item in ListingCheckItem.allCases {
            switch ticks[item.rawValue] {
            case nil: blockers.append(.missing(item))
            case false?: blockers.append(.failed(item))
            case true?: break
            }
        }
        if let check = try String.fetchOne(db, sql: """
            SELECT id FROM listing_folder_check WHERE style = ? ORDER BY checkedAt DESC, rowid DESC LIMIT 1
            """, arguments: [style]) {
            let failed = Set(try String.fetchAll(db, sql: "SELECT DISTINCT rule FROM listing_finding WHERE checkID = ?", arguments: [check]))
            if !failed.isEmpty { blockers.append(.folderFailed(FolderRule.allCases.filter { failed.contains($0.rawValue) })) }
        } else {
            blockers.append(.folderNotChecked)
        }
        return blockers
    }
}

/// DES-6: the page's price equals each variant's catalogue price (`product_v.price`) or, while a
/// campaign is live, its campaign price (`campaign_price_v`, Approval's view, read only when this
/// database has it).
enum PriceCheck {
    /// The variants whose catalogue and live campaign prices both differ from `price`.
    static func mismatches(_ db: Database, style: String, price: Money) throws -> [String] {
        let catalogue = try Row.fetchAll(db, sql: "SELECT sku, price FROM product_v WHERE style = ? AND kind = 'goods' ORDER BY sku",
                                         arguments: [style])
        var campaign: [String: Set<Int64>] = [:]
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = 'campaign_price_v')") == true {
            for row in try Row.fetchAll(db, sql: """
                SELECT sku, price FROM campaign_price_v WHERE live = 1 AND sku IN (SELECT sku FROM product_v WHERE style = ?)
                """, arguments: [style]) {
                campaign[row["sku"], default: []].insert(row["price"])
            }
        }
        return catalogue.compactMap { row in
            let sku: String = row["sku"]
            let listed: Int64 = row["price"]
            return listed == price.fen || campaign[sku, default: []].contains(price.fen) ? nil : sku
        }
    }
}
