/*
 * How fast can SQLite alone store the desk's comments, one row at a time? The floor under `import_rows_per_s`.
 *
 * Copies every comment of a database made by `meja bench --keep DIR` into a new file with the same schema, the way
 * the import writes them (one prepared INSERT OR IGNORE per comment, its full-text row after it, 100,000 rows per
 * transaction, the desk's pragmas), with no parsing, tone reading, SLA or logging: only SQLite's own work. Then the
 * same again without the secondary indexes, built once at the end instead.
 *
 *   swift build -c release --product meja && .build/release/meja bench --only import --keep /tmp/mb
 *   cc -O2 scripts/sqlite_insert_floor.c -lsqlite3 -o /tmp/sqlite_insert_floor
 *   /tmp/sqlite_insert_floor /tmp/mb/bench.sqlite /tmp/floor.sqlite
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double seconds(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void check(int rc, sqlite3 *db, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

/* A new file at `path` with the schema of `source` (tables, the full-text table, and the indexes unless
   `secondary` is 0: then only the unique key, which the table declares itself). */
static sqlite3 *fresh_copy_of_schema(sqlite3 *source, const char *path, int secondary) {
    char name[4096];
    snprintf(name, sizeof name, "%s-wal", path); unlink(name);
    snprintf(name, sizeof name, "%s-shm", path); unlink(name);
    unlink(path);
    sqlite3 *db;
    check(sqlite3_open(path, &db), db, "open");
    check(sqlite3_exec(db, "PRAGMA page_size = 65536; PRAGMA journal_mode = WAL", 0, 0, 0), db, "pragmas");
    sqlite3_stmt *s;
    check(sqlite3_prepare_v2(source, "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE "
          "'sqlite_%' AND name NOT LIKE 'grdb_%' AND name NOT LIKE 'comment_fts_%' ORDER BY type = 'index', rowid", -1, &s, 0),
          source, "schema");
    while (sqlite3_step(s) == SQLITE_ROW) {
        const char *type = (const char *)sqlite3_column_text(s, 0), *sql = (const char *)sqlite3_column_text(s, 2);
        if (!secondary && strcmp(type, "index") == 0) continue;
        check(sqlite3_exec(db, sql, 0, 0, 0), db, sql);
    }
    sqlite3_finalize(s);
    check(sqlite3_exec(db, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144; PRAGMA mmap_size = 4294967296; "
                           "PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 2048", 0, 0, 0), db, "pragmas");
    return db;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s BENCH_DATABASE SCRATCH_FILE\n", argv[0]);
        return 64;
    }
    sqlite3 *source;
    check(sqlite3_open_v2(argv[1], &source, SQLITE_OPEN_READONLY, 0), source, argv[1]);
    sqlite3_stmt *read;
    check(sqlite3_prepare_v2(source, "SELECT * FROM comment ORDER BY id", -1, &read, 0), source, "read");
    int columns = sqlite3_column_count(read), text = -1, count = 0, capacity = 1 << 16;
    for (int i = 0; i < columns; i++) if (strcmp(sqlite3_column_name(read, i), "text") == 0) text = i;
    sqlite3_value ***rows = malloc(sizeof *rows * capacity);
    while (sqlite3_step(read) == SQLITE_ROW) {
        if (count == capacity) rows = realloc(rows, sizeof *rows * (capacity *= 2));
        sqlite3_value **row = malloc(sizeof *row * columns);
        for (int i = 0; i < columns; i++) row[i] = sqlite3_value_dup(sqlite3_column_value(read, i));
        rows[count++] = row;
    }
    char insert[8192] = "INSERT OR IGNORE INTO comment VALUES (NULL";
    for (int i = 1; i < columns; i++) strcat(insert, ", ?");
    strcat(insert, ")");

    for (int secondary = 1; secondary >= 0; secondary--) {
        sqlite3 *db = fresh_copy_of_schema(source, argv[2], secondary);
        sqlite3_stmt *row, *fts;
        check(sqlite3_prepare_v2(db, insert, -1, &row, 0), db, "insert");
        check(sqlite3_prepare_v2(db, "INSERT INTO comment_fts (rowid, text) VALUES (?, ?)", -1, &fts, 0), db, "fts");
        double wall = seconds(CLOCK_MONOTONIC), cpu = seconds(CLOCK_PROCESS_CPUTIME_ID);
        for (int start = 0; start < count; start += 100000) {
            check(sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0), db, "begin");
            for (int k = start; k < start + 100000 && k < count; k++) {
                for (int i = 1; i < columns; i++) sqlite3_bind_value(row, i, rows[k][i]);
                check(sqlite3_step(row), db, "insert");
                sqlite3_reset(row);
                sqlite3_bind_int64(fts, 1, sqlite3_last_insert_rowid(db));
                sqlite3_bind_value(fts, 2, rows[k][text]);
                check(sqlite3_step(fts), db, "fts");
                sqlite3_reset(fts);
            }
            check(sqlite3_exec(db, "COMMIT", 0, 0, 0), db, "commit");
        }
        double insertWall = seconds(CLOCK_MONOTONIC) - wall, insertCPU = seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu;
        if (secondary) {
            printf("%d rows, every index kept up row by row: %.1f s (%.1f s of processor time), %.0f rows/s\n",
                   count, insertWall, insertCPU, count / insertWall);
        } else {
            sqlite3_stmt *s;
            check(sqlite3_prepare_v2(source, "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                     "AND tbl_name = 'comment'", -1, &s, 0), source, "indexes");
            check(sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0), db, "begin");
            while (sqlite3_step(s) == SQLITE_ROW) check(sqlite3_exec(db, (const char *)sqlite3_column_text(s, 0), 0, 0, 0), db, "index");
            check(sqlite3_exec(db, "COMMIT", 0, 0, 0), db, "commit");
            sqlite3_finalize(s);
            double totalWall = seconds(CLOCK_MONOTONIC) - wall;
            printf("%d rows, secondary indexes built at the end: %.1f s (rows %.1f s, %.1f s of processor time; "
                   "indexes %.1f s), %.0f rows/s\n", count, totalWall, insertWall, insertCPU, totalWall - insertWall,
                   count / totalWall);
        }
        sqlite3_finalize(row);
        sqlite3_finalize(fts);
        sqlite3_close(db);
    }
    return 0;
}
