/*
 * unit-entities: spelling variants (name_fold, name_close) and the
 * document-level resolution of common/entities-*.c, with the lexicons
 * tag-entities compiles in.
 */
#include <stdio.h>
#include <string.h>

#include "entities.h"
#include "unit.h"


static int
foldeq(const char *a, const char *b)
{
	char fa[64], fb[64];

	name_fold(a, strlen(a), fa, sizeof(fa));
	name_fold(b, strlen(b), fb, sizeof(fb));
	return strcmp(fa, fb) == 0;
}

static int
similar(const char *a, const char *b)
{
	char fa[64], fb[64];
	size_t na, nb;

	na = name_fold(a, strlen(a), fa, sizeof(fa));
	nb = name_fold(b, strlen(b), fb, sizeof(fb));
	return name_close(fa, na, fb, nb);
}

static void
test_variants(void)
{
	char out[64];

	test_cond("fold lower-cases and drops accents",
	    name_fold("Orbán", strlen("Orbán"), out, sizeof(out)) == 5 &&
	    strcmp(out, "orban") == 0);
	test_cond("fold: Zelenskyy = Zelensky", foldeq("Zelenskyy", "Zelensky"));
	test_cond("fold: Zelenskiy = Zelensky", foldeq("Zelenskiy", "Zelensky"));
	test_cond("fold: doubled letters", foldeq("Kovalenkko", "Kovalenko"));
	test_cond("fold: hyphens and apostrophes go", foldeq("O'Brien", "OBrien"));
	test_cond("close: the typo Zeleneskyy", similar("Zeleneskyy", "Zelensky"));
	test_cond("close: Zelenskii", similar("Zelenskii", "Zelensky"));
	test_cond("close: transposed letters", similar("Stoltneberg", "Stoltenberg"));
	test_cond("close: two edits in a long name",
	    similar("Prigozhyn", "Prigozhin") && similar("Zaluzhnyii", "Zaluzhny"));
	test_cond("not close: other first letter", !similar("Putin", "Rutin"));
	test_cond("not close: short names need equality", !similar("Kim", "Kin"));
	test_cond("not close: two edits in a short name", !similar("Jones", "James"));
	test_cond("not close: different names", !similar("Biden", "Bidenko"));
}

/* Does mention i have this text, type and canonical? */
static int
is(const struct nerdoc *d, size_t n, size_t i, const char *text,
    const char *type, const char *canon)
{
	const struct mention *m;

	if (i >= n)
		return 0;
	m = nerdoc_mention(d, i);
	return m->len == strlen(text) && memcmp(m->text, text, m->len) == 0 &&
	    strcmp(ent_typename(m->type), type) == 0 &&
	    m->canonlen == strlen(canon) && memcmp(m->canon, canon,
	    m->canonlen) == 0;
}

static size_t
doc(struct nerdoc *d, const char *const *s, int title)
{
	int i;

	nerdoc_reset(d);
	for (i = 0; s[i] != NULL; i++)
		nerdoc_add(d, s[i], strlen(s[i]), title && i == 0);
	return nerdoc_resolve(d);
}

static void
test_people(struct nerdoc *d)
{
	static const char *const zel[] = {
		"Ukrainian President Volodymyr Zeleneskyy spoke on Thursday.",
		"\"We are alone,\" Zelenskyy said.",
		"Mr. Zelensky's office confirmed it.",
		NULL
	};
	static const char *const drap[] = {
		"Drapaty previously led forces in the Kharkiv region.",
		"Zelensky named a new commander, Mykhailo Drapaty, on Friday.",
		NULL
	};
	static const char *const kov[] = {
		"Andriy Kovalenkko, a spokesman, spoke to reporters.",
		"Kovalenko said the line held.",
		NULL
	};
	size_t n;

	n = doc(d, zel, 0);
	test_cond("typo'd full name takes the gazetteer's canonical",
	    is(d, n, 0, "Ukrainian", "NORP", "Ukraine") &&
	    is(d, n, 1, "Volodymyr Zeleneskyy", "PERSON", "Volodymyr Zelensky"));
	test_cond("a variant spelling merges",
	    is(d, n, 2, "Zelenskyy", "PERSON", "Volodymyr Zelensky"));
	test_cond("Mr. and 's are left out, surname merges",
	    is(d, n, 3, "Zelensky", "PERSON", "Volodymyr Zelensky") && n == 4);
	n = doc(d, drap, 0);
	test_cond("a surname first in the document takes the later full name",
	    is(d, n, 0, "Drapaty", "PERSON", "Mykhailo Drapaty"));
	test_cond("the full name itself",
	    is(d, n, 3, "Mykhailo Drapaty", "PERSON", "Mykhailo Drapaty"));
	n = doc(d, kov, 0);
	test_cond("unknown people: a variant surname takes the fullest form",
	    is(d, n, 0, "Andriy Kovalenkko", "PERSON", "Andriy Kovalenkko") &&
	    is(d, n, 1, "Kovalenko", "PERSON", "Andriy Kovalenkko"));
}

static void
test_document(struct nerdoc *d)
{
	static const char *const head[] = {
		"Drapaty Takes Command as Kyiv Braces for Winter",
		"Mykhailo Drapaty took command of the Land Forces in Kyiv.",
		NULL
	};
	static const char *const acro[] = {
		"The European Widget Council (EWC) met in Brussels.",
		"EWC members agreed.",
		NULL
	};
	static const char *const may[] = {
		"Theresa May spoke in May.",
		"May said the vote would come on May 5.",
		NULL
	};
	static const char *const init[] = {
		"Reinforcements arrived in Kyiv.",
		"Speaking later, Smithers denied it.",
		NULL
	};
	size_t n;

	n = doc(d, head, 1);
	test_cond("headline: body names only, Kyiv from the gazetteer",
	    is(d, n, 0, "Drapaty", "PERSON", "Mykhailo Drapaty") &&
	    is(d, n, 1, "Kyiv", "LOC", "Kyiv") &&
	    is(d, n, 2, "Mykhailo Drapaty", "PERSON", "Mykhailo Drapaty"));
	test_cond("headline: title-case words are not names",
	    n == 5 && is(d, n, 3, "Land Forces", "ORG", "Land Forces"));
	n = doc(d, acro, 0);
	test_cond("an acronym defined in brackets takes the full name",
	    is(d, n, 0, "European Widget Council", "ORG",
	    "European Widget Council") &&
	    is(d, n, 1, "EWC", "ORG", "European Widget Council") &&
	    is(d, n, 3, "EWC", "ORG", "European Widget Council"));
	n = doc(d, may, 0);
	test_cond("May the person and May the month",
	    n == 2 && is(d, n, 0, "Theresa May", "PERSON", "Theresa May") &&
	    is(d, n, 1, "May", "PERSON", "Theresa May"));
	n = doc(d, init, 0);
	test_cond("a sentence's first word is not a name by its capital",
	    n == 2 && is(d, n, 0, "Kyiv", "LOC", "Kyiv") &&
	    is(d, n, 1, "Smithers", "PERSON", "Smithers"));
}

int
main(void)
{
	struct nerlex *lx = nerlex_builtin(NULL, 0);
	struct nerdoc *d = nerdoc_new(lx);

	test_variants();
	test_people(d);
	test_document(d);
	nerdoc_free(d);
	nerlex_free(lx);
	return test_report();
}
