/*
 * fuzz-entities: the entity tagger on any valid UTF-8 document, one
 * sentence per line, the first a headline when the input's first byte is
 * odd.  Every mention is in a sentence that exists, in sentence and
 * offset order, non-empty, its text exactly the sentence's code points
 * start to end, with a known type and a canonical name.  The lexicons are
 * loaded as tag-entities loads them.
 */
#include <string.h>

#include "entities.h"
#include "fuzz.h"
#include "utf8.h"
#include "util.h"


#define MAXSENT	256

static struct nerlex *lx;
static struct nerdoc *nd;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet();
	lx = nerlex_builtin(NULL, 0);
	nd = nerdoc_new(lx);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *p, *end, *eol;
	const char *sb[MAXSENT];
	size_t sl[MAXSENT], n, ns = 0, i, k, a, b;
	const struct mention *m, *prev = NULL;
	int headline;

	if (size == 0)
		return 0;
	headline = data[0] & 1;
	s++, size--;
	n = utf8_valid_prefix(s, size);
	if (memchr(s, '\0', n) != NULL)
		n = (size_t)((const char *)memchr(s, '\0', n) - s);
	nerdoc_reset(nd);
	for (p = s, end = s + n; p < end && ns < MAXSENT; p = eol + 1) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		sb[ns] = p;
		sl[ns] = (size_t)(eol - p);
		nerdoc_add(nd, p, sl[ns], headline && ns == 0);
		ns++;
	}
	k = nerdoc_resolve(nd);
	for (i = 0; i < k; i++, prev = m) {
		m = nerdoc_mention(nd, i);
		FUZZ_ASSERT(m != NULL && m->sent < ns);
		FUZZ_ASSERT(prev == NULL || prev->sent < m->sent ||
		    (prev->sent == m->sent && prev->start <= m->start));
		FUZZ_ASSERT(m->start < m->end);
		a = utf8_cpoffset(sb[m->sent], sl[m->sent], m->start);
		b = utf8_cpoffset(sb[m->sent], sl[m->sent], m->end);
		FUZZ_ASSERT(b <= sl[m->sent] &&
		    utf8_cpcount(sb[m->sent], b) == m->end);
		FUZZ_ASSERT(m->len == b - a &&
		    memcmp(m->text, sb[m->sent] + a, m->len) == 0);
		FUZZ_ASSERT(m->type >= ENT_PERSON && m->type <= ENT_NORP);
		FUZZ_ASSERT(ent_typename(m->type) != NULL);
		FUZZ_ASSERT(m->canon != NULL && m->canonlen > 0);
		FUZZ_ASSERT(utf8_valid_prefix(m->canon, m->canonlen) ==
		    m->canonlen);
	}
	return 0;
}
