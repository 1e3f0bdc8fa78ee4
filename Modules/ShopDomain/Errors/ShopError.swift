/// An error a person can act on. Every module's error enum conforms; the edges (the CLI's exit,
/// the daemon's HTTP status) turn it into one clear line in the user's language.
public protocol ShopError: Error, Sendable {
    /// What went wrong, where, and what to do — one line.
    func message(in language: Language) -> String
}

/// The user's language for messages and help: zh-Hans or English.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zh, en

    public func pick(zh: String, en: String) -> String {
        self == .zh ? zh : en
    }

    /// The language an environment asks for: `LANG`/`LC_ALL`/`LC_MESSAGES` starting with `zh`
    /// means Chinese; anything else English.
    public static func from(environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }

    /// Parses `zh`, `zh-Hans`, `zh_CN`, `en`, `en-US` …
    public init?(tag: String) {
        let lower = tag.lowercased()
        if lower.hasPrefix("zh") { self = .zh } else if lower.hasPrefix("en") { self = .en } else { return nil }
    }
}
