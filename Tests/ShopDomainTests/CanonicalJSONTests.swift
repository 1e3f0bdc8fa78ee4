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
