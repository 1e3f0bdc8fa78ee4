import Foundation
import ShopDomain

/// A whole detail export (宝贝报表) held by order number, each row parsed only when its order is
/// asked for (issue 20: an order import cannot apply an order before the whole detail export is
/// read, so everything done while reading it is time the applying thread waits; the parsing now
/// happens on the reading thread while the other one applies).
///
/// Reading it checks what reading row by row checks of the file itself, so a broken file is
/// refused before anything is imported: every field valid in the file's encoding, no quote left
/// open. What it keeps is where each row is in the file, its line, a digest of its fields and its
/// order number (about 30 bytes a row) — not the rows, nor the file: a row is read back from the
/// file (`RowFile`), split and decoded again when it is parsed. A bad row (a price that is not
/// money …) is refused then: by `take` for its order, by `refusedRest` for the rows no order asked
/// for. A row that does not read back as the record it was (the file edited or cut meanwhile)
/// stops the import: `changedWhileRead`.
///
/// A file of at least `splitAt` bytes is read by two threads, one half each: the second half
/// starts at the first record after the middle, found by the splitter's own states, with the
/// encoding and the header columns the first half found; its rows keep their lines in the whole
/// file. A file whose middle no record starts after (a quote open to the end) is read by one.
public struct TaobaoDetailExport: Sendable {
    public let file: String
    let columns: HeaderMap
    private let encoding: TextDecoding.Encoding
    private let rows: RowFile
    /// Where each non-blank row is in the file (from its first byte, its line break included but
    /// for a CR's LF), and the physical line it starts on.
    private let starts: [Int]
    private let lengths: [Int32]
    private let lines: [Int32]
    private let digests: [UInt32]
    /// Each order's first and last row; `next` chains its rows in the file's order (-1 ends it).
    private let orders: [OrderKey: (first: Int32, last: Int32)]
    private let next: [Int32]
    /// Rows some `take` parsed.
    private var taken: [Bool]

    /// Reads and splits a detail export. Throws what reading it row by row would throw first.
    public static func read(path: String, file: String? = nil, splitAt: Int = 1 << 20) throws(InterchangeError) -> TaobaoDetailExport {
        let name = file ?? (path as NSString).lastPathComponent
        let rows = try RowFile(path: path, file: name)
        // Where the second half starts: the file scanned from its start, a chunk at a time.
        var start: (offset: Int, line: Int)?
        if rows.size >= max(2, splitAt), ProcessInfo.processInfo.activeProcessorCount > 1 {
            var scan = CSVSplitter.RecordStart(atOrAfter: rows.size / 2), source = ByteSource.rows(rows, offset: 0, end: rows.size)
            while start == nil, let chunk = try source.read(CSVStream.defaultChunkSize * 16, file: name) {
                start = chunk.withUnsafeBufferPointer { scan.feed($0) }
            }
        }
        // The first half's header decides the encoding (from its first 64 KiB, as row by row).
        var first = try MappedRows(stream: stream(rows, to: start?.offset ?? .max), fields: TaobaoOrderLineReader.fields)
        guard let start, let encoding = first.encoding else {
            if start != nil {  // the first half did not tell the encoding: one reader reads the whole file
                first = try MappedRows(stream: stream(rows), fields: TaobaoOrderLineReader.fields)
            }
            let whole = try DetailPart(&first, base: first.encoding == .utf8BOM ? 3 : 0)
            return TaobaoDetailExport(file: name, columns: first.columns, encoding: first.encoding ?? .utf8, rows: rows, parts: [whole])
        }
        let second = SecondHalf()
        let done = DispatchGroup()
        let columns = first.columns, headerLine = first.headerLine
        DispatchQueue.global(qos: .userInitiated).async(group: done) {
            var rest = MappedRows(continuing: stream(rows, from: start.offset, encoding: encoding, line: start.line),
                                  columns: columns, headerLine: headerLine)
            second.result = Result { () throws(InterchangeError) in try DetailPart(&rest, base: start.offset) }
        }
        let head: DetailPart
        do {
            head = try DetailPart(&first, base: encoding == .utf8BOM ? 3 : 0)
        } catch {
            done.wait()
            throw error
        }
        done.wait()
        return TaobaoDetailExport(file: name, columns: columns, encoding: encoding, rows: rows, parts: [head, try second.result!.get()])
    }

