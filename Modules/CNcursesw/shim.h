// ncursesw with its wide-character API (get_wch, cchar_t): it is only declared when
// _XOPEN_SOURCE_EXTENDED is defined before the header. Macros and globals Swift cannot import
// (or cannot use safely under strict concurrency) are wrapped as small functions.
#ifndef ZHANGGUI_CNCURSESW_SHIM_H
#define ZHANGGUI_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>

static inline WINDOW *zg_stdscr(void) { return stdscr; }
static inline int zg_lines(void) { return LINES; }
static inline int zg_cols(void) { return COLS; }
static inline void zg_set_locale(void) { setlocale(LC_ALL, ""); }
static inline int zg_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int zg_a_bold(void) { return (int)A_BOLD; }
static inline int zg_a_reverse(void) { return (int)A_REVERSE; }
static inline int zg_a_underline(void) { return (int)A_UNDERLINE; }
static inline int zg_a_dim(void) { return (int)A_DIM; }
static inline int zg_set_attributes(int attributes) { return wattrset(stdscr, attributes); }
static inline int zg_key_f(int n) { return KEY_F(n); }
#endif
