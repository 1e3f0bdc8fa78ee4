import Crypto
import Foundation
import GRDB
import ShopDomain
import Storage

/// What the CLI, the TUI and the demo share to make the listing's ops from files on disk.
public enum ListingWork {
    /// The style an item code (or one of its SKU codes) names, as the catalogue writes it.
    public static func resolveStyle(_ db: Database, _ text: String) throws -> String {
        let key = text.trimmingWhitespace()
        if let style = try String.fetchOne(db, sql: "SELECT style FROM product_v WHERE style = ? AND kind = 'goods' LIMIT 1",
                                           arguments: [key]) { return style }
        if let style = try String.fetchOne(db, sql: "SELECT style FROM product_v WHERE (sku = ? OR barcode = ?) AND kind = 'goods'",
                                           arguments: [key, key]) { return style }
        throw ListingError.unknownStyle(key)
    }

    /// Reads the folder (and its backup) and builds the `listing.folder-checked` op, with the
    /// width and detail count in force today (DES-2, DES-3). Throws only when the folder itself
    /// cannot be read.
    public static func folderCheck(_ database: ShopDatabase, style: String, directory: String, backup: String?,
                                   ids: IDSource = .random) throws -> ListingFolderChecked {
        let today = try database.zone().day(of: database.clock.now())
        let (width, details) = try database.read { db in
            (try ProjectionContext.policy(ListingPolicy.mainWidth, on: today, db), try ProjectionContext.policy(ListingPolicy.detailImages, on: today, db))
        }
        guard case .pixels(let requiredWidth) = width, case .count(let detailImages) = details else {
            return try folderCheck(style: style, directory: directory, backup: backup, requiredWidth: 710, detailImages: 5, ids: ids)
        }
        return try folderCheck(style: style, directory: directory, backup: backup, requiredWidth: requiredWidth, detailImages: detailImages, ids: ids)
    }

    static func folderCheck(style: String, directory: String, backup: String?, requiredWidth: Int, detailImages: Int,
                            ids: IDSource) throws -> ListingFolderChecked {
        let absolute = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.path }
        let result = try ImageFolder.check(code: style, directory: directory, backup: backup, requiredWidth: requiredWidth,
                                           detailImages: detailImages)
        return ListingFolderChecked(check: ShortID.make("K", ids: ids), style: style, directory: absolute(directory),
                                    backupDirectory: backup.map(absolute), files: result.files, backupFiles: result.backupFiles,
                                    findings: result.findings, mainWidth: result.mainWidth, requiredWidth: requiredWidth)
    }

    /// The annotated image's record for DES-7: the file as it is now.
    public static func annotatedFile(_ path: String) throws -> ImageFileRecord {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ListingError.fileUnreadable(path)
        }
        guard let reading = FileReading.read(URL(fileURLWithPath: path)) else { throw ListingError.fileUnreadable(path) }
        return reading.record
    }
}

extension ListingWork {
    /// The record of bytes not on disk (the demo's past checks): name, size, SHA-256.
    public static func record(name: String, bytes: [UInt8]) -> ImageFileRecord {
        ImageFileRecord(name: name, size: Int64(bytes.count), sha256: FileReading.hex(SHA256.hash(data: bytes)))
    }
}
