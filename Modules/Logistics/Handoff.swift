import Dispatch
import Synchronization

/// Hands values from one thread to another through a queue of bounded length: `put` waits while
/// the queue is full, `take` while it is empty. `cancel` (the taker gave up) makes every later
/// `put` return false at once, so the giving thread stops instead of waiting forever.
final class Handoff<Element: Sendable>: Sendable {
    private let queue = Mutex<(items: [Element], cancelled: Bool)>(([], false))
    private let filled = DispatchSemaphore(value: 0)
    private let free: DispatchSemaphore

    init(capacity: Int) {
        free = DispatchSemaphore(value: max(1, capacity))
    }

    /// Adds a value, waiting for room; false when the taker has cancelled.
    func put(_ element: Element) -> Bool {
        free.wait()
        let accepted = queue.withLock { state in
            if !state.cancelled { state.items.append(element) }
            return !state.cancelled
        }
        guard accepted else {
            free.signal()  // passed on to the next `put`, which returns false too
            return false
        }
        filled.signal()
        return true
    }

    /// The oldest value, waiting for one.
    func take() -> Element {
        filled.wait()
        let element = queue.withLock { $0.items.removeFirst() }
        free.signal()
        return element
    }

    func cancel() {
        queue.withLock { $0.cancelled = true }
        free.signal()  // wakes a `put` waiting for room
    }

    deinit {
        // libdispatch refuses to dispose of a semaphore below the value it started with: give back
        // the room the values nobody took still hold.
        let untaken = queue.withLock { $0.items.count }
        for _ in 0..<untaken { free.signal() }
    }
}
