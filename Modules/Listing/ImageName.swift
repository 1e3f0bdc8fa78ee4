/// DES-5's naming pattern for a product's image folder, exactly:
///
///     <item code>-<NN>.<ext>
///
/// - the item code (款号/货号) as the catalogue writes it, letter case included;
/// - one hyphen, then the sequence number as two digits, `01`…`99`: `01` is the main image,
///   `02` and up the detail images;
/// - a lowercase extension: `jpg` or `png` (the finished image), `psd` (the retouched layers), or
///   a camera's raw format (`cr2`, `cr3`, `nef`, `arw`, `dng`, `raf`, `orf`, `rw2`).
///
/// So `A123-01.jpg`, `A123-01.psd`, `A123-01.cr2`. A name that is almost that — another case,
/// `_` or a space or nothing for the hyphen, one or three digits, `.jpeg` — is a near miss: a
/// finding with the name it should have (`A123-1.JPG` → `A123-01.jpg`), never a match.
public struct ImageName: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case image, psd, raw
    }

    public var number: Int
    public var ext: String

    public var kind: Kind {
        switch ext {
        case "jpg", "png": .image
        case "psd": .psd
        default: .raw
        }
    }

    /// The format the extension claims (raw files are not read).
    public var format: ImageFormat? {
        switch ext {
        case "jpg": .jpeg
        case "png": .png
        case "psd": .psd
        default: nil
        }
    }

    public static let extensions = ["jpg", "png", "psd", "cr2", "cr3", "nef", "arw", "dng", "raf", "orf", "rw2"]

    public static func name(_ code: String, _ number: Int, _ ext: String) -> String {
        "\(code)-\(number < 10 ? "0" : "")\(number).\(ext)"
    }

    public enum Match: Sendable, Equatable {
        case exact(ImageName)
        /// Almost the pattern; `suggested` is the name it should have, when one can be given.
        case nearMiss(suggested: String?)
        /// Not named after the item code at all.
        case foreign
    }

    /// How `file` compares with the pattern for `code`.
    public static func match(_ file: String, code: String) -> Match {
        if let exact = exact(file, code: code) { return .exact(exact) }
        let lower = file.lowercased(), lowerCode = code.lowercased()
        guard lower.hasPrefix(lowerCode) else { return .foreign }
        var rest = Substring(lower.dropFirst(lowerCode.count))
        guard let dot = rest.lastIndex(of: ".") else { return .nearMiss(suggested: nil) }
        var ext = String(rest[rest.index(after: dot)...])
        if ext == "jpeg" { ext = "jpg" }
        rest = rest[..<dot]
        while let first = rest.first, first == "-" || first == "_" || first == " " || first == "." { rest = rest.dropFirst() }
        guard !rest.isEmpty, rest.count <= 3, rest.allSatisfy(\.isPlainDigit), let number = Int(rest), (1...99).contains(number),
              extensions.contains(ext)
        else { return .nearMiss(suggested: nil) }
        return .nearMiss(suggested: name(code, number, ext))
    }

    static func exact(_ file: String, code: String) -> ImageName? {
        guard file.hasPrefix(code + "-") else { return nil }
        let rest = file.dropFirst(code.count + 1)
        guard rest.count >= 4, let dot = rest.firstIndex(of: ".") else { return nil }
        let digits = rest[..<dot], ext = String(rest[rest.index(after: dot)...])
        guard digits.count == 2, digits.allSatisfy(\.isPlainDigit), let number = Int(digits), number >= 1,
              extensions.contains(ext)
        else { return nil }
        return ImageName(number: number, ext: ext)
    }
}

extension Character {
    /// `0`…`9` only (not other scripts' digits).
    fileprivate var isPlainDigit: Bool { ("0"..."9").contains(self) }
}
