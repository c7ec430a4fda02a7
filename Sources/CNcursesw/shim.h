/* The only C in Meja: what Swift needs from ncursesw that it cannot import by itself.
 *
 * SwiftPM drops pkg-config's -D flags, so the wide-character API is switched on here, before the header.
 * Attribute macros and a few key codes are exposed as inline functions (Swift does not import
 * function-like or cast macros). DeskTUI's Terminal type is the only user of this module. */
#ifndef MEJA_CNCURSESW_SHIM_H
#define MEJA_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <stddef.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>

/* glibc declares wcwidth only under _XOPEN_SOURCE; declare it for Swift in any case. */
extern int wcwidth(wchar_t c);

/* Attributes. */
static inline unsigned int meja_a_normal(void) { return (unsigned int)A_NORMAL; }
static inline unsigned int meja_a_bold(void) { return (unsigned int)A_BOLD; }
static inline unsigned int meja_a_dim(void) { return (unsigned int)A_DIM; }
static inline unsigned int meja_a_reverse(void) { return (unsigned int)A_REVERSE; }
static inline unsigned int meja_a_underline(void) { return (unsigned int)A_UNDERLINE; }
static inline unsigned int meja_a_italic(void) { return (unsigned int)A_ITALIC; }
static inline unsigned int meja_a_standout(void) { return (unsigned int)A_STANDOUT; }

/* Key codes returned by wget_wch with KEY_CODE_YES. */
static inline int meja_key_code_yes(void) { return KEY_CODE_YES; }
static inline int meja_key_up(void) { return KEY_UP; }
static inline int meja_key_down(void) { return KEY_DOWN; }
static inline int meja_key_left(void) { return KEY_LEFT; }
static inline int meja_key_right(void) { return KEY_RIGHT; }
static inline int meja_key_home(void) { return KEY_HOME; }
static inline int meja_key_end(void) { return KEY_END; }
static inline int meja_key_npage(void) { return KEY_NPAGE; }
static inline int meja_key_ppage(void) { return KEY_PPAGE; }
static inline int meja_key_backspace(void) { return KEY_BACKSPACE; }
static inline int meja_key_dc(void) { return KEY_DC; }
static inline int meja_key_ic(void) { return KEY_IC; }
static inline int meja_key_enter(void) { return KEY_ENTER; }
static inline int meja_key_btab(void) { return KEY_BTAB; }
static inline int meja_key_resize(void) { return KEY_RESIZE; }
static inline int meja_key_f(int n) { return KEY_F(n); }
static inline int meja_key_sleft(void) { return KEY_SLEFT; }
static inline int meja_key_sright(void) { return KEY_SRIGHT; }

/* Whether terminfo knows the terminal type in TERM: `initscr` would print "Error opening terminal" and exit for one
   it does not, before the desk could say what to do. */
static inline int meja_terminal_known(void) {
    int err = 0;
    if (setupterm((char *)0, 1, &err) != OK) return 0;
    del_curterm(cur_term);
    return 1;
}

/* Whether the terminal can put the cursor anywhere (terminfo `cup`): a full-screen desk needs it; TERM=dumb has not. */
static inline int meja_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

/* The standard screen and its size (the globals are not usable from Swift 6). */
static inline WINDOW *meja_stdscr(void) { return stdscr; }
static inline int meja_rows(void) { int y, x; getmaxyx(stdscr, y, x); (void)x; return y; }
static inline int meja_cols(void) { int y, x; getmaxyx(stdscr, y, x); (void)y; return x; }
static inline int meja_colors(void) { return COLORS; }
static inline int meja_color_pairs(void) { return COLOR_PAIRS; }

/* Draws `count` wide characters at (row, col) with the attributes and colour pair given. */
static inline int meja_put(int row, int col, const wchar_t *text, int count, unsigned int attrs, short pair) {
    wattr_set(stdscr, (attr_t)attrs, pair, NULL);
    return mvwaddnwstr(stdscr, row, col, text, count);
}

#endif
