import Crypto
import Foundation

extension ContentHash {
    /// SHA-256 of bytes, lowercase hex: a receipt photo in the fund's ledger (DISC-4).
    public static func of(bytes: Data) -> String {
        SHA256.hash(data: bytes).hexString
    }

    /// Whether `text` is a SHA-256 in lowercase hex.
    public static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
