/// CSV records held as UTF-8, back to back in one buffer: four arrays for a whole file, not two
/// allocations a row (a 170,000-row detail export held for an order import, issue 20). Fields
/// are checked (UTF-8) or converted (GB18030) as they are appended, so making them `String`s
/// later cannot fail.
struct PackedRecords: Sendable {
    private var bytes: [UInt8] = []
    /// Where each field ends in `bytes`; a field starts where the one before it ends.
    private var ends: [Int] = []
    /// Record `i`'s fields are `ends[firstField[i]..<firstField[i + 1]]`.
    private var firstField: [Int] = [0]
    /// The physical line each record starts on.
    private(set) var lines: [Int] = []

    var count: Int { lines.count }

    /// Appends a record with its fields made UTF-8; false, with nothing appended, when a field is
    /// not valid in `encoding`.
    mutating func append(_ raw: CSVSplitter.RawRecord, encoding: TextDecoding.Encoding) -> Bool {
        let start = bytes.count, fields = ends.count
        let valid = raw.bytes.withUnsafeBufferPointer { all in
            for field in 0..<raw.fieldCount {
                let cell = UnsafeBufferPointer(rebasing: all[raw.range(field)])
                guard TextDecoding.appendUTF8(cell, as: encoding, ascii: raw.ascii, to: &bytes) else { return false }
                ends.append(bytes.count)
            }
            return true
        }
        guard valid else {
            bytes.removeSubrange(start...)
            ends.removeSubrange(fields...)
            return false
        }
        firstField.append(ends.count)
        lines.append(raw.line)
        return true
    }

    /// Takes the last record off (a blank row, found blank once appended).
    mutating func removeLast() {
        firstField.removeLast()
        let fields = firstField[firstField.count - 1]
        bytes.removeSubrange((fields == 0 ? 0 : ends[fields - 1])...)
        ends.removeSubrange(fields...)
        lines.removeLast()
    }

    /// Field `field` of record `record`; nil when the record has fewer fields.
    func field(_ record: Int, _ field: Int) -> String? {
        let index = firstField[record] + field
        guard index < firstField[record + 1] else { return nil }
        return text(index)
    }

    /// Every field of record `record`.
    func fields(_ record: Int) -> [String] {
        (firstField[record]..<firstField[record + 1]).map(text)
    }

    private func text(_ index: Int) -> String {
        let range = (index == 0 ? 0 : ends[index - 1])..<ends[index]
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }
}
