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

#include "lex_ner-common.h"
#include "lex_ner-cues.h"
#include "lex_ner-given.h"
#include "lex_ner-groups.h"
#include "lex_ner-keywords.h"
#include "lex_ner-notnames.h"
#include "lex_ner-orgs.h"
#include "lex_ner-people.h"
#include "lex_ner-places.h"
#include "lex_ner-titles.h"

#define MAXSENT	256

static struct nerlex *lx;
static struct nerdoc *nd;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet();
	lx = nerlex_new();
	nerlex_load(lx, lex_ner_people, "ner-people.tsv", LEX_ENTITIES);
	nerlex_load(lx, lex_ner_orgs, "ner-orgs.tsv", LEX_ENTITIES);
	nerlex_load(lx, lex_ner_places, "ner-places.tsv", LEX_ENTITIES);
	nerlex_load(lx, lex_ner_groups, "ner-groups.tsv", LEX_ENTITIES);
	nerlex_load(lx, lex_ner_given, "ner-given.tsv", LEX_GIVEN);
	nerlex_load(lx, lex_ner_titles, "ner-titles.tsv", LEX_TITLES);
	nerlex_load(lx, lex_ner_keywords, "ner-keywords.tsv", LEX_KEYWORDS);
	nerlex_load(lx, lex_ner_common, "ner-common.tsv", LEX_COMMON);
	nerlex_load(lx, lex_ner_notnames, "ner-notnames.tsv", LEX_NOTNAMES);
	nerlex_load(lx, lex_ner_cues, "ner-cues.tsv", LEX_CUES);
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
