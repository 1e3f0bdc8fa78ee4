import Foundation
import ShopDomain

/// A whole detail export (宝贝报表) held by order number, each row parsed only when its order is
/// asked for (issue 20: an order import cannot apply an order before the whole detail export is
/// read, so everything done while reading it is time the applying thread waits; the parsing now
/// happens on the reading thread while the other one applies).
///
/// Reading it checks what reading row by row checks of the file itself, so a broken file is
/// refused before anything is imported: every field valid in the file's encoding (kept as UTF-8,
/// `PackedRecords`), no quote left open. A bad row (a price that is not money …) is refused when
/// it is parsed: by `take` for its order, by `refusedRest` for the rows no order asked for.
///
/// A file of at least `splitAt` bytes is read by two threads, one half each: the second half
/// starts at the first record after the middle, found by the splitter's own states, with the
/// encoding and the header columns the first half found; its rows keep their lines in the whole
/// file. A file whose middle no record starts after (a quote open to the end) is read by one.
public struct TaobaoDetailExport: Sendable {
    public let file: String
    let columns: HeaderMap
    /// The rows of each part read (one, or the two halves), not joined: joining would hold the
    /// file's rows twice at once.
    private let parts: [PackedRecords]
    private let count: Int
    /// Each order's first and last row; `next` chains its rows in the file's order (-1 ends it).
    private let orders: [OrderKey: (first: Int32, last: Int32)]
    private let next: [Int32]
    /// Rows some `take` parsed.
    private var taken: [Bool]

    /// Reads and splits a detail export. Throws what reading it row by row would throw first.
    public static func read(path: String, file: String? = nil, splitAt: Int = 1 << 20) throws(InterchangeError) -> TaobaoDetailExport {
        let name = file ?? (path as NSString).lastPathComponent
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        func oneReader() throws(InterchangeError) -> TaobaoDetailExport {
            var rows = try MappedRows(stream: CSVStream(path: path, file: name), fields: TaobaoOrderLineReader.fields)
            return TaobaoDetailExport(file: name, columns: rows.columns, parts: [try Part(&rows, bytes: size)])
        }
        guard size >= max(2, splitAt), ProcessInfo.processInfo.activeProcessorCount > 1,
              let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else {  // read, not mapped: a file cut short meanwhile is an error, not SIGBUS
            return try oneReader()
        }
        let start = data.withUnsafeBytes { raw in
            CSVSplitter.recordStart(in: raw.bindMemory(to: UInt8.self), atOrAfter: data.count / 2)
        }
        // The first half's header decides the encoding (from its first 64 KiB, as row by row).
        var first = try MappedRows(stream: CSVStream(source: .memory(start.map { data[..<$0.offset] } ?? data, offset: 0), file: name,
                                                     chunkSize: CSVStream.defaultChunkSize, encoding: nil),
                                   fields: TaobaoOrderLineReader.fields)
        guard let start else { return TaobaoDetailExport(file: name, columns: first.columns, parts: [try Part(&first, bytes: data.count)]) }
        guard let encoding = first.encoding else { return try oneReader() }
        let second = SecondHalf()
        let done = DispatchGroup()
        let columns = first.columns, headerLine = first.headerLine
        DispatchQueue.global(qos: .userInitiated).async(group: done) {
            let stream = CSVStream(source: .memory(data[start.offset...], offset: 0), file: name, chunkSize: CSVStream.defaultChunkSize,
                                   encoding: encoding, line: start.line)
            var rows = MappedRows(continuing: stream, columns: columns, headerLine: headerLine)
            second.result = Result { () throws(InterchangeError) in try Part(&rows, bytes: data.count - start.offset) }
        }
        let head: Part
        do {
            head = try Part(&first, bytes: start.offset)
        } catch {
            done.wait()
            throw error
        }
        done.wait()
        return TaobaoDetailExport(file: name, columns: columns, parts: [head, try second.result!.get()])
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

    private func parse(_ row: Int) -> RowResult<TaobaoOrderLine> {
        let inFirst = row < parts[0].count
        let part = inFirst ? parts[0] : parts[1], index = inFirst ? row : row - parts[0].count
        let record = CSVReader.Record(line: part.line(index), fields: part.fields(index))
        do {
            return .success(try TaobaoOrderLineReader.parse(record, columns))
        } catch {
            return .failure(InterchangeError.RowError(file: file, line: record.line, error))
        }
    }

    private init(file: String, columns: HeaderMap, parts: [Part]) {
        let keys = parts.flatMap(\.keys)
        var orders: [OrderKey: (first: Int32, last: Int32)] = [:]
        var next = [Int32](repeating: -1, count: keys.count)
        for (index, key) in keys.enumerated() {
            guard let key else { continue }
            let row = Int32(index)  // a row is at least a byte of a 32-bit part
            if let known = orders[key] {
                next[Int(known.last)] = row
                orders[key] = (known.first, row)
            } else {
                orders[key] = (row, row)
            }
        }
        self.file = file
        self.columns = columns
        self.parts = parts.map(\.records)
        self.count = keys.count
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

    /// A file, or one half of it, split: its non-blank rows and each one's order number (nil when
    /// the row has none that parses; it is refused when parsed).
    private struct Part: Sendable {
        var records: PackedRecords
        var keys: [OrderKey?] = []

        init(_ rows: inout MappedRows, bytes: Int) throws(InterchangeError) {
            records = PackedRecords(reservingFor: bytes)
            let column = rows.columns.column("订单编号") ?? 0  // a required field: always found
            while let raw = try rows.nextRaw() {
                let encoding = rows.encoding ?? .utf8
                guard records.append(raw, encoding: encoding) else {
                    throw .undecodableText(file: rows.file, line: raw.line, encoding: encoding.rawValue)
                }
                let row = records.count - 1
                let cell = records.field(row, column)?.trimmingWhitespace() ?? ""
                if cell.isEmpty, MappedRows.isBlank(records.fields(row)) {
                    records.removeLast()
                    continue
                }
                keys.append(cell.isEmpty ? nil : (try? Cells.orderNumber(cell, column: "订单编号")).flatMap(OrderKey.init))
            }
        }
    }

    /// The second half, handed back across threads (written before `done` is left).
    private final class SecondHalf: @unchecked Sendable {
        var result: Result<Part, InterchangeError>?
    }
}