    /// One order's lines in the file's order, parsed now, and its rows refused.
    public mutating func take(_ number: String) throws(InterchangeError) -> (lines: [TaobaoOrderLine], refused: [InterchangeError.RowError]) {
        var chain: [Int] = []
        var row = OrderKey(number).flatMap { orders[$0]?.first } ?? -1
        while row >= 0 {
            chain.append(Int(row))
            taken[Int(row)] = true
            row = next[Int(row)]
        }
        var lines: [TaobaoOrderLine] = [], refused: [InterchangeError.RowError] = []
        try parse(chain) { result in
            switch result {
            case .success(let line): lines.append(line)
            case .failure(let error): refused.append(error)
            }
        }
        return (lines, refused)
    }

    /// The rows no `take` asked for (orders the order export does not hold, rows whose order
    /// number is lost), parsed: those refused, in the file's order.
    public func refusedRest() throws(InterchangeError) -> [InterchangeError.RowError] {
        var refused: [InterchangeError.RowError] = []
        try parse(taken.indices.filter { !taken[$0] }) { result in
            if case .failure(let error) = result { refused.append(error) }
        }
        return refused
    }

    /// Every row parsed, in the file's order: what reading the file row by row gives.
    public func all() throws(InterchangeError) -> (rows: [TaobaoOrderLine], errors: [InterchangeError.RowError]) {
        var rows: [TaobaoOrderLine] = [], errors: [InterchangeError.RowError] = []
        try parse(Array(starts.indices)) { result in
            switch result {
            case .success(let line): rows.append(line)
            case .failure(let error): errors.append(error)
            }
        }
        return (rows, errors)
    }

    /// Reads `chosen` (in the file's order) back from the file, rows next to each other in one read,
    /// and parses each: split and decoded again, they must be what was read before.
    private func parse(_ chosen: [Int], _ body: (RowResult<TaobaoOrderLine>) -> Void) throws(InterchangeError) {
        var index = 0
        while index < chosen.count {
            // A run of rows within 64 KiB of the first one's start: one read.
            let from = starts[chosen[index]]
            var last = index
            while last + 1 < chosen.count, starts[chosen[last + 1]] + Int(lengths[chosen[last + 1]]) - from <= 1 << 16 { last += 1 }
            let to = starts[chosen[last]] + Int(lengths[chosen[last]])
            let span = try rows.read(from, count: to - from)
            guard span.count == to - from else { throw .changedWhileRead(file: file, line: Int(lines[chosen[index]])) }
            for row in chosen[index...last] {
                let line = Int(lines[row]), offset = starts[row] - from
                let fields = span.withUnsafeBufferPointer { all in
                    DetailPart.fields(UnsafeBufferPointer(rebasing: all[offset..<offset + Int(lengths[row])]), line: line,
                                      digest: digests[row], encoding)
                }
                guard let fields else { throw .changedWhileRead(file: file, line: line) }
                do {
                    body(.success(try TaobaoOrderLineReader.parse(CSVReader.Record(line: line, fields: fields), columns)))
                } catch {
                    body(.failure(InterchangeError.RowError(file: file, line: line, error)))
                }
            }
            index = last + 1
        }
    }

    private init(file: String, columns: HeaderMap, encoding: TextDecoding.Encoding, rows: RowFile, parts: [DetailPart]) {
        let keys = parts.flatMap(\.keys)
        var orders: [OrderKey: (first: Int32, last: Int32)] = [:]
        var next = [Int32](repeating: -1, count: keys.count)
        for (index, key) in keys.enumerated() {
            guard let key else { continue }
            let row = Int32(index)  // fewer than 2³¹ rows: a row is tens of bytes
            if let known = orders[key] {
                next[Int(known.last)] = row
                orders[key] = (known.first, row)
            } else {
                orders[key] = (row, row)
            }
        }
        self.file = file
        self.columns = columns
        self.encoding = encoding
        self.rows = rows
        self.starts = parts.flatMap(\.starts)
        self.lengths = parts.flatMap(\.lengths)
        self.lines = parts.flatMap(\.lines)
        self.digests = parts.flatMap(\.digests)
        self.orders = orders
        self.next = next
        self.taken = [Bool](repeating: false, count: keys.count)
    }

    /// The second half, handed back across threads (written before `done` is left).
    private final class SecondHalf: @unchecked Sendable {
        var result: Result<DetailPart, InterchangeError>?
    }

    /// `rows` from `offset` to `end` as CSV (`encoding` nil: found from the first bytes).
    private static func stream(_ rows: RowFile, from offset: Int = 0, to end: Int = .max, encoding: TextDecoding.Encoding? = nil,
                               line: Int = 1) -> CSVStream {
        CSVStream(source: .rows(rows, offset: offset, end: end), file: rows.file, chunkSize: CSVStream.defaultChunkSize,
                  encoding: encoding, line: line)
    }
}
