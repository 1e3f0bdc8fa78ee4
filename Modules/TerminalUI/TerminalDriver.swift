/// The terminal as the UI sees it: a size, a way to show a finished grid, and keys. The real
/// one is ncursesw (`NcursesDriver`); tests use `ScriptedDriver`.
public protocol TerminalDriver: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// Shows the grid; only changed cells need to reach the terminal.
    func draw(_ grid: CellGrid)
    /// The next key, or nil when `timeoutMilliseconds` pass without one (so the app can refresh
    /// what other processes wrote).
    func nextKey(timeoutMilliseconds: Int) -> Key?
    /// Ends the session and restores the terminal.
    func shutdown()
}

/// A driver for tests: a fixed size, keys from a script, every drawn grid kept.
public final class ScriptedDriver: TerminalDriver {
    public var size: (width: Int, height: Int)
    public private(set) var frames: [CellGrid] = []
    private var keys: [Key]

    public init(width: Int, height: Int, keys: [Key] = []) {
        size = (width, height)
        self.keys = keys
    }

    public func send(_ more: [Key]) { keys += more }

    public var screen: CellGrid { frames.last ?? CellGrid(width: size.width, height: size.height) }

    public func draw(_ grid: CellGrid) { frames.append(grid) }

    public func nextKey(timeoutMilliseconds: Int) -> Key? {
        keys.isEmpty ? nil : keys.removeFirst()
    }

    public var hasKeys: Bool { !keys.isEmpty }

    public func shutdown() {}
}
