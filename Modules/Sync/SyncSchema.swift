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
            .init("sync.v2", sql: "ALTER TABLE hub_device ADD COLUMN pulledSeq INTEGER NOT NULL DEFAULT 0")],
        handlers: [],
        readTables: [],
        localTables: ["hub_device", "sync_incident", "sync_peer"]
    )
}
