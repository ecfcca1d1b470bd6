/*
 * fuzz-sentences: the sentence splitter on any valid UTF-8 paragraph (as
 * the record reader hands it on: no NUL).  The sentences are in order,
 * non-empty, trimmed, start and end on code point boundaries, and
 * between and around them there is only white space: nothing else of
 * the paragraph is lost.  White space is ASCII's and the Unicode spaces
 * of textchar.h (which normalize turns into ASCII spaces anyway).
 */
#include <string.h>

#include "fuzz.h"
#include "sentences.h"
#include "textchar.h"
#include "utf8.h"

static struct sentlist sl;

static int
blank(const char *s, size_t a, size_t b)
{
	size_t k;

	while (a < b) {
		if ((k = tc_spaceat(s, b, a)) == 0)
			return 0;
		a += k;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t n, i, prev = 0;

	n = utf8_valid_prefix(s, size);
	if (memchr(s, '\0', n) != NULL)
		n = (size_t)((const char *)memchr(s, '\0', n) - s);
	sent_split(s, n, &sl);
	for (i = 0; i < sl.n; i++) {
		FUZZ_ASSERT(sl.v[i].start >= prev);
		FUZZ_ASSERT(sl.v[i].start < sl.v[i].end && sl.v[i].end <= n);
		FUZZ_ASSERT(blank(s, prev, sl.v[i].start));
		FUZZ_ASSERT(tc_spaceat(s, n, sl.v[i].start) == 0);
		FUZZ_ASSERT(tc_spacebefore(s, sl.v[i].start, sl.v[i].end) == 0);
		FUZZ_ASSERT(UTF8_POINT(s[sl.v[i].start]));
		FUZZ_ASSERT(sl.v[i].end == n || UTF8_POINT(s[sl.v[i].end]));
		prev = sl.v[i].end;
	}
	FUZZ_ASSERT(blank(s, prev, n));
	return 0;
}
