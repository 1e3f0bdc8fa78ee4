import Foundation

/// Reads a CSV file record by record in bounded memory: the file is read in chunks (64 KiB), split
/// on bytes and each field decoded with the file's encoding — UTF-8 with a BOM; else UTF-8 when
/// the first 64 KiB holding non-ASCII bytes are valid UTF-8; else GB18030 (the seller centre's
/// exports). UTF-16 and binary files are refused with advice.
///
/// Every record keeps the physical line it starts on (quoted fields with line breaks count their
/// lines), so a 100,000-order file reports a bad row as `file:line`.
///
///     var stream = try CSVStream(path: path)
///     while let record = try stream.next() { … }
public struct CSVStream {
    public typealias Record = CSVReader.Record

    public static let defaultChunkSize = 64 * 1024
    /// How many bytes (from the first non-ASCII one) decide UTF-8 or GB18030.
    static let detectionSize = 64 * 1024

    /// The name used in errors (the file's last path component unless told otherwise).
    public let file: String
    /// The file's encoding; nil until the first non-ASCII bytes (or the end) have been read.
    public private(set) var encoding: TextDecoding.Encoding?

    private var source: ByteSource
    private let chunkSize: Int
    private var splitter = CSVSplitter()
    private var pending: [CSVSplitter.RawRecord] = []
    private var head = 0
    private var startChecked = false
    private var start: [UInt8] = []
    private var sample: [UInt8] = []
    private var atEnd = false
    /// Reused for the UTF-8 of GB18030 fields.
    private var scratch: [UInt8] = []

    /// Opens a file. `chunkSize` is for tests (records crossing chunk boundaries).
    public init(path: String, file: String? = nil, chunkSize: Int = CSVStream.defaultChunkSize) throws(InterchangeError) {
        let name = file ?? (path as NSString).lastPathComponent
        self.init(source: try ByteSource.open(path, file: name), file: name, chunkSize: chunkSize, encoding: nil)
    }

    /// Reads bytes already in memory (a download, a test).
    public init(data: Data, file: String, chunkSize: Int = CSVStream.defaultChunkSize) {
        self.init(source: .memory(data, offset: 0), file: file, chunkSize: chunkSize, encoding: nil)
    }

    /// `line`: the physical line the source starts on (the rest of a file, from a record's start).
    init(source: ByteSource, file: String, chunkSize: Int, encoding: TextDecoding.Encoding?, line: Int = 1) {
        self.source = source
        self.file = file
        self.chunkSize = max(1, chunkSize)
        self.encoding = encoding
        self.startChecked = encoding != nil
        splitter = CSVSplitter(line: line)
    }

    /// The next record, nil at the end. Throws for an unreadable or undecodable file and for a
    /// quote that never closes (after returning the records before it).
    public mutating func next() throws(InterchangeError) -> Record? {
        guard let raw = try nextRaw() else { return nil }
        return try decode(raw)
    }

    /// The next record undecoded, once the encoding it needs is known (an ASCII record at once);
    /// nil at the end. Throws as `next` does, but not for bytes invalid in the encoding.
    mutating func nextRaw() throws(InterchangeError) -> CSVSplitter.RawRecord? {
        while true {
            if head < pending.count {
                let raw = pending[head]
                if encoding != nil || raw.ascii {
                    head += 1
                    if head == pending.count {
                        pending.removeAll(keepingCapacity: true)
                        head = 0
                    }
                    return raw
                }
            } else if let line = splitter.unterminatedLine {
                throw .unterminatedQuote(file: file, line: line)
            } else if atEnd {
                return nil
            }
            try fill()
        }
    }

    /// Reads one chunk and splits it.
    private mutating func fill() throws(InterchangeError) {
        guard !atEnd else { return }
        guard var bytes = try source.read(chunkSize, file: file) else {
            atEnd = true
            source.close()
            if !startChecked {
                startChecked = true
                try consume(checkStart(start))
            }
            splitter.finish(into: &pending)
            if encoding == nil { encoding = TextDecoding.detect(sample: sample, atEnd: true) }
            sample = []
            return
        }
        if !startChecked {
            start += bytes
            guard start.count >= 3 else { return }
            startChecked = true
            bytes = try checkStart(start)
            start = []
        }
        try consume(bytes)
        if splitter.unterminatedLine != nil {
            atEnd = true
            source.close()
        }
    }

    /// Refuses UTF-16; takes a UTF-8 BOM off.
    private mutating func checkStart(_ bytes: [UInt8]) throws(InterchangeError) -> [UInt8] {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { throw .unsupportedEncoding(file: file) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            encoding = .utf8BOM
            return Array(bytes.dropFirst(3))
        }
        return bytes
    }

    private mutating func consume(_ bytes: [UInt8]) throws(InterchangeError) {
        if encoding == nil {
            if bytes.contains(0) { throw .unsupportedEncoding(file: file) }
            if !sample.isEmpty || bytes.contains(where: { $0 >= 0x80 }) { sample += bytes }
            if sample.count >= Self.detectionSize {
                encoding = TextDecoding.detect(sample: sample, atEnd: false)
                sample = []
            }
        }
        splitter.feed(bytes, into: &pending)
    }

    private mutating func decode(_ raw: CSVSplitter.RawRecord) throws(InterchangeError) -> Record {
        let encoding = encoding ?? .utf8
        var fields: [String] = []
        fields.reserveCapacity(raw.fieldCount)
        try raw.bytes.withUnsafeBufferPointer { (all) throws(InterchangeError) in
            for field in 0..<raw.fieldCount {
                let bytes = UnsafeBufferPointer(rebasing: all[raw.range(field)])
                guard let text = TextDecoding.decodeField(bytes, as: encoding, ascii: raw.ascii, scratch: &scratch) else {
                    throw .undecodableText(file: file, line: raw.line, encoding: encoding.rawValue)
                }
                fields.append(text)
            }
        }
        return Record(line: raw.line, fields: fields)
    }
}
