import Foundation
import GRDB
import Storage

/// Writes what a database holds as the plain SQL the sqlite3 tool runs for the same result:
/// one transaction of multi-row INSERTs, 1,000 rows each.
enum BenchSQL {
    static let tables = ["journal", "staff", "staff_role"]

    static func export(_ database: ShopDatabase, to path: String, skippingFirst skip: Int) throws {
        FileManager.default.createFile(atPath: path, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? out.close() }
        // The same connection settings ShopDatabase uses, so only the work differs.
        out.write(Data("PRAGMA synchronous = NORMAL;\nPRAGMA cache_size = -32768;\nBEGIN;\n".utf8))
        try database.read { db in
            for table in tables {
                // The shop's first op and its owner exist in both databases already.
                let condition = table == "journal" ? "seq > \(skip)" : "rowid > \(skip)"
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) WHERE \(condition) ORDER BY rowid")
                for chunk in stride(from: 0, to: rows.count, by: 1000) {
                    let values = rows[chunk..<min(chunk + 1000, rows.count)].map { row in
                        "(" + row.databaseValues.map(literal).joined(separator: ",") + ")"
                    }
                    out.write(Data("INSERT INTO \(table) VALUES\n\(values.joined(separator: ",\n"));\n".utf8))
                }
            }
        }
        out.write(Data("COMMIT;\n".utf8))
    }

    static func literal(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "NULL"
        case .int64(let n): String(n)
        case .double(let d): String(d)
        case .string(let s): "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .blob(let data): "X'" + data.map { String(format: "%02x", $0) }.joined() + "'"
        }
    }
}
