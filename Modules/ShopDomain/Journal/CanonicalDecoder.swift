import Foundation

/// A small JSON decoder for op payloads, the counterpart of `CanonicalEncoder`: a merge decodes
/// every incoming op, and `JSONDecoder` costs several microseconds per payload. It reads strings,
/// integers, booleans, null, arrays and objects; anything else — a fraction or exponent, `-0`, an
/// integer that does not fit, a duplicate key, a lone surrogate, a `Date`/`Data`/`URL`/`Decimal`
/// (which `JSONDecoder` treats specially), any decoding error at all — makes it give up, and
/// `Op.decode` asks `JSONDecoder`, so results and error messages stay `JSONDecoder`'s (a test
/// holds the two to the same values).
struct CanonicalDecoder {
    struct Unsupported: Error {}

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        var text = text
        let value = try text.withUTF8 { bytes in
            var parser = Parser(bytes: bytes)
            let value = try parser.value(depth: 0)
            parser.skipWhitespace()
            guard parser.index == bytes.count else { throw Unsupported() }
            return value
        }
        return try NodeDecoder(value: value, parentPath: [], key: nil).decode(T.self)
    }

    enum Value {
        case null, bool(Bool), int(Int64), string(String), array([Value]), object([(key: String, value: Value)])
    }

    /// Strict JSON over UTF-8 bytes (the payload is a Swift string, so its bytes are valid UTF-8).
    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func value(depth: Int) throws -> Value {
            guard depth < 64 else { throw Unsupported() }
            skipWhitespace()
            guard index < bytes.count else { throw Unsupported() }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [(key: String, value: Value)] = []
                members.reserveCapacity(8)  // one allocation for a payload's usual few fields, not three
                skipWhitespace()
                if try consume(UInt8(ascii: "}")) { return .object(members) }
                repeat {
                    skipWhitespace()
                    let key = try string()
                    guard !members.contains(where: { $0.key == key }) else { throw Unsupported() }
                    skipWhitespace()
                    guard try consume(UInt8(ascii: ":")) else { throw Unsupported() }
                    members.append((key, try value(depth: depth + 1)))
                    skipWhitespace()
                } while try consume(UInt8(ascii: ","))
                guard try consume(UInt8(ascii: "}")) else { throw Unsupported() }
                return .object(members)
            case UInt8(ascii: "["):
                index += 1
                var items: [Value] = []
                skipWhitespace()
                if try consume(UInt8(ascii: "]")) { return .array(items) }
                repeat {
                    items.append(try value(depth: depth + 1))
                    skipWhitespace()
                } while try consume(UInt8(ascii: ","))
                guard try consume(UInt8(ascii: "]")) else { throw Unsupported() }
                return .array(items)
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"):
                try literal("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try literal("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try literal("null")
                return .null
            default:
                return .int(try integer())
            }
        }

        mutating func consume(_ byte: UInt8) throws -> Bool {
            guard index < bytes.count else { throw Unsupported() }
            guard bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func literal(_ word: StaticString) throws {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw Unsupported() }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw Unsupported() }
            index += count
        }

        /// `-?(0|[1-9][0-9]*)` that fits in 64 bits; not `-0`, no fraction, no exponent.
        mutating func integer() throws -> Int64 {
            let negative = try consume(UInt8(ascii: "-"))
            let start = index
            var magnitude: UInt64 = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(UInt64(bytes[index] - UInt8(ascii: "0")))
                guard !o1, !o2 else { throw Unsupported() }
                magnitude = sum
                index += 1
            }
            let digits = index - start
            guard digits > 0, bytes[start] != UInt8(ascii: "0") || digits == 1, !(negative && magnitude == 0) else { throw Unsupported() }
            if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) { throw Unsupported() }
            if negative {
                guard magnitude <= UInt64(Int64.max) + 1 else { throw Unsupported() }
                return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
            }
            guard magnitude <= UInt64(Int64.max) else { throw Unsupported() }
            return Int64(magnitude)
        }

        mutating func string() throws -> String {
            guard try consume(UInt8(ascii: "\"")) else { throw Unsupported() }
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
                guard bytes[index] >= 0x20 else { throw Unsupported() }
                index += 1
            }
            guard index < bytes.count else { throw Unsupported() }
            if bytes[index] == UInt8(ascii: "\"") {  // no escapes: the common case
                index += 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index - 1]), as: UTF8.self)
            }
            var out = Array(bytes[start..<index])
            while true {
                guard index < bytes.count else { throw Unsupported() }
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { throw Unsupported() }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800..<0xDC00).contains(scalar) {
                            guard try consume(UInt8(ascii: "\\")), try consume(UInt8(ascii: "u")) else { throw Unsupported() }
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else { throw Unsupported() }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let unicode = Unicode.Scalar(scalar) else { throw Unsupported() }
                        out += Array(String(Character(unicode)).utf8)
                    default:
                        throw Unsupported()
                    }
                default:
                    guard byte >= 0x20 else { throw Unsupported() }
                    out.append(byte)
                }
            }
        }

        mutating func hex4() throws -> UInt32 {
            guard index + 4 <= bytes.count else { throw Unsupported() }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw Unsupported()
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }
    }
}
