import Foundation
import ShopDomain

/// Checks a product's image folder from the files themselves (DES-2, DES-3, DES-5): their names,
/// their headers, the PSD and JPG of each number, the backup copy by SHA-256. Every problem is a
/// finding about a file; only a primary folder that cannot be read stops the check.
public enum ImageFolder {
    public struct Result: Sendable, Equatable {
        public var files: [ImageFileRecord]
        public var backupFiles: [ImageFileRecord]
        public var findings: [FolderFinding]
        public var mainWidth: Int?
    }

    public static func check(code: String, directory: String, backup: String?, requiredWidth: Int, detailImages: Int) throws -> Result {
        let folder = try FileReading.requireFolder(directory)
        let urls: [URL]
        do { urls = try FileReading.files(in: folder) } catch { throw ListingError.fileUnreadable(directory) }
        var findings: [FolderFinding] = []
        var records: [ImageFileRecord] = []
        var finished: [Int: String] = [:], psds: [Int: String] = [:], widths: [Int: Int] = [:]
        for url in urls {
            let name = url.lastPathComponent
            guard let reading = FileReading.read(url) else {
                findings.append(FolderFinding(rule: .files, code: "unreadable", file: name))
                continue
            }
            records.append(reading.record)
            switch ImageName.match(name, code: code) {
            case .foreign:
                findings.append(FolderFinding(rule: .naming, code: "foreign", file: name, expected: ImageName.name(code, 1, "jpg")))
            case .nearMiss(let suggested):
                findings.append(FolderFinding(rule: .naming, code: "near-miss", file: name, expected: suggested))
            case .exact(let image):
                switch image.kind {
                case .image: finished[image.number] = name
                case .psd: psds[image.number] = name
                case .raw: break
                }
                guard let format = image.format else { break }
                do {
                    let header = try ImageHeader.read(reading.head, as: format)
                    if image.kind == .image { widths[image.number] = header.width }
                } catch {
                    findings.append(headerFinding(error, file: name, claimed: format, size: reading.record.size))
                }
            }
        }
        // DES-2: the main image's width, from its header.
        let mainWidth = widths[1]
        if let main = finished[1] {
            if let mainWidth, mainWidth != requiredWidth {
                findings.append(FolderFinding(rule: .mainWidth, code: "width", file: main, found: String(mainWidth),
                                              expected: String(requiredWidth)))
            } else if mainWidth == nil {
                findings.append(FolderFinding(rule: .mainWidth, code: "unmeasured", file: main, expected: String(requiredWidth)))
            }
        } else {
            findings.append(FolderFinding(rule: .mainWidth, code: "no-main", expected: ImageName.name(code, 1, "jpg")))
        }
        // DES-3: detail images, numbers 02 and up, readable.
        let details = widths.keys.filter { $0 >= 2 }.count
        if details < detailImages {
            findings.append(FolderFinding(rule: .details, code: "too-few", found: String(details), expected: String(detailImages)))
        }
        // DES-5: the PSD and the finished image of each number.
        for number in Set(finished.keys).union(psds.keys).sorted() {
            switch (finished[number], psds[number]) {
            case (let image?, nil):
                findings.append(FolderFinding(rule: .pairs, code: "no-psd", file: image, expected: ImageName.name(code, number, "psd")))
            case (nil, let psd?):
                findings.append(FolderFinding(rule: .pairs, code: "no-jpg", file: psd, expected: ImageName.name(code, number, "jpg")))
            default: break
            }
        }
        // DES-5: the backup copy, identical by SHA-256.
        var backupRecords: [ImageFileRecord] = []
        if let backup {
            do {
                let backupFolder = try FileReading.requireFolder(backup)
                let backupURLs = (try? FileReading.files(in: backupFolder)) ?? []
                var byName: [String: ImageFileRecord] = [:]
                for url in backupURLs {
                    if let reading = FileReading.read(url) {
                        backupRecords.append(reading.record)
                        byName[reading.record.name] = reading.record
                    } else {
                        findings.append(FolderFinding(rule: .backup, code: "unreadable", file: url.lastPathComponent))
                    }
                }
                for record in records {
                    guard let copy = byName[record.name] else {
                        if !backupURLs.contains(where: { $0.lastPathComponent == record.name }) {
                            findings.append(FolderFinding(rule: .backup, code: "missing", file: record.name))
                        }
                        continue
                    }
                    if copy.sha256 != record.sha256 {
                        findings.append(FolderFinding(rule: .backup, code: "differs", file: record.name,
                                                      found: String(copy.sha256.prefix(12)), expected: String(record.sha256.prefix(12))))
                    }
                }
            } catch {
                findings.append(FolderFinding(rule: .backup, code: "folder-missing", found: backup))
            }
        } else {
            findings.append(FolderFinding(rule: .backup, code: "not-given"))
        }
        return Result(files: records, backupFiles: backupRecords, findings: findings, mainWidth: mainWidth)
    }

    static func headerFinding(_ error: ImageHeader.Problem, file: String, claimed: ImageFormat, size: Int64) -> FolderFinding {
        switch error {
        case .otherFormat(let actual):
            FolderFinding(rule: .files, code: "not-claimed-format", file: file, found: actual?.rawValue, expected: claimed.rawValue)
        case .truncated:
            FolderFinding(rule: .files, code: "truncated", file: file, found: String(size), expected: claimed.rawValue)
        case .noFrameHeader:
            FolderFinding(rule: .files, code: "no-frame-header", file: file, expected: claimed.rawValue)
        case .badVersion(let version):
            FolderFinding(rule: .files, code: "psd-version", file: file, found: String(version), expected: "1")
        }
    }
}
