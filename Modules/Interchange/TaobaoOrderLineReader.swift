import Foundation
import ShopDomain

/// Reads the seller centre's detail export (宝贝报表, `ExportOrderDetailList….csv`) row by row,
/// yielding a `TaobaoOrderLine` or a row error naming `file:line`. Columns by header name;
/// required: 订单编号, 标题, 价格, 购买数量.
public struct TaobaoOrderLineReader: RowStream {
    static let fields: [HeaderMap.Field] = [
        .init("订单编号", aliases: [], required: true), .init("标题", aliases: ["宝贝标题"], required: true),
        .init("价格", aliases: [], required: true), .init("购买数量", aliases: [], required: true),
        .init("外部系统编号", aliases: [], required: false), .init("商品属性", aliases: [], required: false),
        .init("套餐信息", aliases: [], required: false), .init("备注", aliases: [], required: false),
        .init("订单状态", aliases: [], required: false), .init("商家编码", aliases: [], required: false),
    ]

    private(set) var rows: MappedRows

    /// Opens an export and reads its header. `file` names it in errors; `chunkSize` is for tests.
    public init(path: String, file: String? = nil, chunkSize: Int = CSVStream.defaultChunkSize) throws(InterchangeError) {
        try self.init(stream: CSVStream(path: path, file: file, chunkSize: chunkSize))
    }

    public init(stream: CSVStream) throws(InterchangeError) {
        rows = try MappedRows(stream: stream, fields: Self.fields)
    }

    public var file: String { rows.file }
    public var encoding: TextDecoding.Encoding? { rows.encoding }

    /// The next data row, parsed or refused; nil at the end. Throws only for a broken file.
    public mutating func next() throws(InterchangeError) -> RowResult<TaobaoOrderLine>? {
        try rows.next(Self.parse)
    }

    static func parse(_ record: CSVReader.Record, _ c: HeaderMap) throws(RowProblem) -> TaobaoOrderLine {
        func value(_ name: String) -> String? { c.value(name, in: record) }
        let number = try Cells.orderNumber(value("订单编号"), column: "订单编号")
        guard let title = value("标题") else { throw .missing(column: "标题") }
        guard let price = try Cells.money(value("价格"), column: "价格") else { throw .missing(column: "价格") }
        guard let quantity = try Cells.count(value("购买数量"), column: "购买数量") else { throw .missing(column: "购买数量") }
        var status: TaobaoOrderStatus?
        if let text = value("订单状态") {
            guard let known = TaobaoOrderStatus(taobaoText: text) else { throw .unknownStatus(column: "订单状态", text: text) }
            status = known
        }
        return TaobaoOrderLine(
            orderNumber: number, title: title, price: price, quantity: quantity,
            attributes: TaobaoOrderLine.parseAttributes(value("商品属性") ?? ""),
            packageInfo: value("套餐信息"), remark: value("备注"), status: status,
            merchantCode: Cells.text(Cells.unwrap(value("商家编码") ?? "")),
            externalID: Cells.text(Cells.unwrap(value("外部系统编号") ?? "")), line: record.line)
    }
}

extension TaobaoOrderLineReader {
    /// A whole detail export, every row parsed or refused, in the file's order — the same as
    /// reading it row by row, but a file of at least `splitAt` bytes is read by two threads, each
    /// from one half (issue 20: the order import cannot apply an order before the whole detail
    /// export is read, so its other core would wait). The second half starts at the first record
    /// after the middle, found by the splitter's own states, with the encoding and the header
    /// columns the first half found; its rows keep their lines in the whole file. A file whose
    /// middle no record starts after (a quote open to the end) is read by one thread.
    /// Throws what reading row by row would throw first.
    public static func readAll(path: String, file: String? = nil, splitAt: Int = 1 << 20)
        throws(InterchangeError) -> (rows: [TaobaoOrderLine], errors: [InterchangeError.RowError]) {
        let name = file ?? (path as NSString).lastPathComponent
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size >= max(2, splitAt), ProcessInfo.processInfo.activeProcessorCount > 1,
              let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else {  // read, not mapped: a file cut short meanwhile is an error, not SIGBUS
            var reader = try TaobaoOrderLineReader(path: path, file: name)
            return try reader.readAll()
        }
        let start = data.withUnsafeBytes { raw in
            CSVSplitter.recordStart(in: raw.bindMemory(to: UInt8.self), atOrAfter: data.count / 2)
        }
        // The first half's header decides the encoding (from its first 64 KiB, as row by row).
        var first = try TaobaoOrderLineReader(stream: CSVStream(source: .memory(start.map { data[..<$0.offset] } ?? data, offset: 0),
                                                                file: name, chunkSize: CSVStream.defaultChunkSize, encoding: nil))
        guard let start else { return try first.readAll() }
        guard let encoding = first.encoding else {
            var reader = try TaobaoOrderLineReader(path: path, file: name)
            return try reader.readAll()
        }
        let second = Half()
        let done = DispatchGroup()
        let columns = first.rows.columns, headerLine = first.rows.headerLine
        DispatchQueue.global(qos: .userInitiated).async(group: done) {
            let stream = CSVStream(source: .memory(data[start.offset...], offset: 0), file: name, chunkSize: CSVStream.defaultChunkSize,
                                   encoding: encoding, line: start.line)
            var reader = TaobaoOrderLineReader(rows: MappedRows(continuing: stream, columns: columns, headerLine: headerLine))
            second.result = Result { () throws(InterchangeError) in try reader.readAll() }
        }
        let head: (rows: [TaobaoOrderLine], errors: [InterchangeError.RowError])
        do {
            head = try first.readAll()
        } catch {
            done.wait()
            throw error
        }
        done.wait()
        let tail = try second.result!.get()
        return (head.rows + tail.rows, head.errors + tail.errors)
    }

    private init(rows: MappedRows) {
        self.rows = rows
    }

    /// The second half's rows, handed back across threads (written before `done` is left).
    private final class Half: @unchecked Sendable {
        var result: Result<(rows: [TaobaoOrderLine], errors: [InterchangeError.RowError]), InterchangeError>?
    }
}
