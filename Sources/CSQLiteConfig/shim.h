#include <sqlite3.h>

/// Process-wide SQLite settings that only the variadic sqlite3_config() can make, so Swift cannot call it.
///
/// Multi-thread mode: GRDB already serialises every use of a connection, so SQLite's own per-call connection mutex
/// (the system library's default, "serialized") is pure cost. No memory statistics: otherwise every allocation
/// inside SQLite takes a global mutex. Both must be set before SQLite is first used; afterwards sqlite3_config()
/// refuses (SQLITE_MISUSE) and nothing changes. Returns SQLITE_OK when both were applied.
static inline int meja_sqlite_configure(void) {
    int rc = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    if (rc != SQLITE_OK) return rc;
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
