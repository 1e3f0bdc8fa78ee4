import Foundation
import ShopDomain

/// A whole detail export (宝贝报表) held by order number, each row parsed only when its order is
/// asked for (issue 20: an order import cannot apply an order before the whole detail export is
/// read, so everything done while reading it is time the applying thread waits; the parsing now
/// happens on the reading thread while the other one applies).
///
/// Reading it checks what reading row by row checks of the file itself, so a broken file is
/// refused before anything is imported: every field valid in the file's encoding, no quote left
/// open. It keeps the file's own bytes and where each row starts (not the rows decoded: in
/// GB18030 they are smaller, and no row holds allocations of its own); a row is split and decoded
/// again when it is parsed. A bad row (a price that is not money …) is refused then: by `take`
/// for its order, by `refusedRest` for the rows no order asked for.
///
/// A file of at least `splitAt` bytes is read by two threads, one half each: the second half
/// starts at the first record after the middle, found by the splitter's own states, with the
/// encoding and the header columns the first half found; its rows keep their lines in the whole
/// file. A file whose middle no record starts after (a quote open to the end) is read by one.
public struct TaobaoDetailExport: Sendable {
    public let file: String
    let columns: HeaderMap
    private let encoding: TextDecoding.Encoding
    /// The whole file.
    private let data: Data
    /// Where each non-blank row starts in `data`, and the physical line it starts on.
    private let starts: [Int]
    private let lines: [Int32]
    /// Each order's first and last row; `next` chains its rows in the file's order (-1 ends it).
    private let orders: [OrderKey: (first: Int32, last: Int32)]
    private let next: [Int32]
    /// Rows some `take` parsed.
    private var taken: [Bool]
    private var count: Int { starts.count }

    /// Reads and splits a detail export. Throws what reading it row by row would throw first.
    public static func read(path: String, file: String? = nil, splitAt: Int = 1 << 20) throws(InterchangeError) -> TaobaoDetailExport {
        let name = file ?? (path as NSString).lastPathComponent
        // Read, not mapped: a file cut short meanwhile is an error, not SIGBUS.
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else { throw .unreadable(file: name) }
        let start = data.count >= max(2, splitAt) && ProcessInfo.processInfo.activeProcessorCount > 1
            ? data.withUnsafeBytes { raw in CSVSplitter.recordStart(in: raw.bindMemory(to: UInt8.self), atOrAfter: data.count / 2) }
            : nil
        // The first half's header decides the encoding (from its first 64 KiB, as row by row).
        var first = try MappedRows(stream: CSVStream(source: .memory(start.map { data[..<$0.offset] } ?? data, offset: 0), file: name,
                                                     chunkSize: CSVStream.defaultChunkSize, encoding: nil),
                                   fields: TaobaoOrderLineReader.fields)
        guard let start, let encoding = first.encoding else {
            if start != nil {  // the first half did not tell the encoding: one reader reads the whole file
                first = try MappedRows(stream: CSVStream(data: data, file: name), fields: TaobaoOrderLineReader.fields)
            }
            let whole = try Part(&first, base: first.encoding == .utf8BOM ? 3 : 0)
            return TaobaoDetailExport(file: name, columns: first.columns, encoding: first.encoding ?? .utf8, data: data, parts: [whole])
        }
        let second = SecondHalf()
        let done = DispatchGroup()
        let columns = first.columns, headerLine = first.headerLine
        DispatchQueue.global(qos: .userInitiated).async(group: done) {
            let stream = CSVStream(source: .memory(data[start.offset...], offset: 0), file: name, chunkSize: CSVStream.defaultChunkSize,
                                   encoding: encoding, line: start.line)
            var rows = MappedRows(continuing: stream, columns: columns, headerLine: headerLine)
            second.result = Result { () throws(InterchangeError) in try Part(&rows, base: start.offset) }
        }
        let head: Part
        do {
            head = try Part(&first, base: encoding == .utf8BOM ? 3 : 0)
        } catch {
            done.wait()
            throw error
        }
        done.wait()
        return TaobaoDetailExport(file: name, columns: columns, encoding: encoding, data: data, parts: [head, try second.result!.get()])
    }

