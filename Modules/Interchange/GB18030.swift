import Foundation

/// GB18030 to UTF-8 without a round trip through Foundation for every cell: the seller centre's
/// exports are GB18030, and a 100,000-order export has millions of Chinese characters.
///
/// Nearly all of them are two-byte codes (lead 0x81–0xFE, trail 0x40–0x7E or 0x80–0xFE), which
/// map to one BMP scalar each; those are looked up in a table built once, on first use, from
/// Foundation's own decoding of the 23,940 codes. A field holding a four-byte code, or a byte
/// sequence the table does not know, is decoded by Foundation as before, which also decides
/// whether the bytes are valid at all.
enum GB18030 {
    /// Appends the UTF-8 of `bytes` (GB18030) to `out`; false when they are not valid GB18030.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        let start = out.count
        if fastDecode(bytes, twoByteTable, into: &out) { return true }
        out.removeSubrange(start...)
        guard let text = String(bytes: bytes, encoding: TextDecoding.gb18030) else { return false }
        out.append(contentsOf: text.utf8)
        return true
    }

    /// ASCII bytes as they are, two-byte codes through the table; false at anything else.
    private static func fastDecode(_ bytes: UnsafeBufferPointer<UInt8>, _ table: [UInt16], into out: inout [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 {
                out.append(lead)
                i += 1
                continue
            }
            guard lead >= 0x81, lead <= 0xFE, i + 1 < n else { return false }
            let trail = bytes[i + 1]
            guard let column = trailColumn(trail) else { return false }
            let scalar = table[Int(lead - 0x81) * columns + column]
            guard scalar != 0 else { return false }
            appendUTF8(UInt32(scalar), to: &out)
            i += 2
        }
        return true
    }

    private static let columns = 190  // trails 0x40–0x7E (63) and 0x80–0xFE (127)

    @inline(__always)
    private static func trailColumn(_ trail: UInt8) -> Int? {
        switch trail {
        case 0x40...0x7E: return Int(trail - 0x40)
        case 0x80...0xFE: return Int(trail - 0x80) + 63
        default: return nil
        }
    }

    @inline(__always)
    private static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        if scalar < 0x80 {
            out.append(UInt8(scalar))
        } else if scalar < 0x800 {
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        } else {
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// Scalar per two-byte code (0: not mapped, or outside the BMP), as Foundation decodes it:
    /// one decoding of a lead byte's 190 codes at a time (126 in all), or code by code for a lead
    /// byte whose row Foundation does not take whole. Built from Foundation itself, the table gives
    /// exactly what decoding each field through Foundation gave, on any machine.
    private static let twoByteTable: [UInt16] = buildTable()

    private static func buildTable() -> [UInt16] {
        var table = [UInt16](repeating: 0, count: 126 * columns)
        let trails = Array(UInt8(0x40)...0x7E) + Array(UInt8(0x80)...0xFE)
        for lead in UInt8(0x81)...0xFE {
            let row = Int(lead - 0x81) * columns
            let bytes = trails.flatMap { [lead, $0] }
            if let text = String(bytes: bytes, encoding: TextDecoding.gb18030),
               text.unicodeScalars.count == trails.count {
                for (column, scalar) in text.unicodeScalars.enumerated() { table[row + column] = entry(scalar) }
                continue
            }
            for (column, trail) in trails.enumerated() {
                guard let text = String(bytes: [lead, trail], encoding: TextDecoding.gb18030),
                      text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first else { continue }
                table[row + column] = entry(scalar)
            }
        }
        return table
    }

    /// A BMP scalar at or above 0x80 as stored; anything else 0 (left to Foundation).
    private static func entry(_ scalar: Unicode.Scalar) -> UInt16 {
        scalar.value >= 0x80 && scalar.value <= 0xFFFF ? UInt16(scalar.value) : 0
    }
}
