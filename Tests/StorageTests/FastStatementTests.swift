import Foundation
import GRDB
import Testing
@testable import Storage

@Suite("Fast statements bind and read what GRDB would")
struct FastStatementTests {
    @Test("empty text stays text, nil is NULL, integers and non-ASCII text round-trip; bindings do not outlive a call")
    func roundTrip() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a, b, c, d)")
            let insert = try db.cachedStatement(sql: "INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, ?)")
            try insert.executeFast("", nil as String?, 5, "基准 ✓")
            try insert.executeFast("x", "y", Int64.min, "")
            #expect(try Row.fetchAll(db, sql: "SELECT typeof(a), typeof(b), c, d FROM t ORDER BY rowid").map { row in
                [row[0] as String, row[1] as String, String(row[2] as Int64), row[3] as String]
            } == [["text", "null", "5", "基准 ✓"], ["text", "text", String(Int64.min), ""]])
            let read = try db.cachedStatement(sql: "SELECT a, b, c, d FROM t WHERE d = ?")
            let row = try read.readFirst("基准 ✓") { row in [row.text(0), row.text(1), row.optionalInt(2).map(String.init), row.text(3)] }
            #expect(row == ["", nil, "5", "基准 ✓"])
            #expect(try read.readFirst("nothing") { $0.int(2) } == nil)
            // GRDB's own execution of the same cached statement still binds its own arguments.
            try insert.execute(arguments: ["g", "r", 1, "db"])
            #expect(try String.fetchOne(db, sql: "SELECT a FROM t WHERE d = 'db'") == "g")
            try insert.executeFast("after", nil as String?, 2, "fast")
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") == 4)
        }
    }
}
