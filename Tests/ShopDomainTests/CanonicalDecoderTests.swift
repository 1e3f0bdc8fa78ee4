import Foundation
import Testing
@testable import ShopDomain

@Suite("Canonical JSON: the fast decoder reads what JSONDecoder reads, or leaves the payload to it")
struct CanonicalDecoderTests {
    func same<T: Codable & Equatable>(_ value: T) throws {
        let text = CanonicalJSON.encode(value)
        let fast = try CanonicalDecoder.decode(T.self, from: text)
        #expect(fast == value)
        #expect(try fast == JSONDecoder().decode(T.self, from: Data(text.utf8)))
    }

    @Test("every payload kind, with awkward text", arguments: CanonicalJSONTests.texts)
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
        try same(StockAdjusted(sku: SKU(rawValue: text), location: LocationCode(rawValue: "A-01-1"), delta: -3, reason: text))
        try same(["k": [1, 2, 3]])
        try same([String: String]())
    }

    static let other = [
        #"{"delta":1,"location":"A","reason":"r","sku":"S"}"#,
        #" { "delta" : 1 ,"location":"A","reason":"r","sku":"S" } "#,
        #"{"delta":1,"extra":[1,{"a":null},true],"location":"A","reason":"r","sku":"S"}"#,
        #"{"delta":1,"location":"A\/B","reason":"\u00e9\ud83d\ude00\n\"","sku":"S"}"#,
        #"{"delta":1.0,"location":"A","reason":"r","sku":"S"}"#,
        #"{"delta":1e2,"location":"A","reason":"r","sku":"S"}"#,
        #"{"delta":-0,"location":"A","reason":"r","sku":"S"}"#,
        #"{"delta":01,"location":"A","reason":"r","sku":"S"}"#,
        #"{"delta":99999999999999999999,"location":"A","reason":"r","sku":"S"}"#,
        #"{"delta":1,"delta":2,"location":"A","reason":"r","sku":"S"}"#,
        #"{"delta":1,"location":"A","reason":"r"}"#,
        #"{"delta":"1","location":"A","reason":"r","sku":"S"}"#,
        #"{"delta":null,"location":"A","reason":"r","sku":"S"}"#,
        #"{"delta":1,"location":"A","reason":"\ud83d","sku":"S"}"#,
        #"{"delta":1,"location":"A","reason":"r","sku":"S"} x"#,
        "{\"delta\":1,\"location\":\"A\",\"reason\":\"tab\there\",\"sku\":\"S\"}",
        "", "[]", "null", "{", #"{"delta":1,}"#,
    ]

    @Test("other JSON: the same value or the same error as JSONDecoder", arguments: other)
    func others(text: String) throws {
        let op = Op(deviceID: DeviceID(rawValue: "d"), deviceSeq: 1, hlc: .zero, actor: StaffID(rawValue: "a"), kind: StockAdjusted.kind,
                    version: StockAdjusted.version, payload: text, prevHash: Op.genesisHash, hash: "")
        let foundation = Result { try JSONDecoder().decode(StockAdjusted.self, from: Data(text.utf8)) }
        switch (Result { try op.decode(StockAdjusted.self) }, foundation) {
        case (.success(let ours), .success(let theirs)):
            #expect(ours == theirs)
        case (.failure(let ours), .failure(let theirs)):
            #expect(ours as? PayloadError == .undecodable(kind: StockAdjusted.kind, reason: String(describing: theirs)))
        default:
            Issue.record("decoders disagree on \(text)")
        }
        if let fast = try? CanonicalDecoder.decode(StockAdjusted.self, from: text) {
            #expect(try fast == foundation.get())
        }
    }
}
