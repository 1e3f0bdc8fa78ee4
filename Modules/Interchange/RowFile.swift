import Foundation

/// A detail export's bytes, read back by range while an import runs. A regular file is read
/// with `pread` (no shared position: both halves and the reading thread read it at once) through
/// one open descriptor, so every range comes from the file that was split even if another is
/// saved over its name meanwhile. Anything else (a pipe, `<(iconv …)`) cannot be read twice, so
/// it is read whole into memory first.
final class RowFile: @unchecked Sendable {  // immutable; `pread` and `Data` reads are safe from any thread
    private enum Backing {
        case file(FileHandle)
        case memory(Data)
    }

    private let backing: Backing
    /// The name errors give.
    let file: String
    /// Its size when it was opened.
    let size: Int

    init(path: String, file: String) throws(InterchangeError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(file: file) }
        self.file = file
        var info = stat()
        if fstat(handle.fileDescriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
            backing = .file(handle)
            size = Int(info.st_size)
        } else {
            let data: Data
            do { data = try handle.readToEnd() ?? Data() } catch { throw .unreadable(file: file) }
            backing = .memory(data)
            size = data.count
        }
    }

    /// Up to `count` bytes from `offset`: fewer only at the end of the file.
    func read(_ offset: Int, count: Int) throws(InterchangeError) -> [UInt8] {
        switch backing {
        case .memory(let data):
            guard offset < data.count else { return [] }
            return [UInt8](data[offset..<min(data.count, offset + count)])
        case .file(let handle):
            var bytes = [UInt8](repeating: 0, count: count), done = 0
            let fd = handle.fileDescriptor
            while done < count {
                let got = bytes.withUnsafeMutableBytes { buffer in
                    pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
                }
                if got < 0, errno == EINTR { continue }
                guard got >= 0 else { throw .unreadable(file: file) }
                if got == 0 { break }
                done += got
            }
            return done == count ? bytes : Array(bytes[..<done])
        }
    }
}
