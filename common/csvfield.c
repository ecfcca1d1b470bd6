/* csvfield.c: see csvfield.h. */
#include <csv.h>

#include "csvfield.h"
#include "scan.h"

/*
 * Might some byte of x make a field need quotes (, " CR LF)?  Flags
 * every byte below 0x0e too.  Each term sets the high bit of a byte below
 * 0x80 that it matches (b - 0x0e when b < 0x0e, (b ^ c) - 1 when b == c);
 * ~x drops the bytes of 0x80 or more.  Bits above a flagged byte may be
 * false (borrows), never all of them.
 */
static inline uint64_t
maybe_quote(uint64_t x)
{
	return ((x - SCAN_ONES * 0x0e) | ((x ^ (SCAN_ONES * ',')) - SCAN_ONES) |
	    ((x ^ (SCAN_ONES * '"')) - SCAN_ONES)) & ~x & SCAN_HIGHS;
}

static inline int
needs_quote(int c)
{
	return c == ',' || c == '"' || c == '\r' || c == '\n';
}

/* Does s[0..n) hold a byte that needs quotes?  A word at a time, the
 * last (partial) word loaded so that it ends at s + n. */
static int
has_quotable(const char *s, size_t n)
{
	size_t i;

	if (n < 8) {
		for (i = 0; i < n; i++)
			if (needs_quote(s[i]))
				return 1;
		return 0;
	}
	for (i = 0; i + 8 <= n; i += 8)
		if (maybe_quote(scan_load(s + i)))
			goto look;
	if (i == n || !maybe_quote(scan_load(s + n - 8)))
		return 0;
	i = n - 8;
look:	/* a flagged word may hold only other control bytes */
	for (; i < n; i++)
		if (needs_quote(s[i]))
			return 1;
	return 0;
}

/*
 * A field is written as it is unless it needs quotes (contract §3:
 * "quoted when needed"); then libcsv's csv_write() quotes it (and doubles
 * its quotes) into the scratch buffer, sized for the worst case, 2n + 2.
 */
void
csvfield_put(FILE *fp, struct buf *scratch, const char *s, size_t n)
{
	/* Readers that trim unquoted fields (libcsv does) keep the spaces
	 * of a quoted one. */
	if (!has_quotable(s, n) && (n == 0 || (s[0] != ' ' && s[0] != '\t' &&
	    s[n - 1] != ' ' && s[n - 1] != '\t'))) {
		out_write(fp, s, n);
		return;
	}
	buf_reset(scratch);
	buf_grow(scratch, 2 * n + 2);
	out_write(fp, scratch->s, csv_write(scratch->s, 2 * n + 2, s, n));
}
