import Foundation
import GRDB

/// Checkpoints the write-ahead log of a long series of writes (`ShopDatabase.bulk`) on a thread
/// and a connection of its own, so the writer never stops to copy pages into the main file or to
/// wait for its `fsync`s (issue 20: about a sixth of the order import's applying thread, on a
/// 100,000-order export). Every `interval` it runs a PASSIVE checkpoint, which copies what has
/// been committed while the writer goes on appending, and blocks nobody; once the log has been
/// copied whole, the writer's next transaction starts it again from the beginning, so it stays
/// near one interval's worth of pages. A checkpoint that fails (the file busy, gone) is left to
/// the next one, or to SQLite's own after `bulk`.
final class BulkCheckpointer: @unchecked Sendable {  // `stopped` and `running` are used under `lock`
    private let queue: DatabaseQueue
    private let interval: TimeInterval
    private let lock = NSCondition()
    private var stopped = false
    private var running = true

    init(path: String, interval: TimeInterval = 0.05) throws {
        var config = Configuration()
        config.busyMode = .immediateError  // a PASSIVE checkpoint never waits anyway
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        queue = try DatabaseQueue(path: path, configuration: config)
        self.interval = interval
        let thread = Thread { [self] in loop() }
        thread.name = "zhanggui-checkpoint"
        thread.start()
    }

    private func loop() {
        lock.lock()
        while !stopped {
            lock.unlock()
            _ = try? queue.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            lock.lock()
            if !stopped { _ = lock.wait(until: Date(timeIntervalSinceNow: interval)) }
        }
        running = false
        lock.broadcast()
        lock.unlock()
    }

    /// Ends the thread, after the checkpoint it may be running.
    func stop() {
        lock.lock()
        stopped = true
        lock.broadcast()
        while running { lock.wait() }
        lock.unlock()
    }
}

/// Checkpoints running off the writer (`ShopDatabase.bulk`, `checkpointInBackground`) until
/// `stop()`, which ends the thread and gives the writer back its own limit. Stopping twice does
/// nothing more.
public final class BackgroundCheckpoints: @unchecked Sendable {  // `restore` is taken under `lock`
    private let checkpointer: BulkCheckpointer?
    private var restore: (() -> Void)?
    private let lock = NSLock()

    init(_ checkpointer: BulkCheckpointer?, restore: @escaping () -> Void) {
        self.checkpointer = checkpointer
        self.restore = restore
    }

    public func stop() {
        lock.lock()
        let restore = self.restore
        self.restore = nil
        lock.unlock()
        guard let restore else { return }
        checkpointer?.stop()
        restore()
    }
}
