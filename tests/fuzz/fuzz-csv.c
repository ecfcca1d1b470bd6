/*
 * fuzz-csv: the CSV writer round trip.  The input is a row of fields
 * separated by NUL bytes (a record field never holds a NUL); the row is
 * written as to-csv writes it (csvfield_put, commas, LF or CRLF) and read
 * back with libcsv's strict parser: the same number of fields, each with
 * the same bytes.
 */
#include <csv.h>
#include <string.h>

#include "csvfield.h"
#include "fuzz.h"
#include "util.h"

#define MAXF 64

struct back {
	struct buf	 f[MAXF];
	int		 nf, rows;
};

static void
on_field(void *s, size_t n, void *arg)
{
	struct back *b = arg;

	FUZZ_ASSERT(b->nf < MAXF);
	buf_reset(&b->f[b->nf]);
	buf_add(&b->f[b->nf], s ? s : "", n);
	b->nf++;
}

static void
on_row(int c, void *arg)
{
	struct back *b = arg;

	(void)c;
	b->rows++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct back b;
	static struct buf scratch;
	const char *s = (const char *)data, *f[MAXF];
	size_t flen[MAXF], off;
	struct csv_parser p;
	char *out = NULL;
	size_t outlen = 0;
	const char *nul;
	FILE *fp;
	int nf = 0, i, crlf;

	if (size == 0)
		return 0;
	crlf = data[0] & 1;	/* the first byte picks the line end */
	s++, size--;
	for (off = 0; nf < MAXF; nf++) {
		f[nf] = s + off;
		nul = memchr(s + off, '\0', size - off);
		flen[nf] = nul ? (size_t)(nul - (s + off)) : size - off;
		off += flen[nf] + 1;
		if (nul == NULL)
			break;
	}
	if (nf == MAXF)
		nf--;
	nf++;
	if (nf < 2) {		/* to-csv's rows have 4 columns or more */
		f[nf] = "";
		flen[nf++] = 0;
	}
	if ((fp = open_memstream(&out, &outlen)) == NULL)
		abort();
	for (i = 0; i < nf; i++) {
		if (i > 0)
			putc(',', fp);
		csvfield_put(fp, &scratch, f[i], flen[i]);
	}
	fputs(crlf ? "\r\n" : "\n", fp);
	fclose(fp);

	b.nf = b.rows = 0;
	FUZZ_ASSERT(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) == 0);
	FUZZ_ASSERT(csv_parse(&p, out, outlen, on_field, on_row, &b) ==
	    outlen);
	FUZZ_ASSERT(csv_fini(&p, on_field, on_row, &b) == 0);
	csv_free(&p);
	FUZZ_ASSERT(b.rows == 1);
	FUZZ_ASSERT(b.nf == nf);
	for (i = 0; i < nf; i++) {
		FUZZ_ASSERT(b.f[i].len == flen[i]);
		FUZZ_ASSERT(memcmp(b.f[i].s ? b.f[i].s : "", f[i], flen[i]) ==
		    0);
	}
	free(out);
	return 0;
}
