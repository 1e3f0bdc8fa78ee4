/// Code 128 (ISO/IEC 15417), the barcode every Chinese courier prints on its waybills.
///
/// Encodes printable ASCII (space to `~`) with code set B, and runs of digits with code set C
/// (two digits per symbol): a digit run goes into C when at least four of its digits pair up, and
/// an all-digit text of even length is all C. An odd run leaves one digit in B on the side
/// that touches other text (the last digit for a run at the start, else the first), so the switch
/// symbols are as few as they can be. The result is as short as any B/C encoding of the text.
public enum Code128 {
    /// Modules of white space each side of the bars, as the standard asks.
    public static let quietZone = 10

    static let startB = 104, startC = 105, stop = 106
    static let switchToC = 99, switchToB = 100

    /// The symbol values: start, data (code-set switches included), checksum, stop.
    public static func symbols(_ text: String) throws(PrintingError) -> [Int] {
        var codes: [UInt8] = []
        for (index, character) in text.enumerated() {
            guard let ascii = character.asciiValue, (32...126).contains(ascii) else {
                throw .unencodable(text: text, character: character, position: index + 1)
            }
            codes.append(ascii)
        }
        guard !codes.isEmpty else { throw .emptyBarcode }

        var values: [Int] = []
        var current: Int?  // startB or startC while data is being added
        func enter(_ set: Int) {
            if current == nil {
                values.append(set)
            } else if current != set {
                values.append(set == startC ? switchToC : switchToB)
            }
            current = set
        }
        func inB(_ slice: ArraySlice<UInt8>) {
            guard !slice.isEmpty else { return }
            enter(startB)
            values += slice.map { Int($0) - 32 }
        }
        func inC(_ slice: ArraySlice<UInt8>) {
            guard !slice.isEmpty else { return }
            enter(startC)
            var index = slice.startIndex
            while index < slice.endIndex {
                values.append(Int(slice[index] - 48) * 10 + Int(slice[index + 1] - 48))
                index += 2
            }
        }

        let isDigit = { (code: UInt8) in (48...57).contains(code) }
        var start = 0
        while start < codes.count {
            var end = start
            if isDigit(codes[start]) {
                while end < codes.count, isDigit(codes[end]) { end += 1 }
                let length = end - start
                let paired = length - length % 2
                if paired >= 4 || (length == codes.count && length % 2 == 0) {
                    if length % 2 == 0 {
                        inC(codes[start..<end])
                    } else if start == 0 {
                        inC(codes[start..<end - 1])
                        inB(codes[end - 1..<end])
                    } else {
                        inB(codes[start..<start + 1])
                        inC(codes[start + 1..<end])
                    }
                } else {
                    inB(codes[start..<end])
                }
            } else {
                while end < codes.count, !isDigit(codes[end]) { end += 1 }
                inB(codes[start..<end])
            }
            start = end
        }
        values.append(checksum(values))
        values.append(stop)
        return values
    }

    /// The check symbol of a start symbol followed by data symbols: the start value plus each data
    /// value times its position (from 1), modulo 103.
    public static func checksum(_ startAndData: [Int]) -> Int {
        var sum = 0
        for (position, value) in startAndData.enumerated() {
            sum += value * max(position, 1)
        }
        return sum % 103
    }

    /// Bar and space widths in modules, bar first, for symbol values as `symbols(_:)` returns
    /// them; quiet zones not included. Every symbol is 11 modules, the stop 13.
    public static func widths(symbols: [Int]) -> [Int] {
        symbols.flatMap { patterns[$0] }
    }

    /// Bar and space widths in modules for `text`, bar first, quiet zones not included.
    public static func widths(_ text: String) throws(PrintingError) -> [Int] {
        widths(symbols: try symbols(text))
    }

    /// The bars as (first module, width) with the leading quiet zone counted, and the total width
    /// in modules with both quiet zones.
    public static func bars(_ text: String) throws(PrintingError) -> (bars: [(x: Int, width: Int)], modules: Int) {
        var x = quietZone
        var bars: [(x: Int, width: Int)] = []
        for (index, width) in try widths(text).enumerated() {
            if index % 2 == 0 { bars.append((x, width)) }
            x += width
        }
        return (bars, x + quietZone)
    }
}
