import GRDB
import GRDBSQLite

/// A prepared SQLite statement bound and read by hand, for the hot paths (the import's million inserts, comment
/// rows read by the queue and the import): it skips the boxing of values that GRDB's general API needs. Used only
/// inside a GRDB access on the same connection.
final class RawStatement {
    private var handle: OpaquePointer?
    private let connection: OpaquePointer
    private let ownSQL: String
    /// The GRDB statement read by hand, which GRDB keeps and finalizes; nil for a statement prepared here.
    private let borrowed: Statement?
    /// The statement's SQL, for error messages (GRDB trims its text on every ask: only asked on failure).
    var sql: String { borrowed?.sql ?? ownSQL }

    init(_ db: Database, sql: String) throws {
        guard let connection = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "closed connection") }
        self.connection = connection
        ownSQL = sql
        borrowed = nil
        let code = sqlite3_prepare_v2(connection, sql, -1, &handle, nil)
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql) }
    }

    /// GRDB's `statement`, with its arguments set, to be stepped and read by hand (GRDB keeps and finalizes it).
    init(reading statement: Statement, _ db: Database) throws {
        guard let connection = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "closed connection") }
        self.connection = connection
        ownSQL = ""
        borrowed = statement
        handle = statement.sqliteStatement
    }

    deinit { if borrowed == nil { sqlite3_finalize(handle) } }

    func bind(_ index: Int32, _ value: String?) {
        guard let value else { sqlite3_bind_null(handle, index); return }
        var v = value
        v.withUTF8 { buffer in
            _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(buffer.count),
                                  unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
    }

    func bind(_ index: Int32, _ value: Int64?) {
        guard let value else { sqlite3_bind_null(handle, index); return }
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ value: Int?) { bind(index, value.map(Int64.init)) }

    func bind(_ index: Int32, _ value: Double?) {
        guard let value else { sqlite3_bind_null(handle, index); return }
        sqlite3_bind_double(handle, index, value)
    }

    /// Steps once: true while there is a row to read.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        return false
    }

    /// Reads the first row (if any) with `body`, then resets the statement and its bindings.
    func first<T>(_ body: (RawStatement) throws -> T) throws -> T? {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return try body(self) }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        return nil
    }

    /// The integer in a column of the current row (0 for NULL).
    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    /// The integer in a column of the current row, nil for NULL.
    func optionalInt(_ column: Int32) -> Int64? { isNull(column) ? nil : int(column) }

    /// The number in a column of the current row, nil for NULL.
    func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : sqlite3_column_double(handle, column) }

    /// The bytes of a text column of the current row, nil for NULL; valid until the next step.
    func optionalBytes(_ column: Int32) -> UnsafeRawBufferPointer? { isNull(column) ? nil : bytes(column) }

    /// Whether a column of the current row is NULL.
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    /// The bytes of a text column of the current row, valid until the next step.
    func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
        guard let p = sqlite3_column_text(handle, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, column)))
    }

    /// A text column of the current row as a String (nil for NULL).
    func text(_ column: Int32) -> String? {
        isNull(column) ? nil : String(decoding: bytes(column), as: UTF8.self)
    }

    /// Runs the statement to completion and resets it for the next use.
    func run() throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
    }
}
