import ShopDomain

extension DeviceID {
    /// Whether this is a device ID as notebooks make them: a UUID in its canonical lowercase
    /// form, 8-4-4-4-12 hexadecimal digits (`IDSource.random` and `.seeded`). The hub binds a
    /// token only to such an ID (issue 19: a push with `"device": "x"` bound a token for good).
    public var isWellFormed: Bool {
        let bytes = Array(rawValue.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            switch index {
            case 8, 13, 18, 23:
                guard byte == UInt8(ascii: "-") else { return false }
            default:
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                else { return false }
            }
        }
        return true
    }
}
