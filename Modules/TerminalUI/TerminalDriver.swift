/// The terminal as the UI sees it: a size, a way to show a finished grid, and keys. The real
/// one is ncursesw (`NcursesDriver`); tests use `ScriptedDriver` (target ScriptedTerminal).
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
