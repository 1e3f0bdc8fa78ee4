/// The file formats a product's image folder holds, told apart by their first bytes.
public enum ImageFormat: String, Sendable, Codable, CaseIterable {
    case jpeg, png, psd

    /// The format the bytes start like, if any: JPEG's SOI `FF D8 FF`, PNG's eight-byte
    /// signature, Photoshop's `8BPS`.
    public static func sniff(_ bytes: ArraySlice<UInt8>) -> ImageFormat? {
        let b = Array(bytes.prefix(8))
        if b.count >= 3, b[0] == 0xFF, b[1] == 0xD8, b[2] == 0xFF { return .jpeg }
        if b == ImageHeader.pngSignature { return .png }
        if b.count >= 4, b[0] == 0x38, b[1] == 0x42, b[2] == 0x50, b[3] == 0x53 { return .psd }
        return nil
    }
}

/// An image's size as its own header states it (DES-2: the main image's width is read, never
/// taken from a name).
public struct ImageHeader: Sendable, Equatable {
    public var format: ImageFormat
    public var width: Int
    public var height: Int

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Why a header could not be read.
    public enum Problem: Error, Sendable, Equatable {
        /// The bytes are another format (or none known).
        case otherFormat(ImageFormat?)
        /// The file ends inside the header.
        case truncated
        /// A JPEG whose frame header (SOFn) does not come before its scan data.
        case noFrameHeader
        /// A PSD of a version other than 1 (PSD) or 2 (PSB).
        case badVersion(Int)
    }

    /// Reads the header of `bytes` (the file's start) as `format`.
    public static func read(_ bytes: ArraySlice<UInt8>, as format: ImageFormat) throws(Problem) -> ImageHeader {
        switch format {
        case .jpeg: try jpeg(bytes)
        case .png: try png(bytes)
        case .psd: try psd(bytes)
        }
    }

    /// JPEG: SOI, then marker segments until a start-of-frame (SOF0 baseline, SOF1, SOF2
    /// progressive, … — every SOFn but DHT `C4`, JPG `C8` and DAC `CC`), whose payload is
    /// precision (1 byte), height and width (2 bytes each, big-endian).
    static func jpeg(_ bytes: ArraySlice<UInt8>) throws(Problem) -> ImageHeader {
        let b = Array(bytes)
        guard b.count >= 2 else { throw .truncated }
        guard b[0] == 0xFF, b[1] == 0xD8 else { throw .otherFormat(ImageFormat.sniff(bytes)) }
        var i = 2
        while true {
            guard i < b.count else { throw .truncated }
            guard b[i] == 0xFF else { throw .noFrameHeader }  // garbage where a marker belongs
            while i < b.count, b[i] == 0xFF { i += 1 }  // fill bytes
            guard i < b.count else { throw .truncated }
            let marker = b[i]
            i += 1
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { continue }  // no length
            if marker == 0xD9 || marker == 0xDA { throw .noFrameHeader }  // end of image, start of scan
            guard i + 1 < b.count else { throw .truncated }
            let length = Int(b[i]) << 8 | Int(b[i + 1])
            guard length >= 2 else { throw .noFrameHeader }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard i + 6 < b.count else { throw .truncated }
                let height = Int(b[i + 3]) << 8 | Int(b[i + 4])
                let width = Int(b[i + 5]) << 8 | Int(b[i + 6])
                return ImageHeader(format: .jpeg, width: width, height: height)
            }
            i += length
        }
    }

    /// PNG: the signature, then the first chunk, IHDR: length 13, type, width, height (4 bytes
    /// each, big-endian).
    static func png(_ bytes: ArraySlice<UInt8>) throws(Problem) -> ImageHeader {
        let b = Array(bytes.prefix(24))
        guard b.count >= 8 else { throw b.elementsEqual(pngSignature.prefix(b.count)) ? .truncated : .otherFormat(ImageFormat.sniff(bytes)) }
        guard Array(b.prefix(8)) == pngSignature else { throw .otherFormat(ImageFormat.sniff(bytes)) }
        guard b.count >= 24 else { throw .truncated }
        guard b[12] == 0x49, b[13] == 0x48, b[14] == 0x44, b[15] == 0x52 else { throw .otherFormat(nil) }  // "IHDR"
        return ImageHeader(format: .png, width: be32(b, 16), height: be32(b, 20))
    }

    /// PSD: `8BPS`, version 1 (2 for PSB), six reserved bytes, channels (2), height and width (4 each).
    static func psd(_ bytes: ArraySlice<UInt8>) throws(Problem) -> ImageHeader {
        let b = Array(bytes.prefix(26))
        guard b.count >= 4 else { throw b.elementsEqual([0x38, 0x42, 0x50, 0x53].prefix(b.count)) ? .truncated : .otherFormat(nil) }
        guard b[0] == 0x38, b[1] == 0x42, b[2] == 0x50, b[3] == 0x53 else { throw .otherFormat(ImageFormat.sniff(bytes)) }
        guard b.count >= 22 else { throw .truncated }
        let version = Int(b[4]) << 8 | Int(b[5])
        guard version == 1 || version == 2 else { throw .badVersion(version) }
        return ImageHeader(format: .psd, width: be32(b, 18), height: be32(b, 14))
    }

    private static func be32(_ b: [UInt8], _ at: Int) -> Int {
        Int(b[at]) << 24 | Int(b[at + 1]) << 16 | Int(b[at + 2]) << 8 | Int(b[at + 3])
    }
}
