import Foundation
import ShopDomain

extension Zhanggui {
    /// Flags (options without a value) of every command: a negative number after one of these is
    /// a positional argument, not the flag's value.
    static let flags: Set<String> = [
        "--json", "--replace", "--all", "--all-paid", "--cleaning", "--clear", "--low", "--supply", "--unprinted", "--watch",
        "--help", "--version",
    ]

    /// Negative numbers reach the command as values (issue 19), so it can say what is wrong with
    /// them ("must be a positive whole number") instead of swift-argument-parser reading `-5` as
    /// an option and answering "Missing value for '--quantity'":
    /// - `--quantity -5` becomes `--quantity=-5`;
    /// - a negative positional (`policy set KEY -8`) moves behind a `--` at the end, where the
    ///   parser takes it as the next positional argument.
    /// No command has a short option that is a digit, so `-5` is never anything else.
    static func keepingNegativeNumbers(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var positionals: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {  // everything after is positional already
                positionals += arguments[(index + 1)...]
                break
            }
            if isNegativeNumber(argument) {
                if let previous = out.last, previous.hasPrefix("--"), !previous.contains("="), !flags.contains(previous) {
                    out[out.count - 1] = previous + "=" + argument
                } else {
                    positionals.append(argument)
                }
            } else {
                out.append(argument)
            }
            index += 1
        }
        return positionals.isEmpty ? out : out + ["--"] + positionals
    }

    /// `-5`, `-0.5`, `-89.00`, `－５` (full width), `−3` (the minus sign).
    static func isNegativeNumber(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ["-", "−", "－"].contains(first) else { return false }
        let rest = text.unicodeScalars.dropFirst()
        guard let digit = rest.first else { return false }
        return ("0"..."9").contains(digit) || (0xFF10...0xFF19).contains(digit.value)
    }
}

/// swift-argument-parser's messages in the run's language (issue 19: `--lang zh` answers in
/// Chinese for usage mistakes too). The parser's texts are fixed English phrases; each known one
/// is rewritten, names and values kept as they are.
enum ArgumentErrorText {
    static func localized(_ message: String, in language: Language) -> String {
        guard language == .zh else { return message }
        return message.split(separator: "\n", omittingEmptySubsequences: false).map { translate(String($0)) }.joined(separator: "\n")
    }

    /// Patterns and their Chinese, `$1`… for the captured parts.
    private static let patterns: [(String, String)] = [
        (#"^Error: (.*)$"#, "错误：$1"),
        (#"^Help:  (.*)$"#, "帮助：$1"),
        (#"^Usage: (.*)$"#, "用法：$1"),
        (#"^(\s*)See '(.*)' for more information\.$"#, "$1详见 $2。"),
        (#"Missing value for '([^']*)'"#, "缺少 $1 的值"),
        (#"Unknown option '([^']*)'\. Did you mean '([^']*)'\?"#, "不认识的选项 $1：是不是想写 $2？"),
        (#"Unknown option '([^']*)'"#, "不认识的选项 $1"),
        (#"Missing expected argument '([^']*)'"#, "缺少参数 $1"),
        (#"Unexpected argument '([^']*)'"#, "多余的参数 $1"),
        (#"(\d+) unexpected arguments: (.*)$"#, "多余的参数（$1 个）：$2"),
        (#"The value '([^']*)' is invalid for '([^']*)'"#, "“$1”不是 $2 的有效值"),
        (#"The option '([^']*)' does not take any value, but '([^']*)' was specified\."#, "选项 $1 不带值，却给了“$2”。"),
        (#"Value to be set with (.*) had already been set with (.*)$"#, "$1 重复给出（已由 $2 给过）"),
        (#"Please provide at most one value for '([^']*)'"#, "$1 最多只能给一个值"),
    ]

    private static let compiled: [(NSRegularExpression, String)] = patterns.map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    static func translate(_ line: String) -> String {
        var text = line
        for (expression, template) in compiled {
            let range = NSRange(text.startIndex..., in: text)
            text = expression.stringByReplacingMatches(in: text, range: range, withTemplate: template)
        }
        return text
    }
}
