import Crypto
import Foundation

/// An operation (op): the immutable record of one thing a person did. The only way anything
/// changes (DESIGN.md, "One write path"). Ops chain per device: each names the hash of the one
/// before it, so an edited, deleted or truncated journal is detected.
public struct Op: Sendable, Equatable, Codable {
    public var deviceID: DeviceID
    /// Gapless per device, from 1.
    public var deviceSeq: Int64
    public var hlc: HLC
    public var actor: StaffID
    /// What happened: `staff.added`, `policy.set` …
    public var kind: String
    /// The payload's schema version.
    public var version: Int
    /// The payload in canonical JSON (sorted keys). Hashed exactly as stored.
    public var payload: String
    public var prevHash: String
    public var hash: String

    public var id: OpID { OpID(deviceID: deviceID, deviceSeq: deviceSeq) }

    /// The hash a chain starts from.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Seals a draft as the next op of a device: fills in the chain and computes the hash.
    public init(draft: OpDraft, deviceID: DeviceID, deviceSeq: Int64, hlc: HLC, prevHash: String) {
        self.deviceID = deviceID
        self.deviceSeq = deviceSeq
        self.hlc = hlc
        self.actor = draft.actor
        self.kind = draft.kind
        self.version = draft.version
        self.payload = draft.payload
        self.prevHash = prevHash
        self.hash = ""
        self.hash = computedHash()
    }

    /// An op exactly as stored or received; its hash is taken as given (check with `hasValidHash`).
    public init(deviceID: DeviceID, deviceSeq: Int64, hlc: HLC, actor: StaffID, kind: String, version: Int,
                payload: String, prevHash: String, hash: String) {
        self.deviceID = deviceID
        self.deviceSeq = deviceSeq
        self.hlc = hlc
        self.actor = actor
        self.kind = kind
        self.version = version
        self.payload = payload
        self.prevHash = prevHash
        self.hash = hash
    }

    /// The canonical encoding the hash covers: a format tag, then every field but the hash,
    /// one per line. JSON escapes newlines and IDs never hold one, so the form is unambiguous.
    public var canonicalForm: String {
        [
            "zhanggui-op/1", deviceID.rawValue, String(deviceSeq), hlc.description, actor.rawValue,
            kind, String(version), prevHash, payload,
        ].joined(separator: "\n")
    }

    /// SHA-256 of the canonical form, lowercase hex.
    public func computedHash() -> String {
        canonicalDigest().hexString
    }

