import Foundation
import GRDB
import ShopDomain

extension ShopDatabase {
    /// Creates an empty notebook: the schema and a new device ID, no shop yet. Its first sync
    /// pulls the shop's history from the hub (`shop.created` first), so it can check its own
    /// work offline by the same rules.
    public static func createNotebook(at path: String, modules: [ShopFeature] = [], clock: ShopClock = .system,
                                      ids: IDSource = .random) throws -> ShopDatabase {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: path) else { throw StorageError.databaseExists(path: path) }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try? fm.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        do {
            let registry = ModuleRegistry(modules)
            let pool = try DatabasePool(path: path, configuration: configuration())
            try registry.migrator().migrate(pool)
            let device = ids.next(DeviceID.self)
            try pool.write { db in
                try db.execute(sql: "INSERT INTO device (id, isLocal, createdAt) VALUES (?, 1, ?)",
                               arguments: [device.rawValue, Int64(clock.now().timeIntervalSince1970 * 1000)])
            }
            return ShopDatabase(path: path, deviceID: device, clock: clock, pool: pool, registry: registry)
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
            throw error
        }
    }

    /// Whether the shop's history has arrived (an empty notebook has not synced yet).
    public func hasShop() throws -> Bool {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shop")! > 0 }
    }

    /// The journal's entries after a local apply position, oldest first: what a hub serves to pulls.
    public func entries(after seq: Int64, excluding device: DeviceID?, limit: Int) throws -> [JournalEntry] {
        if let storeOfRecord { return try storeOfRecord.entries(after: seq, excluding: device, limit: limit) }
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM journal WHERE seq > ? AND deviceID != ? ORDER BY seq LIMIT ?",
                             arguments: [seq, device?.rawValue ?? "", limit]).map(JournalEntry.init(row:))
        }
    }

    /// The highest sequence number this database holds for a device with nothing missing before it.
    public func head(of device: DeviceID) throws -> Int64 {
        try read { db in try DeviceHead.fetch(db, device: device).lastSeq }
    }
}

extension ShopDatabase {
    /// Every entry a pull after `seq` would serve (all of them, not a page) and the journal's last
    /// position, read from one snapshot: what a hub file for a device holds.
    public func entries(after seq: Int64, excluding device: DeviceID?) throws -> (entries: [JournalEntry], last: Int64) {
        try read { db in
            let last = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM journal")!
            let entries = try Row.fetchAll(db, sql: "SELECT * FROM journal WHERE seq > ? AND deviceID != ? ORDER BY seq",
                                           arguments: [seq, device?.rawValue ?? ""]).map(JournalEntry.init(row:))
            return (entries, last)
        }
    }

    /// The device whose database created the shop (`shop.created`): the hub. Nil while a new
    /// notebook has not received the shop yet.
    public func shopCreator() throws -> DeviceID? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT deviceID FROM journal WHERE kind = ? ORDER BY seq LIMIT 1",
                                arguments: [ShopCreated.kind]).map(DeviceID.init(rawValue:))
        }
    }

    /// Whether this database is the shop's hub: the one that created the shop.
    public var isHub: Bool {
        get throws { try shopCreator() == deviceID }
    }
}
