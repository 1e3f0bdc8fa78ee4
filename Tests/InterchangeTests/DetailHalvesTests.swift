import Foundation
import ShopDomain
import Testing
@testable import Interchange

/// Issue 20: `TaobaoDetailExport` reads a large detail export on two threads, one half each, and
/// parses each order's rows when they are asked for; whatever the file holds, it must give what
/// reading row by row gives — the same rows with the same lines, the same refusals in the same
/// order, the same error for a broken file.
@Suite struct DetailHalvesTests {
    /// A detail export whose rows vary in everything the splitter tracks: quoted titles with CRLF,
    /// LF and lone-CR line breaks inside, `""` escapes, `="…"` numbers, refused rows, blank rows;
    /// `shift` pads the first row so that the middle of the file falls somewhere else each time.
    static func export(rows: Int, shift: Int, lineEnd: String = "\r\n") -> String {
        var text = "\"订单编号\",\"标题\",\"价格\",\"购买数量\",\"外部系统编号\",\"商品属性\",\"套餐信息\",\"备注\",\"订单状态\",\"商家编码\"" + lineEnd
        for n in 0..<rows {
            let number = "=\"\(2_345_000_000_000_000_000 + n)\""
            let title: String
            switch n % 7 {
            case 0: title = "\"纯棉T恤\(String(repeating: "长", count: n == 0 ? shift : 0))\""
            case 1: title = "\"多行\r\n标题 \(n)\""
            case 2: title = "\"示例保温杯 \"\"大容量\"\" 500ml\""
            case 3: title = "\"换行\n再换\r行\""
            default: title = "\"连衣裙\(n)\""
            }
            let quantity = n % 11 == 5 ? "\"零\"" : "\"\(1 + n % 3)\""  // refused: not a count
            text += "\(number),\(title),\"59.00\",\(quantity),\"\",\"颜色分类：白色;尺码：M\",\"\",\"\",\"买家已付款，等待卖家发货\",\"SKU-\(n % 5)\"" + lineEnd
            if n % 13 == 12 { text += lineEnd }  // a blank row
        }
        return text
    }

    static func write(_ text: String, gb18030: Bool) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("halves-\(UUID().uuidString).csv").path
        let data = gb18030 ? text.data(using: Fixtures.gb18030)! : Data([0xEF, 0xBB, 0xBF]) + text.data(using: .utf8)!
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    static func rowByRow(_ path: String) throws(InterchangeError) -> (rows: [TaobaoOrderLine], errors: [InterchangeError.RowError]) {
        var reader = try TaobaoOrderLineReader(path: path)
        return try reader.readAll()
    }

    @Test("two halves read what one reader reads, wherever the middle falls, in GB18030 and UTF-8",
          arguments: [false, true])
    func sameAsRowByRow(gb18030: Bool) throws {
        for shift in [0, 1, 2, 3, 5, 8, 13, 21, 34, 55] {
            let path = try Self.write(Self.export(rows: 300, shift: shift), gb18030: gb18030)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let expected = try Self.rowByRow(path)
            let halves = try TaobaoDetailExport.read(path: path, splitAt: 1).all()
            #expect(halves.rows == expected.rows, "shift \(shift)")
            #expect(halves.errors == expected.errors, "shift \(shift)")
            #expect(expected.rows.count > 250 && expected.errors.count > 20)
            #expect(expected.rows.last?.line ?? 0 > 400)  // multi-line titles and blank rows move the lines on
        }
    }