    /// SHA-256 of the canonical form, written field by field into one scratch buffer rather than
    /// building the form's string first (a merge checks every incoming op): no allocation.
    func canonicalDigest() -> SHA256.Digest {
        let texts = deviceID.rawValue.utf8.count + actor.rawValue.utf8.count + kind.utf8.count + prevHash.utf8.count
            + payload.utf8.count
        // The tag, 8 separators, two integers of at most 20 characters and the HLC.
        let capacity = 13 + 8 + 40 + HLC.maxTextCount + texts
        var hasher = SHA256()
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var count = 0
            func put(_ text: String) {
                let copied = text.utf8.withContiguousStorageIfAvailable { bytes in
                    if let source = bytes.baseAddress { (buffer.baseAddress! + count).initialize(from: source, count: bytes.count) }
                    return bytes.count
                }
                count += copied ?? UnsafeMutableBufferPointer(rebasing: buffer[count...]).initialize(from: text.utf8).1
            }
            func separator() {
                buffer[count] = UInt8(ascii: "\n")
                count += 1
            }
            func put(_ number: Int64) {
                var digits = 1, rest = number / 10
                while rest != 0 { digits += 1; rest /= 10 }
                if number < 0 {
                    buffer[count] = UInt8(ascii: "-")
                    count += 1
                }
                var value = number
                for position in stride(from: count + digits - 1, through: count, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8((value % 10).magnitude)
                    value /= 10
                }
                count += digits
            }
            put("zhanggui-op/1")
            separator(); put(deviceID.rawValue)
            separator(); put(deviceSeq)
            separator(); count += hlc.write(into: UnsafeMutableBufferPointer(rebasing: buffer[count...]))
            separator(); put(actor.rawValue)
            separator(); put(kind)
            separator(); put(Int64(version))
            separator(); put(prevHash)
            separator(); put(payload)
            hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[..<count])))
        }
        return hasher.finalize()
    }

    /// Whether `hash` is the lowercase hex of the canonical form's SHA-256, compared digit by
    /// digit without making the hex string.
    public var hasValidHash: Bool {
        let digest = canonicalDigest()
        var hash = hash
        return hash.withUTF8 { expected in
            guard expected.count == 64 else { return false }
            return digest.withUnsafeBytes { bytes in
                Op.hexDigits.withUnsafeBufferPointer { digits in
                    for index in 0..<32 {
                        let byte = bytes[index]
                        if expected[2 * index] != digits[Int(byte >> 4)] || expected[2 * index + 1] != digits[Int(byte & 0x0F)] { return false }
                    }
                    return true
                }
            }
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The typed payload.
    public func decode<P: OpPayload>(_: P.Type) throws(PayloadError) -> P {
        guard kind == P.kind else { throw .wrongKind(expected: P.kind, found: kind) }
        guard version <= P.version else { throw .newerVersion(kind: kind, version: version, known: P.version) }
        if let fast = try? CanonicalDecoder.decode(P.self, from: payload) { return fast }
        do {
            return try JSONDecoder().decode(P.self, from: Data(payload.utf8))
        } catch {
            throw .undecodable(kind: kind, reason: String(describing: error))
        }
    }
}

/// `deviceID:deviceSeq`: an op's identity everywhere.
public struct OpID: Sendable, Hashable, Codable, CustomStringConvertible {
    public var deviceID: DeviceID
    public var deviceSeq: Int64

    public init(deviceID: DeviceID, deviceSeq: Int64) {
        self.deviceID = deviceID
        self.deviceSeq = deviceSeq
    }

    public var description: String { "\(deviceID.short):\(deviceSeq)" }
}

/// An op before it is sealed into a device's chain: who did what.
public struct OpDraft: Sendable, Equatable {
    public var actor: StaffID
    public var kind: String
    public var version: Int
    public var payload: String
    /// The typed payload the JSON was made from, so applying it locally needs no decoding.
    public let value: any OpPayload

    public init<P: OpPayload>(actor: StaffID, _ payload: P) {
        self.actor = actor
        self.kind = P.kind
        self.version = P.version
        self.payload = CanonicalJSON.encode(payload)
        self.value = payload
    }

    public static func == (lhs: OpDraft, rhs: OpDraft) -> Bool {
        (lhs.actor, lhs.kind, lhs.version, lhs.payload) == (rhs.actor, rhs.kind, rhs.version, rhs.payload)
    }
}

/// A typed, versioned op payload. Each feature module defines its own.
public protocol OpPayload: Codable, Sendable, Equatable {
    /// The op's kind, `area.verb-ed`: `staff.added`.
    static var kind: String { get }
    /// Bumped when the payload's shape changes; old versions stay decodable.
    static var version: Int { get }
}

/// The one JSON form payloads are written in: sorted keys, no escaped slashes.
public enum CanonicalJSON {
    public static func encode<T: Encodable>(_ value: T) -> String {
        if let writable = value as? any CanonicalJSONWritable { return CanonicalJSONWriter.encode(writable) }
        if let fast = try? CanonicalEncoder.encode(value) { return fast }
        return foundationEncode(value)
    }

    /// `JSONEncoder`'s form, which `CanonicalEncoder` reproduces.
    static func foundationEncode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Payloads are plain values (strings, integers, arrays): encoding cannot fail.
        let data = try! encoder.encode(value)
        return String(decoding: data, as: UTF8.self)
    }
}

public enum PayloadError: Error, Equatable, Sendable {
    case wrongKind(expected: String, found: String)
    case newerVersion(kind: String, version: Int, known: Int)
    case undecodable(kind: String, reason: String)
}

extension PayloadError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .wrongKind(let expected, let found):
            language.pick(zh: "操作类型不符：应为 \(expected)，实为 \(found)", en: "wrong op kind: expected \(expected), found \(found)")
        case .newerVersion(let kind, let version, let known):
            language.pick(zh: "操作 \(kind) 的版本 \(version) 比本程序认识的 \(known) 新：请升级掌柜",
                          en: "op \(kind) has version \(version), newer than this program knows (\(known)): upgrade Zhanggui")
        case .undecodable(let kind, let reason):
            language.pick(zh: "操作 \(kind) 的内容无法读取：\(reason)", en: "the payload of op \(kind) cannot be read: \(reason)")
        }
    }
}

extension Sequence where Element == UInt8 {
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in self {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// SHA-256 of a text, lowercase hex: what a signature binds (DESIGN.md, merging: a signature
/// made on content that changed meanwhile is stale).
public enum ContentHash {
    public static func of(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).hexString
    }
}
