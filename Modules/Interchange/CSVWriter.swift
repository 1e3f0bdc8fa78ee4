import Foundation

/// Writes the CSV files we hand to people and platforms — the platform's bulk-shipping upload
/// (LOG-3), reconciliation reports (LOG-11): UTF-8 with a BOM (so Excel on a Chinese PC opens it
/// as UTF-8, not GB18030), CRLF line ends, and a field quoted only when it must be (a comma, a
/// quote, a line break, or a leading or trailing space, which Excel would otherwise drop).
///
/// Long digit strings (order numbers, waybills) are written as they are, with no `="…"` or `'`
/// around them: the platform's upload and our own readers get every digit. Excel shows such a
/// column as `1.93E+18` unless it is opened as text (数据 → 自文本/CSV, column type 文本); saving
/// it back from Excel after that loses digits, which the readers refuse row by row.
///
///     let writer = try CSVWriter(path: "bulk-shipping.csv")
///     try writer.write(["订单编号", "物流公司", "运单号"])
///     try writer.close()
public final class CSVWriter {
    /// UTF-8's byte order mark.
    public static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let flushSize = 64 * 1024

    private let handle: FileHandle?
    private let file: String
    private var buffer = Data()
    private var closed = false

    /// Writes into memory; read the bytes from `data`.
    public init() {
        handle = nil
        file = "memory"
        buffer.append(contentsOf: Self.bom)
    }

    /// Creates (or replaces) a file. `file` names it in errors (default: the file name).
    public init(path: String, file: String? = nil) throws(InterchangeError) {
        let name = file ?? (path as NSString).lastPathComponent
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path)
        else { throw .unwritable(file: name) }
        self.handle = handle
        self.file = name
        buffer.append(contentsOf: Self.bom)
    }

    deinit {
        if let handle, !closed {
            try? handle.write(contentsOf: buffer)
            try? handle.close()
        }
    }

    /// Everything written so far, BOM first (for a writer into memory; for a file, what is not
    /// flushed yet).
    public var data: Data { buffer }

    /// Writes one row.
    public func write(_ row: [String]) throws(InterchangeError) {
        buffer.append(contentsOf: Self.line(row).utf8)
        if handle != nil && buffer.count >= Self.flushSize { try flush() }
    }

    /// Writes rows.
    public func write(_ rows: [[String]]) throws(InterchangeError) {
        for row in rows { try write(row) }
    }

    /// Writes what is buffered and closes the file (nothing to do in memory).
    public func close() throws(InterchangeError) {
        guard let handle, !closed else { return }
        try flush()
        closed = true
        do {
            try handle.close()
        } catch {
            throw .unwritable(file: file)
        }
    }

    private func flush() throws(InterchangeError) {
        guard let handle, !closed else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw .unwritable(file: file)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// One row: fields joined by commas, quoted where needed, ended by CRLF.
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A field, quoted (with `"` doubled) when it holds a comma, a quote or a line break, or
    /// starts or ends with white space.
    public static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || text.first?.isWhitespace == true || text.last?.isWhitespace == true
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
