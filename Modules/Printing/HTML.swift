/// Printable pages are self-contained HTML: no scripts, no external files, so a page saved on the
/// warehouse laptop prints the same anywhere.
public enum HTML {
    /// Escapes text for an element body or a double-quoted attribute.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
