import Foundation
import GRDB
import ShopDomain
import Synchronization

/// What a projection may ask about the op it is projecting, besides the read tables.
public enum ProjectionContext {
    /// Whether the op was made on this database (a local write) rather than merged from another
    /// notebook. A local write that breaks an invariant is refused; a merged one is recorded and
    /// flagged for a person (DESIGN.md, merging), because refusing it would lose data.
    public static func isLocal(_ op: Op, _ db: Database) throws -> Bool {
        let local = try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM device WHERE isLocal = 1"))
        return local == op.deviceID.rawValue
    }

    /// The shop day the op happened on, in the shop's zone.
    public static func day(of op: Op, _ db: Database) throws -> CivilDate {
        try zone(db).day(of: Date(millis: op.hlc.wallMillis))
    }

    /// The shop's zone.
    public static func zone(_ db: Database) throws -> ShopZone {
        let identifier = try String.fetchOne(db.cachedStatement(sql: "SELECT timezone FROM shop WHERE id = 1"))
            ?? ShopZone.defaultIdentifier
        return try zones.withLock { cache in
            if let zone = cache[identifier] { return zone }
            let zone = try ShopZone(identifier)
            cache[identifier] = zone
            return zone
        }
    }

    private static let zones = Mutex<[String: ShopZone]>([:])

    /// The value of a policy item in force on a day, read straight from `policy_change`.
    public static func policy(_ item: PolicyItem, on day: CivilDate, _ db: Database) throws -> PolicyValue {
        let text = try String.fetchOne(db.cachedStatement(sql: """
            SELECT value FROM policy_change WHERE key = ? AND effectiveFrom <= ? ORDER BY effectiveFrom DESC LIMIT 1
            """), arguments: [item.id, day.description])
        return text.flatMap { try? PolicyValue.parse($0, as: item.kind) } ?? item.defaultValue
    }
}
