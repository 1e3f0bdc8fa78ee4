import Foundation
import ShopDomain

extension Language {
    /// The language of this run: `--lang` on the command line, else `LANG` and friends.
    /// Read once at start-up, so help text is in it too.
    public static let current: Language = {
        let arguments = CommandLine.arguments
        for (index, argument) in arguments.enumerated() {
            if argument.hasPrefix("--lang=") {
                if let language = Language(tag: String(argument.dropFirst(7))) { return language }
            } else if argument == "--lang", index + 1 < arguments.count,
                      let language = Language(tag: arguments[index + 1]) {
                return language
            }
        }
        return Language.from(environment: ProcessInfo.processInfo.environment)
    }()
}

/// Text in the run's language.
func L(_ zh: String, _ en: String) -> String {
    Language.current.pick(zh: zh, en: en)
}
