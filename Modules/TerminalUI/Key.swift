/// A key press, as drivers report it. A barcode scanner types its code and Enter.
public enum Key: Sendable, Equatable, Hashable {
    case character(Character)
    case enter, escape, backspace, tab, backTab
    case up, down, left, right, pageUp, pageDown, home, end
    case function(Int)
    /// The terminal changed size.
    case resize

    /// For scripts and tests: `"abc"` as three character keys.
    public static func typing(_ text: String) -> [Key] { text.map { .character($0) } }
}