    /// One order's lines in the file's order, parsed now, and its rows refused.
    public mutating func take(_ number: String) -> (lines: [TaobaoOrderLine], refused: [InterchangeError.RowError]) {
        var lines: [TaobaoOrderLine] = [], refused: [InterchangeError.RowError] = []
        var row = OrderKey(number).flatMap { orders[$0]?.first } ?? -1
        while row >= 0 {
            taken[Int(row)] = true
            switch parse(Int(row)) {
            case .success(let line): lines.append(line)
            case .failure(let error): refused.append(error)
            }
            row = next[Int(row)]
        }
        return (lines, refused)
    }

    /// The rows no `take` asked for (orders the order export does not hold, rows whose order
    /// number is lost), parsed: those refused, in the file's order.
    public func refusedRest() -> [InterchangeError.RowError] {
        (0..<count).compactMap { row in
            guard !taken[row], case .failure(let error) = parse(row) else { return nil }
            return error
        }
    }

    /// Every row parsed, in the file's order: what reading the file row by row gives.
    public func all() -> (rows: [TaobaoOrderLine], errors: [InterchangeError.RowError]) {
        var rows: [TaobaoOrderLine] = [], errors: [InterchangeError.RowError] = []
        for row in 0..<count {
            switch parse(row) {
            case .success(let line): rows.append(line)
            case .failure(let error): errors.append(error)
            }
        }
        return (rows, errors)
    }

    /// Row `row` split and decoded again (it was checked when the file was read, so neither fails)
    /// and parsed.
    private func parse(_ row: Int) -> RowResult<TaobaoOrderLine> {
        let line = Int(lines[row])
        let fields = data.withUnsafeBytes { raw in
            CSVSplitter.firstRecord(of: UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[starts[row]...]), line: line)
        }.map { Part.fields($0, encoding) } ?? []
        let record = CSVReader.Record(line: line, fields: fields)
        do {
            return .success(try TaobaoOrderLineReader.parse(record, columns))
        } catch {
            return .failure(InterchangeError.RowError(file: file, line: line, error))
        }
    }

    private init(file: String, columns: HeaderMap, encoding: TextDecoding.Encoding, data: Data, parts: [Part]) {
        let keys = parts.flatMap(\.keys)
        var orders: [OrderKey: (first: Int32, last: Int32)] = [:]
        var next = [Int32](repeating: -1, count: keys.count)
        for (index, key) in keys.enumerated() {
            guard let key else { continue }
            let row = Int32(index)  // fewer than 2³¹ rows: the file is held whole, and a row is tens of bytes
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
        self.data = data
        self.starts = parts.flatMap(\.starts)
        self.lines = parts.flatMap(\.lines)
        self.orders = orders
        self.next = next
        self.taken = [Bool](repeating: false, count: keys.count)
    }

    /// An order number (16 to 19 digits, `Cells.orderNumber`) as a number and its count of
    /// digits: a key held for every row without a string of its own.
    struct OrderKey: Hashable {
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

    /// A file, or one half of it, split: where its non-blank rows start (`base` is where the
    /// part's stream starts in the file), their lines, and each one's order number (nil when
    /// the row has none that parses; it is refused when parsed). Every field is checked against
    /// the encoding here; nothing decoded is kept.
    private struct Part: Sendable {
        var starts: [Int] = []
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
                guard valid, let line = Int32(exactly: raw.line) else {
                    throw .undecodableText(file: rows.file, line: raw.line, encoding: encoding.rawValue)
                }
                if number.isEmpty, MappedRows.isBlank(Self.fields(raw, encoding)) { continue }
                starts.append(base + raw.offset)
                lines.append(line)
                keys.append(number.isEmpty ? nil : (try? Cells.orderNumber(number, column: "订单编号")).flatMap(OrderKey.init))
            }
        }

        /// A record's fields decoded (they are valid: checked first).
        static func fields(_ record: CSVSplitter.RawRecord, _ encoding: TextDecoding.Encoding) -> [String] {
            var scratch: [UInt8] = []
            return record.bytes.withUnsafeBufferPointer { all in
                (0..<record.fieldCount).map { field in
                    TextDecoding.decodeField(UnsafeBufferPointer(rebasing: all[record.range(field)]), as: encoding, ascii: record.ascii,
                                             scratch: &scratch) ?? ""
                }
            }
        }
    }

    /// The second half, handed back across threads (written before `done` is left).
    private final class SecondHalf: @unchecked Sendable {
        var result: Result<Part, InterchangeError>?
    }
}
