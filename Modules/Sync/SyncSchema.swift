import GRDB
import Storage

/// The sync module's tables: device-local state, never synced and never rebuilt from the journal.
/// The hub keeps its registered devices (tokens stored hashed, and how far each is known to have
/// pulled) and incidents; a notebook keeps its cursors per hub.
public enum SyncStore {
    public static let feature = ShopFeature(
        name: "sync",
        migrations: [.init("sync.v1", sql: """
            CREATE TABLE hub_device (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                tokenHash TEXT NOT NULL UNIQUE,
                deviceID TEXT,
                registeredAt INTEGER NOT NULL,
                revokedAt INTEGER,
                quarantinedAt INTEGER,
                lastSeenAt INTEGER,
                opsPushed INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE sync_incident (
                id INTEGER PRIMARY KEY,
                device TEXT,
                kind TEXT NOT NULL,
                op TEXT,
                detail TEXT NOT NULL,
                at INTEGER NOT NULL
            );
            CREATE TABLE sync_peer (
                hub TEXT PRIMARY KEY NOT NULL,
                pushedSeq INTEGER NOT NULL DEFAULT 0,
                pulledSeq INTEGER NOT NULL DEFAULT 0,
                lastSyncAt INTEGER,
                lastResult TEXT
            );
            """),
            // How far the hub knows each device has pulled: what `notebook export --for` starts after.
            .init("sync.v2", sql: "ALTER TABLE hub_device ADD COLUMN pulledSeq INTEGER NOT NULL DEFAULT 0"),
            // Issue 19: before a token bound only to a well-formed device ID, an empty push could
            // bind one to anything ("x") for good. Such a binding that never carried an op is undone,
            // so the real notebook's next sync binds it.
            .init("sync.v3", sql: """
                UPDATE hub_device SET deviceID = NULL
                WHERE deviceID IS NOT NULL AND opsPushed = 0 AND NOT (deviceID GLOB '\(uuidGlob)')
                """)],
        handlers: [],
        readTables: [],
        localTables: ["hub_device", "sync_incident", "sync_peer"]
    )

    /// A lowercase UUID as a GLOB pattern (what `DeviceID.isWellFormed` accepts).
    static let uuidGlob = [8, 4, 4, 4, 12].map { String(repeating: "[0-9a-f]", count: $0) }.joined(separator: "-")
}
