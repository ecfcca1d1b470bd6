/*
 * unit-fuzz: the inputs the fuzzers of tests/fuzz/ found, each a case
 * here so it stays fixed (it fails under the ASan build of make test when
 * the bug is a read past the end).
 */
#include <csv.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvfield.h"
#include "input.h"
#include "numbers.h"
#include "util.h"
#include "unit.h"

/* A copy in a heap block of exactly n bytes: ASan sees a read past it. */
static char *
exact(const char *s, size_t n)
{
	char *p = emalloc(n ? n : 1);

	memcpy(p, s, n);
	return p;
}

static void
test_buf(void)
{
	struct buf b = { 0 };

	buf_grow(&b, 0);
	test_cond("buf_grow on an empty buffer leaves it NUL-terminated",
	    b.s != NULL && b.s[0] == '\0');
	buf_free(&b);
}

static int
doc_terminated(const struct document *d, void *arg)
{
	*(int *)arg = d->text[d->len] == '\0';
	return 0;
}

static void
test_empty_file(void)
{
	char path[] = "/tmp/unit-fuzz.XXXXXX";
	char *paths[1] = { path };
	struct input_opts o = { 0 };
	int fd, ok = 0;

	if ((fd = mkstemp(path)) < 0)
		return;
	close(fd);
	input_each(paths, 1, &o, doc_terminated, &ok);
	unlink(path);
	test_cond("an empty file's text is NUL-terminated", ok);
}

struct fields {
	char	 f[4][32];
	size_t	 n[4];
	int	 nf;
};

static void
on_field(void *s, size_t n, void *arg)
{
	struct fields *fs = arg;

	if (fs->nf < 4 && n < 32) {
		memcpy(fs->f[fs->nf], s ? s : "", n);
		fs->n[fs->nf] = n;
	}
	fs->nf++;
}

static void
test_csv_spaces(void)
{
	static const char *in[] = { " lead", "trail ", "\ttab", "x" };
	struct csv_parser p;
	struct fields back = { 0 };
	struct buf scratch = { 0 };
	char *out = NULL;
	size_t outlen = 0, i;
	FILE *fp = open_memstream(&out, &outlen);
	int same = 1;

	for (i = 0; i < 4; i++) {
		if (i > 0)
			putc(',', fp);
		csvfield_put(fp, &scratch, in[i], strlen(in[i]));
	}
	putc('\n', fp);
	fclose(fp);
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
	csv_parse(&p, out, outlen, on_field, NULL, &back);
	csv_fini(&p, on_field, NULL, &back);
	csv_free(&p);
	for (i = 0; i < 4; i++)
		same &= back.n[i] == strlen(in[i]) &&
		    memcmp(back.f[i], in[i], back.n[i]) == 0;
	test_cond("csv: leading and trailing spaces survive libcsv's reader",
	    back.nf == 4 && same);
	free(out);
	buf_free(&scratch);
}

/* Every mention's text and noun lie inside the sentence of n bytes. */
static int
in_bounds(const struct mention *m, size_t k, size_t n)
{
	size_t i;

	for (i = 0; i < k; i++)
		if (m[i].b >= m[i].e || m[i].e > n || m[i].ce > n ||
		    m[i].nb > m[i].ne || m[i].ne > n)
			return 0;
	return 1;
}

static void
test_numbers_end(void)
{
	static const char *cases[] = { "a n20", "The firm \xe2\x82\xac" "1.2 "
	    "billion a n20", "12 345", "1 234 56" };
	static const char big[] = "8888888888888888888888888said "
	    "on8888888888888888888888888888[8888S2ome.";
	static const char end[] = "888888888888888888888888";
	static const char friday[] = "The trial opens Friday 7.6";
	struct numfinder *nf = num_open();
	struct numdoc doc = { 0 };
	const struct mention *m;
	size_t i, k;
	char *s;
	int ok = 1;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = exact(cases[i], strlen(cases[i]));
		k = num_find(nf, &doc, s, strlen(cases[i]), &m);
		ok &= in_bounds(m, k, strlen(cases[i]));
		free(s);
	}
	test_cond("numbers: digits at the very end are read within bounds", ok);
	/* A scale on a huge mantissa overflowed nv_whole (UBSan). */
	s = exact(big, strlen(big));
	k = num_find(nf, &doc, s, strlen(big), &m);
	free(s);
	test_cond("numbers: 25 digits and a scale do not overflow",
	    in_bounds(m, k, strlen(big)));
	/* "...[8888S2ome." ends in a number: abbr_ok() looked at the token
	 * after the last one (UBSan: offset applied to a null pointer). */
	num_close(nf);
	nf = num_open();	/* fresh: no token left from before */
	s = exact(end, strlen(end));
	k = num_find(nf, &doc, s, strlen(end), &m);
	free(s);
	test_cond("numbers: a number as the last token is read whole",
	    k == 1 && m[0].b == 0 && m[0].e == strlen(end));
	/* "Friday 7.6" at the very end: atoi() read past the sentence. */
	s = exact(friday, strlen(friday));
	k = num_find(nf, &doc, s, strlen(friday), &m);
	free(s);
	test_cond("numbers: a weekday's dotted date at the very end",
	    k >= 1 && in_bounds(m, k, strlen(friday)) &&
	    m[k - 1].e == strlen(friday));
	num_close(nf);
}

int
main(void)
{
	test_buf();
	test_empty_file();
	test_csv_spaces();
	test_numbers_end();
	return test_report();
}
