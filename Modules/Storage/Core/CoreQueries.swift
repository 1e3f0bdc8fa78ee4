import Foundation
import GRDB
import ShopDomain

/// The shop as created.
public struct ShopInfo: Sendable, Equatable, Codable {
    public var name: String
    public var timezone: String
    public var owner: StaffID
    public var createdOn: CivilDate
}

/// A staff member with what the read tables know about them.
public struct StaffRecord: Sendable, Equatable {
    public var staff: Staff
    /// When they were added (UTC).
    public var addedAt: Date
    public var leftAt: Date?
    public var leftReason: String?
}

/// Reads of the core read tables, shared by every module and program.
public enum CoreQueries {
    public static func shop(_ db: Database) throws -> ShopInfo {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM shop WHERE id = 1") else {
            throw StorageError.emptyNotebook
        }
        return ShopInfo(name: row["name"], timezone: row["timezone"], owner: StaffID(rawValue: row["owner"]),
                        createdOn: CivilDate(row["createdOn"] as String)!)
    }

    public static func staff(_ db: Database, id: StaffID) throws -> Staff? {
        try staffRecords(db, where: "id = ?", [id.rawValue]).first?.staff
    }

    /// Everyone, active first, in the order they joined.
    public static func staffList(_ db: Database, includeInactive: Bool = true) throws -> [StaffRecord] {
        try staffRecords(db, where: includeInactive ? "1 = 1" : "active = 1", [])
    }

    /// Finds a person by exact name (active people first) or by ID or an ID prefix of 4+ characters.
    public static func findStaff(_ db: Database, _ text: String) throws -> Staff {
        let key = text.trimmingWhitespace()
        guard !key.isEmpty else { throw StorageError.unknownStaff(text) }
        let byName = try staffRecords(db, where: "name = ?", [key]).map(\.staff)
        let activeByName = byName.filter(\.active)
        if activeByName.count == 1 { return activeByName[0] }
        if activeByName.count > 1 { throw StorageError.ambiguousStaff(key, matches: activeByName.map(\.id.short)) }
        if byName.count == 1 { return byName[0] }
        if byName.count > 1 { throw StorageError.ambiguousStaff(key, matches: byName.map(\.id.short)) }
        guard key.count >= 4 else { throw StorageError.unknownStaff(key) }
        let byID = try staffRecords(db, where: "id LIKE ? ESCAPE '\\'", [escapeLike(key.lowercased()) + "%"]).map(\.staff)
        if byID.count == 1 { return byID[0] }
        if byID.count > 1 { throw StorageError.ambiguousStaff(key, matches: byID.map(\.name)) }
        throw StorageError.unknownStaff(key)
    }

    /// The policy values in force and scheduled.
    public static func policy(_ db: Database) throws -> Policy {
        let shop = try shop(db)
        let changes = try Row.fetchAll(db, sql: "SELECT key, value, effectiveFrom FROM policy_change").compactMap { row -> Policy.Change? in
            guard let item = PolicyCatalog.item(row["key"]),
                  let value = try? PolicyValue.parse(row["value"], as: item.kind),
                  let day = CivilDate(row["effectiveFrom"] as String)
            else { return nil }
            return Policy.Change(key: item.id, value: value, effectiveFrom: day)
        }
        return Policy(defaultsFrom: shop.createdOn, changes: changes)
    }

    private static func staffRecords(_ db: Database, where condition: String, _ arguments: [any DatabaseValueConvertible]) throws -> [StaffRecord] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT staff.*, (SELECT group_concat(role) FROM staff_role WHERE staffID = staff.id) AS roles
            FROM staff WHERE \(condition) ORDER BY active DESC, addedAt, rowid
            """, arguments: StatementArguments(arguments))
        return rows.map { row in
            let roles = ((row["roles"] as String?) ?? "").split(separator: ",").compactMap { Role(rawValue: String($0)) }.sorted()
            let staff = Staff(id: StaffID(rawValue: row["id"]), name: row["name"], roles: roles,
                              gender: (row["gender"] as String?).flatMap(Staff.Gender.init(rawValue:)),
                              birthDate: (row["birthDate"] as String?).flatMap(CivilDate.init),
                              active: row["active"])
            return StaffRecord(staff: staff, addedAt: Date(millis: row["addedAt"]),
                               leftAt: (row["leftAt"] as Int64?).map(Date.init(millis:)), leftReason: row["leftReason"])
        }
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}

extension Date {
    public init(millis: Int64) {
        self.init(timeIntervalSince1970: Double(millis) / 1000)
    }

    /// Milliseconds since 1970: how read tables store instants.
    public var millis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
}
