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
    /// Executes a write with `values` bound to its parameters, in order. Inlined where it is
    /// called, so each value binds through its own type's code: no array, no boxes.
    @inlinable
    public func executeFast<each V: FastArgument>(_ values: repeat each V) throws {
        try executeFast { bindings in repeat bindings.bind(each values) }
    }

    /// Executes a write with the values `bind` binds to its parameters, in order (for a number of
    /// values known only when it runs: a group of journal rows).
    public func executeFast(_ bind: (inout FastBindings) -> Void) throws {
        let statement = sqliteStatement
        guard sqlite3_get_autocommit(sqlite3_db_handle(statement)) == 0 else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "a fast write outside a transaction", sql: sql)
        }
        try withFastBindings(bind) {
            var code = sqlite3_step(statement)
            while code == SQLITE_ROW { code = sqlite3_step(statement) }
            guard code == SQLITE_DONE else { throw failure(code) }
        }
    }

    /// Steps a read with `values` bound to its parameters and hands its first row to `body`;
    /// nil when there is no row.
    @inlinable
    public func readFirst<T, each V: FastArgument>(_ values: repeat each V, row body: (FastRow) throws -> T) throws -> T? {
        try readFirst({ bindings in repeat bindings.bind(each values) }, row: body)
    }

    /// Steps a read with the values `bind` binds and hands its first row to `body`; nil when
    /// there is no row.
    public func readFirst<T>(_ bind: (inout FastBindings) -> Void, row body: (FastRow) throws -> T) throws -> T? {
        let statement = sqliteStatement
        var result: T?
        try withFastBindings(bind) {
            switch sqlite3_step(statement) {
            case SQLITE_ROW: result = try body(FastRow(statement: statement))
            case SQLITE_DONE: result = nil
            case let code: throw failure(code)
            }
        }
        return result
    }

    /// Steps a read with `values` bound and hands every row to `body`, in order.
    @inlinable
    public func readAll<T, each V: FastArgument>(_ values: repeat each V, row body: (FastRow) throws -> T) throws -> [T] {
        try readAll({ bindings in repeat bindings.bind(each values) }, row: body)
    }

    /// Steps a read with the values `bind` binds and hands every row to `body`, in order.
    public func readAll<T>(_ bind: (inout FastBindings) -> Void, row body: (FastRow) throws -> T) throws -> [T] {
        let statement = sqliteStatement
        var results: [T] = []
        try withFastBindings(bind) {
            while true {
                switch sqlite3_step(statement) {
                case SQLITE_ROW: results.append(try body(FastRow(statement: statement)))
                case SQLITE_DONE: return
                case let code: throw failure(code)
                }
            }
        }
        return results
    }

    /// Binds what `bind` binds, runs `body`, and leaves the statement reset. GRDB leaves a
    /// statement it ran unreset, and SQLite binds only after a reset.
    private func withFastBindings(_ bind: (inout FastBindings) -> Void, _ body: () throws -> Void) throws {
        let statement = sqliteStatement
        sqlite3_reset(statement)
        var bindings = FastBindings(statement)
        bind(&bindings)
        precondition(bindings.next - 1 == sqlite3_bind_parameter_count(statement), "wrong number of arguments for \(sql)")
        defer { sqlite3_reset(statement) }
        try body()
    }

    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(sqliteStatement))), sql: sql)
    }
}

/// The parameters of one run of a statement, bound in order. Text is copied by SQLite
/// (`SQLITE_TRANSIENT`: a bound value never points into memory that goes away), so nothing
/// needs clearing after the run; the values stay bound until the next run binds its own (GRDB
/// binds every argument of the statements it runs, so none of these is ever read by it).
public struct FastBindings {
    private let statement: SQLiteStatement
    private(set) var next: Int32 = 1

    init(_ statement: SQLiteStatement) {
        self.statement = statement
    }

    /// Binds `value` to the next parameter.
    @inlinable
    public mutating func bind<V: FastArgument>(_ value: V) {
        value.bind(to: &self)
    }

    /// Binds text (empty text stays text, not NULL).
    public mutating func bind(text: String) {
        var text = text
        text.withUTF8 { bind(utf8: $0) }
    }

    /// Binds UTF-8 `bytes` as text; never a null pointer (SQLite would bind NULL).
    public mutating func bind(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        advance(withUnsafePointer(to: 0 as CChar) { empty in
            sqlite3_bind_text(statement, next, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) } ?? empty,
                              Int32(bytes.count), SQLITE_TRANSIENT)
        })
    }

    public mutating func bind(integer: Int64) {
        advance(sqlite3_bind_int64(statement, next, integer))
    }

    public mutating func bindNull() {
        advance(sqlite3_bind_null(statement, next))
    }

    private mutating func advance(_ code: Int32) {
        precondition(code == SQLITE_OK, "binding parameter \(next) failed (\(code)) for \(String(cString: sqlite3_sql(statement)))")
        next += 1
    }
}

/// SQLite's "copy the value now" destructor for a bound text.
private let SQLITE_TRANSIENT = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

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

/// A value `executeFast` and the fast reads bind: text, integers, or nil (SQL NULL).
public protocol FastArgument {
    /// Binds the value to the next parameter.
    func bind(to bindings: inout FastBindings)
}

extension String: FastArgument {
    @inlinable public func bind(to bindings: inout FastBindings) { bindings.bind(text: self) }
}

extension Int: FastArgument {
    @inlinable public func bind(to bindings: inout FastBindings) { bindings.bind(integer: Int64(self)) }
}

extension Int64: FastArgument {
    @inlinable public func bind(to bindings: inout FastBindings) { bindings.bind(integer: self) }
}

extension Optional: FastArgument where Wrapped: FastArgument {
    @inlinable public func bind(to bindings: inout FastBindings) {
        switch self {
        case .some(let value): value.bind(to: &bindings)
        case .none: bindings.bindNull()
        }
    }
}

/// An op's time binds as its canonical text (`1764468000000.0003`), written into a buffer on
/// the stack rather than made into a string first.
extension HLC: FastArgument {
    public func bind(to bindings: inout FastBindings) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: HLC.maxTextCount) { buffer in
            let count = write(into: buffer)
            bindings.bind(utf8: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }
}
