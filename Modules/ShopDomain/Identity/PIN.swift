import Crypto
import CryptoExtras
import Foundation

/// A staff member's PIN for the terminal UI: 4–8 digits, stored only as a salted, slow hash
/// (PBKDF2-HMAC-SHA256), so a copied database does not give the PINs away cheaply.
public enum PIN {
    public static let rounds = 60_000

    public static func validate(_ pin: String) throws(PINError) -> String {
        let digits = pin.trimmingWhitespace()
        guard (4...8).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .badPIN }
        return digits
    }

    /// 16 random bytes, hex.
    public static func newSalt() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }.hexString
    }

    public static func hash(_ pin: String, salt: String, rounds: Int = PIN.rounds) -> String {
        let key = try? KDF.Insecure.PBKDF2.deriveKey(from: Data(pin.utf8), salt: Data(salt.utf8), using: .sha256, outputByteCount: 32,
                                                      unsafeUncheckedRounds: rounds)
        return key.map { $0.withUnsafeBytes { Array($0).hexString } } ?? ""
    }
}

public enum PINError: Error, Equatable, Sendable {
    case badPIN
}

extension PINError: ShopError {
    public func message(in language: Language) -> String {
        language.pick(zh: "PIN 应为 4–8 位数字", en: "a PIN is 4–8 digits")
    }
}
