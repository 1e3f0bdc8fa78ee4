import Testing
import ShopDomain
@testable import TerminalUI

@Suite("cell grid")
struct GridTests {
    @Test("a CJK character takes two cells; a name mixing CJK and ASCII lines up")
    func wideCharacters() {
        var grid = CellGrid(width: 12, height: 2)
        grid.putField("张Wei伟", x: 0, y: 0, width: 8)
        grid.putField("Li", x: 8, y: 0, width: 4)
        grid.putField("ABCDEF", x: 0, y: 1, width: 8)
        grid.putField("Li", x: 8, y: 1, width: 4)
        #expect(grid.line(0) == "张Wei伟 Li  ")
        #expect(grid.line(1) == "ABCDEF  Li  ")
        #expect(grid[1, 0].isContinuation)
    }

    @Test("a wide character that does not fit is not split")
    func clipping() {
        var grid = CellGrid(width: 5, height: 1)
        grid.put("中文字", x: 0, y: 0)
        #expect(grid.line(0) == "中文 ")
        grid.put("ab", x: 1, y: 0)  // overwriting half of 中 blanks it, and half of 文 too
        #expect(grid.line(0) == " ab  ")
    }

    @Test("a table keeps the selected row in view")
    func tableScrolls() {
        var table = TableView([.init("#", alignment: .right), .init("名字")])
        for n in 1...10 { table.append([String(n), "第\(n)个"]) }
        table.selected = 9
        var grid = CellGrid(width: 20, height: 4)
        table.draw(&grid, x: 0, y: 0, width: 20, height: 4)
        #expect(grid.line(0).hasPrefix(" #  名字"))
        #expect(grid.contains("第10个"))
        #expect(!grid.contains("第1个 "))
    }
}
