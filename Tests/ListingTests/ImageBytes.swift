import Foundation

/// Real, small image files written byte by byte: a PNG with its IHDR (and CRCs), a baseline or
/// progressive JPEG with SOI, APP0, a frame header and EOI, a PSD header.
enum ImageBytes {
    static func png(width: Int, height: Int = 400) -> [UInt8] {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        bytes += chunk("IHDR", be32(width) + be32(height) + [8, 2, 0, 0, 0])
        bytes += chunk("IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01])
        bytes += chunk("IEND", [])
        return bytes
    }

    /// `progressive`: SOF2 instead of SOF0. `exif`: an APP1 segment of that many bytes before the frame.
    static func jpeg(width: Int, height: Int = 900, progressive: Bool = false, exif: Int = 0) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8]
        bytes += [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]
        if exif > 0 { bytes += [0xFF, 0xE1] + be16(exif + 2) + [UInt8](repeating: 0x45, count: exif) }
        bytes += [0xFF, progressive ? 0xC2 : 0xC0, 0x00, 0x11, 0x08] + be16(height) + be16(width)
        bytes += [0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]
        bytes += [0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3F, 0x00, 0x12, 0x34]
        bytes += [0xFF, 0xD9]
        return bytes
    }

    static func psd(width: Int, height: Int = 900) -> [UInt8] {
        Array("8BPS".utf8) + [0x00, 0x01] + [UInt8](repeating: 0, count: 6) + [0x00, 0x03] + be32(height) + be32(width)
            + [0x00, 0x08, 0x00, 0x03] + [UInt8](repeating: 0, count: 12)
    }

    static func be16(_ n: Int) -> [UInt8] { [UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] }
    static func be32(_ n: Int) -> [UInt8] { [UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        return be32(data.count) + typed + be32(Int(crc32(typed)))
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }
}

/// A temporary image folder a test fills.
struct TempFolder {
    let url: URL

    init(_ label: String = "images") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: url.appendingPathComponent(name))
    }

    func remove(_ name: String) throws {
        try FileManager.default.removeItem(at: url.appendingPathComponent(name))
    }

    /// A complete product folder: main image 01 at `width`, detail images 02…(details+1), each with its PSD, and a raw of 01.
    func fillComplete(_ code: String, width: Int = 710, details: Int = 5) throws {
        try write("\(code)-01.jpg", ImageBytes.jpeg(width: width))
        try write("\(code)-01.psd", ImageBytes.psd(width: width))
        try write("\(code)-01.cr2", Array("raw sensor data".utf8))
        for n in 2...(details + 1) {
            let name = "\(code)-0\(n)"
            try write("\(name).jpg", ImageBytes.jpeg(width: 750, height: 1000 + n))
            try write("\(name).psd", ImageBytes.psd(width: 750, height: 1000 + n))
        }
    }

    /// A byte-for-byte copy elsewhere (the backup computer).
    func copy() throws -> TempFolder {
        let other = try TempFolder("backup")
        for name in try FileManager.default.contentsOfDirectory(atPath: path) {
            try FileManager.default.copyItem(at: url.appendingPathComponent(name), to: other.url.appendingPathComponent(name))
        }
        return other
    }
}
