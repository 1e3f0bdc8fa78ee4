import Testing
@testable import Listing

@Suite("Image headers read from the bytes (DES-2)")
struct ImageHeaderTests {
    @Test("a PNG's IHDR gives its width")
    func png() throws {
        let header = try ImageHeader.read(ImageBytes.png(width: 710, height: 400)[...], as: .png)
        #expect(header == ImageHeader(format: .png, width: 710, height: 400))
    }

    @Test("a baseline (SOF0) and a progressive (SOF2) JPEG, also after a large APP1 segment")
    func jpeg() throws {
        #expect(try ImageHeader.read(ImageBytes.jpeg(width: 710, height: 900)[...], as: .jpeg).width == 710)
        #expect(try ImageHeader.read(ImageBytes.jpeg(width: 800, progressive: true)[...], as: .jpeg).width == 800)
        let big = try ImageHeader.read(ImageBytes.jpeg(width: 711, height: 950, exif: 60_000)[...], as: .jpeg)
        #expect(big == ImageHeader(format: .jpeg, width: 711, height: 950))
    }

    @Test("a PSD header: 8BPS, version 1, height then width")
    func psd() throws {
        #expect(try ImageHeader.read(ImageBytes.psd(width: 710, height: 900)[...], as: .psd) == ImageHeader(format: .psd, width: 710, height: 900))
        var wrongVersion = ImageBytes.psd(width: 710)
        wrongVersion[5] = 7
        #expect(throws: ImageHeader.Problem.badVersion(7)) { try ImageHeader.read(wrongVersion[...], as: .psd) }
    }

    @Test("truncated files, files that are another format, and a JPEG with no frame header")
    func problems() {
        let jpeg = ImageBytes.jpeg(width: 710)
        #expect(throws: ImageHeader.Problem.truncated) { try ImageHeader.read(jpeg.prefix(24), as: .jpeg) }
        #expect(throws: ImageHeader.Problem.truncated) { try ImageHeader.read(ImageBytes.png(width: 710).prefix(20), as: .png) }
        #expect(throws: ImageHeader.Problem.truncated) { try ImageHeader.read(ImageBytes.psd(width: 710).prefix(10), as: .psd) }
        #expect(throws: ImageHeader.Problem.truncated) { try ImageHeader.read([][...], as: .jpeg) }
        #expect(throws: ImageHeader.Problem.otherFormat(.png)) { try ImageHeader.read(ImageBytes.png(width: 710)[...], as: .jpeg) }
        #expect(throws: ImageHeader.Problem.otherFormat(.jpeg)) { try ImageHeader.read(jpeg[...], as: .png) }
        #expect(throws: ImageHeader.Problem.otherFormat(nil)) { try ImageHeader.read(Array("<html>not an image</html>".utf8)[...], as: .jpeg) }
        // SOI, APP0, then straight to the scan: no size anywhere.
        let noFrame: [UInt8] = Array(jpeg.prefix(20)) + [0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0xFF, 0xD9]
        #expect(throws: ImageHeader.Problem.noFrameHeader) { try ImageHeader.read(noFrame[...], as: .jpeg) }
    }

    @Test("the format is sniffed from the first bytes")
    func sniff() {
        #expect(ImageFormat.sniff(ImageBytes.jpeg(width: 1)[...]) == .jpeg)
        #expect(ImageFormat.sniff(ImageBytes.png(width: 1)[...]) == .png)
        #expect(ImageFormat.sniff(ImageBytes.psd(width: 1)[...]) == .psd)
        #expect(ImageFormat.sniff(Array("GIF89a".utf8)[...]) == nil)
    }
}
