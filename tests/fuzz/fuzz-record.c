/*
 * fuzz-record: the record stream parser.  Any bytes read with rec_read()
 * either give records whose fields are NUL-terminated, hold no NUL, are
 * valid UTF-8 and re-escape to the line read, or stop with rec_error
 * (exit 1); never a crash, a hang or a leak.
 */
#include <stdio.h>
#include <string.h>

#include "fuzz.h"
#include "record.h"
#include "utf8.h"
#include "util.h"

static void
check(const struct record *r)
{
	char *out = NULL;
	size_t outlen = 0;
	FILE *fp;
	int i;

	FUZZ_ASSERT(r->nf >= 0 && r->nf <= REC_MAXF);
	FUZZ_ASSERT(memchr(r->raw, '\n', r->rawlen) == NULL);
	FUZZ_ASSERT(utf8_valid_prefix(r->raw, r->rawlen) == r->rawlen);
	for (i = 0; i < r->nf; i++) {
		FUZZ_ASSERT(strlen(r->f[i].s) == r->f[i].len);
		FUZZ_ASSERT(utf8_valid_prefix(r->f[i].s, r->f[i].len) ==
		    r->f[i].len);
	}
	/* A known record, re-escaped, is the line it came from. */
	if (strchr("DPSEN", r->type) == NULL || r->nf == REC_MAXF ||
	    memchr(r->raw, '\r', r->rawlen) != NULL)
		return;
	if ((fp = open_memstream(&out, &outlen)) == NULL)
		abort();
	rec_write(fp, r->type, r->nf, r->f);
	fclose(fp);
	FUZZ_ASSERT(outlen == r->rawlen + 1);
	FUZZ_ASSERT(memcmp(out, r->raw, r->rawlen) == 0);
	free(out);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reader *volatile rd;
	struct record r;
	FILE *fp;

	if (size == 0 || (fp = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	rd = rec_open(fp, "fuzz");
	if (FUZZ_TRY()) {
		while (rec_read(rd, &r))
			check(&r);
	}
	FUZZ_END();
	rec_close(rd);
	fclose(fp);
	return 0;
}
