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
