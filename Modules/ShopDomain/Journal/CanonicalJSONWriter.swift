/// Writes canonical JSON directly, for the few payloads made by the hundred thousand (an order
/// export's `order.imported`): the same bytes `CanonicalJSON.encode` gives through `Encodable`,
/// without building a tree of the value first. The payload writes its members in sorted key
/// order (byte order, as `JSONEncoder`'s `.sortedKeys` does) and leaves nil members out, as the
/// synthesized `encodeIfPresent` does; a test holds each writer to `JSONEncoder`.
public protocol CanonicalJSONWritable {
    func write(to json: inout CanonicalJSONWriter)
}

public struct CanonicalJSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Whether the object or array being written has no member yet.
    private var first = true

    init() {
        bytes.reserveCapacity(1024)
    }

    static func encode(_ value: some CanonicalJSONWritable) -> String {
        var writer = CanonicalJSONWriter()
        value.write(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    // MARK: Members of an object

    public mutating func object(_ body: (inout CanonicalJSONWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        let outer = first
        first = true
        body(&self)
        first = outer
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func member(_ key: StaticString, _ value: String) {
        name(key)
        string(value)
    }

    public mutating func member(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        member(key, value)
    }

    public mutating func member(_ key: StaticString, _ value: Int64) {
        name(key)
        integer(value)
    }

    public mutating func member(_ key: StaticString, _ value: Int64?) {
        guard let value else { return }
        member(key, value)
    }

    public mutating func member(_ key: StaticString, _ value: Int) {
        member(key, Int64(value))
    }

    public mutating func member(_ key: StaticString, _ value: Bool) {
        name(key)
        bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
    }

    /// A member whose value `body` writes whole (an object of its own, say).
    public mutating func member(_ key: StaticString, value body: (inout CanonicalJSONWriter) -> Void) {
        name(key)
        body(&self)
    }

    public mutating func member<Element>(_ key: StaticString, array elements: [Element],
                                         _ each: (inout CanonicalJSONWriter, Element) -> Void) {
        name(key)
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            each(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    // MARK: Pieces

    private mutating func name(_ key: StaticString) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func string(_ value: String) {
        CanonicalEncoder.writeString(value, into: &bytes)
    }

    private mutating func integer(_ value: Int64) {
        bytes.append(contentsOf: String(value).utf8)
    }
}
