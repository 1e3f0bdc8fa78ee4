import Foundation
import ShopDomain

/// Reads the seller centre's order export (订单报表, `ExportOrderList….csv`) row by row in bounded
/// memory, yielding a `TaobaoOrder` or a row error naming `file:line` for each data row.
///
/// Columns are found by header name (trailing spaces ignored): the column set changed across the
/// years (41, 44, 45, 54 columns), so added columns are ignored and optional ones may be missing.
/// Required: 订单编号, 订单状态, 收货人姓名, 收货地址, 订单创建时间, 总金额, 买家实际支付金额 — a file
/// without one of them is refused, naming it. Works on the original export (GB18030, `="…"`
/// numbers) and on a copy re-saved by Excel (UTF-8 with BOM, `2016/5/23 22:02` times), except
/// that order numbers Excel turned into `1.93E+18` are refused row by row (digits lost).
///
///     var reader = try TaobaoOrderReader(path: path, zone: zone)
///     while let row = try reader.next() {
///         switch row { case .success(let order): …; case .failure(let bad): … }
///     }
public struct TaobaoOrderReader: RowStream {
    static let fields: [HeaderMap.Field] = [
        required("订单编号"), required("订单状态"), required("收货人姓名"), required("收货地址"),
        required("订单创建时间"), required("总金额"), required("买家实际支付金额"),
        optional("买家会员名"), optional("买家支付宝账号"), optional("买家应付货款"), optional("买家应付邮费"),
        optional("退款金额"), optional("买家服务费"), optional("订单关闭原因"), optional("买家留言"),
        optional("联系手机"), optional("联系电话"), optional("订单付款时间"), optional("确认收货时间"),
        .init("支付交易号", aliases: ["支付单号"], required: false),
        optional("物流单号"), optional("物流公司"), optional("订单备注"), optional("宝贝标题"),
        optional("宝贝总数量"), optional("店铺名称"),
    ]

    private static func required(_ name: String) -> HeaderMap.Field { .init(name, aliases: [], required: true) }
    private static func optional(_ name: String) -> HeaderMap.Field { .init(name, aliases: [], required: false) }

    private var rows: MappedRows
    private let clock: WallClock

    /// Opens an export and reads its header. `file` names it in errors (default: the file name);
    /// `chunkSize` is for tests.
    public init(path: String, zone: ShopZone, file: String? = nil,
                chunkSize: Int = CSVStream.defaultChunkSize) throws(InterchangeError) {
        try self.init(stream: CSVStream(path: path, file: file, chunkSize: chunkSize), zone: zone)
    }

    /// Reads from a stream already open (bytes in memory, a test).
    public init(stream: CSVStream, zone: ShopZone) throws(InterchangeError) {
        rows = try MappedRows(stream: stream, fields: Self.fields)
        clock = WallClock(zone: zone)
    }

    /// The name used in errors.
    public var file: String { rows.file }
    /// The file's encoding, once known.
    public var encoding: TextDecoding.Encoding? { rows.encoding }
    /// Whether the export has a column (by its header name), e.g. 退款金额 in newer exports.
    public func hasColumn(_ name: String) -> Bool { rows.columns.has(name) }

    /// The next data row, parsed or refused; nil at the end. Throws only for a broken file.
    public mutating func next() throws(InterchangeError) -> RowResult<TaobaoOrder>? {
        let clock = clock
        return try rows.next { (record, columns) throws(RowProblem) in
            try Self.parse(record, columns, clock)
        }
    }

    static func parse(_ record: CSVReader.Record, _ c: HeaderMap, _ clock: WallClock) throws(RowProblem) -> TaobaoOrder {
        func value(_ name: String) -> String? { c.value(name, in: record) }
        func needed(_ name: String) throws(RowProblem) -> String {
            guard let text = value(name) else { throw .missing(column: name) }
            return text
        }
        func money(_ name: String) throws(RowProblem) -> Money? { try Cells.money(value(name), column: name) }
        func time(_ name: String) throws(RowProblem) -> Date? { try clock.parse(value(name), column: name) }
        func phone(_ name: String) -> String? { Cells.text(Cells.unwrap(value(name) ?? "")) }

        let number = try Cells.orderNumber(value("订单编号"), column: "订单编号")
        let statusText = try needed("订单状态")
        guard let status = TaobaoOrderStatus(taobaoText: statusText) else {
            throw .unknownStatus(column: "订单状态", text: statusText)
        }
        let consignee = try needed("收货人姓名")
        let (address, postcode) = Cells.splitPostcode(try needed("收货地址"))
        guard let createdAt = try time("订单创建时间") else { throw .missing(column: "订单创建时间") }
        guard let total = try money("总金额") else { throw .missing(column: "总金额") }
        let closeReason = value("订单关闭原因").flatMap { $0 == "订单未关闭" ? nil : $0 }
        return TaobaoOrder(
            number: number, buyer: value("买家会员名"), alipayAccount: value("买家支付宝账号"),
            goodsTotal: try money("买家应付货款"), postage: try money("买家应付邮费"), total: total,
            paid: try money("买家实际支付金额") ?? .zero, refund: try money("退款金额"),
            buyerServiceFee: try money("买家服务费"), status: status, statusText: statusText,
            closeReason: closeReason, buyerMessage: value("买家留言"), consignee: consignee,
            address: address, postcode: postcode, mobile: phone("联系手机"), landline: phone("联系电话"),
            createdAt: createdAt, paidAt: try time("订单付款时间"), confirmedAt: try time("确认收货时间"),
            paymentNumber: (try? Cells.code(value("支付交易号"), column: "支付交易号")) ?? nil,
            waybill: try Cells.code(value("物流单号"), column: "物流单号"), courier: value("物流公司"),
            sellerRemark: value("订单备注"), titles: value("宝贝标题"),
            itemCount: try Cells.count(value("宝贝总数量"), column: "宝贝总数量"), shopName: value("店铺名称"),
            line: record.line)
    }
}
