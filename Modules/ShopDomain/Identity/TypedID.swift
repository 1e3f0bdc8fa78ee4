import Foundation

/// A string identifier with a type of its own, so a `StaffID` is never passed where an
/// `OrderID` is expected. Encodes as a bare string.
public protocol TypedID: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    CustomStringConvertible where RawValue == String {
    init(rawValue: String)
}

extension TypedID {
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The first 8 characters: enough to tell records apart on screen.
    public var short: String { String(rawValue.prefix(8)) }
}

/// One database file (a notebook): made once when the file is created.
public struct DeviceID: TypedID { public let rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }
/// A person working in the shop.
public struct StaffID: TypedID { public let rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }
/// A Taobao order number: a string of 16–19 digits, never a number.
public struct OrderID: TypedID { public let rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }

/// Makes new identifiers: random UUIDs in use, a seeded sequence for demos and tests.
public struct IDSource: Sendable {
    private let make: @Sendable () -> String

    public init(_ make: @escaping @Sendable () -> String) {
        self.make = make
    }

    public func next<ID: TypedID>(_: ID.Type = ID.self) -> ID {
        ID(rawValue: make())
    }

    /// Random version-4 UUIDs, lowercased.
    public static let random = IDSource { UUID().uuidString.lowercased() }

    /// UUID-shaped identifiers from a seeded generator: the same seed gives the same sequence.
    public static func seeded(_ seed: UInt64) -> IDSource {
        let state = SeededState(seed: seed)
        return IDSource { state.nextUUID() }
    }
}

/// SplitMix64 behind a lock, so a seeded `IDSource` is `Sendable` without `@unchecked`.
final class SeededState: Sendable {
    private let generator: LockedValue<SeededGenerator>

    init(seed: UInt64) {
        generator = LockedValue(SeededGenerator(seed: seed))
    }

    func nextUUID() -> String {
        let (a, b) = generator.withValue { ($0.next(), $0.next()) }
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        for (index, word) in [a, b].enumerated() {
            for nibble in 0..<16 {
                let position = index * 16 + nibble
                if position == 8 || position == 12 || position == 16 || position == 20 { bytes.append(UInt8(ascii: "-")) }
                bytes.append(digits[Int((word >> (60 - 4 * UInt64(nibble))) & 0xF)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A small deterministic random generator (SplitMix64) for demos and tests: `--seed N`.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
