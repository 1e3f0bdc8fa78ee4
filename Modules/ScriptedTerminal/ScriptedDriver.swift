import TerminalUI

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
