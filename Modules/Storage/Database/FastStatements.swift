import GRDB
import GRDBSQLite
import ShopDomain

/// Running cached statements on hot paths (a merge runs several per op) with their arguments
/// bound straight through SQLite's C interface. GRDB's `StatementArguments` and cursors cost a
/// few microseconds a statement; these cost a fraction of that. Not for statements a GRDB
/// cursor is iterating at the same time.
/// - Writes (`executeFast`) are stepped by SQLite directly too, and only inside a transaction:
///   that is GRDB's own check (no write after SQLite rolled a transaction back on its own, a full
///   disk, an I/O error: it would commit by itself). What this skips of GRDB's execution is its
///   transaction observation — an observer (`ValueObservation`, `DatabaseRegionObservation`)
///   is not told of these writes. The project registers none; use GRDB's `execute` for a table
///   that gets one.
/// - Reads (`readFirst`) are stepped by SQLite directly: a read changes nothing GRDB tracks
///   inside a write.
extension Statement {
    /// Executes a write with `values` bound to its parameters, in order.
    public func executeFast(_ values: any FastArgument...) throws {
        try executeFast(values)
    }

    /// Executes a write with `values` bound to its parameters, in order.
    public func executeFast(_ values: [any FastArgument]) throws {
        let statement = sqliteStatement
        guard sqlite3_get_autocommit(sqlite3_db_handle(statement)) == 0 else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "a fast write outside a transaction", sql: sql)
        }
        sqlite3_reset(statement)  // GRDB leaves a statement it ran unreset, and SQLite binds only after a reset
        try withFastBindings(values) {
            defer { sqlite3_reset(statement) }
            var code = sqlite3_step(statement)
            while code == SQLITE_ROW { code = sqlite3_step(statement) }
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement))), sql: sql)
            }
        }
    }

    /// Steps a read with `values` bound to its parameters and hands its first row to `body`;
    /// nil when there is no row.
    public func readFirst<T>(_ values: any FastArgument..., row body: (FastRow) throws -> T) throws -> T? {
        let statement = sqliteStatement
        sqlite3_reset(statement)  // left unreset by GRDB, or mid-way by someone else
        var result: T?
        try withFastBindings(values) {
            defer { sqlite3_reset(statement) }
            switch sqlite3_step(statement) {
            case SQLITE_ROW: result = try body(FastRow(statement: statement))
            case SQLITE_DONE: result = nil
            case let code:
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement))), sql: sql)
            }
        }
        return result
    }

    /// Steps a read with `values` bound and hands every row to `body`, in order.
    public func readAll<T>(_ values: any FastArgument..., row body: (FastRow) throws -> T) throws -> [T] {
        let statement = sqliteStatement
        sqlite3_reset(statement)  // left unreset by GRDB, or mid-way by someone else
        var results: [T] = []
        try withFastBindings(values) {
            defer { sqlite3_reset(statement) }
            while true {
                switch sqlite3_step(statement) {
                case SQLITE_ROW: results.append(try body(FastRow(statement: statement)))
                case SQLITE_DONE: return
                case let code:
                    throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                        message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement))), sql: sql)
                }
            }
        }
        return results
    }

    /// Binds `values` for the length of `body`. Text is copied once into a scratch buffer that
    /// SQLite reads in place (`SQLITE_STATIC`: no copy per value inside SQLite); the bindings
    /// are cleared before the buffer goes, so no pointer into it outlives it.
    private func withFastBindings(_ values: [any FastArgument], _ body: () throws -> Void) throws {
        let statement = sqliteStatement
        precondition(values.count == Int(sqlite3_bind_parameter_count(statement)), "wrong number of arguments for \(sql)")
        let bytes = values.reduce(1) { $0 + $1.scratchCount }
        try withUnsafeTemporaryAllocation(byteCount: bytes, alignment: 1) { buffer in
            var scratch = buffer
            for (index, value) in values.enumerated() {
                let code = value.bind(to: statement, at: Int32(index + 1), scratch: &scratch)
                precondition(code == SQLITE_OK, "binding failed (\(code)) for \(sql)")
            }
            defer { sqlite3_clear_bindings(statement) }
            try body()
        }
    }
}

