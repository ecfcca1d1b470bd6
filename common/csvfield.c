/* csvfield.c: see csvfield.h. */
#include <csv.h>

#include "csvfield.h"
#include "scan.h"

/* Might some byte of w make a field need quotes (, " CR LF)? */
static uint64_t
maybe_quote(uint64_t w)
{
	return scan_byte(w, ',') | scan_byte(w, '"') | scan_below(w, 0x0e);
}

void
csvfield_put(FILE *fp, struct buf *scratch, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 8 <= n && !maybe_quote(scan_load(s + i)); i += 8)
		;
	for (; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			break;
	/* Readers that trim unquoted fields (libcsv does) keep the spaces
	 * of a quoted one. */
	if (n > 0 && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' ||
	    s[n - 1] == '\t'))
		i = 0;
	if (i == n) {
		fwrite(s, 1, n, fp);
		return;
	}
	/* Quoted, every quote doubled: at most 2n + 2 bytes. */
	buf_reset(scratch);
	buf_grow(scratch, 2 * n + 2);
	fwrite(scratch->s, 1, csv_write(scratch->s, 2 * n + 2, s, n), fp);
}
