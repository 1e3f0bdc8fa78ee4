import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// GB18030 to UTF-8 without a round trip through Foundation for every cell: the seller centre's
/// exports are GB18030, and a 100,000-order export has millions of Chinese characters.
///
/// Nearly all of them are two-byte codes (lead 0x81–0xFE, trail 0x40–0x7E or 0x80–0xFE), which
/// map to one BMP scalar each; those are looked up in a table built once, on first use, by asking
/// the C library's iconv for each of the 23,940 codes (a few milliseconds). A field holding a
/// four-byte code, or a byte sequence the table does not know, is decoded by Foundation as
/// before, which also decides whether the bytes are valid at all.
enum GB18030 {
    /// Appends the UTF-8 of `bytes` (GB18030) to `out`; false when they are not valid GB18030.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        let start = out.count
        if let table = twoByteTable, fastDecode(bytes, table, into: &out) { return true }
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

    /// Scalar per two-byte code (0: not mapped, or outside the BMP); nil when iconv has no
    /// GB18030 here (every field then goes through Foundation).
    private static let twoByteTable: [UInt16]? = buildTable()

    /// Codes the C library maps otherwise than Foundation (GB18030-2005 against 2022: A3A0 is
    /// U+E5E5 in one, U+3000 in the other); left to Foundation, so the table changes no result.
    /// A test compares every code.
    private static let foundationDiffers: Set<UInt16> = [0xA3A0]

    private static func buildTable() -> [UInt16]? {
        #if canImport(Glibc)
        let converter = iconv_open("UTF-32LE", "GB18030")
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var table = [UInt16](repeating: 0, count: 126 * columns)
        var input: [CChar] = [0, 0]
        var output: [UInt32] = [0, 0]
        for lead in 0x81...0xFE {
            for trail in 0x40...0xFE where trail != 0x7F {
                input[0] = CChar(bitPattern: UInt8(lead))
                input[1] = CChar(bitPattern: UInt8(trail))
                let converted: Int = input.withUnsafeMutableBufferPointer { inBuffer in
                    output.withUnsafeMutableBytes { outBuffer in
                        var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                        var inLeft = 2
                        var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                        var outLeft = outBuffer.count
                        iconv(converter, nil, nil, nil, nil)
                        let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                        guard result != -1, inLeft == 0 else { return 0 }
                        return (outBuffer.count - outLeft) / 4
                    }
                }
                guard converted == 1, output[0] >= 0x80, output[0] <= 0xFFFF, !(0xD800...0xDFFF).contains(output[0]),
                      !foundationDiffers.contains(UInt16(lead) << 8 | UInt16(trail)) else { continue }
                table[(lead - 0x81) * columns + trailColumn(UInt8(trail))!] = UInt16(output[0])
            }
        }
        return table
        #else
        return nil
        #endif
    }
}
