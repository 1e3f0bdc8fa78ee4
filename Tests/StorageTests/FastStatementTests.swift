import Foundation
import GRDB
import ShopDomain
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
            // Every row, in order; none is an empty array; the statement can be read again.
            let all = try db.cachedStatement(sql: "SELECT a, c FROM t WHERE c >= ? ORDER BY c")
            #expect(try all.readAll(Int64.min) { "\($0.text(0) ?? "-")\($0.int64(1))" } == ["x\(Int64.min)", "5"])
            #expect(try all.readAll(100) { $0.int(1) }.isEmpty)
            #expect(try all.readAll(0) { $0.int(1) } == [5])
            // GRDB's own execution of the same cached statement still binds its own arguments.
            try insert.execute(arguments: ["g", "r", 1, "db"])
            #expect(try String.fetchOne(db, sql: "SELECT a FROM t WHERE d = 'db'") == "g")
            try insert.executeFast("after", nil as String?, 2, "fast")
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") == 4)
        }
    }

    @Test("an HLC binds as its canonical text, beside other text")
    func hlcText() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a, h, b)")
            let insert = try db.cachedStatement(sql: "INSERT INTO t (a, h, b) VALUES (?, ?, ?)")
            let times = [HLC.zero, HLC(wallMillis: 1_764_468_000_000, counter: 3), HLC(wallMillis: Int64.max, counter: Int32.max),
                         HLC(wallMillis: -5, counter: 12)]
            for hlc in times { try insert.executeFast("前", hlc, "后") }
            let rows = try Row.fetchAll(db, sql: "SELECT a, typeof(h), h, b FROM t ORDER BY rowid").map { [$0[0], $0[1], $0[2], $0[3]] as [String] }
            #expect(rows == times.map { ["前", "text", $0.description, "后"] })
        }
    }

    static let insertSQL = FastSQL("INSERT INTO t (a) VALUES (?)")

    @Test("FastSQL: GRDB's cached statement outside a merge; inside one, the statement found by identity and kept after `forget`")
    func statementByIdentity() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a)")
            #expect(try db.cachedStatement(Self.insertSQL) === db.cachedStatement(sql: Self.insertSQL.sql))
            let cache = ProjectionCache(db, localDevice: DeviceID(rawValue: "d"))
            try ProjectionCache.$active.withValue(cache) {
                let first = try db.cachedStatement(Self.insertSQL)
                try first.executeFast("一")
                ProjectionCache.forget(db)
                #expect(try db.cachedStatement(Self.insertSQL) === first)
                try db.cachedStatement(Self.insertSQL).executeFast("二")
                // Another text with the same SQL is another key, the same GRDB statement.
                #expect(try db.cachedStatement(FastSQL(Self.insertSQL.sql)) === first)
            }
            #expect(cache.statements.count == 2)
            #expect(try String.fetchAll(db, sql: "SELECT a FROM t ORDER BY rowid") == ["一", "二"])
        }
    }

    @Test("a fast write runs only inside a transaction; a failed one throws SQLite's error and the statement is reusable")
    func writeChecks() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in try db.execute(sql: "CREATE TABLE u (k PRIMARY KEY, v)") }
        try queue.writeWithoutTransaction { db in
            let insert = try db.cachedStatement(sql: "INSERT INTO u (k, v) VALUES (?, ?)")
            #expect(throws: DatabaseError.self) { try insert.executeFast("a", 1) }
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM u") == 0)
        }
        try queue.write { db in
            let insert = try db.cachedStatement(sql: "INSERT INTO u (k, v) VALUES (?, ?)")
            try insert.executeFast("a", 1)
            do {
                try insert.executeFast("a", 2)
                Issue.record("a duplicate key was written")
            } catch let error as DatabaseError {
                #expect(error.resultCode == .SQLITE_CONSTRAINT)
            }
            try insert.executeFast("b", 3)
            // An UPSERT … RETURNING steps through its rows.
            try db.cachedStatement(sql: "INSERT INTO u (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = v + excluded.v RETURNING v")
                .executeFast("b", 4)
            #expect(try Row.fetchAll(db, sql: "SELECT k, v FROM u ORDER BY k").map { "\($0[0] as String)=\($0[1] as Int)" } == ["a=1", "b=7"])
            // A statement GRDB last ran (to its end, or left on a row) reads again.
            let read = try db.cachedStatement(sql: "SELECT v FROM u WHERE k >= ? ORDER BY k")
            #expect(try Int.fetchAll(read, arguments: ["a"]) == [1, 7])
            #expect(try read.readFirst("b") { $0.int(0) } == 7)
            #expect(try Int.fetchOne(read, arguments: ["a"]) == 1)
            #expect(try read.readFirst("a") { $0.int(0) } == 1)
        }
    }
}
