import Foundation

/// A small JSON encoder for op payloads: sorted keys, no escaped slashes, byte for byte what
/// `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` writes for the same values
/// (a test holds it to that), about three times faster. Payloads are strings, integers, booleans,
/// arrays and nested objects; anything else (a floating-point number) makes it give up, and
/// `CanonicalJSON` uses `JSONEncoder` instead.
struct CanonicalEncoder {
    struct Unsupported: Error {}

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let root = Slot()
        try value.encode(to: NodeEncoder(slot: root))
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(root, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// One value being built. Arrays and objects keep their children here, in the class, so adding
    /// one never copies the others.
    final class Slot {
        var value: Value = .object
        var items: [Slot] = []
        var members: [(key: String, slot: Slot)] = []
    }

    enum Value {
        case null, bool(Bool), int(Int64), uint(UInt64), string(String), array, object
    }

    static func write(_ slot: Slot, into out: inout [UInt8]) {
        switch slot.value {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .int(let n): out += Array(String(n).utf8)
        case .uint(let n): out += Array(String(n).utf8)
        case .string(let s): writeString(s, into: &out)
        case .array:
            out.append(UInt8(ascii: "["))
            for (index, item) in slot.items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object:
            out.append(UInt8(ascii: "{"))
            // A key written twice keeps its last value, as a dictionary would.
            var latest: [String: Slot] = [:]
            for member in slot.members { latest[member.key] = member.slot }
            for (index, key) in latest.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(latest[key]!, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most text needs no escape: copied whole (a byte at a time was a twentieth of an order
        // import's reading thread, issue 20).
        let copied = s.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied == true {
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

private struct NodeEncoder: Encoder {
    let slot: CanonicalEncoder.Slot
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = slot.value {} else { slot.value = .object }
        return KeyedEncodingContainer(Keyed<Key>(slot: slot))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        slot.value = .array
        return Unkeyed(slot: slot)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot) }
}

private func encodeValue<T: Encodable>(_ value: T, into slot: CanonicalEncoder.Slot) throws {
    switch value {
    case let s as String: slot.value = .string(s)
    case let b as Bool: slot.value = .bool(b)
    case let n as Int: slot.value = .int(Int64(n))
    case let n as Int64: slot.value = .int(n)
    case let n as Int32: slot.value = .int(Int64(n))
    case let n as UInt64: slot.value = .uint(n)
    case is Double, is Float, is Date, is Data, is URL, is Decimal: throw CanonicalEncoder.Unsupported()
    default: try value.encode(to: NodeEncoder(slot: slot))
    }
}

private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: CanonicalEncoder.Slot
    var codingPath: [any CodingKey] { [] }

    private func set(_ key: Key, _ value: CanonicalEncoder.Value) {
        let child = CanonicalEncoder.Slot()
        child.value = value
        add(key, child)
    }

    private func add(_ key: Key, _ child: CanonicalEncoder.Slot) {
        slot.members.append((key.stringValue, child))
    }

    mutating func encodeNil(forKey key: Key) throws { set(key, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(key, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(key, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw CanonicalEncoder.Unsupported() }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw CanonicalEncoder.Unsupported() }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(key, .int(Int64(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(key, .int(Int64(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(key, .int(Int64(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(key, .int(Int64(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(key, .int(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(key, .uint(UInt64(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(key, .uint(UInt64(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(key, .uint(UInt64(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(key, .uint(UInt64(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(key, .uint(value)) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let child = CanonicalEncoder.Slot()
        try encodeValue(value, into: child)
        add(key, child)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = CanonicalEncoder.Slot()
        add(key, child)
        return KeyedEncodingContainer(Keyed<NestedKey>(slot: child))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = CanonicalEncoder.Slot()
        child.value = .array
        add(key, child)
        return Unkeyed(slot: child)
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(slot: slot) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = CanonicalEncoder.Slot()
        add(key, child)
        return NodeEncoder(slot: child)
    }
}

private struct Unkeyed: UnkeyedEncodingContainer {
    let slot: CanonicalEncoder.Slot
    var codingPath: [any CodingKey] { [] }
    var count: Int { slot.items.count }

    private func append(_ child: CanonicalEncoder.Slot) {
        slot.items.append(child)
    }

    mutating func encodeNil() throws {
        let child = CanonicalEncoder.Slot()
        child.value = .null
        append(child)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let child = CanonicalEncoder.Slot()
        try encodeValue(value, into: child)
        append(child)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = CanonicalEncoder.Slot()
        append(child)
        return KeyedEncodingContainer(Keyed<NestedKey>(slot: child))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = CanonicalEncoder.Slot()
        child.value = .array
        append(child)
        return Unkeyed(slot: child)
    }

    mutating func superEncoder() -> any Encoder {
        let child = CanonicalEncoder.Slot()
        append(child)
        return NodeEncoder(slot: child)
    }
}

private struct Single: SingleValueEncodingContainer {
    let slot: CanonicalEncoder.Slot
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { slot.value = .null }
    mutating func encode(_ value: Bool) throws { slot.value = .bool(value) }
    mutating func encode(_ value: String) throws { slot.value = .string(value) }
    mutating func encode(_ value: Double) throws { throw CanonicalEncoder.Unsupported() }
    mutating func encode(_ value: Float) throws { throw CanonicalEncoder.Unsupported() }
    mutating func encode(_ value: Int) throws { slot.value = .int(Int64(value)) }
    mutating func encode(_ value: Int8) throws { slot.value = .int(Int64(value)) }
    mutating func encode(_ value: Int16) throws { slot.value = .int(Int64(value)) }
    mutating func encode(_ value: Int32) throws { slot.value = .int(Int64(value)) }
    mutating func encode(_ value: Int64) throws { slot.value = .int(value) }
    mutating func encode(_ value: UInt) throws { slot.value = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { slot.value = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { slot.value = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { slot.value = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { slot.value = .uint(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encodeValue(value, into: slot) }
}
