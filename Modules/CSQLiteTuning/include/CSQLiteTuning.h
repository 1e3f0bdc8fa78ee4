#ifndef CSQLITETUNING_H
#define CSQLITETUNING_H

/// Turns off SQLite's memory statistics for this process (SQLITE_CONFIG_MEMSTATUS, 0): with them
/// on, as Debian builds it, every sqlite3_malloc and sqlite3_free takes a global mutex to count
/// bytes nobody reads. sqlite3_config is variadic, so Swift cannot call it; this can. Must run
/// before the first connection opens; returns SQLITE_OK, or SQLITE_MISUSE when it is too late.
int zhanggui_sqlite_memstatus_off(void);

#endif
