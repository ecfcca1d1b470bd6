/* csvfield.c: see csvfield.h. */
#include "csvfield.h"
#include "scan.h"

/* Might some byte of w make a field need quotes (, " CR LF)? */
static inline uint64_t
maybe_quote(uint64_t w)
{
	return scan_byte(w, ',') | scan_byte(w, '"') | scan_below(w, 0x0e);
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
