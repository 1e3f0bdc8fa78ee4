import Testing
@testable import ShopDomain

@Suite("Display width: a CJK character is two cells")
struct DisplayWidthTests {
    @Test("widths of single characters", arguments: [
        ("a", 1), ("黄", 2), ("乔", 2), ("，", 2), ("。", 2), ("！", 2), ("（", 2), ("Ａ", 2), ("１", 2),
        ("ｱ", 1),  // half-width katakana
        ("한", 2), ("😀", 2), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("❤️", 2), ("é", 1), ("e\u{301}", 1),
        ("\u{301}", 0), ("\u{200B}", 0), ("\t", 0), ("¥", 1), ("…", 1), ("—", 1), ("　", 2),
    ])
    func character(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test("strings add up")
    func strings() {
        #expect(DisplayWidth.of("黄乔") == 4)
        #expect(DisplayWidth.of("Lily王") == 6)
        #expect(DisplayWidth.of("客服主管、客服") == 14)
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("cafe\u{301}") == 4)
    }

    @Test("padding counts cells, not characters")
    func padding() {
        #expect(DisplayWidth.pad("黄乔", to: 6) == "黄乔  ")
        #expect(DisplayWidth.pad("12.50", to: 7, alignment: .right) == "  12.50")
        #expect(DisplayWidth.pad("太长了", to: 2) == "太长了")
    }

    @Test("truncation never splits a wide character")
    func truncation() {
        #expect(DisplayWidth.truncate("先验货再签收", to: 5) == "先验…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("先验货再签收", to: 6)) <= 6)
        #expect(DisplayWidth.truncate("abc", to: 5) == "abc")
    }
}

@Suite("The table renderer aligns mixed Chinese and ASCII")
struct TextTableTests {
    @Test("columns line up by display width")
    func alignment() {
        var table = TextTable([.init("姓名"), .init("Roles"), .init("金额", alignment: .right)])
        table.append("黄乔", "gm", "500.00")
        table.append("Lily王", "cs-agent, 发货", "12.50")
        table.append("a", "", "0.00")
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        // Every data line has its amount ending at the same cell.
        let ends = lines.dropFirst(2).map { DisplayWidth.of($0) }
        #expect(Set(ends).count == 1)
        #expect(lines[2].hasPrefix("黄乔    gm"))
        #expect(lines[3].hasPrefix("Lily王  cs-agent, 发货"))
    }

    @Test("newlines inside a cell do not break rows; maxWidth cuts")
    func cells() {
        var table = TextTable([.init("备注", maxWidth: 8)])
        table.append("第一行\n第二行很长很长")
        let lines = table.render().split(separator: "\n")
        #expect(lines.count == 3)
        #expect(DisplayWidth.of(String(lines[2])) <= 8)
    }
}