    @Test("each order's rows taken one order at a time, and the rest refused, are what row by row reads",
          arguments: [false, true])
    func takenByOrder(gb18030: Bool) throws {
        let path = try Self.write(Self.export(rows: 300, shift: 3), gb18030: gb18030)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let expected = try Self.rowByRow(path)
        var export = try TaobaoDetailExport.read(path: path, splitAt: 1)
        // Ask for every other order (and one the file does not hold); the others are the rest.
        let numbers = Array(Set(expected.rows.map(\.orderNumber))).sorted()
        var taken: [TaobaoOrderLine] = [], refused: [InterchangeError.RowError] = []
        for number in numbers.enumerated().filter({ $0.offset % 2 == 0 }).map(\.element) + ["2345999999999999999"] {
            let order = try export.take(number)
            #expect(order.lines.allSatisfy { $0.orderNumber == number })
            #expect(order.lines.map(\.line) == order.lines.map(\.line).sorted())
            taken += order.lines
            refused += order.refused
        }
        #expect(try export.take(numbers[0]).lines == expected.rows.filter { $0.orderNumber == numbers[0] })  // asked twice: the same lines
        let asked = Set(numbers.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        #expect(Set(taken.map(\.line)) == Set(expected.rows.filter { asked.contains($0.orderNumber) }.map(\.line)))
        let rest = try export.refusedRest()
        #expect(rest == rest.sorted { $0.line < $1.line })
        #expect((refused + rest).sorted { $0.line < $1.line } == expected.errors)
    }

    @Test("order numbers are told apart by every digit: leading zeros, 16 to 19 digits, the largest 19")
    func orderKeys() throws {
        let numbers = ["0000000000000001", "00000000000000001", "000000000000000001", "1000000000000000",
                       "9999999999999999999", "9999999999999999998", "18446744073709551615"]  // the last is 20 digits: no order number
        var text = "订单编号,标题,价格,购买数量\r\n"
        for (index, number) in numbers.enumerated() {
            for copy in 0..<2 { text += "=\"\(number)\",杯子\(index)-\(copy),5,1\r\n" }
        }
        let path = try Self.write(text, gb18030: false)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for splitAt in [1, 1 << 30] {
            var export = try TaobaoDetailExport.read(path: path, splitAt: splitAt)
            for (index, number) in numbers.dropLast().enumerated() {
                #expect(try export.take(number).lines.map(\.title) == ["杯子\(index)-0", "杯子\(index)-1"], "\(number), splitAt \(splitAt)")
            }
            #expect(try export.take(numbers.last!).lines.isEmpty)
            #expect(try export.take("1").lines.isEmpty && export.take("").lines.isEmpty)
            #expect(try export.refusedRest().map(\.line) == [14, 15])  // the 20-digit rows, refused as row by row
        }
        #expect(try Self.rowByRow(path).errors.map(\.line) == [14, 15])
    }

    @Test("rows are read back from the file: a row changed, moved or cut off since the file was read stops the import at its line")
    func changedWhileRead() throws {
        let text = Self.export(rows: 300, shift: 2)
        for (name, change) in [("same length, a quote taken out", { (data: inout Data) in
                                   let at = data.lastIndex(of: UInt8(ascii: "\""))!
                                   data[at] = UInt8(ascii: "x") }),
                               ("cut short", { (data: inout Data) in data = data.prefix(data.count / 3) }),
                               ("a byte put in before the rows", { (data: inout Data) in data.insert(UInt8(ascii: " "), at: 200) }),
                               ("not valid GB18030 any more", { (data: inout Data) in
                                   let at = data.count - 40
                                   data.replaceSubrange(at..<at + 2, with: [0x81, 0x20]) }),
                               ("a price edited in place", { (data: inout Data) in
                                   let at = data.range(of: Data("59.00".utf8), options: .backwards)!
                                   data.replaceSubrange(at, with: Data("95.00".utf8)) }),
                               ("an order number edited in place", { (data: inout Data) in
                                   let at = data.range(of: Data("2345000000000000299".utf8))!
                                   data.replaceSubrange(at, with: Data("2345000000000000298".utf8)) })] {
            let path = try Self.write(text, gb18030: true)
            defer { try? FileManager.default.removeItem(atPath: path) }
            var export = try TaobaoDetailExport.read(path: path, splitAt: 1)
            var data = try Data(contentsOf: URL(fileURLWithPath: path))
            change(&data)
            try data.write(to: URL(fileURLWithPath: path))
            let numbers = try Self.rowByRowNumbers(text)
            var caught: InterchangeError?
            do throws(InterchangeError) {
                for number in numbers { _ = try export.take(number) }
                _ = try export.refusedRest()
            } catch {
                caught = error
            }
            guard case .changedWhileRead(let file, let line)? = caught else {
                Issue.record("\(name): \(String(describing: caught))")
                continue
            }
            #expect(file == (path as NSString).lastPathComponent && line > 1, "\(name)")
        }
    }

    @Test("a detail export that is not a regular file (a pipe) is read whole first, and reads as row by row")
    func pipe() throws {
        let text = Self.export(rows: 300, shift: 5)
        let expected = try Self.path(for: text) { try Self.rowByRow($0) }
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("pipe-\(UUID().uuidString)").path
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: fifo) }
        let bytes = text.data(using: Fixtures.gb18030)!
        let writer = Thread {  // opening a FIFO waits for its reader
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            handle.write(bytes)
            try? handle.close()
        }
        writer.start()
        let halves = try TaobaoDetailExport.read(path: fifo, splitAt: 1).all()
        #expect(halves.rows == expected.rows)
        #expect(halves.errors.map(\.line) == expected.errors.map(\.line))
    }

    static func path<T>(for text: String, _ body: (String) throws -> T) throws -> T {
        let path = try write(text, gb18030: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    /// The order numbers of `text`'s rows, in the file's order, each once.
    static func rowByRowNumbers(_ text: String) throws -> [String] {
        let path = try write(text, gb18030: false)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var seen: Set<String> = []
        return try rowByRow(path).rows.map(\.orderNumber).filter { seen.insert($0).inserted }
    }

    @Test("a field not valid in the file's encoding is refused when the file is read, naming its line, as row by row")
    func undecodable() throws {
        var data = Data("订单编号,标题,价格,购买数量\r\n".utf8)
        for n in 0..<2000 { data += Data("234500000000000\(1000 + n),保温杯,5,1\r\n".utf8) }
        data += Data("2345000000000009999,".utf8) + Data([0xE4, 0xB8]) + Data(",5,1\r\n".utf8)  // a cut-off character
        for n in 0..<50 { data += Data("234500000000001\(1000 + n),杯子,5,1\r\n".utf8) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("undecodable-\(UUID().uuidString).csv").path
        try data.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var rowByRow: InterchangeError?
        do { _ = try Self.rowByRow(path) } catch { rowByRow = error }
        #expect(rowByRow == .undecodableText(file: (path as NSString).lastPathComponent, line: 2002, encoding: "UTF-8"))
        for splitAt in [1, 1 << 30] {
            var read: InterchangeError?
            do { _ = try TaobaoDetailExport.read(path: path, splitAt: splitAt) } catch { read = error }
            #expect(read == rowByRow, "splitAt \(splitAt)")
        }
    }

    @Test("LF-only and lone-CR files split the same way")
    func otherLineEnds() throws {
        for lineEnd in ["\n", "\r"] {
            let path = try Self.write(Self.export(rows: 120, shift: 4, lineEnd: lineEnd), gb18030: true)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let expected = try Self.rowByRow(path)
            let halves = try TaobaoDetailExport.read(path: path, splitAt: 1).all()
            #expect(halves.rows == expected.rows)
            #expect(halves.errors == expected.errors)
        }
    }

    @Test("a quote never closed is the same error with the same line, opened in either half")
    func brokenQuote() throws {
        let good = Self.export(rows: 200, shift: 0)
        // Opened on the last row: the second half's. Opened early with no quote after it: the
        // middle is inside it, so one reader reads the file.
        let quoteless = (0..<400).map { "2345000000000000\($0),杯子,5,1,,,,,,SKU-1" }.joined(separator: "\r\n")
        for text in [good + "=\"2345000000000009999\",\"从这里起引号没关上,1,1\r\n",
                     "订单编号,标题,价格,购买数量\r\n2345000000000000001,\"没关上\r\n" + quoteless] {
            let path = try Self.write(text, gb18030: true)
            defer { try? FileManager.default.removeItem(atPath: path) }
            var rowByRow: InterchangeError?
            do { _ = try Self.rowByRow(path) } catch { rowByRow = error }
            var halves: InterchangeError?
            do { _ = try TaobaoDetailExport.read(path: path, splitAt: 1).all() } catch { halves = error }
            guard case .unterminatedQuote(_, let line)? = rowByRow else {
                Issue.record("row by row: \(String(describing: rowByRow))")
                continue
            }
            #expect(halves == rowByRow)
            #expect(line > 1)
        }
    }

    @Test("the record start the second half uses is a record start of the splitter's")
    func recordStart() throws {
        let text = "a,\"b\r\nc\",d\r\n\"x\"\"y\",z\r\ne,f\r\n"
        let bytes = Array(text.utf8)
        let found = bytes.withUnsafeBufferPointer { CSVSplitter.recordStart(in: $0, atOrAfter: 3) }
        // Not inside the quoted field that holds a line break: after the first record, on line 3.
        #expect(found?.offset == Array("a,\"b\r\nc\",d\r\n".utf8).count)
        #expect(found?.line == 3)
        let last = bytes.withUnsafeBufferPointer { CSVSplitter.recordStart(in: $0, atOrAfter: bytes.count - 2) }
        #expect(last == nil)  // no record starts after the last line break
    }
}