/// SQL written once (a `static let`), whose prepared statement a merge finds by the object's
/// identity instead of by hashing its text (`ProjectionCache`); elsewhere GRDB's statement cache.
public final class FastSQL: Sendable {
    public let sql: String

    public init(_ sql: String) {
        self.sql = sql
    }
}

extension Database {
    /// The prepared statement for `sql`, cached for this connection.
    public func cachedStatement(_ sql: FastSQL) throws -> Statement {
        guard let cache = ProjectionCache.current(self) else { return try cachedStatement(sql: sql.sql) }
        let key = ObjectIdentifier(sql)
        if let entry = cache.statements[key] { return entry.statement }
        let statement = try cachedStatement(sql: sql.sql)
        cache.statements[key] = (sql, statement)
        return statement
    }
}

/// The first row of a read: columns by index, read as SQLite stores them.
public struct FastRow {
    let statement: SQLiteStatement

    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }
    public func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }
    public func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
    public func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }
    public func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

    public func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, column) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
}

/// A value `executeFast` and `readFirst` bind: text, integers, or nil (SQL NULL).
public protocol FastArgument {
    /// The bytes of text this value copies into the scratch buffer.
    var scratchCount: Int { get }
    /// Binds the value; text is copied to the front of `scratch`, which then starts after it.
    func bind(to statement: SQLiteStatement, at index: Int32, scratch: inout UnsafeMutableRawBufferPointer) -> Int32
}

extension String: FastArgument {
    public var scratchCount: Int { utf8.count }

    public func bind(to statement: SQLiteStatement, at index: Int32, scratch: inout UnsafeMutableRawBufferPointer) -> Int32 {
        var text = self
        let count = text.withUTF8 { bytes in
            if let source = bytes.baseAddress { scratch.baseAddress!.copyMemory(from: source, byteCount: bytes.count) }
            return bytes.count
        }
        // Never a null pointer (SQLite would bind NULL): the buffer holds one byte more than all text.
        let code = sqlite3_bind_text(statement, index, scratch.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(count), nil)
        scratch = UnsafeMutableRawBufferPointer(rebasing: scratch[count...])
        return code
    }
}

extension Int: FastArgument {
    public var scratchCount: Int { 0 }
    public func bind(to statement: SQLiteStatement, at index: Int32, scratch: inout UnsafeMutableRawBufferPointer) -> Int32 {
        sqlite3_bind_int64(statement, index, Int64(self))
    }
}

extension Int64: FastArgument {
    public var scratchCount: Int { 0 }
    public func bind(to statement: SQLiteStatement, at index: Int32, scratch: inout UnsafeMutableRawBufferPointer) -> Int32 {
        sqlite3_bind_int64(statement, index, self)
    }
}

extension Optional: FastArgument where Wrapped: FastArgument {
    public var scratchCount: Int { self?.scratchCount ?? 0 }
    public func bind(to statement: SQLiteStatement, at index: Int32, scratch: inout UnsafeMutableRawBufferPointer) -> Int32 {
        switch self {
        case .some(let value): value.bind(to: statement, at: index, scratch: &scratch)
        case .none: sqlite3_bind_null(statement, index)
        }
    }
}

/// An op's time binds as its canonical text (`1764468000000.0003`), written straight into the
/// scratch buffer rather than made into a string first.
extension HLC: FastArgument {
    public var scratchCount: Int { HLC.maxTextCount }

    public func bind(to statement: SQLiteStatement, at index: Int32, scratch: inout UnsafeMutableRawBufferPointer) -> Int32 {
        let start = scratch.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let count = write(into: UnsafeMutableBufferPointer(start: start, count: scratch.count))
        let code = sqlite3_bind_text(statement, index, UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self), Int32(count), nil)
        scratch = UnsafeMutableRawBufferPointer(rebasing: scratch[count...])
        return code
    }
}
