import GRDB
import ShopDomain
import Storage

/// The image folder as read (DES-2, DES-3, DES-5) and the sold-out annotations (DES-7).
enum FolderHandlers {
    static let all: [OpHandler] = [
        OpHandler(ListingFolderChecked.self, authorization: .permission(.manageCatalog), project: folderChecked),
        OpHandler(ListingSoldOutAnnotated.self, authorization: .permission(.manageCatalog), project: soldOutAnnotated),
    ]

    /// Records what the files held; the rules were applied where the files are (`ImageFolder`),
    /// so a replay on another computer records the same.
    static func folderChecked(_ p: ListingFolderChecked, _ op: Op, _ db: Database) throws {
        _ = try ListingHandlers.requireListing(db, p.style)
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM listing_folder_check WHERE id = ?)", arguments: [p.check]) == false
        else { throw ListingError.duplicateCheck(p.check) }
        try db.execute(sql: """
            INSERT INTO listing_folder_check (id, style, directory, backupDirectory, mainWidth, requiredWidth, passed, checkedAt, checkedBy)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [p.check, p.style, p.directory, p.backupDirectory, p.mainWidth, p.requiredWidth, p.findings.isEmpty,
                             op.hlc.wallMillis, op.actor.rawValue])
        for (folder, files) in [("main", p.files), ("backup", p.backupFiles)] {
            for file in files {
                try db.execute(sql: "INSERT OR REPLACE INTO listing_file (checkID, folder, name, size, sha256) VALUES (?, ?, ?, ?, ?)",
                               arguments: [p.check, folder, file.name, file.size, file.sha256])
            }
        }
        for finding in p.findings {
            try db.execute(sql: "INSERT INTO listing_finding (checkID, rule, code, file, found, expected) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [p.check, finding.rule.rawValue, finding.code, finding.file, finding.found, finding.expected])
        }
    }

    /// DES-7: the annotated image keeps its name (one the latest folder check recorded) and has
    /// new content (a hash other than the recorded one).
    static func soldOutAnnotated(_ p: ListingSoldOutAnnotated, _ op: Op, _ db: Database) throws {
        _ = try ListingHandlers.requireListing(db, p.style)
        let recorded = try String.fetchOne(db, sql: """
            SELECT f.sha256 FROM listing_file f
            WHERE f.folder = 'main' AND f.name = ? AND f.checkID = (
                SELECT id FROM listing_folder_check WHERE style = ? ORDER BY checkedAt DESC, rowid DESC LIMIT 1)
            """, arguments: [p.file.name, p.style])
        guard let recorded else { throw ListingError.notInFolder(style: p.style, file: p.file.name) }
        let earlier = try String.fetchAll(db, sql: "SELECT sha256 FROM listing_sold_out_note WHERE style = ? AND file = ?",
                                          arguments: [p.style, p.file.name])
        guard p.file.sha256 != recorded, !earlier.contains(p.file.sha256) else { throw ListingError.sameImage(file: p.file.name) }
        try db.execute(sql: """
            INSERT INTO listing_sold_out_note (style, attribute, value, file, size, sha256, at, byStaff) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [p.style, p.attribute.rawValue, p.value, p.file.name, p.file.size, p.file.sha256, op.hlc.wallMillis,
                             op.actor.rawValue])
    }
}
