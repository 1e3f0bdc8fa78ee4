import Foundation
import Storage

/// What the two kinds of sync file share — a notebook's own ops (`NotebookFile`, laptop → hub)
/// and the hub's ops for one notebook (`HubFile`, hub → laptop): one JSON line of header, then
/// one JSON line per op, read up to the first line that fails its checks.
enum OpFileText {
    /// A file's lines, split but not yet decoded.
    struct Lines {
        /// The file's name, for `file:line` in messages.
        var file: String
        var header: Data
        /// Every line after the header, the empty one after the final newline included.
        var body: [Data]

        /// The header's `format` tag, whichever kind of file this is.
        var format: String? {
            (try? JSONDecoder().decode(Tag.self, from: header))?.format
        }
    }

    private struct Tag: Decodable {
        var format: String
    }

    /// Where and why a file stopped being readable.
    struct Break: Error {
        var line: Int
        var reason: String
    }

    /// Why one line is refused.
    struct Refusal: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    static func read(_ path: String) throws -> Lines {
        guard let data = FileManager.default.contents(atPath: path) else { throw StorageError.io(path: path, reason: "cannot read") }
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        return Lines(file: (path as NSString).lastPathComponent, header: lines.first ?? Data(), body: Array(lines.dropFirst()))
    }

    /// The kind of file at `path` (its header's format tag), or nil if it has no header.
    static func format(of path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var header = Data()
        while let chunk = try? handle.read(upToCount: 4096), !chunk.isEmpty {
            if let end = chunk.firstIndex(of: UInt8(ascii: "\n")) {
                header.append(chunk[chunk.startIndex..<end])
                break
            }
            header.append(chunk)
        }
        return Lines(file: "", header: header, body: []).format
    }

    /// The body's values up to the first line `decode` refuses (numbered from 2, after the
    /// header), and where it broke — also when fewer than `count` lines arrived.
    static func prefix<T>(of lines: Lines, count: Int, _ decode: (Data) throws(Refusal) -> T) -> (values: [T], broken: Break?) {
        var values: [T] = []
        for (index, line) in lines.body.enumerated() {
            let number = index + 2
            if line.isEmpty {
                if index == lines.body.count - 1 { break }  // the final newline
                return (values, Break(line: number, reason: "empty line"))
            }
            do {
                values.append(try decode(line))
            } catch {
                return (values, Break(line: number, reason: error.reason))
            }
        }
        guard values.count >= count else {
            return (values, Break(line: lines.body.count + 1, reason: "\(count - values.count) of \(count) ops missing: the file is cut off"))
        }
        return (values, nil)
    }

    /// One value as a line of compact JSON, sorted keys.
    static func line(_ value: some Encodable) throws -> String {
        String(decoding: try SyncProtocol.encoder().encode(value), as: UTF8.self)
    }

    /// Writes the lines, each ended by a newline.
    static func write(_ lines: [String], to path: String) throws {
        var text = ""
        for line in lines { text += line + "\n" }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw StorageError.io(path: path, reason: "cannot write")
        }
    }
}
