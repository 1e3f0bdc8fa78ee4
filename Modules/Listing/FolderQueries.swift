import Foundation
import GRDB
import ShopDomain
import Storage

/// Reads of the recorded folder checks: per rule passed or failed with its findings, and what
/// changed since the check before (files added, removed, changed by SHA-256).
public enum FolderQueries {
    public struct RuleResult: Sendable, Codable, Equatable {
        public var rule: String
        public var ruleID: String
        public var title: String
        public var passed: Bool
        public var findings: [String]
    }

    public struct Changes: Sendable, Codable, Equatable {
        public var previousCheck: String?
        public var added: [String]
        public var removed: [String]
        public var changed: [String]
        public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
    }

    public struct Check: Sendable, Codable, Equatable {
        public var id: String
        public var style: String
        public var directory: String
        public var backupDirectory: String?
        public var checkedAt: Date
        public var checkedBy: String
        public var passed: Bool
        public var mainWidth: Int?
        public var files: [ImageFileRecord]
        public var rules: [RuleResult]
        public var changes: Changes
    }

    public static func latest(_ db: Database, style: String, language: Language) throws -> Check? {
        guard let id = try String.fetchOne(db, sql: """
            SELECT id FROM listing_folder_check WHERE style = ? ORDER BY checkedAt DESC, rowid DESC LIMIT 1
            """, arguments: [style]) else { return nil }
        return try check(db, id: id, language: language)
    }

    public static func check(_ db: Database, id: String, language: Language) throws -> Check? {
        guard let row = try Row.fetchOne(db, sql: "SELECT *, rowid FROM listing_folder_check WHERE id = ?", arguments: [id]) else { return nil }
        let style: String = row["style"]
        let findings = try Row.fetchAll(db, sql: "SELECT * FROM listing_finding WHERE checkID = ? ORDER BY id", arguments: [id]).map {
            FolderFinding(rule: FolderRule(rawValue: $0["rule"]) ?? .files, code: $0["code"], file: $0["file"], found: $0["found"],
                          expected: $0["expected"])
        }
        let rules = FolderRule.allCases.map { rule in
            let mine = findings.filter { $0.rule == rule }
            return RuleResult(rule: rule.rawValue, ruleID: rule.rule, title: rule.title(in: language), passed: mine.isEmpty,
                              findings: mine.map { $0.message(in: language) })
        }
        let files = try self.files(db, check: id)
        let previous = try String.fetchOne(db, sql: """
            SELECT id FROM listing_folder_check WHERE style = ? AND (checkedAt < ? OR (checkedAt = ? AND rowid < ?))
            ORDER BY checkedAt DESC, rowid DESC LIMIT 1
            """, arguments: [style, row["checkedAt"] as Int64, row["checkedAt"] as Int64, row["rowid"] as Int64])
        var changes = Changes(previousCheck: previous, added: [], removed: [], changed: [])
        if let previous {
            let before = Dictionary(try self.files(db, check: previous).map { ($0.name, $0.sha256) }, uniquingKeysWith: { $1 })
            let now = Dictionary(files.map { ($0.name, $0.sha256) }, uniquingKeysWith: { $1 })
            changes.added = now.keys.filter { before[$0] == nil }.sorted()
            changes.removed = before.keys.filter { now[$0] == nil }.sorted()
            changes.changed = now.filter { name, hash in before[name].map { $0 != hash } ?? false }.keys.sorted()
        }
        let names = try ListingQueries.staffNames(db)
        return Check(id: id, style: style, directory: row["directory"], backupDirectory: row["backupDirectory"],
                     checkedAt: Date(millis: row["checkedAt"]), checkedBy: names[row["checkedBy"]] ?? row["checkedBy"], passed: row["passed"],
                     mainWidth: row["mainWidth"], files: files, rules: rules, changes: changes)
    }

    static func files(_ db: Database, check: String) throws -> [ImageFileRecord] {
        try Row.fetchAll(db, sql: "SELECT name, size, sha256 FROM listing_file WHERE checkID = ? AND folder = 'main' ORDER BY name",
                         arguments: [check]).map { ImageFileRecord(name: $0["name"], size: $0["size"], sha256: $0["sha256"]) }
    }
}
