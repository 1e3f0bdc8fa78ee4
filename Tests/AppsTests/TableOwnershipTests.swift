import Foundation
import Testing

/// Issue 18: each table has one owner. A table belongs to the module whose SQL creates it; any
/// other module's SQL may name it only through a view the owner declares (`CREATE VIEW …_v`).
/// Read from the sources themselves, so a new module that reaches into another's table fails
/// here rather than in a review.
@Suite("Table ownership")
struct TableOwnershipTests {
    /// Modules/<name>/…/*.swift and Apps/<name>/…/*.swift, by the folder they sit in.
    static let sources: [(module: String, file: String, text: String)] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var found: [(String, String, String)] = []
        for top in ["Modules", "Apps"] {
            let base = root.appendingPathComponent(top)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "swift" {
                let module = url.path.dropFirst(base.path.count + 1).split(separator: "/").first.map(String.init) ?? ""
                found.append((module, url.lastPathComponent, (try? String(contentsOf: url, encoding: .utf8)) ?? ""))
            }
        }
        return found
    }()

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// Table → owning module, from every `CREATE TABLE`; views are everybody's.
    static let owners: [String: String] = {
        var owners: [String: String] = [:]
        for source in sources {
            for table in matches(#"CREATE (?:TEMP )?TABLE (?:IF NOT EXISTS )?(\w+)"#, in: source.text) { owners[table] = source.module }
        }
        return owners
    }()

    @Test("the sources declare the shop's tables and views")
    func foundTheSchema() {
        #expect(Self.owners["product"] == "Warehouse")
        #expect(Self.owners["order_header"] == "Logistics")
        #expect(Self.owners["fine"] == "Workforce")
        #expect(Self.owners.count > 40)
    }

    @Test("no module's SQL names a table another module owns")
    func ownTablesOnly() {
        var trespasses: [String] = []
        for source in Self.sources {
            // The words after which SQL names a table (a name followed by "." is a column's table alias).
            let named = Self.matches(#"\b(?:FROM|JOIN|INTO|UPDATE|TABLE|ON)\s+(\w+)\b(?!\.)"#, in: source.text)
            for table in Set(named) {
                guard let owner = Self.owners[table], owner != source.module else { continue }
                trespasses.append("\(source.module)/\(source.file) names \(owner)'s table \(table)")
            }
        }
        #expect(trespasses.sorted() == [], "read another module's data through the views its owner declares (…_v)")
    }

    @Test("every view is declared as a public …_v view")
    func viewsAreNamed() {
        for source in Self.sources {
            for view in Self.matches(#"CREATE VIEW (?:IF NOT EXISTS )?(\w+)"#, in: source.text) {
                #expect(view.hasSuffix("_v"), "\(source.module)/\(source.file): view \(view) should end in _v")
                #expect(source.text.contains("\"\(view)\""), "\(source.module)/\(source.file): list \(view) in the feature's publicViews")
            }
        }
    }

    /// The tables features declare as device-local (`localTables: [...]`).
    static let localTables: Set<String> = {
        Set(sources.flatMap { source in
            matches(#"localTables: \[([^\]]*)\]"#, in: source.text).flatMap { matches(#""(\w+)""#, in: $0) }
        })
    }()

    /// The text of each `writeLocal { … }` closure, by brace matching.
    static func writeLocalBodies(_ text: String) -> [String] {
        var bodies: [String] = []
        var search = text.startIndex
        while let call = text.range(of: "writeLocal {", range: search..<text.endIndex) {
            var depth = 0
            var index = text.index(before: call.upperBound)
            repeat {
                if text[index] == "{" { depth += 1 } else if text[index] == "}" { depth -= 1 }
                index = text.index(after: index)
            } while depth > 0 && index < text.endIndex
            bodies.append(String(text[call.upperBound..<index]))
            search = index
        }
        return bodies
    }

    @Test("writeLocal writes only the device-local tables features declare")
    func localWritesOnly() {
        #expect(Self.localTables.isSuperset(of: ["hub_device", "sync_peer", "pin_lockout"]))
        var stray: [String] = []
        var callers = 0
        for source in Self.sources where source.module != "Storage" || source.file != "ShopDatabase.swift" {
            for body in Self.writeLocalBodies(source.text) {
                callers += 1
                for table in Set(Self.matches(#"\b(?:INTO|UPDATE(?! SET)|DELETE FROM)\s+(\w+)"#, in: body)) where !Self.localTables.contains(table) {
                    stray.append("\(source.module)/\(source.file) writes \(table) outside an op")
                }
            }
        }
        #expect(callers >= 6)
        #expect(stray == [], "only device-local tables are written without an op; everything else is an op through apply")
    }
}
