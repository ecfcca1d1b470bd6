/*
 * fuzz-clean: normalize's core on any bytes.  clean_text() gives valid
 * UTF-8 without NUL, CR or other control characters but TAB and LF, and
 * the boilerplate patterns run over every cleaned line without a crash.
 */
#include <string.h>

#include "boiler.h"
#include "clean.h"
#include "fuzz.h"
#include "utf8.h"
#include "util.h"

static struct boiler *boiler;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet();
	boiler = boiler_compile();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf out = { 0 };
	const char *p, *end, *eol;
	size_t i, n;
	uint32_t cp;
	int k;

	clean_text(&out, (const char *)data, size);
	if (out.len == 0) {
		buf_free(&out);
		return 0;
	}
	FUZZ_ASSERT(utf8_valid_prefix(out.s, out.len) == out.len);
	for (i = 0; i < out.len; i += (size_t)k) {
		k = utf8_decode(out.s + i, out.len - i, &cp);
		FUZZ_ASSERT(k > 0);
		FUZZ_ASSERT(cp >= 0x20 || cp == '\t' || cp == '\n');
		FUZZ_ASSERT(cp != 0x7f && !(cp >= 0x80 && cp < 0xa0));
		FUZZ_ASSERT(cp != 0xfeff && cp != 0xad);
	}
	/* Every line through the boilerplate patterns, as normalize does. */
	p = out.s;
	end = out.s + out.len;
	for (n = 0; p < end; n++) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		boiler_match(boiler, p, (size_t)(eol - p), n, 0, n + 2);
		p = eol + 1;
	}
	buf_free(&out);
	return 0;
}
