import Crypto
import Foundation
import GRDB
import ShopDomain
import Storage

/// A device registered at the hub: a name and a token (kept only as its SHA-256), bound to the
/// notebook's device ID by its first push that carries ops, its first pull, or a notebook file
/// imported with `--device` — never by an empty push, and only to a well-formed device ID.
public struct HubDevice: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var deviceID: String?
    public var registeredAt: Date
    public var revokedAt: Date?
    public var quarantinedAt: Date?
    public var lastSeenAt: Date?
    public var opsPushed: Int
    /// The hub position the device is known to have pulled up to (a pull's `after`, a notebook
    /// file's `pulled`): where `notebook export --for` starts.
    public var pulledSeq: Int64
}

/// The hub's device registry. Tokens are secrets: they are device-local state, never in the
/// journal, and only their hashes are stored.
public struct DeviceRegistry: Sendable {
    public let database: ShopDatabase

    public init(_ database: ShopDatabase) {
        self.database = database
    }

    /// Registers a device; returns it with its token, which is shown once and never stored.
    public func register(name: String) throws -> (HubDevice, token: String) {
        let name = name.trimmingWhitespace()
        guard !name.isEmpty else { throw SyncError.badRequest("empty device name") }
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        let token = "zg_" + Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let id = ShortID.make("D", ids: .random)
        let now = Int64(database.clock.now().timeIntervalSince1970 * 1000)
        try database.writeLocal { db in
            try db.execute(sql: "INSERT INTO hub_device (id, name, tokenHash, registeredAt) VALUES (?, ?, ?, ?)",
                           arguments: [id, name, Self.hash(token), now])
        }
        return (try find(id), token)
    }

    /// Devices registered and not revoked: whether this file serves as a hub.
    public func activeCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM hub_device WHERE revokedAt IS NULL") ?? 0 }
    }

    public func list() throws -> [HubDevice] {
        try database.read { db in try Row.fetchAll(db, sql: "SELECT * FROM hub_device ORDER BY registeredAt, id").map(Self.device) }
    }

    /// By registry ID, name or bound device ID (or its first 8 characters).
    public func find(_ key: String) throws -> HubDevice {
        let matches = try list().filter { $0.id == key.uppercased() || $0.name == key || $0.deviceID == key || ($0.deviceID?.hasPrefix(key) ?? false && key.count >= 8) }
        guard let device = matches.first else { throw SyncError.unknownDevice(key) }
        return device
    }

    public func revoke(_ key: String) throws -> HubDevice {
        let device = try find(key)
        let now = Int64(database.clock.now().timeIntervalSince1970 * 1000)
        try database.writeLocal { db in try db.execute(sql: "UPDATE hub_device SET revokedAt = ? WHERE id = ?", arguments: [now, device.id]) }
        return try find(device.id)
    }

    /// Records that a device has everything up to `seq` (never moves back).
    func recordPulled(_ id: String, upTo seq: Int64) throws {
        try database.writeLocal { db in
            try db.execute(sql: "UPDATE hub_device SET pulledSeq = ? WHERE id = ? AND pulledSeq < ?", arguments: [seq, id, seq])
        }
    }

    /// Binds a registered device to a notebook, for good, inside the caller's write transaction
    /// (issue 19). Refuses an ID that is not a device ID as notebooks make them, a device already
    /// bound to another notebook (also one bound by a request that raced this one), and a notebook
    /// another device that may still sync holds (a revoked or quarantined one does not count: that
    /// is how a checked notebook is registered again).
    func bind(_ device: HubDevice, to notebook: DeviceID, in db: Database) throws {
        guard notebook.isWellFormed else { throw SyncError.malformedDevice(notebook.rawValue) }
        if let bound = device.deviceID {
            guard bound == notebook.rawValue else { throw SyncError.boundElsewhere(device.name) }
            return
        }
        if let holder = try String.fetchOne(db, sql: """
            SELECT name FROM hub_device WHERE deviceID = ? AND id <> ? AND revokedAt IS NULL AND quarantinedAt IS NULL
            """, arguments: [notebook.rawValue, device.id]) {
            throw SyncError.notebookTaken(notebook: notebook.rawValue, name: holder)
        }
        try db.execute(sql: "UPDATE hub_device SET deviceID = ? WHERE id = ? AND deviceID IS NULL", arguments: [notebook.rawValue, device.id])
        let now = try String.fetchOne(db, sql: "SELECT deviceID FROM hub_device WHERE id = ?", arguments: [device.id])
        guard now == notebook.rawValue else { throw SyncError.boundElsewhere(device.name) }
    }

    /// The device a token belongs to, if it may sync.
    public func authenticate(_ token: String?) throws(SyncError) -> HubDevice {
        guard let token, !token.isEmpty else { throw .unauthorized }
        let found: HubDevice?
        do {
            found = try database.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM hub_device WHERE tokenHash = ?", arguments: [Self.hash(token)]).map(Self.device)
            }
        } catch {
            throw .badRequest(String(describing: error))
        }
        guard let device = found else { throw .unauthorized }
        guard device.revokedAt == nil else { throw .revoked(device.name) }
        guard device.quarantinedAt == nil else { throw .quarantined(device.name) }
        return device
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hexString
    }

    static func device(_ row: Row) -> HubDevice {
        HubDevice(id: row["id"], name: row["name"], deviceID: row["deviceID"], registeredAt: Date(millis: row["registeredAt"]),
                  revokedAt: (row["revokedAt"] as Int64?).map(Date.init(millis:)),
                  quarantinedAt: (row["quarantinedAt"] as Int64?).map(Date.init(millis:)),
                  lastSeenAt: (row["lastSeenAt"] as Int64?).map(Date.init(millis:)), opsPushed: row["opsPushed"],
                  pulledSeq: row["pulledSeq"])
    }
}
