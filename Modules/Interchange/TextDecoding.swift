import Foundation
import ShopDomain

/// Turns a file's bytes into text: UTF-8 (with or without a BOM) or GB18030, the two encodings
/// the seller centre and Excel on a Chinese PC write.
public enum TextDecoding {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8", utf8BOM = "UTF-8 BOM", gb18030 = "GB18030"
    }

    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    public static func decode(_ data: Data, file: String) throws(InterchangeError) -> (text: String, encoding: Encoding) {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) || data.prefix(4096).contains(0) {
            throw .unsupportedEncoding(file: file)
        }
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(data: data.dropFirst(3), encoding: .utf8) else { throw .unsupportedEncoding(file: file) }
            return (text, .utf8BOM)
        }
        if let text = String(data: data, encoding: .utf8) { return (text, .utf8) }
        if let text = String(data: data, encoding: gb18030) { return (text, .gb18030) }
        throw .unsupportedEncoding(file: file)
    }

    /// Reads and decodes a file.
    public static func read(_ path: String) throws(InterchangeError) -> (text: String, encoding: Encoding) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(file: path) }
        return try decode(data, file: path)
    }
}

/// What is wrong with an input file, always naming `file:line` where there is a line.
public enum InterchangeError: Error, Equatable, Sendable {
    case unreadable(file: String)
    /// A file we export cannot be created or written.
    case unwritable(file: String)
    case unsupportedEncoding(file: String)
    case unterminatedQuote(file: String, line: Int)
    /// Bytes that are not valid text in the file's encoding (a file that mixes encodings).
    case undecodableText(file: String, line: Int, encoding: String)
    case emptyFile(file: String)
    /// A row read again (a detail export's, when its order is imported) is not what it was when
    /// the file was first read.
    case changedWhileRead(file: String, line: Int)
    case missingColumn(file: String, column: String)
    case duplicateColumn(file: String, column: String)
    /// One or more bad rows: each `file:line: reason`.
    case badRows([RowError])

    /// One bad row: `file:line` and what is wrong, in both languages. Importers collect these
    /// (or throw `badRows`); a streaming reader hands them to the caller one by one.
    public struct RowError: Error, Equatable, Sendable {
        public var file: String
        public var line: Int
        public var zh: String
        public var en: String

        public init(file: String, line: Int, zh: String, en: String) {
            self.file = file
            self.line = line
            self.zh = zh
            self.en = en
        }

        public init(file: String, line: Int, _ error: any ShopError) {
            self.init(file: file, line: line, zh: error.message(in: .zh), en: error.message(in: .en))
        }
    }
}

extension InterchangeError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .unreadable(let file):
            return language.pick(zh: "读不了文件 \(file)：检查路径和权限", en: "cannot read \(file): check the path and permissions")
        case .unwritable(let file):
            return language.pick(zh: "写不了文件 \(file)：检查目录是否存在、磁盘空间和权限", en: "cannot write \(file): check the folder exists, the disk space and the permissions")
        case .unsupportedEncoding(let file):
            return language.pick(zh: "\(file) 既不是 UTF-8 也不是 GB18030 编码：请另存为“CSV (逗号分隔)”或 UTF-8 CSV",
                                 en: "\(file) is neither UTF-8 nor GB18030: save it as CSV (comma separated) or CSV UTF-8")
        case .unterminatedQuote(let file, let line):
            return language.pick(zh: "\(file):\(line): 引号没有闭合：文件可能被截断", en: "\(file):\(line): a quote is never closed: the file may be cut off")
        case .undecodableText(let file, let line, let encoding):
            return language.pick(zh: "\(file):\(line): 这一行的文字不是 \(encoding) 编码：文件混用了编码，请重新导出或另存为 CSV",
                                 en: "\(file):\(line): this row is not valid \(encoding) text: the file mixes encodings; export it again or save it as CSV")
        case .emptyFile(let file):
            return language.pick(zh: "\(file) 是空的：没有表头", en: "\(file) is empty: no header row")
        case .changedWhileRead(let file, let line):
            return language.pick(zh: "\(file):\(line): 导入过程中文件被改动了：别再动它，重新导入", en: "\(file):\(line): the file changed while it was being imported: leave it as it is and import it again")
        case .missingColumn(let file, let column):
            return language.pick(zh: "\(file):1: 缺少必需的列“\(column)”", en: "\(file):1: the required column “\(column)” is missing")
        case .duplicateColumn(let file, let column):
            return language.pick(zh: "\(file):1: 列“\(column)”出现了两次", en: "\(file):1: the column “\(column)” appears twice")
        case .badRows(let rows):
            let shown = rows.prefix(20).map { "\($0.file):\($0.line): \(language.pick(zh: $0.zh, en: $0.en))" }
            let more = rows.count > 20 ? language.pick(zh: "\n……另有 \(rows.count - 20) 行有问题", en: "\n… and \(rows.count - 20) more bad rows") : ""
            let tail = language.pick(zh: "\n没有导入任何内容：改正后重新导入", en: "\nnothing was imported: fix the rows and import again")
            return shown.joined(separator: "\n") + more + tail
        }
    }
}

extension InterchangeError.RowError: ShopError {
    /// `file:line: reason`.
    public func message(in language: Language) -> String {
        "\(file):\(line): \(language.pick(zh: zh, en: en))"
    }
}
