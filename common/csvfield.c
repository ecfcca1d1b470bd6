/* csvfield.c: see csvfield.h. */
#include <csv.h>

#include "csvfield.h"

void
csvfield_put(FILE *fp, struct buf *scratch, const char *s, size_t n)
{
	size_t need, i;

	for (i = 0; i < n; i++)
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
	need = csv_write(NULL, 0, s, n);
	buf_reset(scratch);
	buf_grow(scratch, need);
	csv_write(scratch->s, need, s, n);
	fwrite(scratch->s, 1, need, fp);
}
