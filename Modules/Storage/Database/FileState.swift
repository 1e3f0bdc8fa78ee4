import Foundation
import GRDB
import Synchronization

/// What state a shop file is in before it is opened, and what SQLite's errors mean for it
/// (issue 19): permission denied, not a shop file, truncated, damaged, read-only. Each is a
/// `StorageError` whose message says what to do.
enum FileState {
    /// Checks what can be known from the file itself without SQLite: that this process may read
    /// it, that it begins like an SQLite file, and that it is as long as its header says (when no
    /// write-ahead log is beside it: a checkpoint in another connection grows it page by page).
    static func check(_ path: String) throws {
        let fm = FileManager.default
        guard fm.isReadableFile(atPath: path) else { throw StorageError.permissionDenied(path: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StorageError.permissionDenied(path: path) }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        let size = (try? fm.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? Int64(header.count)
        let magic = Data("SQLite format 3\u{0}".utf8)
        if header.isEmpty { throw StorageError.truncated(path: path, size: size, expected: nil) }
        guard header.count >= magic.count, header.prefix(magic.count) == magic else {
            // The beginning of the magic string: a file cut off within its first bytes.
            if magic.starts(with: header) { throw StorageError.truncated(path: path, size: size, expected: nil) }
            throw StorageError.notAShopDatabase(path: path)
        }
        guard header.count == 100 else { throw StorageError.truncated(path: path, size: size, expected: nil) }
        // Page size (bytes 16–17, 1 means 65536) times the page count (bytes 28–31).
        let rawPageSize = Int64(header[16]) << 8 | Int64(header[17])
        let pageSize = rawPageSize == 1 ? 65_536 : rawPageSize
        let pages = header[28..<32].reduce(Int64(0)) { $0 << 8 | Int64($1) }
        // While a write-ahead log is beside it, a checkpoint may be copying pages into the file
        // (page 1, with the new count, first): shorter than its header says and whole. SQLite
        // finds real damage on reading then.
        let log = (try? fm.attributesOfItem(atPath: path + "-wal")[.size] as? NSNumber)?.int64Value ?? 0
        if pages > 0, pageSize >= 512, log == 0, size < pageSize * pages {
            throw StorageError.truncated(path: path, size: size, expected: pageSize * pages)
        }
    }

    /// SQLite's error on `path` in a shop's terms; nil for errors that are not about the file.
    static func storageError(_ error: any Error, path: String) -> StorageError? {
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_CORRUPT: return .damaged(path: path, detail: oneLine(error.message ?? "database disk image is malformed"))
        case .SQLITE_NOTADB: return .notAShopDatabase(path: path)
        case .SQLITE_READONLY: return .readOnly(path: path)
        case .SQLITE_PERM, .SQLITE_AUTH, .SQLITE_CANTOPEN: return .permissionDenied(path: path)
        case .SQLITE_FULL: return .io(path: path, reason: error.message ?? "disk full")
        case .SQLITE_IOERR: return .io(path: path, reason: error.message ?? "I/O error")
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .io(path: path, reason: error.message ?? "database is locked")
        default: return nil
        }
    }

    /// `PRAGMA integrity_check` or `quick_check`: nil when whole, else SQLite's first complaints on one line.
    static func check(_ db: Database, _ pragma: String) throws -> String? {
        let lines = try String.fetchAll(db, sql: "PRAGMA \(pragma)(3)")
        return lines == ["ok"] ? nil : oneLine(lines.joined(separator: "; "))
    }

    /// SQLite's report on one line, without its `*** in database main ***` banner.
    static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "*** in database main ***", with: "")
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}

extension StorageError {
    /// An SQLite error met after the file was opened, in the shop's terms: damaged, read-only,
    /// permission; otherwise SQLite's own words.
    public static func from(_ error: DatabaseError, path: String) -> StorageError {
        FileState.storageError(error, path: path) ?? .io(path: path, reason: error.message ?? error.description)
    }
}

/// Once SQLite has reported the file damaged, this process writes nothing more into it
/// (issue 19): every later write is refused with the same message.
final class DamageMark: Sendable {
    private let mutex = Mutex<String?>(nil)

    var detail: String? { mutex.withLock { $0 } }

    func mark(_ detail: String) {
        mutex.withLock { if $0 == nil { $0 = detail } }
    }
}

extension ShopDatabase {
    /// Runs `body`; SQLite's "malformed" marks the file damaged and comes back as `StorageError.damaged`.
    func noticingDamage<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            let detail = FileState.oneLine(error.message ?? "database disk image is malformed")
            damage.mark(detail)
            throw StorageError.damaged(path: path, detail: detail)
        }
    }
}
