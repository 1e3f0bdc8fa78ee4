import Foundation
import ShopDomain

/// Printing: human tables by default, JSON with `--json`.
enum Output {
    static func json<T: Encodable>(_ value: T) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Output types are plain values: encoding cannot fail.
        let data = try! encoder.encode(value)
        print(String(decoding: data, as: UTF8.self))
    }

    static func table(_ table: TextTable) {
        print(table.render(), terminator: "")
    }

    static func line(_ text: String) {
        print(text)
    }
}
