// ncursesw with its wide-character API (get_wch, cchar_t): it is only declared when
// _XOPEN_SOURCE_EXTENDED is defined before the header. Macros and globals Swift cannot import
// (or cannot use safely under strict concurrency) are wrapped as small functions.
#ifndef ZHANGGUI_CNCURSESW_SHIM_H
#define ZHANGGUI_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <string.h>
#include <ncursesw/curses.h>

static inline WINDOW *zg_stdscr(void) { return stdscr; }
static inline int zg_lines(void) { return LINES; }
static inline int zg_cols(void) { return COLS; }
// The user's locale, or C.UTF-8 when it is not installed (LANG=zh_CN.UTF-8 on a machine without
// that locale): wide characters need a UTF-8 codeset, whatever the language.
static inline void zg_set_locale(void) {
    const char *set = setlocale(LC_ALL, "");
    if (set == NULL || (strstr(set, "UTF-8") == NULL && strstr(set, "utf8") == NULL)) setlocale(LC_ALL, "C.UTF-8");
}
static inline int zg_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int zg_a_bold(void) { return (int)A_BOLD; }
static inline int zg_a_reverse(void) { return (int)A_REVERSE; }
static inline int zg_a_underline(void) { return (int)A_UNDERLINE; }
static inline int zg_a_dim(void) { return (int)A_DIM; }
static inline int zg_set_attributes(int attributes) { return wattrset(stdscr, attributes); }
static inline int zg_key_f(int n) { return KEY_F(n); }
#endif
