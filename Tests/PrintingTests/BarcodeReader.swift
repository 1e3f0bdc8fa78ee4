@testable import Printing

/// Reads Code 128 back, the way a scanner would, to check what the encoder drew.
enum BarcodeReader {
    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    /// Decodes bar and space widths (bar first, no quiet zones) into text, checking the start, the
    /// stop and the check symbol.
    static func read(widths: [Int]) throws -> String {
        let byPattern = Dictionary(uniqueKeysWithValues: Code128.patterns.enumerated().map { ($0.element, $0.offset) })
        guard widths.count >= 7 + 6 * 2, (widths.count - 7) % 6 == 0 else { throw Unreadable(description: "\(widths.count) elements") }
        var values: [Int] = []
        for start in stride(from: 0, to: widths.count - 7, by: 6) {
            guard let value = byPattern[Array(widths[start..<start + 6])] else { throw Unreadable(description: "no symbol at \(start)") }
            values.append(value)
        }
        guard byPattern[Array(widths.suffix(7))] == 106 else { throw Unreadable(description: "no stop") }
        let check = values.removeLast()
        guard check == Code128.checksum(values) else { throw Unreadable(description: "bad check symbol") }
        var text = ""
        var set = values.removeFirst()
        guard set == 104 || set == 105 else { throw Unreadable(description: "bad start \(set)") }
        for value in values {
            switch (set, value) {
            case (104, 0..<95): text.append(Character(Unicode.Scalar(UInt8(value + 32))))
            case (104, 99): set = 105
            case (105, 0..<100): text += (value < 10 ? "0" : "") + String(value)
            case (105, 100): set = 104
            default: throw Unreadable(description: "symbol \(value) in set \(set)")
            }
        }
        return text
    }

    /// Decodes an SVG from `Code128.svg`: bars from the rects, spaces from the gaps between them.
    static func read(svg: String) throws -> String {
        var bars: [(x: Int, width: Int)] = []
        for rect in svg.components(separatedBy: "<rect ").dropFirst() {
            guard let x = attribute("x", in: rect), let width = attribute("width", in: rect) else {
                throw Unreadable(description: "rect without x or width")
            }
            bars.append((x, width))
        }
        var widths: [Int] = []
        for (index, bar) in bars.enumerated() {
            if index > 0 { widths.append(bar.x - bars[index - 1].x - bars[index - 1].width) }
            widths.append(bar.width)
        }
        guard !widths.contains(where: { $0 <= 0 }) else { throw Unreadable(description: "bars overlap or touch") }
        return try read(widths: widths)
    }

    private static func attribute(_ name: String, in tag: String) -> Int? {
        guard let range = tag.range(of: " \(name)=\"") ?? (tag.hasPrefix("\(name)=\"") ? tag.range(of: "\(name)=\"") : nil)
        else { return nil }
        return Int(tag[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The fewest data symbols any code set B/C encoding of `text` needs (start, check and stop
    /// not counted), by trying every choice.
    static func shortestDataLength(_ text: String) -> Int {
        let codes = Array(text.utf8)
        let isDigit = { (index: Int) in index < codes.count && (48...57).contains(codes[index]) }
        // cost[i][s]: symbols for codes[i...] when set s (0 = B, 1 = C) is current.
        var cost = Array(repeating: [0, 0], count: codes.count + 1)
        for index in stride(from: codes.count - 1, through: 0, by: -1) {
            let pair = isDigit(index) && isDigit(index + 1)
            let inB = 1 + cost[index + 1][0]
            let inC = pair ? 1 + cost[index + 2][1] : Int.max / 2
            cost[index][0] = min(inB, 1 + inC)
            cost[index][1] = min(inC, 1 + inB)
        }
        return min(cost[0][0], cost[0][1])
    }
}

/// SplitMix64, so random tests repeat.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
