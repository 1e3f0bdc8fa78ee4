import Testing
@testable import Listing

@Suite("The naming pattern: item code + two-digit number (DES-5)")
struct ImageNameTests {
    @Test("exact names: jpg, png, psd and raw alike")
    func exact() {
        #expect(ImageName.match("A123-01.jpg", code: "A123") == .exact(ImageName(number: 1, ext: "jpg")))
        #expect(ImageName.match("A123-07.psd", code: "A123") == .exact(ImageName(number: 7, ext: "psd")))
        #expect(ImageName.match("A123-12.png", code: "A123") == .exact(ImageName(number: 12, ext: "png")))
        #expect(ImageName.match("A123-01.cr2", code: "A123") == .exact(ImageName(number: 1, ext: "cr2")))
        #expect(ImageName(number: 1, ext: "nef").kind == .raw)
    }

    @Test("near misses are findings with the right name, never matches", arguments: [
        ("A123-1.JPG", "A123-01.jpg"), ("A123_01.jpg", "A123-01.jpg"), ("a123-01.jpg", "A123-01.jpg"),
        ("A123-01.JPG", "A123-01.jpg"), ("A123-001.psd", "A123-01.psd"), ("A123-01.jpeg", "A123-01.jpg"),
        ("A123 02.jpg", "A123-02.jpg"), ("A12302.jpg", "A123-02.jpg"),
    ])
    func nearMiss(name: String, suggested: String) {
        #expect(ImageName.match(name, code: "A123") == .nearMiss(suggested: suggested))
    }

    @Test("other near misses and foreign files")
    func others() {
        #expect(ImageName.match("A123-00.jpg", code: "A123") == .nearMiss(suggested: nil))
        #expect(ImageName.match("A123-01.gif", code: "A123") == .nearMiss(suggested: nil))
        #expect(ImageName.match("A123-main.jpg", code: "A123") == .nearMiss(suggested: nil))
        #expect(ImageName.match("B456-01.jpg", code: "A123") == .foreign)
        #expect(ImageName.match("IMG_2231.JPG", code: "A123") == .foreign)
    }
}
