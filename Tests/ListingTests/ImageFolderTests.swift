import Foundation
import ShopDomain
import Testing
@testable import Listing

@Suite("The image folder checked from its files (DES-2, DES-3, DES-5)")
struct ImageFolderTests {
    func check(_ folder: TempFolder, backup: String?) throws -> ImageFolder.Result {
        try ImageFolder.check(code: "A123", directory: folder.path, backup: backup, requiredWidth: 710, detailImages: 5)
    }

    func codes(_ result: ImageFolder.Result) -> [String] {
        result.findings.map { "\($0.rule.rawValue):\($0.code):\($0.file ?? "")" }
    }

    @Test("a complete folder with an identical backup passes every rule; every file hashed")
    func complete() throws {
        let folder = try TempFolder()
        try folder.fillComplete("A123")
        let result = try check(folder, backup: try folder.copy().path)
        #expect(result.findings == [])
        #expect(result.mainWidth == 710)
        #expect(result.files.count == 13)
        #expect(result.backupFiles.count == 13)
        let main = result.files.first { $0.name == "A123-01.jpg" }!
        #expect(main.size == Int64(ImageBytes.jpeg(width: 710).count))
        #expect(main.sha256.count == 64)
    }

    @Test("the main image's width comes from its header, PNG too (DES-2)")
    func width() throws {
        let folder = try TempFolder()
        try folder.fillComplete("A123", width: 700)
        let result = try check(folder, backup: try folder.copy().path)
        #expect(codes(result) == ["main-width:width:A123-01.jpg"])
        #expect(result.findings[0].found == "700" && result.findings[0].expected == "710")
        try folder.remove("A123-01.jpg")
        try folder.write("A123-01.png", ImageBytes.png(width: 710))
        #expect(try check(folder, backup: nil).mainWidth == 710)
    }

    @Test("fewer than five detail images (DES-3), a missing PSD and a lone PSD (DES-5)")
    func detailsAndPairs() throws {
        let folder = try TempFolder()
        try folder.fillComplete("A123", details: 4)
        try folder.remove("A123-03.psd")
        try folder.write("A123-09.psd", ImageBytes.psd(width: 750))
        let result = try check(folder, backup: try folder.copy().path)
        #expect(codes(result) == ["details:too-few:", "pairs:no-psd:A123-03.jpg", "pairs:no-jpg:A123-09.psd"])
        #expect(result.findings[0].found == "4")
    }

    @Test("near-miss names, a foreign file, a .jpg that is a PNG, a text file named .jpg, a truncated JPEG: one finding each, no crash")
    func badFiles() throws {
        let folder = try TempFolder()
        try folder.fillComplete("A123")
        try folder.write("A123-1.JPG", ImageBytes.jpeg(width: 710))
        try folder.write("A123_01.jpg", ImageBytes.jpeg(width: 710))
        try folder.write("notes.txt", Array("拍摄备注".utf8))
        try folder.write("A123-02.jpg", ImageBytes.png(width: 750))
        try folder.write("A123-03.jpg", Array("<html>404</html>".utf8))
        try folder.write("A123-04.jpg", Array(ImageBytes.jpeg(width: 750).prefix(26)))  // cut inside the frame header
        try folder.write("A123-05.psd", Array("8BPS".utf8))
        try folder.write(".DS_Store", [0, 1, 2])  // hidden: not the product's
        let result = try check(folder, backup: try folder.copy().path)
        // In the order of the files' names.
        #expect(codes(result) == [
            "files:not-claimed-format:A123-02.jpg", "files:not-claimed-format:A123-03.jpg", "files:truncated:A123-04.jpg",
            "files:truncated:A123-05.psd", "naming:near-miss:A123-1.JPG", "naming:near-miss:A123_01.jpg", "naming:foreign:notes.txt",
            "details:too-few:",
        ])
        #expect(result.findings[0].found == "png")
        #expect(result.findings[1].found == nil)
        #expect(result.findings[4].expected == "A123-01.jpg")
        #expect(result.findings[4].message(in: .en) == "A123-1.JPG: almost right, should be A123-01.jpg")
        #expect(result.findings[0].message(in: .zh) == "A123-02.jpg：扩展名说是 JPEG，内容却是 PNG")
        #expect(result.findings[1].message(in: .en) == "A123-03.jpg: named as JPEG but it holds no known image format")
        #expect(!result.files.contains { $0.name == ".DS_Store" })
    }

    @Test("the backup: missing, different by SHA-256, not given, its folder missing (DES-5)")
    func backup() throws {
        let folder = try TempFolder()
        try folder.fillComplete("A123")
        let copy = try folder.copy()
        try copy.remove("A123-04.psd")
        try copy.write("A123-05.jpg", ImageBytes.jpeg(width: 751))
        #expect(codes(try check(folder, backup: copy.path)) == ["backup:missing:A123-04.psd", "backup:differs:A123-05.jpg"])
        #expect(codes(try check(folder, backup: nil)) == ["backup:not-given:"])
        #expect(codes(try check(folder, backup: "/nonexistent/backup")) == ["backup:folder-missing:"])
    }

    @Test("a folder that does not exist, or is a file, stops the command with one clear line")
    func missingFolder() throws {
        #expect(throws: ListingError.folderMissing("/nonexistent/A123")) {
            try ImageFolder.check(code: "A123", directory: "/nonexistent/A123", backup: nil, requiredWidth: 710, detailImages: 5)
        }
        let folder = try TempFolder()
        try folder.write("A123-01.jpg", ImageBytes.jpeg(width: 710))
        let file = folder.url.appendingPathComponent("A123-01.jpg").path
        #expect(throws: ListingError.notAFolder(file)) {
            try ImageFolder.check(code: "A123", directory: file, backup: nil, requiredWidth: 710, detailImages: 5)
        }
        #expect(ListingError.folderMissing("/x").message(in: .en) == "the folder /x does not exist: give the path of the product's image folder")
    }

    @Test("an unreadable file is a finding (skipped when running as root, which reads everything)")
    func unreadable() throws {
        guard getuid() != 0 else { return }
        let folder = try TempFolder()
        try folder.fillComplete("A123")
        let locked = folder.url.appendingPathComponent("A123-06.jpg").path
        chmod(locked, 0)
        defer { chmod(locked, 0o644) }
        #expect(codes(try check(folder, backup: nil)).contains("files:unreadable:A123-06.jpg"))
    }
}
