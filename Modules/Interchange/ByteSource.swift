import Foundation

/// Where a CSV stream's bytes come from: a file read chunk by chunk, a range of a file open for
/// reading back (`RowFile`, from `offset` to `end`), or bytes already in memory.
enum ByteSource {
    case file(FileHandle)
    case rows(RowFile, offset: Int, end: Int)
    case memory(Data, offset: Int)

    /// Opens a file for reading; `file` names it in errors.
    static func open(_ path: String, file: String) throws(InterchangeError) -> ByteSource {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(file: file) }
        return .file(handle)
    }

    /// Up to `count` bytes, or nil at the end.
    mutating func read(_ count: Int, file: String) throws(InterchangeError) -> [UInt8]? {
        switch self {
        case .file(let handle):
            let data: Data?
            do {
                data = try handle.read(upToCount: count)
            } catch {
                throw .unreadable(file: file)
            }
            guard let data, !data.isEmpty else { return nil }
            return [UInt8](data)
        case .rows(let rows, let offset, let end):
            guard offset < end else { return nil }
            let bytes = try rows.read(offset, count: min(count, end - offset))
            guard !bytes.isEmpty else { return nil }
            self = .rows(rows, offset: offset + bytes.count, end: end)
            return bytes
        case .memory(let data, let offset):
            guard offset < data.count else { return nil }
            let start = data.index(data.startIndex, offsetBy: offset)
            let end = data.index(start, offsetBy: min(count, data.count - offset))
            self = .memory(data, offset: offset + (end - start))
            return [UInt8](data[start..<end])
        }
    }

    func close() {
        if case .file(let handle) = self { try? handle.close() }
    }
}

extension TextDecoding {
    /// Decides UTF-8 or GB18030 from a sample of a file's first bytes. A multi-byte character cut
    /// off at the end of the sample does not count against UTF-8 unless the file ends there.
    static func detect(sample: [UInt8], atEnd: Bool) -> Encoding {
        var end = sample.count
        if !atEnd {
            // Drop a trailing incomplete UTF-8 sequence: a lead byte within the last 3 bytes
            // whose sequence runs past the end.
            var i = sample.count - 1
            while i >= 0 && i >= sample.count - 3 {
                let b = sample[i]
                if b & 0xC0 != 0x80 {
                    let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                    if i + length > sample.count { end = i }
                    break
                }
                i -= 1
            }
        }
        return String(validating: sample[..<end], as: UTF8.self) == nil ? .gb18030 : .utf8
    }

    /// Decodes one field's bytes; nil when they are not valid in the encoding. `scratch` is a
    /// buffer the caller keeps, reused for GB18030's UTF-8.
    static func decodeField(_ bytes: UnsafeBufferPointer<UInt8>, as encoding: Encoding, ascii: Bool,
                            scratch: inout [UInt8]) -> String? {
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        switch encoding {
        case .utf8, .utf8BOM:
            return String(validating: bytes, as: UTF8.self)
        case .gb18030:
            if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            scratch.removeAll(keepingCapacity: true)
            guard GB18030.decode(bytes, into: &scratch) else { return nil }
            return String(decoding: scratch, as: UTF8.self)
        }
    }

    /// Appends one field's bytes to `out` as UTF-8 (checked, or converted from GB18030) without
    /// making a `String`; false, with `out` as it was, when they are not valid in the encoding.
    static func appendUTF8(_ bytes: UnsafeBufferPointer<UInt8>, as encoding: Encoding, ascii: Bool,
                           to out: inout [UInt8]) -> Bool {
        if ascii || !bytes.contains(where: { $0 >= 0x80 }) {
            out.append(contentsOf: bytes)
            return true
        }
        switch encoding {
        case .utf8, .utf8BOM:
            guard (try? UTF8Span(validating: bytes.span)) != nil else { return false }
            out.append(contentsOf: bytes)
            return true
        case .gb18030:
            return GB18030.decode(bytes, into: &out)
        }
    }
}
