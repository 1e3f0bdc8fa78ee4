import Foundation
import ShopDomain
@testable import Interchange

enum Fixtures {
    static func path(_ name: String) -> String {
        Bundle.module.path(forResource: "Fixtures/\(name)", ofType: nil)!
    }

    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)
    static let shanghai = try! ShopZone("Asia/Shanghai")

    /// `2016-05-23 22:02:11` in Shanghai as an instant.
    static func shanghai(_ text: String) -> Date {
        WallClock(zone: shanghai).instant(text)!
    }

    /// Every record of a stream.
    static func records(_ stream: CSVStream) throws -> [CSVReader.Record] {
        var stream = stream
        var records: [CSVReader.Record] = []
        while let record = try stream.next() { records.append(record) }
        return records
    }

    static func stream(_ text: String, chunkSize: Int = CSVStream.defaultChunkSize, encoding: String.Encoding = .utf8,
                       bom: Bool = false) -> CSVStream {
        var data = Data(bom ? [0xEF, 0xBB, 0xBF] : [])
        data.append(text.data(using: encoding)!)
        return CSVStream(data: data, file: "t.csv", chunkSize: chunkSize)
    }
}
