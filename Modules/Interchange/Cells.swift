import Foundation
import ShopDomain

/// Parsers for the cells of platform and courier exports, shared by the readers.
enum Cells {
    /// The text inside the wrappers that keep Excel from reading a cell as a number: `="1930…"`
    /// (the seller centre), a leading `'` (phones) or a leading tab.
    /// On UTF-8 offsets (the wrappers are ASCII), not characters: every order number of an
    /// import is wrapped (issue 20).
    static func unwrap(_ text: String) -> String {
        let trimmed = text.trimmingWhitespace()
        let bytes = trimmed.utf8
        var body = Substring(trimmed)
        if bytes.count >= 3, bytes.first == 0x3D, bytes[bytes.index(after: bytes.startIndex)] == 0x22, bytes.last == 0x22 {
            body = trimmed[bytes.index(bytes.startIndex, offsetBy: 2)..<bytes.index(before: bytes.endIndex)]
        } else if bytes.first != 0x27 {
            return trimmed  // nothing wrapped: already trimmed
        }
        if body.utf8.first == 0x27 { body = body[body.utf8.index(after: body.startIndex)...] }
        return body.trimmingWhitespace()
    }

    /// Whether the text is one or more ASCII digits.
    static func isDigits<Text: StringProtocol>(_ text: Text) -> Bool {
        !text.utf8.isEmpty && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// `1.93E+18`, `1.93e+15`, `2E+16`: what Excel makes of a long number (digits lost).
    static func isScientific(_ text: String) -> Bool {
        guard text.utf8.contains(where: { $0 == 0x45 || $0 == 0x65 }) else { return false }
        let upper = text.uppercased()
        guard let e = upper.firstIndex(of: "E") else { return false }
        let mantissa = upper[..<e].split(separator: ".", omittingEmptySubsequences: false)
        var exponent = upper[upper.index(after: e)...]
        if exponent.first == "+" { exponent = exponent.dropFirst() }
        return (1...2).contains(mantissa.count) && mantissa.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitish) }
            && !exponent.isEmpty && exponent.allSatisfy(\.isASCIIDigitish)
    }

    /// A Taobao order number: 16 to 19 digits, unwrapped; Excel's scientific form refused.
    static func orderNumber(_ raw: String?, column: String) throws(RowProblem) -> String {
        let text = unwrap(raw ?? "")
        guard !text.isEmpty else { throw .missing(column: column) }
        if isScientific(text) { throw .scientificNumber(column: column, text: text) }
        guard (16...19).contains(text.utf8.count), isDigits(text) else {
            throw .badOrderNumber(column: column, text: text)
        }
        return text
    }

    /// A waybill or other long code: unwrapped, nil when empty; Excel's scientific form refused.
    static func code(_ raw: String?, column: String) throws(RowProblem) -> String? {
        let text = unwrap(raw ?? "")
        if text.isEmpty { return nil }
        if isScientific(text) { throw .scientificNumber(column: column, text: text) }
        return text
    }

    /// Yuan to fen: `12.50`, `598`, `0元`, `¥1,280.00`; nil when empty.
    static func money(_ raw: String?, column: String, allowNegative: Bool = false) throws(RowProblem) -> Money? {
        let text = unwrap(raw ?? "")
        if text.isEmpty { return nil }
        do {
            return try Money.parse(text, allowNegative: allowNegative)
        } catch {
            throw .badMoney(column: column, error)
        }
    }

    /// A positive whole number, at most `InputLimits.quantity` (issue 19); nil when empty.
    static func count(_ raw: String?, column: String) throws(RowProblem) -> Int? {
        let text = unwrap(raw ?? "")
        if text.isEmpty { return nil }
        guard isDigits(text) else { throw .badCount(column: column, text: text) }
        guard text.utf8.count <= 9, let value = Int(text), value <= InputLimits.quantity else {
            throw .tooLarge(column: column, text: text, limit: String(InputLimits.quantity))
        }
        guard value > 0 else { throw .badCount(column: column, text: text) }
        return value
    }

    /// Text with its ends trimmed; nil when empty.
    static func text(_ raw: String?) -> String? {
        guard let text = raw?.trimmingWhitespace(), !text.isEmpty else { return nil }
        return text
    }

    /// The postcode Taobao appends to an address, `…201室(135300)`, split off; runs of spaces
    /// collapsed. `000000` (the platform's "no postcode") gives nil. Worked on Unicode scalars,
    /// not characters: every order has an address, and breaking Chinese text into characters was
    /// a sixth of an import's reading (issue 20).
    static func splitPostcode(_ raw: String) -> (address: String, postcode: String?) {
        let address = raw.unicodeScalars.contains(where: \.isWhiteSpace) ? collapsingWhiteSpace(raw) : raw
        let scalars = address.unicodeScalars
        guard let last = scalars.last, last == ")" || last == "）",
              let open = scalars.lastIndex(where: { $0 == "(" || $0 == "（" })
        else { return (address, nil) }
        let inner = scalars[scalars.index(after: open)..<scalars.index(before: scalars.endIndex)]
        guard inner.count == 6, inner.allSatisfy({ (0x30...0x39).contains($0.value) }) else { return (address, nil) }
        let rest = Substring(scalars[..<open]).trimmingWhitespace()
        return (rest, inner.elementsEqual("000000".unicodeScalars) ? nil : String(Substring(inner)))
    }

    /// Runs of white space made one space, the ends trimmed.
    static func collapsingWhiteSpace(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for scalar in raw.unicodeScalars {
            if scalar.isWhiteSpace {
                space = !out.isEmpty
                continue
            }
            if space {
                out.append(" ")
                space = false
            }
            out.append(scalar)
        }
        return String(out)
    }

    /// A civil date `yyyy-MM-dd` from `2026-11-30`, `2026/11/3`, with or without a time after it.
    static func civilDate(_ raw: String?, column: String) throws(RowProblem) -> String? {
        let text = unwrap(raw ?? "")
        if text.isEmpty { return nil }
        let day = text.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? text
        guard let date = CivilDate(day) else { throw .badDate(column: column, text: text) }
        return date.description
    }
}

extension Character {
    /// 0–9 only (not other scripts' digits).
    var isASCIIDigitish: Bool { asciiValue.map { (0x30...0x39).contains($0) } ?? false }
}
