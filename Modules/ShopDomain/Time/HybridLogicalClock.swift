/// A hybrid logical clock timestamp: wall-clock milliseconds plus a counter.
///
/// Used to show ops in a sensible order across devices and to break ties; correctness never
/// depends on it (DESIGN.md). Sorts by wall time, then counter.
public struct HLC: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var wallMillis: Int64
    public var counter: Int32

    public init(wallMillis: Int64, counter: Int32 = 0) {
        self.wallMillis = wallMillis
        self.counter = counter
    }

    public static let zero = HLC(wallMillis: 0)

    public static func < (lhs: HLC, rhs: HLC) -> Bool {
        (lhs.wallMillis, lhs.counter) < (rhs.wallMillis, rhs.counter)
    }

    /// `1764468000000.0003`: the form hashed into an op's canonical encoding.
    public var description: String {
        // The same text written straight into the string's storage: every op's time is hashed
        // and stored, and a merge does both for every op.
        String(unsafeUninitializedCapacity: HLC.maxTextCount) { write(into: $0) }
    }

    /// The most bytes `write(into:)` writes.
    public static let maxTextCount = 32

    /// Writes `description`'s UTF-8 into `buffer` (at least `maxTextCount` bytes), without making
    /// a string; returns how many bytes it wrote.
    public func write(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard wallMillis >= 0, counter >= 0 else {
            let c = String(counter)
            let text = "\(wallMillis)." + String(repeating: "0", count: max(0, 4 - c.count)) + c
            return buffer.initialize(from: text.utf8).1
        }
        var count = 0
        func digits(_ value: Int64, width: Int) {
            var digits = 1, rest = value / 10
            while rest > 0 { digits += 1; rest /= 10 }
            var value = value
            for position in stride(from: count + max(width, digits) - 1, through: count, by: -1) {
                buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
            count += max(width, digits)
        }
        digits(wallMillis, width: 1)
        buffer[count] = UInt8(ascii: ".")
        count += 1
        digits(Int64(counter), width: 4)
        return count
    }

    public init?(_ text: String) {
        let parts = text.split(separator: ".")
        guard parts.count == 2, let wall = Int64(parts[0]), let count = Int32(parts[1]) else { return nil }
        self.init(wallMillis: wall, counter: count)
    }

    /// The next timestamp for a local event: never before `last`, never behind the physical clock.
    public static func tick(after last: HLC, physicalMillis: Int64) -> HLC {
        if physicalMillis > last.wallMillis {
            return HLC(wallMillis: physicalMillis)
        }
        return HLC(wallMillis: last.wallMillis, counter: last.counter + 1)
    }

    /// The next timestamp after receiving `remote`: after both `last` and `remote`.
    public static func receive(_ remote: HLC, after last: HLC, physicalMillis: Int64) -> HLC {
        let wall = max(physicalMillis, last.wallMillis, remote.wallMillis)
        if wall == last.wallMillis && wall == remote.wallMillis {
            return HLC(wallMillis: wall, counter: max(last.counter, remote.counter) + 1)
        } else if wall == last.wallMillis {
            return HLC(wallMillis: wall, counter: last.counter + 1)
        } else if wall == remote.wallMillis {
            return HLC(wallMillis: wall, counter: remote.counter + 1)
        }
        return HLC(wallMillis: wall)
    }
}
