import Foundation
import Testing
@testable import ShopDomain

@Suite("Canonical JSON: the fast encoder writes exactly what JSONEncoder writes")
struct CanonicalJSONTests {
    static let texts = ["", "刘芬", "a\"b\\c/d", "line\nbreak\r\ttab", "\u{08}\u{0C}\u{01}\u{1F}", "emoji 👨‍👩‍👧 ❤️", "e\u{301}",
                        "全角，标点！", "\u{2028}\u{2029}", "'single'", "<>&", "\u{7F}", "１２.５０"]

    func same<T: Encodable>(_ value: T) throws {
        #expect(try CanonicalEncoder.encode(value) == CanonicalJSON.foundationEncode(value))
    }

    @Test("every payload kind, with awkward text", arguments: texts)
    func payloads(text: String) throws {
        let staff = StaffID(rawValue: text)
        try same(StaffAdded(staff: staff, name: text, roles: [.csAgent, .shipper], gender: .female, birthDate: CivilDate("1990-01-02")))
        try same(StaffAdded(staff: staff, name: text, roles: []))
        try same(PolicySet(key: text, value: text, effectiveFrom: CivilDate("2026-12-01")!))
        try same(ProductAdded(product: Product(sku: SKU(rawValue: "A-1"), name: text, colour: text, size: "M", category: text,
                                               barcode: nil, cost: Money(fen: -5), price: Money(fen: 12_345))))
        try same(ReceiptCreated(receipt: text, vendor: text, lines: [.init(sku: SKU(rawValue: text), expected: 3),
                                                                     .init(sku: SKU(rawValue: "B"), expected: 1, location: LocationCode(rawValue: "A-01-1"))]))
        try same(CountEntered(count: text, sku: SKU(rawValue: "A"), location: LocationCode(rawValue: "A-01-1"), quantity: Int.max))
        try same(ShiftEnded(shift: text, figures: [HandoverFigure(key: text, zh: text, en: text, count: -1, examples: [text, ""])],
                            openItems: [], note: nil))
        try same(RosterPlanned(week: ISOWeek("2026-W49")!, entries: [.init(day: CivilDate("2026-11-30")!, staff: staff, template: nil),
                                                                   .init(day: CivilDate("2026-12-01")!, staff: staff, template: .csLate)], cleaning: []))
        try same(ConflictResolved(device: DeviceID(rawValue: text), seq: Int64.min, keep: .op, note: text))
        try same(["k": [1, 2, 3]])
        try same([String: String]())
    }
}

@Suite("CanonicalJSONWriter: payloads that write their own JSON, byte for byte JSONEncoder's")
struct CanonicalJSONWriterTests {
    static let texts = ["", "普通文字", "quote \" and \\ backslash", "line\nbreak\r\ttab", "\u{01}\u{1F}\u{7F}", "emoji 👕", "'single' <>&",
                        "全角，标点！", "\u{2028}\u{2029}"]

    static func snapshot(_ text: String, _ n: Int) -> OrderSnapshot {
        let optional: String? = n % 2 == 0 ? text : nil
        let lines = (0..<(n % 3)).map { i in
            OrderLine(title: text + "\(i)", attributes: "颜色分类：\(text);尺码：XL", colour: optional, size: n % 4 == 0 ? nil : "XL",
                      quantity: i + 1, price: Money(fen: Int64(i) * 1_999 - (n % 5 == 0 ? 7 : 0)), merchantCode: optional,
                      sku: n % 3 == 1 ? nil : SKU(rawValue: "AF-\(i)"))
        }
        return OrderSnapshot(
            order: OrderID(rawValue: "23450000000000\(n)"), buyer: optional, status: OrderStatus.allCases[n % OrderStatus.allCases.count],
            closeReason: n % 3 == 0 ? text : nil, refunded: n % 2 == 1, goodsTotal: Money(fen: Int64(n) * 12_345), postage: .zero,
            total: Money(fen: Int64.max - Int64(n)), paid: Money(fen: Int64.min + Int64(n)), buyerMessage: optional, consignee: text,
            phone: n % 4 == 1 ? nil : "130\(n)", address: text + "(100000)", postcode: optional, createdAt: 1_796_176_406_540 + Int64(n),
            paidAt: n % 2 == 0 ? nil : -Int64(n), sellerRemark: optional, lines: lines)
    }

    @Test("order.imported with every optional present and absent, and awkward text", arguments: texts)
    func orderImported(text: String) {
        for n in 0..<12 {
            let payload = OrderImported(order: Self.snapshot(text, n))
            #expect(CanonicalJSON.encode(payload) == CanonicalJSON.foundationEncode(payload))
        }
    }
}
