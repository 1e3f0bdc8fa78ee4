import Foundation
import Testing
@testable import Interchange

@Suite struct CSVStreamTests {
    static let tricky = "a,b\r\n\"x\"\"y\",\"1\r\n2\"\r\n\r\n=\"1930000000000001\",\"中文,逗号\"\nlast,\"多\n行\n留言\"\r\nend"

    @Test("quotes, CRLF and LF, embedded line breaks, blank lines and = wrappers, with physical lines")
    func splitsRecords() throws {
        let records = try Fixtures.records(Fixtures.stream(Self.tricky))
        #expect(records == [
            .init(line: 1, fields: ["a", "b"]),
            .init(line: 2, fields: ["x\"y", "1\r\n2"]),
            .init(line: 4, fields: [""]),
            .init(line: 5, fields: ["=\"1930000000000001\"", "中文,逗号"]),
            .init(line: 6, fields: ["last", "多\n行\n留言"]),
            .init(line: 9, fields: ["end"]),
        ])
    }

    @Test("any chunk size gives the same records, in UTF-8, UTF-8 with BOM and GB18030",
          arguments: [1, 2, 3, 5, 7, 64, 65536])
    func chunkSizesAgree(chunkSize: Int) throws {
        let expected = try Fixtures.records(Fixtures.stream(Self.tricky))
        #expect(try Fixtures.records(Fixtures.stream(Self.tricky, chunkSize: chunkSize)) == expected)
        #expect(try Fixtures.records(Fixtures.stream(Self.tricky, chunkSize: chunkSize, bom: true)) == expected)
        #expect(try Fixtures.records(Fixtures.stream(Self.tricky, chunkSize: chunkSize, encoding: Fixtures.gb18030)) == expected)
        for name in ["ExportOrderList_SYNTHETIC_gbk.csv", "ExportOrderList_bad_rows_gbk.csv", "ExportOrderList_excel_utf8bom.csv"] {
            let whole = try Fixtures.records(CSVStream(path: Fixtures.path(name)))
            #expect(try Fixtures.records(CSVStream(path: Fixtures.path(name), chunkSize: chunkSize)) == whole)
        }
    }

    @Test("the encoding is detected: GB18030 exports, UTF-8 with and without BOM")
    func detectsEncodings() throws {
        var gbk = try CSVStream(path: Fixtures.path("ExportOrderList_SYNTHETIC_gbk.csv"))
        #expect(try gbk.next()?.fields.first == "订单编号")
        #expect(gbk.encoding == .gb18030)
        var bom = try CSVStream(path: Fixtures.path("ExportOrderList_excel_utf8bom.csv"))
        #expect(try bom.next()?.fields.first == "订单编号")
        #expect(bom.encoding == .utf8BOM)
        var utf8 = try CSVStream(path: Fixtures.path("ExportOrderList_header_41col_2016.csv"))
        #expect(try utf8.next()?.fields.count == 41)
        #expect(utf8.encoding == .utf8)
    }

    @Test("a UTF-8 character cut at the end of the detection sample still counts as UTF-8")
    func cutCharacter() throws {
        let zhong: [UInt8] = Array("中".utf8)
        #expect(TextDecoding.detect(sample: [0x61] + zhong + zhong.prefix(2), atEnd: false) == .utf8)
        #expect(TextDecoding.detect(sample: [0x61] + zhong + zhong.prefix(2), atEnd: true) == .gb18030)
        #expect(TextDecoding.detect(sample: Array("订单".data(using: Fixtures.gb18030)!), atEnd: true) == .gb18030)
        // A real file whose first 64 KiB end inside a character.
        let head = "中,b\n"
        var text = head + String(repeating: "x", count: CSVStream.detectionSize - head.utf8.count - 2) + ",中\n"
        text += String(repeating: "中文,行\n", count: 10)
        let records = try Fixtures.records(Fixtures.stream(text))
        #expect(records.count == 12)
        #expect(records[1].fields.last == "中")
    }

    @Test("ASCII before the first Chinese text does not decide the encoding")
    func asciiFirst() throws {
        let text = "waybill,amount,origin\n" + String(repeating: "SF1,1.00,x\n", count: 10_000) + "SF2,2.00,上海\n"
        var stream = Fixtures.stream(text, encoding: Fixtures.gb18030)
        var last: CSVReader.Record?
        while let record = try stream.next() { last = record }
        #expect(last == .init(line: 10_002, fields: ["SF2", "2.00", "上海"]))
        #expect(stream.encoding == .gb18030)
    }

    @Test("an unterminated quote names the line its record starts on, after the records before it",
          arguments: [1, 4, 65536])
    func unterminatedQuote(chunkSize: Int) throws {
        var stream = Fixtures.stream("a,b\n1,2\n3,\"never\nclosed\n", chunkSize: chunkSize)
        #expect(try stream.next()?.line == 1)
        #expect(try stream.next()?.line == 2)
        #expect(throws: InterchangeError.unterminatedQuote(file: "t.csv", line: 3)) { try stream.next() }
    }

    @Test("UTF-16 and binary files are refused")
    func refusesUTF16() throws {
        var utf16 = CSVStream(data: "a,b\n".data(using: .utf16LittleEndian)!, file: "u.csv")
        #expect(throws: InterchangeError.unsupportedEncoding(file: "u.csv")) { try utf16.next() }
        var bom16 = CSVStream(data: Data([0xFF, 0xFE, 0x61, 0x00]), file: "u.csv")
        #expect(throws: InterchangeError.unsupportedEncoding(file: "u.csv")) { try bom16.next() }
    }

    @Test("bytes that are not text in the file's encoding name their line")
    func undecodable() throws {
        var data = Data([0xEF, 0xBB, 0xBF] + Array("a,b\n中,文\n\"x\ny\",".utf8))
        data.append(contentsOf: [0xB6, 0xA9, 0x0A])
        var stream = CSVStream(data: data, file: "t.csv", chunkSize: 4)
        #expect(try stream.next()?.fields == ["a", "b"])
        #expect(try stream.next()?.fields == ["中", "文"])
        #expect(throws: InterchangeError.undecodableText(file: "t.csv", line: 3, encoding: "UTF-8 BOM")) { try stream.next() }
    }

    @Test("an empty file has no header")
    func emptyFile() {
        #expect(throws: InterchangeError.emptyFile(file: "t.csv")) {
            try TaobaoOrderReader(stream: Fixtures.stream("\r\n\r\n"), zone: Fixtures.shanghai)
        }
    }

    @Test("a missing file is unreadable, named")
    func missingFile() {
        #expect(throws: InterchangeError.unreadable(file: "nope.csv")) { try CSVStream(path: "/nonexistent/nope.csv") }
    }

    @Test("CSVReader over text still works as before")
    func textReader() {
        var reader = CSVReader(text: "a,b\r\n\"x\"\"y\",\"1\n2\"\r\nlast,\n", file: "t.csv")
        #expect(reader.next() == .init(line: 1, fields: ["a", "b"]))
        #expect(reader.next() == .init(line: 2, fields: ["x\"y", "1\n2"]))
        #expect(reader.next() == .init(line: 4, fields: ["last", ""]))
        #expect(reader.next() == nil)
        #expect(reader.error == nil)
        var broken = CSVReader(text: "a\n\"b\n", file: "t.csv")
        #expect(broken.next()?.line == 1)
        #expect(broken.next() == nil)
        #expect(broken.error == .unterminatedQuote(file: "t.csv", line: 2))
    }

    @Test("a 20,000-order GB18030 file streams with the right line numbers")
    func largeFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        var text = "\"订单编号\",\"买家留言\",\"收货地址\"\r\n"
        for i in 0..<20_000 {
            let message = i % 100 == 0 ? "请周末送货,\n不要放快递柜" : ""
            text += "=\"\(2_345_000_000_000_000_000 + i)\",\"\(message)\",\"上海 上海市 闵行区 某路\(i)号(201199)\"\r\n"
        }
        try text.data(using: Fixtures.gb18030)!.write(to: url)
        var stream = try CSVStream(path: url.path)
        var count = 0
        var last: CSVReader.Record?
        while let record = try stream.next() {
            count += 1
            last = record
        }
        #expect(count == 20_001)
        #expect(last?.line == 20_001 + 200)
        #expect(last?.fields[2] == "上海 上海市 闵行区 某路19999号(201199)")
    }
}
