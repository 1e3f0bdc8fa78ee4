import Testing
@testable import ShopDomain

@Suite("Money in integer fen")
struct MoneyTests {
    @Test("trimming: white space is exactly Unicode's White_Space, in every plane; text without it is returned as is")
    func whiteSpace() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isWhiteSpace != scalar.properties.isWhitespace { Issue.record("U+\(String(value, radix: 16))") }
        }
        #expect("\u{3000}基准 \n".trimmingWhitespace() == "基准")
        #expect("基准".trimmingWhitespace() == "基准")
        #expect(" \u{A0}\u{2028} ".trimmingWhitespace() == "")
        #expect("a\u{85}b".trimmingWhitespace() == "a\u{85}b")
    }

    @Test("parses what people and spreadsheets write", arguments: [
        ("12.50", 1250), ("12.5", 1250), ("598", 59800), ("0元", 0), ("0", 0), ("¥1,280.00", 128_000),
        ("￥3.05", 305), (" 7.00 ", 700), ("１２．５０", 1250), ("0.01", 1), (".5", 50), ("12.", 1200), ("+3", 300),
        ("100元", 10000),
    ])
    func parses(text: String, fen: Int64) throws {
        #expect(try Money.parse(text).fen == fen)
    }

    @Test("refuses what is not an amount", arguments: ["1.2.3", "1e3", "abc", "12,5", "1.234", "", "  ", "元", "¥", "--5", "1 000", "0x10", ",100"])
    func refuses(text: String) {
        #expect(throws: MoneyError.self) { try Money.parse(text) }
    }

    @Test("negative amounts only where allowed")
    func negative() throws {
        #expect(throws: MoneyError.negative("-5.00")) { try Money.parse("-5.00") }
        #expect(try Money.parse("-5.00", allowNegative: true).fen == -500)
        #expect(try Money.parse("-0").fen == 0)
    }

    @Test("too many decimals says so")
    func decimals() {
        #expect(throws: MoneyError.tooManyDecimals("1.234")) { try Money.parse("1.234") }
    }

    @Test("prints yuan with two decimals")
    func prints() {
        #expect(Money(fen: 1250).description == "12.50")
        #expect(Money(fen: 5).description == "0.05")
        #expect(Money(fen: -305).description == "-3.05")
        #expect(Money(fen: 0).withSign == "¥0.00")
        #expect(Money(fen: -100).withSign == "-¥1.00")
    }

    @Test("arithmetic stays in fen")
    func arithmetic() {
        #expect(Money(yuan: 3) + Money(fen: 5) == Money(fen: 305))
        #expect(Money(fen: 100) * 3 == Money(yuan: 3))
        #expect(Money(fen: 100) - Money(fen: 250) == Money(fen: -150))
    }

    @Test("messages name the text and what to write, in both languages")
    func messages() {
        let error = MoneyError.notANumber("1e3")
        #expect(error.message(in: .zh).contains("1e3"))
        #expect(error.message(in: .en).contains("12.50"))
    }

    @Test("encodes as bare fen")
    func coding() {
        #expect(CanonicalJSON.encode(["price": Money(fen: 1250)]) == #"{"price":1250}"#)
    }
}

@Suite("Plain amounts and white space read without the general parse")
struct PlainReadingTests {
    @Test("every scalar is white space exactly when Unicode says so")
    func whiteSpace() {
        var differing: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isWhiteSpace != scalar.properties.isWhitespace { differing.append(value) }
        }
        #expect(differing.isEmpty)
    }

    @Test("plain amounts read directly are what the general parse gives", arguments: [
        "0", "7", "12.5", "12.50", "598", "0.01", "999999999999999", "999999999999999.99", "1000000000000000", "12.", ".5",
        "1.234", "00012.30", "12..5", "1.2.3",
    ])
    func plainAmounts(text: String) throws {
        let general: Money? = try? Money.parse(" " + text + " ")  // the spaces force the general parse
        #expect(Money.plain(text.utf8) == nil || Money.plain(text.utf8) == general)
        #expect((try? Money.parse(text)) == general)
    }
}
