import ShopDomain
import Testing
@testable import Printing

@Suite struct Code128Tests {
    @Test func wikipediaInCodeB() throws {
        // Start B (104), then W i k i p e d i a as ASCII − 32. The check symbol is
        // (104 + 55·1 + 73·2 + 75·3 + 73·4 + 80·5 + 69·6 + 68·7 + 73·8 + 65·9) mod 103 = 3281 mod 103 = 88.
        #expect(try Code128.symbols("Wikipedia") == [104, 55, 73, 75, 73, 80, 69, 68, 73, 65, 88, 106])
    }

    @Test func publishedChecksums() throws {
        // barcoderesource.com's worked examples: "abcdef" in B checks to 97, "345678" in C to 73.
        #expect(try Code128.symbols("abcdef").dropLast().last == 97)
        #expect(try Code128.symbols("345678") == [105, 34, 56, 78, 73, 106])
    }

    @Test func publishedModules() throws {
        // "Ab12" in code set B as python-barcode draws it (1 = bar module, 0 = space module).
        let modules = try Code128.widths("Ab12").enumerated()
            .map { String(repeating: $0.offset % 2 == 0 ? "1" : "0", count: $0.element) }.joined()
        #expect(modules == "1101001000010100011000100100001101001110011011001110010101111001001100011101011")
    }

    @Test func allDigitWaybillUsesCodeC() throws {
        // (105 + 73 + 61·2 + 5·3 + 55·4 + 58·5 + 28·6 + 83·7) mod 103 = 1574 mod 103 = 29.
        let symbols = try Code128.symbols("73610555582883")
        #expect(symbols == [105, 73, 61, 5, 55, 58, 28, 83, 29, 106])
        #expect(symbols.count - 3 == 7)
    }

    @Test func oddDigitRunsLeaveOneDigitInB() throws {
        // All digits, odd: pairs in C, the last digit in B.
        #expect(try Code128.symbols("12345").dropLast(2) == [105, 12, 34, 100, 21])
        // Digits after text: the first digit stays in B, the rest pair up in C.
        #expect(try Code128.symbols("A12345").dropLast(2) == [104, 33, 17, 99, 23, 45])
        // Digits before text: pairs in C, the odd digit joins the text in B.
        #expect(try Code128.symbols("12345AB").dropLast(2) == [105, 12, 34, 100, 21, 33, 34])
        // Four digits in the middle switch to C and back.
        #expect(try Code128.symbols("AB1234CD").dropLast(2) == [104, 33, 34, 99, 12, 34, 100, 35, 36])
        // Too few digits to gain anything stay in B.
        #expect(try Code128.symbols("SF123").dropLast(2) == [104, 51, 38, 17, 18, 19])
        #expect(try Code128.symbols("7") == [104, 23, Code128.checksum([104, 23]), 106])
        #expect(try Code128.symbols("42").dropLast(2) == [105, 42])
    }

    @Test func refusesWhatItCannotEncode() {
        #expect(throws: PrintingError.unencodable(text: "SF12中", character: "中", position: 5)) {
            try Code128.symbols("SF12中")
        }
        #expect(throws: PrintingError.self) { try Code128.symbols("A\tB") }
        #expect(throws: PrintingError.emptyBarcode) { try Code128.svg("", moduleWidth: 0.33, height: 15) }
        let message = PrintingError.unencodable(text: "SF12中", character: "中", position: 5)
        #expect(message.message(in: .zh).contains("第 5 个字符“中”"))
        #expect(message.message(in: .en).contains("character 5"))
    }

    @Test func patternTableIsWellFormed() {
        let table = Code128.patterns
        #expect(table.count == 107)
        #expect(Set(table).count == 107)
        for (value, pattern) in table.enumerated() {
            #expect(pattern.count == (value == 106 ? 7 : 6))
            #expect(pattern.reduce(0, +) == (value == 106 ? 13 : 11))
            #expect(pattern.allSatisfy { (1...4).contains($0) })
            let barModules = stride(from: 0, to: pattern.count, by: 2).map { pattern[$0] }.reduce(0, +)
            #expect(barModules % 2 == 0, "value \(value): bars take an even number of modules")
        }
        // Spot checks against the published table.
        #expect(table[0] == [2, 1, 2, 2, 2, 2])
        #expect(table[99] == [1, 1, 3, 1, 4, 1])
        #expect(table[100] == [1, 1, 4, 1, 3, 1])
        #expect(table[104] == [2, 1, 1, 2, 1, 4])
        #expect(table[105] == [2, 1, 1, 2, 3, 2])
    }

    @Test func barsAndSpacesAddUp() throws {
        for text in ["Wikipedia", "73610555582883", "YT7512345678901", "a", "SF 1234-ab"] {
            let symbols = try Code128.symbols(text)
            let widths = try Code128.widths(text)
            #expect(widths.count == 6 * (symbols.count - 1) + 7)
            #expect(widths.reduce(0, +) == 11 * (symbols.count - 1) + 13)
            let (bars, modules) = try Code128.bars(text)
            #expect(bars.count == 3 * (symbols.count - 1) + 4)
            #expect(modules == widths.reduce(0, +) + 2 * Code128.quietZone)
            #expect(bars.first?.x == Code128.quietZone)
        }
    }

    @Test func svgDrawsOneRectPerBar() throws {
        let svg = try Code128.svg("73610555582883", moduleWidth: 0.33, height: 15)
        let modules = 10 + 11 * 9 + 13 + 10
        #expect(svg.hasPrefix("<svg "))
        #expect(svg.contains(#"viewBox="0 0 \#(modules) 45.455""#))
        #expect(svg.contains(#"width="43.56mm" height="15mm""#))  // 132 modules × 0.33 mm
        #expect(svg.contains(#"shape-rendering="crispEdges""#))
        #expect(svg.components(separatedBy: "<rect ").count - 1 == 3 * 9 + 4)
        #expect(try BarcodeReader.read(svg: svg) == "73610555582883")
    }

    @Test func roundTripsRandomText() throws {
        var random = SeededRandom(seed: 128)
        let printable = (32...126).map { Character(Unicode.Scalar(UInt8($0))) }
        let digits = Array("0123456789")
        for _ in 0..<500 {
            let length = Int.random(in: 1...24, using: &random)
            let digitHeavy = Bool.random(using: &random)
            let text = String((0..<length).map { _ in
                digitHeavy && Int.random(in: 0..<5, using: &random) > 0
                    ? digits.randomElement(using: &random)! : printable.randomElement(using: &random)!
            })
            let symbols = try Code128.symbols(text)
            #expect(try BarcodeReader.read(widths: Code128.widths(text)) == text, "\(text)")
            #expect(symbols.count - 3 == BarcodeReader.shortestDataLength(text), "\(text) is not as short as it could be")
        }
        let svg = try Code128.svg("Ab 12<&>\"34567", moduleWidth: 0.25, height: 10)
        #expect(try BarcodeReader.read(svg: svg) == "Ab 12<&>\"34567")
    }
}
