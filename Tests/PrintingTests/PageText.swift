/// What a reader sees of an HTML page: the text without tags, entities decoded.
enum PageText {
    static func visible(_ html: String) -> String {
        var text = ""
        var inTag = false
        var inStyle = false
        var index = html.startIndex
        while index < html.endIndex {
            if html[index...].hasPrefix("<style") { inStyle = true }
            if html[index...].hasPrefix("</style>") { inStyle = false }
            let character = html[index]
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag && !inStyle { text.append(character) }
            index = html.index(after: index)
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        components(separatedBy: target).joined(separator: replacement)
    }
}
