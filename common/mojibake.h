/*
 * mojibake.h: repair of UTF-8 text that was decoded through a single-byte
 * code page (Windows-1252 and others), for clean.c.
 */
#ifndef MOJIBAKE_H
#define MOJIBAKE_H

#include <stddef.h>
#include <stdint.h>

/*
 * The character of byte b (0x80-0xff) in Windows-1252.  The five bytes it
 * leaves undefined (81 8D 8F 90 9D) give the C1 controls of their value.
 */
uint32_t	mojibake_cp1252(unsigned char b);

/*
 * Repair mojibake in the line (*a)[0..n) of code points (no LF), using
 * (*b) as scratch; both hold at least n + 1 entries.  The result may be
 * left in either array: *a and *b are swapped as needed, and *a holds it
 * on return.  Returns its length (never more than n).  Good text is left
 * alone; C1 controls are left for the caller to map or drop.
 */
size_t		mojibake_fix(uint32_t **a, uint32_t **b, size_t n);

/*
 * Whether mojibake_fix() surely leaves the code points of s[0..n) alone,
 * for a line s of valid UTF-8 (for other bytes the answer means nothing).
 * A quick test, mostly of the line's first few non-ASCII characters: it
 * may answer 0 for a line that would be left alone, never 1 for one that
 * would be changed.
 */
int		mojibake_none(const char *s, size_t n);

#endif
