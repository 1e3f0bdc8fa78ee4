import ShopDomain

/// Why a page or a barcode could not be made.
public enum PrintingError: Error, Equatable, Sendable {
    /// Code 128 here encodes printable ASCII only (space to `~`).
    case unencodable(text: String, character: Character, position: Int)
    /// A barcode needs at least one character.
    case emptyBarcode
}

extension PrintingError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .unencodable(let text, let character, let position):
            let shown = character.isWhitespace ? "U+" + (character.unicodeScalars.first.map { String($0.value, radix: 16, uppercase: true) } ?? "?") : String(character)
            return language.pick(
                zh: "“\(text)”的第 \(position) 个字符“\(shown)”无法印成 Code 128 条码：条码只能含英文字母、数字和常见符号，请检查运单号",
                en: "“\(text)” cannot be printed as a Code 128 barcode: character \(position) (“\(shown)”) is not printable ASCII; check the waybill number")
        case .emptyBarcode:
            return language.pick(zh: "条码内容为空：请先填写运单号", en: "the barcode is empty: fill in the waybill number first")
        }
    }
}
