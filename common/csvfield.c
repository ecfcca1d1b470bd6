/* csvfield.c: see csvfield.h. */
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
 * The quoted form is the one libcsv's csv_write() gives: the field in
 * double quotes, every quote in it doubled.  The runs between quotes are
 * written in one go.
 */
void
csvfield_put(FILE *fp, struct buf *scratch, const char *s, size_t n)
{
	const char *end = s + n, *q;

	(void)scratch;		/* no longer needed; kept for the callers */
	/* Readers that trim unquoted fields (libcsv does) keep the spaces
	 * of a quoted one. */
	if (!has_quotable(s, n) && (n == 0 || (s[0] != ' ' && s[0] != '\t' &&
	    s[n - 1] != ' ' && s[n - 1] != '\t'))) {
		out_write(fp, s, n);
		return;
	}
	out_putc(fp, '"');
	while ((q = memchr(s, '"', (size_t)(end - s))) != NULL) {
		out_write(fp, s, (size_t)(q + 1 - s));	/* up to the quote */
		out_putc(fp, '"');			/* and it again */
		s = q + 1;
	}
	out_write(fp, s, (size_t)(end - s));
	out_putc(fp, '"');
}
