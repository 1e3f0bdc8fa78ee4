import Testing
@testable import Printing

@Suite struct PickListTests {
    @Test func groupsSortsAndAddsUp() {
        let groups = Samples.pickList.groups
        #expect(groups.map(\.style) == ["AF1023", "BX300", "KZ9001"])
        let dress = groups[0]
        #expect(dress.lines.map { "\($0.colour)/\($0.size)" } == ["白色/M", "白色/XL", "白色/XXL", "黑色/S"])
        // Two orders of AF1023 白色 XL: 2 + 1 pieces, 2 orders, both shelves.
        #expect(dress.lines[1].quantity == 3)
        #expect(dress.lines[1].orders == 2)
        #expect(dress.lines[1].locations == ["A-01-03", "B-02-01"])
        #expect(dress.quantity == 8)
        #expect(groups[1].lines.map(\.size) == ["L", "3XL"])
        #expect(groups[2].lines.map(\.size) == ["26", "28"])
        #expect(groups.map(\.quantity) == [8, 4, 3])
        #expect(Samples.pickList.total == 15)
    }

    @Test func garmentSizeOrder() {
        let sizes = ["3XL", "M", "XXL", "均码", "S", "XS", "XL", "L", "2XS", "4XL", "xxxl"]
        #expect(sizes.sorted(by: SizeOrder.areInIncreasingOrder) == ["2XS", "XS", "S", "M", "L", "XL", "XXL", "3XL", "xxxl", "4XL", "均码"])
        #expect(["100", "28", "9", "36.5", "36"].sorted(by: SizeOrder.areInIncreasingOrder) == ["9", "28", "36", "36.5", "100"])
        #expect(["170/92A", "160/84A", "165/88A"].sorted(by: SizeOrder.areInIncreasingOrder) == ["160/84A", "165/88A", "170/92A"])
        #expect(SizeOrder.key("2XL") == SizeOrder.key("xxl"))
        #expect(SizeOrder.key("3XS") == SizeOrder.key("XXXS"))
        #expect(["AF1023", "AF999", "AF0999x"].sorted(by: NaturalOrder.areInIncreasingOrder) == ["AF999", "AF0999x", "AF1023"])
    }

    @Test func htmlShowsGroupsTotalsAndFlags() {
        let html = Samples.pickList.html()
        let text = PageText.visible(html)
        #expect(html.contains("@page { size: A4 portrait"))
        #expect(PageText.count("小计 Subtotal", in: text) == 3)
        #expect(text.contains("AF1023 小计 Subtotal8"))
        #expect(text.contains("合计 Total15"))
        #expect(text.contains("A-01-03 · B-02-01"))
        #expect(text.contains("无库位"))
        // The rows come in the grouped order.
        let order = ["AF1023", "BX300", "KZ9001"].map { text.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
        // Flags: each waybill once, its flags together (remark before gift).
        #expect(PageText.count("YT7512345678901", in: text) == 1)
        let remark = text.range(of: "老客户，检查线头")!.lowerBound, gift = text.range(of: "发圈×1")!.lowerBound
        #expect(remark < gift)
        #expect(text.contains("定制袖长加 2 cm"))
        #expect(html.contains("rowspan=\"2\""))
    }

    @Test func emptyFlagsSaySo() {
        var list = Samples.pickList
        list.flags = []
        #expect(PageText.visible(list.html()).contains("本批没有备注、赠品或留言"))
    }

    @Test func escapesText() {
        var list = Samples.pickList
        list.lines[0].colour = "<b>白</b>"
        list.flags[0].text = "<img src=x>"
        let html = list.html()
        #expect(html.contains("&lt;b&gt;白&lt;/b&gt;"))
        #expect(!html.contains("<img"))
    }
}
