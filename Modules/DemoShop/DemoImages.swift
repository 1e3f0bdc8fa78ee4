import Foundation

/// The demo's image folders, written byte by byte (no image library): small but real JPEGs
/// (SOI, APP0, a baseline frame header, a scan, EOI), PNGs (signature, IHDR, IDAT, IEND with
/// their CRCs) and PSD headers, so `zhanggui listing check` has something true to read.
enum DemoImages {
    static func jpeg(width: Int, height: Int, seed: Int) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00]
        bytes += [0xFF, 0xC0, 0x00, 0x11, 0x08] + be16(height) + be16(width) + [0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]
        bytes += [0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3F, 0x00]
        bytes += (0..<64).map { UInt8(truncatingIfNeeded: ($0 * 31 + seed * 17) % 251) }
        return bytes + [0xFF, 0xD9]
    }

    static func png(width: Int, height: Int) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", be32(width) + be32(height) + [8, 2, 0, 0, 0])
            + chunk("IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]) + chunk("IEND", [])
    }

    static func psd(width: Int, height: Int) -> [UInt8] {
        Array("8BPS".utf8) + [0x00, 0x01] + [UInt8](repeating: 0, count: 6) + [0x00, 0x03] + be32(height) + be32(width)
            + [0x00, 0x08, 0x00, 0x03] + [UInt8](repeating: 0, count: 12)
    }

    /// A complete folder: main image 01 at 710 px, details 02–06, a PSD for each, the raw of 01.
    static func complete(_ code: String) -> [(String, [UInt8])] {
        var files: [(String, [UInt8])] = [("\(code)-01.jpg", jpeg(width: 710, height: 710, seed: 1)), ("\(code)-01.psd", psd(width: 710, height: 710)),
                                          ("\(code)-01.cr2", Array("II*\u{0}CR demo raw \(code)".utf8))]
        for n in 2...6 {
            files.append(("\(code)-0\(n).jpg", jpeg(width: 750, height: 1000, seed: n)))
            files.append(("\(code)-0\(n).psd", psd(width: 750, height: 1000)))
        }
        return files
    }

    /// A folder with the mistakes designers make: a main image 750 px wide, near-miss names, a
    /// PNG named .jpg, a truncated JPEG, a PSD without its JPG, too few details.
    static func withMistakes(_ code: String) -> [(String, [UInt8])] {
        [
            ("\(code)-01.jpg", jpeg(width: 750, height: 750, seed: 11)), ("\(code)-01.psd", psd(width: 750, height: 750)),
            ("\(code)-1.JPG", jpeg(width: 710, height: 710, seed: 12)), ("\(code)_02.jpg", jpeg(width: 750, height: 1000, seed: 13)),
            ("\(code)-02.psd", psd(width: 750, height: 1000)), ("\(code)-03.jpg", png(width: 750, height: 1000)),
            ("\(code)-03.psd", psd(width: 750, height: 1000)), ("\(code)-04.jpg", Array(jpeg(width: 750, height: 1000, seed: 14).prefix(27))),
            ("\(code)-04.psd", psd(width: 750, height: 1000)),
        ]
    }

    static func write(_ files: [(String, [UInt8])], to folder: URL) throws {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
    }

    static func be16(_ n: Int) -> [UInt8] { [UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] }
    static func be32(_ n: Int) -> [UInt8] { [UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in typed {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return be32(data.count) + typed + be32(Int(crc ^ 0xFFFF_FFFF))
    }
}
