import Foundation
import Testing

/// Headless Chromium from Debian's packages (installed by Scripts/lib/setup.sh): the report pages
/// are checked as a person would see them. Missing Chromium fails the test; only outside CI, and
/// only with `ZHANGGUI_SKIP_BROWSER=1`, is it skipped, with a message saying so.
enum Browser {
    static var executable: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The browser, or nil when this run may skip browser checks (said on standard error).
    static func require() throws -> String? {
        if let executable { return executable }
        let environment = ProcessInfo.processInfo.environment
        if environment["CI"] == nil, environment["ZHANGGUI_SKIP_BROWSER"] == "1" {
            FileHandle.standardError.write(Data("SKIPPED: Chromium is not installed (ZHANGGUI_SKIP_BROWSER=1): report pages not checked in a browser\n".utf8))
            return nil
        }
        Issue.record("Chromium is not installed: run Scripts/lib/setup.sh's zhanggui_setup (apt-get install chromium fonts-noto-cjk)")
        throw BrowserError.missing
    }

    enum BrowserError: Error { case missing, failed(String) }

    @discardableResult
    static func run(_ browser: String, _ arguments: [String]) throws -> String {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-chromium-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
                             "--user-data-dir=\(profile.path)"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: profile)
        guard process.terminationStatus == 0 else { throw BrowserError.failed("chromium exited \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }

    static func screenshot(_ browser: String, page: URL, to png: URL, width: Int, height: Int) throws {
        try run(browser, ["--screenshot=\(png.path)", "--window-size=\(width),\(height)", page.absoluteString])
    }

    static func dom(_ browser: String, page: URL) throws -> String {
        try run(browser, ["--dump-dom", page.absoluteString])
    }

    /// A PNG's width and height, from its IHDR chunk.
    static func size(ofPNG data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data)
        guard bytes.count > 24, bytes[0] == 0x89, bytes[1] == 0x50, bytes[12...15].elementsEqual("IHDR".utf8) else { return nil }
        func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    /// Pixels that are not near-white, counted by decoding the PNG (python3's zlib; the filters
    /// undone here): a blank page has none.
    static func darkPixels(_ png: URL) throws -> Int {
        let script = #"""
        import struct, sys, zlib
        data = open(sys.argv[1], 'rb').read()
        pos, idat, w, h, ctype = 8, b'', 0, 0, 0
        while pos < len(data):
            length, kind = struct.unpack('>I4s', data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + length]
            if kind == b'IHDR': w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
            if kind == b'IDAT': idat += body
            pos += 12 + length
        bpp = {2: 3, 6: 4, 0: 1, 4: 2}[ctype]
        raw, stride, prev, dark, i = zlib.decompress(idat), w * bpp, bytearray(w * bpp), 0, 0
        for y in range(h):
            f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0; b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
                if f == 1: line[x] = (line[x] + a) & 255
                elif f == 2: line[x] = (line[x] + b) & 255
                elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
                elif f == 4:
                    p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            for x in range(0, stride, bpp):
                if min(line[x:x + min(bpp, 3)]) < 200: dark += 1
            prev = line
        print(dark)
        """#
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, png.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard let count = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw BrowserError.failed("could not decode \(png.path)") }
        return count
    }
}
