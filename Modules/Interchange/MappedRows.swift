/// What a streaming reader yields per data row: the parsed row, or why it was refused with
/// `file:line`. The caller decides what to do with bad rows (collect them, stop at the first…).
public typealias RowResult<Value> = Result<Value, InterchangeError.RowError>

/// A CSV stream whose header has been matched to fields: data rows one by one, blank rows skipped.
struct MappedRows {
    private(set) var stream: CSVStream
    let columns: HeaderMap
    /// The line the header was found on.
    let headerLine: Int

    /// Reads the header. With `titleRows` > 0, up to that many rows before the header (a title
    /// such as “顺丰速运月结对账单”) are passed over; the error for the first row is thrown when
    /// none of them is a header.
    init(stream: CSVStream, fields: [HeaderMap.Field], titleRows: Int = 0) throws(InterchangeError) {
        var stream = stream
        var firstError: InterchangeError?
        var found: (HeaderMap, Int)?
        var seen = 0
        while found == nil, seen <= titleRows, let record = try Self.nonBlank(&stream) {
            seen += 1
            do {
                found = (try HeaderMap(header: record.fields, fields: fields, file: stream.file), record.line)
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        guard let (columns, line) = found else { throw firstError ?? .emptyFile(file: stream.file) }
        self.stream = stream
        self.columns = columns
        self.headerLine = line
    }

    /// The rest of a file whose header another reader matched.
    init(continuing stream: CSVStream, columns: HeaderMap, headerLine: Int) {
        self.stream = stream
        self.columns = columns
        self.headerLine = headerLine
    }

    var file: String { stream.file }
    var encoding: TextDecoding.Encoding? { stream.encoding }

    /// The next data row that is not blank.
    mutating func next() throws(InterchangeError) -> CSVReader.Record? {
        try Self.nonBlank(&stream)
    }

    /// Turns a row into a value or a row error naming `file:line`.
    mutating func next<Value>(_ parse: (CSVReader.Record, HeaderMap) throws(RowProblem) -> Value) throws(InterchangeError) -> RowResult<Value>? {
        guard let record = try next() else { return nil }
        do {
            return .success(try parse(record, columns))
        } catch {
            return .failure(InterchangeError.RowError(file: file, line: record.line, error))
        }
    }

    /// The next record undecoded, blank or not (`CSVStream.nextRaw`).
    mutating func nextRaw() throws(InterchangeError) -> CSVSplitter.RawRecord? {
        try stream.nextRaw()
    }

    /// A row of empty or white-space cells, passed over.
    static func isBlank(_ fields: [String]) -> Bool {
        fields.allSatisfy { $0.trimmingWhitespace().isEmpty }
    }

    private static func nonBlank(_ stream: inout CSVStream) throws(InterchangeError) -> CSVReader.Record? {
        while let record = try stream.next() {
            if !isBlank(record.fields) { return record }
        }
        return nil
    }
}

/// The streaming readers (orders, order lines, statements): one row at a time, parsed or refused.
public protocol RowStream {
    associatedtype Row
    /// The next data row, parsed or refused with `file:line`; nil at the end. Throws only for a
    /// broken file (unreadable, undecodable, a quote that never closes).
    mutating func next() throws(InterchangeError) -> RowResult<Row>?
}

extension RowStream {
    /// Every row, the good ones and the refused ones apart (for files that fit in memory: a
    /// month's statement, a day's orders).
    public mutating func readAll() throws(InterchangeError) -> (rows: [Row], errors: [InterchangeError.RowError]) {
        var rows: [Row] = []
        var errors: [InterchangeError.RowError] = []
        while let result = try next() {
            switch result {
            case .success(let row): rows.append(row)
            case .failure(let error): errors.append(error)
            }
        }
        return (rows, errors)
    }
}
