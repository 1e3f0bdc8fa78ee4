import Foundation

/// What `TaobaoDetailExport` keeps of a file, or of one half of it, once split: where each
/// non-blank row is (`base` is where the part's stream starts in the file), its line, and its
/// order number (nil when the row has none that parses; it is refused when parsed). Every field
/// is checked against the encoding here; nothing decoded is kept.
struct DetailPart: Sendable {
    var starts: [Int] = []
    var lengths: [Int32] = []
    var lines: [Int32] = []
    var keys: [OrderKey?] = []

    init(_ rows: inout MappedRows, base: Int) throws(InterchangeError) {
        let column = rows.columns.column("订单编号") ?? 0  // a required field: always found
        var scratch: [UInt8] = []
        while let raw = try rows.nextRaw() {
            let encoding = rows.encoding ?? .utf8
            var number = ""
            let valid = raw.bytes.withUnsafeBufferPointer { all in
                for field in 0..<raw.fieldCount {
                    let cell = UnsafeBufferPointer(rebasing: all[raw.range(field)])
                    if field == column {
                        guard let text = TextDecoding.decodeField(cell, as: encoding, ascii: raw.ascii, scratch: &scratch) else { return false }
                        number = text.trimmingWhitespace()
                    } else {
                        scratch.removeAll(keepingCapacity: true)
                        guard TextDecoding.appendUTF8(cell, as: encoding, ascii: raw.ascii, to: &scratch) else { return false }
                    }
                }
                return true
            }
            // A record is at most `CSVSplitter.maxRecordBytes`, so its length fits.
            guard valid, let line = Int32(exactly: raw.line) else {
                throw .undecodableText(file: rows.file, line: raw.line, encoding: encoding.rawValue)
            }
            if number.isEmpty, MappedRows.isBlank(Self.fields(raw, encoding) ?? []) { continue }
            starts.append(base + raw.offset)
            lengths.append(Int32(raw.end - raw.offset))
            lines.append(line)
            keys.append(number.isEmpty ? nil : (try? Cells.orderNumber(number, column: "订单编号")).flatMap(OrderKey.init))
        }
    }

    /// A record's fields decoded; nil when one is not valid in `encoding`.
    static func fields(_ record: CSVSplitter.RawRecord, _ encoding: TextDecoding.Encoding) -> [String]? {
        var scratch: [UInt8] = [], fields: [String] = []
        fields.reserveCapacity(record.fieldCount)
        let valid = record.bytes.withUnsafeBufferPointer { all in
            for field in 0..<record.fieldCount {
                guard let text = TextDecoding.decodeField(UnsafeBufferPointer(rebasing: all[record.range(field)]), as: encoding,
                                                          ascii: record.ascii, scratch: &scratch) else { return false }
                fields.append(text)
            }
            return true
        }
        return valid ? fields : nil
    }

    /// The fields of the one record `bytes` hold (a row read back from its file), split and
    /// decoded; nil unless they hold exactly one record, valid in `encoding`.
    static func fields(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, _ encoding: TextDecoding.Encoding) -> [String]? {
        guard let record = CSVSplitter.firstRecord(of: bytes, line: line), record.end == bytes.count else { return nil }
        return fields(record, encoding)
    }
}

/// An order number (16 to 19 digits, `Cells.orderNumber`) as a number and its count of digits:
/// a key held for every row without a string of its own.
struct OrderKey: Hashable, Sendable {
    let value: UInt64
    let digits: UInt8

    init?(_ number: String) {
        var value: UInt64 = 0, digits: UInt8 = 0
        for byte in number.utf8 {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), digits < 19 else { return nil }
            value = value * 10 + UInt64(byte - UInt8(ascii: "0"))  // 19 digits fit in 64 bits
            digits += 1
        }
        guard digits > 0 else { return nil }
        self.value = value
        self.digits = digits
    }
}

/// A file open for reading back byte ranges (`pread`: no shared position), closed when the last
/// holder lets it go. Read by one thread at a time: the detail export's owner.
final class RowFile: @unchecked Sendable {
    private let handle: FileHandle

    init?(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.handle = handle
    }

    /// The file's size now.
    var size: Int {
        var info = stat()
        return fstat(handle.fileDescriptor, &info) == 0 ? Int(info.st_size) : 0
    }

    /// `count` bytes from `offset`; nil when the file no longer holds them.
    func read(_ offset: Int, count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count), done = 0
        let fd = handle.fileDescriptor
        while done < count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
            }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return nil }
            done += got
        }
        return bytes
    }
}
