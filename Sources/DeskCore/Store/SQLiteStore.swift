import CSQLiteConfig
import Foundation
import GRDB

/// The embedded store: one SQLite file through GRDB, in WAL mode, safe for several processes at once.
///
/// Writers take SQLite's write lock at the start of each transaction (`BEGIN IMMEDIATE`), so claims are atomic
/// and the log's chain stays linear across processes; a busy timeout makes concurrent writers wait their turn.
public final class SQLiteStore: DeskStore {
    public let location: String
    private let pool: DatabasePool
    private let busyTimeout: TimeInterval

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String, busyTimeout: TimeInterval = 10) throws {
        _ = Self.processSettingsApplied
        location = path
        self.busyTimeout = busyTimeout
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            // 64 KiB pages: an import of comments in no particular time order inserts at random places in the queue,
            // thread and author indexes, and with pages this large each insert descends fewer levels and splits fewer
            // pages (1,000,000 comments: 13.3 s against 15.3 s with 8 KiB pages, 16.9 s with 4 KiB). Only a new, empty
            // file takes it; an older database keeps its own. The log (WAL) is copied back into the file at about
            // 128 MiB whatever the page size.
            try db.execute(sql: "PRAGMA page_size = 65536; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; " + Self.caching)
            let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \((128 << 20) / max(pageSize, 512))")
            // While desks read during a long burst of writes (an escalation sweep over a million), the log cannot start
            // over and grows (7 GB seen); once it can, it is cut back to this size instead of keeping its peak on disk.
            try db.execute(sql: "PRAGMA journal_size_limit = \(128 << 20)")
        }
        // A new database is created with the permissions the user's umask gives (SQLite would make it 0644 whatever the
        // umask): staff sharing a desk in a group folder with umask 002 get a file, and so -wal and -shm files, their
        // group can write. (SQLite gives those the database file's mode.)
        if !FileManager.default.fileExists(atPath: path) {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 { close(fd) }
        }
        // Opening a pool puts a file in WAL mode and migrating adds Meja's tables: never to another program's database.
        if let tables = Self.otherProgramsTables(path) { throw StoreError.notMeja(path, tables: tables) }
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            if let known = Self.openingError(error, path: path, busyTimeout: busyTimeout) { throw known }
            throw StoreError.cannotOpen("\(path): \((error as? DatabaseError)?.message ?? error.localizedDescription)")
        }
        do {
            // Read first: a desk whose schema is current needs no write lock to open, so reading commands (list, show,
            // a report) work while an import holds it.
            let migrator = SQLiteSchema.migrator
            let current = try pool.read { db in
                let applied = try migrator.appliedIdentifiers(db)
                let known = Set(migrator.migrations)
                if let unknown = applied.first(where: { !known.contains($0) }) {
                    throw StoreError.newerSchema(unknown)
                }
                return try migrator.hasCompletedMigrations(db)
            }
            if !current { try migrator.migrate(pool) }
        } catch let e as StoreError {
            throw e
        } catch {
            if let known = Self.openingError(error, path: path, busyTimeout: busyTimeout) { throw known }
            throw StoreError.cannotOpen("\(path) is not a Meja database or is damaged (\((error as? DatabaseError)?.message ?? "\(error)"))")
        }
    }

    /// Whether SQLite runs without its own per-call connection mutex and memory statistics in this process: set once,
    /// before the first connection opens (`meja_sqlite_configure` in `CSQLiteConfig`). GRDB serialises every use of
    /// a connection already, so the locks only cost time — about a sixth of the writer's time in an import. False if
    /// something used SQLite before the first store opened; Meja then runs as before, only slower.
    public static let processSettingsApplied: Bool = meja_sqlite_configure() == SQLITE_OK

    public func read<T>(_ body: (any StoreReader) throws -> T) throws -> T {
        try pool.read { db in try body(SQLiteTransaction(db: db, writable: false)) }
    }

    /// How every connection keeps what it read: 256 MiB of page cache, and the file mapped into memory (reads of a
    /// mapped page copy nothing).
    private static let caching = "PRAGMA cache_size = -262144; PRAGMA mmap_size = 4294967296"

    /// A read whose pages are read from the file, not mapped, and pass through a small cache: each page a pass over a
    /// million comments touches would otherwise stay mapped, and count as the process's memory, until it ends (the
    /// size of the database: 0.8 GB of `meja log verify`'s 2.2 GB on a million comments). The operating system still
    /// caches the file: a pass reading each page once is as fast (`meja log verify` was faster), but many look-ups
    /// jumping about an index are slower than through the mapping (`Desk.forEachOverdue` reads for that reason).
    public func scan<T>(_ body: (any StoreReader) throws -> T) throws -> T {
        try pool.read { db in
            // First thing in the read, so that the pages its queries fetch are read, not mapped (SQLite does not unmap
            // the file while a page of it is in use); the connection goes back to the pool as it was.
            try db.execute(sql: "PRAGMA mmap_size = 0; PRAGMA cache_size = -16384")
            defer { try? db.execute(sql: Self.caching) }
            return try body(SQLiteTransaction(db: db, writable: false))
        }
    }

    public func write<T>(_ body: (any StoreWriter) throws -> T) throws -> T {
        do {
            return try pool.write { db in
                let tx = SQLiteTransaction(db: db, writable: true)
                let result = try body(tx)
                if tx.recordChanged, !tx.eventAppended { throw StoreError.unloggedChange }
                return result
            }
        } catch where Self.isBusy(error) {
            throw StoreError.busy(busyTimeout)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            throw StoreError.diskFull(location)
        }
    }

    /// The tables of an SQLite database at `path` that holds some but no Meja schema (no migrations table, or one
    /// without Meja's first migration: another program built on GRDB), read through a read-only connection; nil for a
    /// Meja database, an empty or missing file, or one SQLite cannot read (opening it the usual way then says why).
    private static func otherProgramsTables(_ path: String) -> [String]? {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil, size > 0 else { return nil }
        var config = Configuration()
        config.readonly = true
        guard let (names, ours) = try? DatabaseQueue(path: path, configuration: config).read({ db -> ([String], Bool) in
            let names = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            let ours = names.contains("grdb_migrations")
                ? try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = 'v1')") ?? false : false
            return (names, ours)
        }) else { return nil }
        return names.isEmpty || ours ? nil : names.filter { $0 != "grdb_migrations" }
    }

    /// The store's word for an SQLite error met while opening `path` (busy, read-only, damaged, full, failing disk), or
    /// nil for another: the caller says what it was doing.
    private static func openingError(_ error: any Error, path: String, busyTimeout: TimeInterval) -> StoreError? {
        if isBusy(error) { return .busy(busyTimeout) }
        switch (error as? DatabaseError)?.resultCode {
        case .SQLITE_READONLY?: return .readOnly(path)
        case .SQLITE_CORRUPT?: return .damaged(path)
        case .SQLITE_FULL?: return .diskFull(path)
        case .SQLITE_IOERR?: return .cannotOpen("\(path): the disk could not be read or written (is it full, or failing?)")
        default: return nil
        }
    }

    /// Whether SQLite gave up waiting for another process's lock.
    private static func isBusy(_ error: any Error) -> Bool {
        guard let e = error as? DatabaseError else { return false }
        return e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED
    }

    public func refreshStatistics() throws {
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA analysis_limit = 1000; ANALYZE") }
    }

    /// Runs raw SQL outside the protocol: for tests that play an attacker with file access, and maintenance.
    public func unsafeExecute(_ sql: String) throws {
        try pool.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }

    /// Copies the database into a fresh file (a consistent backup, e.g. before tampering tests).
    public func backup(to path: String) throws {
        let target = try DatabaseQueue(path: path)
        try pool.backup(to: target)
    }
}
