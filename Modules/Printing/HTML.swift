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

extension HTML {
    /// The fonts every page asks for (CJK first), for pages written outside this module.
    public static let fontStack = Printed.fontStack

    /// A whole self-contained page: doctype, `lang`, UTF-8, the title, the page's own CSS inline
    /// and the body as given (already escaped by the caller with `escape`). No scripts.
    public static func page(title: String, style: String, body: String, lang: String = "zh-CN") -> String {
        """
        <!DOCTYPE html>
        <html lang="\(escape(lang))">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }
}
