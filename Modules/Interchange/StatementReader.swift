import ShopDomain

/// Reads a courier's monthly statement (对账单) CSV — UTF-8, UTF-8 with BOM or GB18030 — row by
/// row, yielding a `StatementLine` or a row error naming `file:line`, for the month-end
/// reconciliation (LOG-11). Couriers name their columns in many ways; SF's statement has
/// 运单号码, 寄件地区, 到件地区, 计费重量, 应付金额, 服务. Required: the waybill and the amount.
/// Up to five title rows above the header are passed over; total rows (合计, 总计, 小计) are skipped.
public struct StatementReader: RowStream {
    static let fields: [HeaderMap.Field] = [
        .init("waybill", aliases: ["运单号码", "运单号", "快递单号", "工作单号", "详情单号"], required: true),
        .init("amount", aliases: ["应付金额", "金额", "运费", "费用", "结算金额"], required: true),
        .init("weight", aliases: ["计费重量", "重量", "结算重量"], required: false),
        .init("date", aliases: ["寄件日期", "发件日期", "揽收日期", "日期"], required: false),
        .init("origin", aliases: ["寄件地区", "始发地"], required: false),
        .init("destination", aliases: ["到件地区", "目的地", "收件地区"], required: false),
        .init("service", aliases: ["服务", "产品类型"], required: false),
    ]
    static let totalWords = ["合计", "总计", "小计"]

    private var rows: MappedRows

    /// Opens a statement and finds its header. `file` names it in errors; `chunkSize` is for tests.
    public init(path: String, file: String? = nil, chunkSize: Int = CSVStream.defaultChunkSize) throws(InterchangeError) {
        try self.init(stream: CSVStream(path: path, file: file, chunkSize: chunkSize))
    }

    public init(stream: CSVStream) throws(InterchangeError) {
        rows = try MappedRows(stream: stream, fields: Self.fields, titleRows: 5)
    }

    public var file: String { rows.file }
    public var encoding: TextDecoding.Encoding? { rows.encoding }

    /// The next charged waybill, parsed or refused; nil at the end. Throws only for a broken file.
    public mutating func next() throws(InterchangeError) -> RowResult<StatementLine>? {
        while let record = try rows.next() {
            if isTotal(record) { continue }
            do {
                return .success(try Self.parse(record, rows.columns))
            } catch {
                return .failure(InterchangeError.RowError(file: file, line: record.line, error))
            }
        }
        return nil
    }

    /// A total row: its waybill cell is empty or a total word, and a cell starts with one.
    private func isTotal(_ record: CSVReader.Record) -> Bool {
        func isTotalWord(_ text: String) -> Bool { Self.totalWords.contains { text.trimmingWhitespace().hasPrefix($0) } }
        if let waybill = rows.columns.value("waybill", in: record), !isTotalWord(waybill) { return false }
        return record.fields.contains(where: isTotalWord)
    }

    static func parse(_ record: CSVReader.Record, _ c: HeaderMap) throws(RowProblem) -> StatementLine {
        func value(_ key: String) -> String? { c.value(key, in: record) }
        func name(_ key: String) -> String { c.header(key) ?? key }
        guard let waybill = try Cells.code(value("waybill"), column: name("waybill")) else { throw .missing(column: name("waybill")) }
        guard let amount = try Cells.money(value("amount"), column: name("amount"), allowNegative: true) else {
            throw .missing(column: name("amount"))
        }
        var grams: Int?
        if let text = value("weight") {
            guard let parsed = StatementLine.parseGrams(text) else {
                // Digits beyond what `parseGrams` reads are a weight too large, not "not a weight" (issue 19).
                let digits = text.trimmingWhitespace()
                if Cells.isDigits(digits) { throw .tooLarge(column: name("weight"), text: text, limit: "\(InputLimits.grams / 1000) kg") }
                throw .badWeight(column: name("weight"), text: text)
            }
            // Issue 19: a parcel weighs at most `InputLimits.grams`.
            guard parsed <= InputLimits.grams else {
                throw .tooLarge(column: name("weight"), text: text, limit: "\(InputLimits.grams / 1000) kg")
            }
            grams = parsed
        }
        return StatementLine(waybill: waybill, weightGrams: grams, amount: amount,
                             date: try Cells.civilDate(value("date"), column: name("date")), origin: value("origin"),
                             destination: value("destination"), service: value("service"), line: record.line)
    }
}
