/*
 * textchar.h: character classes for scanning English news text in UTF-8:
 * white space (ASCII and Unicode spaces), letter case, and the quotes,
 * brackets and bullets that stand around sentences.  Code points are read
 * with tc_cpat(), which never fails: a bad byte reads as itself.
 */
#ifndef TEXTCHAR_H
#define TEXTCHAR_H

#include <stddef.h>
#include <stdint.h>

/* True for ASCII white space: space, TAB, LF, CR, FF, VT. */
int		tc_isspace(int c);

/* Length of the white space (ASCII, U+00A0, U+2000-U+200A, U+202F,
 * U+205F, U+3000) at s[i] within s[0..n), or 0. */
size_t		tc_spaceat(const char *s, size_t n, size_t i);

/* Length of the white space that ends at s[e - 1], not reaching before
 * s[a], or 0. */
size_t		tc_spacebefore(const char *s, size_t a, size_t e);

/* The code point at s[i] within s[0..n), its length in *len (0 past the
 * end, 1 for a byte that does not start valid UTF-8, read as itself). */
uint32_t	tc_cpat(const char *s, size_t n, size_t i, size_t *len);

/* Letter case: 1 upper or title case, -1 lower case, 0 not cased. */
int		tc_case(uint32_t cp);

/* Letters (any script) and, for tc_isalnum, decimal digits. */
int		tc_isletter(uint32_t cp);
int		tc_isalnum(uint32_t cp);

/* Quotes and brackets that may close a sentence after its final
 * punctuation: " ' ) ] } and the curly and angle closing quotes. */
int		tc_iscloser(uint32_t cp);

/* What may open a sentence before its first word: opening quotes and
 * brackets, dashes, inverted ? and !, emphasis marks. */
int		tc_isopener(uint32_t cp);

/* List bullets: U+2022, U+2023, U+2043, U+25A0, U+25AA, U+25AB, U+25B8,
 * U+25BA, U+25CF, U+25E6. */
int		tc_isbullet(uint32_t cp);

#endif
