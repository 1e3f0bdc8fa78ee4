import Foundation
import ShopDomain
import Testing
@testable import Interchange

/// The byte-level shortcuts of reading an export give exactly what the general code gives.
@Suite("Fast reading: GB18030 table, trims, times")
struct FastReadingTests {
    @Test("every two-byte GB18030 code decodes as Foundation decodes it")
    func everyTwoByteCode() {
        var differing: [String] = []
        var scratch: [UInt8] = []
        for lead in UInt8(0x81)...0xFE {
            for trail in UInt8(0x40)...0xFE where trail != 0x7F {
                let bytes = [lead, trail, 0x41]  // and an ASCII letter after it
                let foundation = String(bytes: bytes, encoding: Fixtures.gb18030)
                scratch.removeAll()
                let ours: String? = bytes.withUnsafeBufferPointer { GB18030.decode($0, into: &scratch) }
                    ? String(decoding: scratch, as: UTF8.self) : nil
                if ours != foundation { differing.append(String(format: "%02X%02X", lead, trail)) }
            }
        }
        #expect(differing.isEmpty, "codes decoded differently: \(differing.prefix(20))")
    }

    @Test("four-byte codes, bad bytes and a cut-off code take the slow way to the same answer")
    func fallbacks() {
        let samples: [[UInt8]] = [
            [0x81, 0x30, 0x81, 0x30],        // U+0080, a four-byte code
            [0xD6, 0xD0, 0x95, 0x32, 0x82, 0x36, 0xCE, 0xC4],  // 中 U+20000 文 (a code outside the BMP)
            [0xD6],                          // a lead byte with nothing after it
            [0xFF, 0x41],                    // not GB18030
            [0x80],
        ]
        for bytes in samples {
            var scratch: [UInt8] = []
            let ours: String? = bytes.withUnsafeBufferPointer { GB18030.decode($0, into: &scratch) }
                ? String(decoding: scratch, as: UTF8.self) : nil
            #expect(ours == String(bytes: bytes, encoding: Fixtures.gb18030), "\(bytes)")
        }
    }

    static let awkward = ["", " ", "\u{3000}", "abc", " abc", "abc ", "\u{3000}中文\u{3000}", "中文", "中文 ", " 中文", "\t=\"123\"\r\n",
                          "é", "e\u{301}", " \u{301}", "中\u{302A}", "\u{3000}\u{302A}", "A\u{200B}", "\u{00A0}x\u{00A0}", "x\u{2028}",
                          "（全角）", "￥１２", "👕", " 👕 ", "\r\n", "a\r\n", "\u{85}a", "ｘ\u{3000}"]

    @Test("trimming a String or a Substring by its ends gives what the general scan gives", arguments: awkward)
    func trims(text: String) {
        func general<Text: StringProtocol>(_ text: Text) -> String { text.trimmingWhitespace() }
        #expect(text.trimmingWhitespace() == general(text))
        #expect(Substring(text).trimmingWhitespace() == general(Substring(text)))
        #expect(text.trimmingWhitespace() == String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()))
    }

    @Test("unwrapping cells: the shortcut and the full rule agree", arguments: awkward + ["=\"1930000000000001\"", "'13800000000", " '139 ",
                                                                                         "=\"\"", "=\"", "=\"12", "\"x\"", "= \"1\""])
    func unwraps(text: String) {
        var body = Substring(text.trimmingWhitespace())
        if body.hasPrefix("=\"") && body.hasSuffix("\"") && body.count >= 3 { body = body.dropFirst(2).dropLast() }
        if body.first == "'" { body = body.dropFirst() }
        #expect(Cells.unwrap(text) == body.trimmingWhitespace())
    }

    @Test("times read byte by byte agree with the general reading", arguments: [
        "2016-05-23 22:02:11", "2016-05-23 22:02", "2016/5/23 22:02", "2016/5/3 2:02:09", "2016-05-23  22:02", "2016-0005-23 22:02",
        "2016-05-23 22:2", "2016-05-23 22:02:1", "2016-05-23 24:00", "2016-02-30 10:00", "2016-05-23T22:02", "2016-05-23 22:02:", "16-5-23 1:00",
        "2016-05-23 22:02:60", "2016/05-23 22:02", "2016-05-23 ２２:02", "2016-05-23", "",
    ])
    func times(text: String) {
        if let fast = WallClock.fields(text.utf8), let slow = WallClock.fields(slowly: text) {
            let same = [slow.year, slow.month, slow.day, slow.hour, slow.minute, slow.second]
                == [fast.year, fast.month, fast.day, fast.hour, fast.minute, fast.second]
            #expect(same)
        }
        #expect(WallClock(zone: Fixtures.shanghai).instant(text) == Self.reference(text))
    }

