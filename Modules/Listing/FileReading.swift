import Crypto
import Foundation
import ShopDomain

/// One file read from disk: its record (name, size, SHA-256 streamed in 1 MiB pieces) and its first
/// bytes, enough for any header (a JPEG's frame header may follow large EXIF/ICC segments).
struct FileReading {
    var record: ImageFileRecord
    var head: ArraySlice<UInt8>

    static let headLimit = 4 << 20

    /// nil when the file cannot be opened or read.
    static func read(_ url: URL) -> FileReading? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        var head: [UInt8] = []
        var size: Int64 = 0
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
                size += Int64(chunk.count)
                if head.count < headLimit { head += chunk.prefix(headLimit - head.count) }
            }
        } catch {
            return nil
        }
        return FileReading(record: ImageFileRecord(name: url.lastPathComponent, size: size, sha256: hex(hasher.finalize())), head: head[...])
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }

    /// The visible regular files of a folder, by name. Throws when the folder cannot be listed.
    static func files(in directory: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: [.isRegularFileKey],
                                                    options: [.skipsHiddenFiles])
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Whether `path` is an existing folder; throws the one clear line when it is not.
    static func requireFolder(_ path: String) throws(ListingError) -> URL {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .folderMissing(path) }
        guard isDirectory.boolValue else { throw .notAFolder(path) }
        return URL(fileURLWithPath: path, isDirectory: true)
    }
}
