import Foundation

/// A CSV reader over text already decoded (RFC 4180 with the habits of real exports): quoted
/// fields with `""` escapes and line breaks inside, CRLF or LF, and the physical line each record
/// starts on — so a bad row is reported as `file:line`, even after a multi-line buyer message.
///
/// A thin wrapper over `CSVStream` (the same splitter); for large files read the file with
/// `CSVStream(path:)` instead of decoding it whole.
public struct CSVReader: Sequence, IteratorProtocol {
    public struct Record: Sendable, Equatable {
        /// 1-based line the record starts on.
        public var line: Int
        public var fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    private var stream: CSVStream
    public private(set) var error: InterchangeError?

    public init(text: String, file: String) {
        stream = CSVStream(source: .memory(Data(text.utf8), offset: 0), file: file,
                           chunkSize: CSVStream.defaultChunkSize, encoding: .utf8)
    }

    /// The next record, or nil at the end (check `error` for a broken file).
    public mutating func next() -> Record? {
        guard error == nil else { return nil }
        do {
            return try stream.next()
        } catch {
            self.error = error
            return nil
        }
    }
}
