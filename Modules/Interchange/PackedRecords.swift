/// CSV records held as UTF-8, back to back in one buffer: four arrays for a whole file, not two
/// allocations a row (a 170,000-row detail export held for an order import, issue 20). Fields
/// are checked (UTF-8) or converted (GB18030) as they are appended, so making them `String`s
/// later cannot fail. Offsets and lines are 32-bit (text past 4 GiB is refused by `append`, as a
/// field not valid in the encoding is): on a 300,000-row export that is 14 MB less held through the whole import.
struct PackedRecords: Sendable {
    private var bytes: [UInt8] = []
    /// Where each field ends in `bytes`; a field starts where the one before it ends.
    private var ends: [UInt32] = []
    /// Record `i`'s fields are `ends[firstField[i]..<firstField[i + 1]]`.
    private var firstField: [UInt32] = [0]
    /// The physical line each record starts on.
    private var startLines: [UInt32] = []

    var count: Int { startLines.count }

    /// Records to be appended from `byteCount` bytes of a file: room for their text is set aside
    /// at once (at most 1.5 bytes of UTF-8 for a byte of GB18030), so the buffer is not copied
    /// as it grows; pages never written are never resident.
    init(reservingFor byteCount: Int = 0) {
        bytes.reserveCapacity(byteCount + byteCount / 2)
    }

    /// The physical line record `record` starts on.
    func line(_ record: Int) -> Int { Int(startLines[record]) }

    /// Appends a record with its fields made UTF-8; false, with nothing appended, when a field is
    /// not valid in `encoding`.
    mutating func append(_ raw: CSVSplitter.RawRecord, encoding: TextDecoding.Encoding) -> Bool {
        let start = bytes.count, fields = ends.count
        let valid = raw.bytes.withUnsafeBufferPointer { all in
            for field in 0..<raw.fieldCount {
                let cell = UnsafeBufferPointer(rebasing: all[raw.range(field)])
                guard TextDecoding.appendUTF8(cell, as: encoding, ascii: raw.ascii, to: &bytes),
                      let end = UInt32(exactly: bytes.count) else { return false }
                ends.append(end)
            }
            return true
        }
        guard valid, let line = UInt32(exactly: raw.line), let last = UInt32(exactly: ends.count) else {
            bytes.removeSubrange(start...)
            ends.removeSubrange(fields...)
            return false
        }
        firstField.append(last)
        startLines.append(line)
        return true
    }

    /// Takes the last record off (a blank row, found blank once appended).
    mutating func removeLast() {
        firstField.removeLast()
        let fields = Int(firstField[firstField.count - 1])
        bytes.removeSubrange((fields == 0 ? 0 : Int(ends[fields - 1]))...)
        ends.removeSubrange(fields...)
        startLines.removeLast()
    }

    /// Field `field` of record `record`; nil when the record has fewer fields.
    func field(_ record: Int, _ field: Int) -> String? {
        let index = Int(firstField[record]) + field
        guard index < Int(firstField[record + 1]) else { return nil }
        return text(index)
    }

    /// Every field of record `record`.
    func fields(_ record: Int) -> [String] {
        (Int(firstField[record])..<Int(firstField[record + 1])).map(text)
    }

    private func text(_ index: Int) -> String {
        let range = (index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }
}
