import Foundation

/// What `TaobaoDetailExport` keeps of a file, or of one half of it, once split: where each
/// non-blank row is (`base` is where the part's stream starts in the file), its line, and its
/// order number (nil when the row has none that parses; it is refused when parsed). Every field
/// is checked against the encoding here; nothing decoded is kept.
struct DetailPart: Sendable {
    var starts: [Int] = []
    var lengths: [Int32] = []
    var lines: [Int32] = []
    /// A digest of each row's fields (`digest`), to know it again when it is read back.
    var digests: [UInt32] = []
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
            digests.append(Self.digest(raw))
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
    /// decoded; nil unless they hold exactly one record, with the fields `digest` was made of,
    /// valid in `encoding`.
    static func fields(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, digest: UInt32, _ encoding: TextDecoding.Encoding) -> [String]? {
        guard let record = CSVSplitter.firstRecord(of: bytes, line: line), record.end == bytes.count,
              Self.digest(record) == digest else { return nil }
        return fields(record, encoding)
    }

    /// FNV-1a over a record's field bytes and where each field ends: a row edited in place (a
    /// quantity, a price, an order number) does not read back as the row that was split.
    static func digest(_ record: CSVSplitter.RawRecord) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in record.bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        for end in record.ends { hash = (hash ^ UInt32(truncatingIfNeeded: end)) &* 16_777_619 }
        return hash
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
