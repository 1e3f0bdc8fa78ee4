import CSQLiteTuning
import Foundation
import GRDB
import ShopDomain

/// One shop database file (a notebook): SQLite in WAL mode through a GRDB `DatabasePool`, so
/// the CLI, the TUI and the daemon can use it at once. Every change goes through `apply`.
public struct ShopDatabase: Sendable {
    public let path: String
    public let deviceID: DeviceID
    public let clock: ShopClock
    let pool: DatabasePool
    let registry: ModuleRegistry
    /// Opened read-only: this process may not write the file (issue 19).
    public internal(set) var readOnly = false
    /// The hub's store of record when its journal lives in PostgreSQL (docs/decisions/0011): every
    /// journal append is recorded there before this file commits, and pulls are answered from it.
    public var storeOfRecord: (any StoreOfRecord)? = nil
    /// Set once SQLite reports the file damaged: no more writes (issue 19).
    let damage = DamageMark()

    /// Once a process, before its first connection: SQLite's memory statistics off, so its every
    /// allocation stops taking a global mutex (issue 20: 70 allocations an imported order).
    private static let tuned: Void = { _ = zhanggui_sqlite_memstatus_off() }()

    /// The connection settings every process uses on the shop file.
    static func configuration() -> Configuration {
        _ = tuned
        var config = Configuration()
        config.busyMode = .timeout(30)  // wait for another process's write instead of failing
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -32768")  // 32 MiB of page cache per connection
        }
        return config
    }

    /// Opens an existing shop database and brings its schema up to date.
    ///
    /// The file's states are told apart (issue 19): missing, permission denied, not a shop file,
    /// truncated, damaged, written by a newer program. A file this process may read but not
    /// write opens read-only: reads work, every write is refused (`StorageError.readOnly`).
    /// `checkIntegrity` runs SQLite's `quick_check` first (the command line does, once a run),
    /// so a damaged file is refused before anything reads or writes it.
    public static func open(at path: String, modules: [ShopFeature] = [], clock: ShopClock = .system,
                            checkIntegrity: Bool = false) throws -> ShopDatabase {
        if checkIntegrity, let problem = try integrityProblem(at: path) { throw StorageError.damaged(path: path, detail: problem) }
        guard FileManager.default.fileExists(atPath: path) else { throw StorageError.databaseMissing(path: path) }
        try FileState.check(path)
        let readOnly = !FileManager.default.isWritableFile(atPath: path)
        let registry = ModuleRegistry(modules)
        let pool: DatabasePool
        do {
            var config = configuration()
            config.readonly = readOnly
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw FileState.storageError(error, path: path) ?? StorageError.notAShopDatabase(path: path)
        }
        let device: DeviceID?
        do {
            device = try pool.read { db in
                guard try db.tableExists("device") else { return nil }
                return try String.fetchOne(db, sql: "SELECT id FROM device WHERE isLocal = 1").map(DeviceID.init(rawValue:))
            }
        } catch let error as StorageError {
            throw error
        } catch {
            throw FileState.storageError(error, path: path) ?? StorageError.notAShopDatabase(path: path)
        }
        guard let device else { throw StorageError.notAShopDatabase(path: path) }
        let migrator = registry.migrator()
        do {
            if try pool.read(migrator.hasBeenSuperseded) { throw StorageError.newerSchema(path: path) }
            if readOnly {
                if try !pool.read(migrator.hasCompletedMigrations) { throw StorageError.readOnlyNeedsUpgrade(path: path) }
            } else {
                try migrator.migrate(pool)
            }
        } catch let error as StorageError {
            throw error
        } catch {
            throw FileState.storageError(error, path: path) ?? error
        }
        return ShopDatabase(path: path, deviceID: device, clock: clock, pool: pool, registry: registry, readOnly: readOnly)
    }

    /// SQLite's own check of the file (`quick_check`, or the slower `integrity_check` when `full`)
    /// on a read-only connection of its own, before any pool opens it: a pool's set-up writes
    /// (GRDB makes the write-ahead log exist), and nothing is written into a damaged file
    /// (issue 19). Nil when the file is whole; the file's other states throw as `open` would.
    public static func integrityProblem(at path: String, full: Bool = false) throws -> String? {
        guard FileManager.default.fileExists(atPath: path) else { throw StorageError.databaseMissing(path: path) }
        try FileState.check(path)
        do {
            var config = configuration()  // the same busy timeout: another process may be writing
            config.readonly = true
            config.foreignKeysEnabled = false
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db in try FileState.check(db, full ? "integrity_check" : "quick_check") }
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_CORRUPT { return FileState.oneLine(error.message ?? "database disk image is malformed") }
            throw FileState.storageError(error, path: path) ?? StorageError.notAShopDatabase(path: path)
        }
    }

    /// Refuses a write into a file opened read-only, before the write begins.
    func requireWritable() throws {
        if readOnly { throw StorageError.readOnly(path: path) }
        if let detail = damage.detail { throw StorageError.damaged(path: path, detail: detail) }
    }

    /// Creates a new shop database: the schema, a new device ID, and the `shop.created` op that
    /// makes the owner its first staff member, a GM. Refuses an existing file; on failure
    /// removes what it made, so nothing is half-written.
    public static func create(
        at path: String,
        shop: String,
        owner: String,
        timezone: String = ShopZone.defaultIdentifier,
        modules: [ShopFeature] = [],
        clock: ShopClock = .system,
        ids: IDSource = .random,
        deviceID: DeviceID? = nil
    ) throws -> ShopDatabase {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: path) else { throw StorageError.databaseExists(path: path) }
        let ownerName = try Staff.validateName(owner)
        let zone = try ShopZone(timezone)
        let shopName = shop.trimmingWhitespace()
        guard !shopName.isEmpty else { throw ShopSetupError.emptyShopName }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw StorageError.io(path: directory, reason: error.localizedDescription)
            }
        }
        do {
            let registry = ModuleRegistry(modules)
            let pool = try DatabasePool(path: path, configuration: configuration())
            try pool.write { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try registry.migrator().migrate(pool)
            let device = deviceID ?? ids.next(DeviceID.self)
            try pool.write { db in
                try db.execute(sql: "INSERT INTO device (id, isLocal, createdAt) VALUES (?, 1, ?)",
                               arguments: [device.rawValue, Int64(clock.now().timeIntervalSince1970 * 1000)])
            }
            let database = ShopDatabase(path: path, deviceID: device, clock: clock, pool: pool, registry: registry, readOnly: false)
            let ownerID = ids.next(StaffID.self)
            let created = ShopCreated(shopName: shopName, timezone: zone.identifier, owner: ownerID,
                                      ownerName: ownerName, createdOn: zone.day(of: clock.now()))
            try database.apply(OpDraft(actor: ownerID, created))
            return database
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
            throw error
        }
    }

    /// Reads with a consistent snapshot; never blocks writers.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try noticingDamage { try pool.read(body) }
    }

    /// Writes device-local state that is not part of the shop's history and never syncs: sync
    /// cursors, the hub's device tokens, PIN lockouts — only the tables a feature declares in
    /// `ShopFeature.localTables` (`TableOwnershipTests` reads every caller's SQL). Everything the
    /// shop did goes through `apply` instead.
    public func writeLocal<T>(_ body: (Database) throws -> T) throws -> T {
        try requireWritable()
        return try noticingDamage { try pool.write(body) }
    }

    /// Moves everything in the write-ahead log into the main file, so the file alone is the
    /// whole shop (before copying it, in tests and tools).
    public func checkpoint() throws {
        try requireWritable()
        try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }

    /// Runs a long series of writes (an import's chunks) without the writer checkpointing the
    /// write-ahead log itself: a `BulkCheckpointer` on another thread and connection copies each
    /// commit into the main file while the next chunk is applied (issue 20). Before, the writer
    /// let the log grow to 10,000 pages and then stopped to copy it and wait for the `fsync`s.
    /// SQLite's own limit comes back afterwards (an inner `bulk` restores the outer one's); if the
    /// checkpointer cannot open, the writer checkpoints every `walPages` pages as before. Each
    /// `apply` inside hands what it looked up to the next (`CarriedProjection`).
    public func bulk<T>(walPages: Int = 10_000, _ body: () throws -> T) throws -> T {
        let checkpoints = try checkpointsOffTheWriter(walPagesWith: 0, without: walPages)
        defer { checkpoints.stop() }
        return try CarriedProjection.$active.withValue(CarriedProjection(owner: pool)) { try body() }
    }

    /// For a writer that runs for hours (the hub daemon, many devices pushing at once): a
    /// `BulkCheckpointer` copies what is committed into the main file every 50 ms on a thread and
    /// connection of its own, and the writer checkpoints only once the log reaches `walPages`
    /// pages (SQLite's own default is 1,000), so a push seldom waits for a copy and its `fsync`s
    /// and the log stays bounded under any load. Measured with 16 devices pushing 80,000 ops at
    /// once (`zhangguid`, 2 cores, interleaved runs): 2.94–3.31 s → 2.20–2.50 s. Until
    /// `stop()`; if the checkpointer cannot open, only the limit changes.
    public func checkpointInBackground(walPages: Int = 8_000) throws -> BackgroundCheckpoints {
        try checkpointsOffTheWriter(walPagesWith: walPages, without: walPages)
    }

    /// Starts a checkpointer and sets the writer's own limit: `with` while the checkpointer runs,
    /// `without` if it could not open; `stop()` restores the limit found.
    private func checkpointsOffTheWriter(walPagesWith with: Int, without: Int) throws -> BackgroundCheckpoints {
        try requireWritable()
        let checkpointer = try? BulkCheckpointer(path: path)
        let found: Int
        do {
            found = try pool.writeWithoutTransaction { db in
                let found = try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? 1000
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(checkpointer == nil ? max(1, without) : max(0, with))")
                return found
            }
        } catch {
            checkpointer?.stop()  // not left running for nothing
            throw error
        }
        return BackgroundCheckpoints(checkpointer) { [pool] in
            try? pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = \(found)") }
        }
    }

    /// The migrations this program knows: a notebook's schema, compared when notebooks meet.
    public var migrations: [String] {
        registry.modules.flatMap(\.migrations).map(\.identifier)
    }

    /// The reader, for observation (the TUI) and for modules' queries.
    public var reader: any DatabaseReader { pool }

    /// The shop's time zone.
    public func zone() throws -> ShopZone {
        try ShopZone(try read { db in try CoreQueries.shop(db).timezone })
    }

    /// Every module's figures for a handover summary, in module order.
    public func handoverFigures() throws -> [HandoverFigure] {
        let now = clock.now()
        return try read { db in try HandoverTime.$now.withValue(now) { try registry.modules.flatMap { try $0.handoverFigures(db) } } }
    }

    /// SQLite's online backup into a new file, which then opens with `--db FILE`.
    public func backup(to target: String) throws {
        guard !FileManager.default.fileExists(atPath: target) else { throw StorageError.backupTargetExists(path: target) }
        do {
            let destination = try DatabaseQueue(path: target)
            try pool.backup(to: destination)
            try destination.close()
        } catch {
            try? FileManager.default.removeItem(atPath: target)
            throw StorageError.io(path: target, reason: String(describing: error))
        }
    }
}

/// Mistakes in setting up a shop.
public enum ShopSetupError: Error, Equatable, Sendable {
    case emptyShopName
}

extension ShopSetupError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .emptyShopName:
            language.pick(zh: "店铺名称为空：用 --shop 给出店名", en: "the shop name is empty: give it with --shop")
        }
    }
}

