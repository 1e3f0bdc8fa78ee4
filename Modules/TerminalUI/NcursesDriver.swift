import CNcursesw

/// The real terminal through ncursesw. Every cell is placed at the column the project's own
/// display width gives it, so Chinese columns line up whatever the terminal's width table says.
public final class NcursesDriver: TerminalDriver {
    private var previous: CellGrid?
    private var attributes: [CellStyle: Int32] = [:]
    public let hasColor: Bool

    /// Starts curses on the controlling terminal. `monochrome` forces the no-colour look.
    public init(monochrome: Bool = false) {
        zg_set_locale()
        initscr()
        cbreak()
        noecho()
        nonl()
        keypad(zg_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        hasColor = !monochrome && has_colors()
        if hasColor {
            start_color()
            use_default_colors()
        }
        attributes = Self.attributes(color: hasColor)
    }

    /// Colour pairs per style, or bold/reverse/underline on a monochrome terminal.
    private static func attributes(color: Bool) -> [CellStyle: Int32] {
        let bold = zg_a_bold(), reverse = zg_a_reverse(), underline = zg_a_underline(), dim = zg_a_dim()
        guard color else {
            return [.normal: 0, .dim: dim, .title: bold, .bar: reverse, .barKey: reverse | bold, .selected: reverse,
                    .ok: bold, .warning: bold | underline, .error: bold | reverse, .input: underline, .flash: reverse | bold]
        }
        let pairs: [(CellStyle, Int16, Int16, Int32)] = [
            (.dim, Int16(COLOR_WHITE), -1, dim), (.title, Int16(COLOR_CYAN), -1, bold), (.bar, Int16(COLOR_BLACK), Int16(COLOR_WHITE), 0),
            (.barKey, Int16(COLOR_BLUE), Int16(COLOR_WHITE), bold), (.selected, Int16(COLOR_BLACK), Int16(COLOR_CYAN), 0),
            (.ok, Int16(COLOR_GREEN), -1, bold), (.warning, Int16(COLOR_YELLOW), -1, bold), (.error, Int16(COLOR_RED), -1, bold),
            (.input, Int16(COLOR_WHITE), Int16(COLOR_BLUE), 0), (.flash, Int16(COLOR_WHITE), Int16(COLOR_RED), bold),
        ]
        var table: [CellStyle: Int32] = [.normal: 0]
        for (n, (style, fg, bg, extra)) in pairs.enumerated() {
            init_pair(Int16(n + 1), fg, bg)
            table[style] = zg_color_pair(Int32(n + 1)) | extra
        }
        return table
    }

    public var size: (width: Int, height: Int) { (Int(zg_cols()), Int(zg_lines())) }

    public func draw(_ grid: CellGrid) {
        let full = previous.map { $0.width != grid.width || $0.height != grid.height } ?? true
        if full { werase(zg_stdscr()) }
        for y in 0..<grid.height {
            if !full, let previous, (0..<grid.width).allSatisfy({ previous[$0, y] == grid[$0, y] }) { continue }
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if cell.isContinuation { continue }
                _ = zg_set_attributes(attributes[cell.style] ?? 0)
                mvaddstr(Int32(y), Int32(x), String(cell.character))
            }
        }
        _ = zg_set_attributes(0)
        wrefresh(zg_stdscr())
        previous = grid
    }

    public func nextKey(timeoutMilliseconds: Int) -> Key? {
        wtimeout(zg_stdscr(), Int32(timeoutMilliseconds))
        var value: wint_t = 0
        let result = wget_wch(zg_stdscr(), &value)
        if result == ERR { return nil }
        if result == KEY_CODE_YES { return Self.function(Int32(value)) }
        switch value {
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 9: return .tab
        default:
            guard let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
            return .character(Character(scalar))
        }
    }

    private static func function(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE, KEY_DC: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_RESIZE:
            return .resize
        default:
            for n in 1...12 where code == zg_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    public func shutdown() {
        endwin()
    }
}