    /// How times were read before the byte-level reading and the per-hour calendar.
    static func reference(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let day = CivilDate(String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(clock.count),
              clock.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCIIDigitish) }),
              let hour = Int(clock[0]), let minute = Int(clock[1]), hour < 24, minute < 60, clock[1].count == 2
        else { return nil }
        var second = 0
        if clock.count == 3 {
            guard clock[2].count == 2, let s = Int(clock[2]), s < 60 else { return nil }
            second = s
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Fixtures.shanghai.timeZone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute, second: second))
    }

    @Test("an hour read once serves its other minutes, across a zone's change of offset")
    func hoursAcrossDaylightSaving() throws {
        let zone = try ShopZone("America/New_York")
        let clock = WallClock(zone: zone)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone.timeZone
        for text in ["2026-03-08 01:59:59", "2026-03-08 03:00:00", "2026-03-08 03:30:15", "2026-11-01 00:59:00", "2026-11-01 01:30:00",
                     "2026-11-01 02:00:00", "2026-11-01 02:45:30"] {
            let fields = try #require(WallClock.fields(text.utf8))
            let expected = calendar.date(from: DateComponents(year: fields.year, month: fields.month, day: fields.day, hour: fields.hour,
                                                              minute: fields.minute, second: fields.second))
            #expect(clock.instant(text) == expected, "\(text)")
        }
    }

    /// The character-based code these replaced (issue 20), kept here as the reference.
    static func referencePostcode(_ raw: String) -> (address: String, postcode: String?) {
        let address = raw.unicodeScalars.contains(where: \.isWhiteSpace) ? raw.split(whereSeparator: \.isWhitespace).joined(separator: " ") : raw
        guard let last = address.last, last == ")" || last == "）",
              let open = address.lastIndex(where: { $0 == "(" || $0 == "（" })
        else { return (address, nil) }
        let inner = address[address.index(after: open)..<address.index(before: address.endIndex)]
        guard inner.count == 6, inner.allSatisfy(\.isASCIIDigitish) else { return (address, nil) }
        let rest = address[..<open].trimmingWhitespace()
        return (rest, inner == "000000" ? nil : String(inner))
    }

    static func referenceAttributes(_ text: String) -> [TaobaoOrderLine.Attribute] {
        text.split(whereSeparator: { $0 == ";" || $0 == "；" }).compactMap { part in
            let part = part.trimmingWhitespace()
            guard !part.isEmpty else { return nil }
            guard let colon = part.firstIndex(where: { $0 == "：" || $0 == ":" }) else {
                return TaobaoOrderLine.Attribute(name: "", value: part)
            }
            return TaobaoOrderLine.Attribute(name: part[..<colon].trimmingWhitespace(),
                                             value: part[part.index(after: colon)...].trimmingWhitespace())
        }
    }

    /// Text made of the pieces addresses and attributes are made of, awkward ones included.
    static func awkward(_ seed: UInt64, pieces: [String]) -> [String] {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        return (0..<2_000).map { _ in (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined() }
    }

    @Test("the postcode split on scalars gives what the character-based split gave")
    func postcodeSplit() {
        let pieces = ["上海市", "浦东新区", " ", "  ", "\u{3000}", "\t", "(", ")", "（", "）", "135300", "000000", "12345",
                      "1234567", "２０１", "室", "a", "7", "é", "e\u{301}", "\r\n", "\u{00A0}", "\u{2003}", "·", "、", "\u{85}"]
        for text in Self.awkward(20, pieces: pieces) + ["上海市 浦东新区 某路1号(200120)", "某路（000000）", "(123456)", " ( 123456 ) "] {
            let ours = Cells.splitPostcode(text), reference = Self.referencePostcode(text)
            #expect(ours.address == reference.address && ours.postcode == reference.postcode, "\(text.debugDescription)")
        }
    }

    @Test("attributes parsed on scalars give what the character-based parser gave")
    func attributes() {
        let pieces = ["颜色分类", "尺码", "：", ":", ";", "；", " ", "\u{3000}", "白色", "XL", "42", "默认", "e\u{301}", "\t"]
        for text in Self.awkward(21, pieces: pieces) + ["颜色: 白色；尺码：XL; 默认 ;", "：", " ; ；"] {
            #expect(TaobaoOrderLine.parseAttributes(text) == Self.referenceAttributes(text), "\(text.debugDescription)")
        }
    }
}
