/* entities-lex.c: the lexicons of the entity tagger; see entities.h. */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "entities-int.h"
#include "utf8.h"

struct nerlex *
nerlex_new(void)
{
	struct nerlex *lx = ecalloc(1, sizeof(*lx));

	lx->gaz = strmap_new();
	lx->gazlc = strmap_new();
	lx->prefix = strmap_new();
	lx->fuzzy = strmap_new();
	lx->given = strmap_new();
	lx->titles = strmap_new();
	lx->titlefirst = strmap_new();
	lx->keywords = strmap_new();
	lx->common = strmap_new();
	lx->notnames = strmap_new();
	lx->cues = strmap_new();
	lx->abbr = strmap_new();
	lx->bymemo[M_CUE] = lx->cues;
	lx->bymemo[M_KW] = lx->keywords;
	lx->bymemo[M_GIVEN] = lx->given;
	lx->bymemo[M_TITLE] = lx->titles;
	lx->bymemo[M_NOTNAME] = lx->notnames;
	lx->bymemo[M_TFIRST] = lx->titlefirst;
	return lx;
}

/*
 * The bytes of w (ASCII: no top bit set) with the letters A-Z lowered.  A
 * byte b is b + 0x3f >= 0x80 when b >= 'A' and b + 0x25 >= 0x80 when b >
 * 'Z' (no sum carries into the next byte, as b < 0x80), so the top bits
 * of the one and not the other, moved down two, are the 0x20 that lowers
 * each letter.
 */
static inline uint64_t
lower8(uint64_t w)
{
	uint64_t up;

	up = (w + 0x3f3f3f3f3f3f3f3fULL) & ~(w + 0x2525252525252525ULL) &
	    0x8080808080808080ULL;
	return w | up >> 2;
}

/* ner_lower() from s[i] on, the bytes before it done. */
static void
lower_rest(struct buf *out, const char *s, size_t n, size_t i)
{
	char enc[4];
	uint32_t cp;
	int k;

	for (; i < n && (unsigned char)s[i] < 0x80; i++)
		out->s[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ?
		    s[i] + ('a' - 'A') : s[i]);
	out->len = i;
	out->s[i] = '\0';
	for (; i < n; i += k) {
		unsigned char b = (unsigned char)s[i];

		if (b < 0x80) {		/* ASCII: utf8proc would agree */
			buf_addc(out, (char)(b >= 'A' && b <= 'Z' ?
			    b + ('a' - 'A') : b));
			k = 1;
			continue;
		}
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0) {
			buf_addc(out, s[i]);
			k = 1;
			continue;
		}
		cp = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
		buf_add(out, enc, utf8_encode(cp, enc));
	}
}

void
ner_lower(struct buf *out, const char *s, size_t n)
{
	const uint64_t top = 0x8080808080808080ULL;
	uint64_t w;
	uint32_t lo, hi;
	size_t i = 0;

	out->len = 0;
	if (out->cap <= n)
		buf_grow(out, n);
	/*
	 * ASCII, the usual case, straight into the room just made, eight
	 * bytes at a time (the last eight overlapping those before), or
	 * four and the last four for a word of 4 to 7 bytes; the rest, and
	 * any run with a byte past ASCII, a byte at a time.
	 */
	if (n >= 8) {
		for (; i + 8 <= n; i += 8) {
			memcpy(&w, s + i, 8);
			if (w & top)
				break;
			w = lower8(w);
			memcpy(out->s + i, &w, 8);
		}
		if (i < n && i + 8 > n) {
			memcpy(&w, s + n - 8, 8);
			if (!(w & top)) {
				w = lower8(w);
				memcpy(out->s + n - 8, &w, 8);
				i = n;
			}
		}
	} else if (n >= 4) {
		memcpy(&lo, s, 4);
		memcpy(&hi, s + n - 4, 4);
		if (!((lo | hi) & (uint32_t)top)) {
			lo = (uint32_t)lower8(lo);
			hi = (uint32_t)lower8(hi);
			memcpy(out->s, &lo, 4);
			memcpy(out->s + n - 4, &hi, 4);
			i = n;
		}
	}
	if (i == n) {
		out->len = n;
		out->s[n] = '\0';
	} else
		lower_rest(out, s, n, i);
}

static void
add_common(struct nerlex *lx, const char *s, size_t n)
{
	uint64_t h = strhash(s, n);

	strmap_put(lx->common, s, n, INTMAP(1));
	lx->commonbits[COMMONBIT1(h) >> 3] |= 1u << (COMMONBIT1(h) & 7);
	lx->commonbits[COMMONBIT2(h) >> 3] |= 1u << (COMMONBIT2(h) & 7);
}

int
ner_iscommon(const struct nerlex *lx, const char *s, size_t n)
{
	uint64_t h = strhash(s, n);

	if (!(lx->commonbits[COMMONBIT1(h) >> 3] >> (COMMONBIT1(h) & 7) & 1) ||
	    !(lx->commonbits[COMMONBIT2(h) >> 3] >> (COMMONBIT2(h) & 7) & 1))
		return 0;
	return strmap_geth(lx->common, s, n, h) != NULL;
}

int
ner_common(const struct nerlex *lx, struct buf *tmp, const char *s, size_t n)
{
	char *w;
	size_t m;

	ner_lower(tmp, s, n);
	w = tmp->s;
	m = tmp->len;
	if (ner_iscommon(lx, w, m))
		return 1;
	if (m < 4 || w[m - 1] != 's')
		return 0;
	if (ner_iscommon(lx, w, m - 1))
		return 1;
	if (w[m - 2] == 'e' && ner_iscommon(lx, w, m - 2))
		return 1;
	if (w[m - 2] == 'e' && w[m - 3] == 'i') {
		w[m - 3] = 'y';
		return ner_iscommon(lx, w, m - 2);
	}
	return 0;
}

/* Collapse runs of white space to one space and trim; in place. */
static size_t
squeeze(char *s, size_t n)
{
	size_t i, j = 0;

	/* Most are clean: no tab, and a space only alone between words. */
	for (i = 0; i < n; i++)
		if (s[i] == '\t' || (s[i] == ' ' && (i == 0 || i == n - 1 ||
		    s[i + 1] == ' ')))
			break;
	if (i == n) {
		s[n] = '\0';
		return n;
	}
	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t') {
			if (j > 0 && s[j - 1] != ' ')
				s[j++] = ' ';
		} else
			s[j++] = s[i];
	}
	if (j > 0 && s[j - 1] == ' ')
		j--;
	s[j] = '\0';
	return j;
}

/* Tokens in a key as the tagger counts them: split at spaces and hyphens. */
static int
ntokens(const char *s, size_t n)
{
	int k = 1;
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == ' ' || (s[i] == '-' && i > 0 && i + 1 < n))
			k++;
	return k;
}

/* Record the abbreviation "Word." so the tokenizer keeps its period. */
static void
note_abbr(struct nerlex *lx, const char *s, size_t n)
{
	size_t i = n;

	if (n < 2 || s[n - 1] != '.')
		return;
	while (i > 0 && s[i - 1] != ' ')
		i--;
	if (n - 1 - i > 0 && memchr(s + i, '.', n - 1 - i) == NULL)
		strmap_put(lx->abbr, s + i, n - 1 - i, INTMAP(1));
}

/* Put a spelling or prefix (exact or lower-cased) in lx->gpbits. */
static void
gpset(struct nerlex *lx, const char *s, size_t n)
{
	uint64_t h = strhash(s, n);

	lx->gpbits[GPBIT1(h) >> 3] |= 1u << (GPBIT1(h) & 7);
	lx->gpbits[GPBIT2(h) >> 3] |= 1u << (GPBIT2(h) & 7);
}

/*
 * Set the Bloom bit of a spelling or prefix.  Only those that do not
 * start with a capital A-Z: the filter is asked only about words that do
 * not (a capitalised word is looked up anyway), and an exact lookup of
 * such a word can never find a spelling that does.
 */
static void
gazset(struct nerlex *lx, const char *s, size_t n)
{
	unsigned b;

	if (n == 0 || (s[0] >= 'A' && s[0] <= 'Z'))
		return;
	b = gazbit(s, n);
	lx->gazbits[b >> 3] |= 1u << (b & 7);
}

/* lc: scratch, kept from one spelling to the next. */
static void
add_spelling(struct nerlex *lx, struct gent *g, char *s, size_t n,
    const char *name, unsigned long lineno, struct buf *lc)
{
	size_t i;
	int k;

	n = squeeze(s, n);
	if (n == 0)
		return;
	/* The first spelling wins: an earlier, more specific list keeps it. */
	strmap_putnew(lx->gaz, s, n, g);
	gazset(lx, s, n);
	gpset(lx, s, n);
	ner_fzset(lx, s, n);
	ner_lower(lc, s, n);
	strmap_putnew(lx->gazlc, lc->s, lc->len, g);
	if ((k = ntokens(s, n)) > NER_MAXTOK)
		errx(1, "%s:%lu: a spelling of more than %d words", name,
		    lineno, NER_MAXTOK);
	if (k > lx->maxtok)
		lx->maxtok = k;
	/* So a lookup can stop as soon as no longer spelling starts so. */
	for (i = 1; i + 1 < n; i++)
		if (s[i] == ' ' || s[i] == '-') {
			strmap_put(lx->prefix, s, i, INTMAP(1));
			gazset(lx, s, i);
			gpset(lx, s, i);
			ner_lower(lc, s, i);
			strmap_put(lx->prefix, lc->s, lc->len, INTMAP(1));
			gpset(lx, lc->s, lc->len);
		}
	note_abbr(lx, s, n);
	ner_addfuzzy(lx, g, s, n);
}

/* Bytes of a lexicon block: the entries and names fill a few. */
#define LEXBLOCK	65536

/* n bytes (8-aligned) owned by the lexicon, freed by nerlex_free(). */
static void *
lexalloc(struct nerlex *lx, size_t n)
{
	size_t size;
	void *p;

	n = (n + 7) / 8 * 8;
	if (n > lx->blockleft) {
		size = n > LEXBLOCK ? n : LEXBLOCK;
		lx->blocks = erealloc(lx->blocks, (lx->nblocks + 1) *
		    sizeof(*lx->blocks));
		lx->blocknext = lx->blocks[lx->nblocks++] = emalloc(size);
		lx->blockleft = size;
	}
	p = lx->blocknext;
	lx->blocknext += n;
	lx->blockleft -= n;
	return p;
}

/* A new gazetteer entry, zeroed, owned by the lexicon. */
static struct gent *
newgent(struct nerlex *lx)
{
	struct gent *g = lexalloc(lx, sizeof(*g));

	memset(g, 0, sizeof(*g));
	return g;
}

/* A copy of the string s, owned by the lexicon. */
static char *
lexstrdup(struct nerlex *lx, const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(lexalloc(lx, n), s, n);
}

void
nerlex_free(struct nerlex *lx)
{
	size_t i;

	if (lx == NULL)
		return;
	strmap_free(lx->gaz);
	strmap_free(lx->gazlc);
	strmap_free(lx->prefix);
	strmap_free(lx->fuzzy);
	strmap_free(lx->given);
	strmap_free(lx->titles);
	strmap_free(lx->titlefirst);
	strmap_free(lx->keywords);
	strmap_free(lx->common);
	strmap_free(lx->notnames);
	strmap_free(lx->cues);
	strmap_free(lx->abbr);
	for (i = 0; i < lx->nblocks; i++)
		free(lx->blocks[i]);
	free(lx->blocks);
	for (i = 0; i < lx->nfiles; i++)
		free(lx->files[i]);
	free(lx->files);
	free(lx);
}

static int
parse_type(const char *s, unsigned char *type, unsigned char *sub)
{
	static const struct {
		const char *name;
		int type, sub;
	} types[] = {
		{ "PERSON", ENT_PERSON, SUB_NONE },
		{ "ORG", ENT_ORG, SUB_NONE },
		{ "ORG:media", ENT_ORG, SUB_MEDIA },
		{ "LOC", ENT_LOC, SUB_NONE },
		{ "LOC:country", ENT_LOC, SUB_COUNTRY },
		{ "LOC:city", ENT_LOC, SUB_CITY },
		{ "LOC:region", ENT_LOC, SUB_REGION },
		{ "NORP", ENT_NORP, SUB_NONE },
	};
	size_t i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(s, types[i].name) == 0) {
			*type = types[i].type;
			*sub = types[i].sub;
			return 1;
		}
	return 0;
}

static void
load_entity(struct nerlex *lx, struct lexline *l, const char *name,
    struct buf *lc)
{
	struct gent *g;
	int i;

	if (l->ncol < 2 || l->len[1] == 0)
		errx(1, "%s:%lu: want TYPE, CANONICAL [, VARIANT...]", name,
		    l->lineno);
	g = newgent(lx);
	if (!parse_type(l->col[0], &g->type, &g->sub))
		errx(1, "%s:%lu: unknown type \"%s\"", name, l->lineno,
		    l->col[0]);
	/* "=Pope Francis": found only after its title is cut (Francis). */
	g->canon = lexstrdup(lx, l->col[1] + (l->col[1][0] == '='));
	g->canonlen = squeeze(g->canon, strlen(g->canon));
	if (l->col[1][0] == '=') {
		struct gent *t = newgent(lx);
		char *key = estrdup(g->canon);

		*t = *g;	/* the same name: the lexicon owns it */
		t->weak = 2;
		add_spelling(lx, t, key, g->canonlen, name, l->lineno, lc);
		free(key);
	}
	/* A trailing "?" on a spelling marks it weak: a common word too. */
	for (i = 1 + (l->col[1][0] == '='); i < l->ncol; i++) {
		char *s = (char *)l->col[i];
		size_t n = l->len[i];

		if (n > 0 && s[n - 1] == '?') {
			struct gent *w = newgent(lx);

			*w = *g;
			w->weak = 1;
			add_spelling(lx, w, s, n - 1, name, l->lineno, lc);
		} else
			add_spelling(lx, g, s, n, name, l->lineno, lc);
	}
}

static int
kind_of(const char *s, const char *const names[], int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i + 1;
	return 0;
}

void
nerlex_load(struct nerlex *lx, const char *text, const char *name, int kind)
{
	static const char *const titlekinds[] = { "person", "mod", "suffix" };
	static const char *const cuekinds[] = { "speech", "place", "particle",
	    "connect", "subject", "placeof", "placeafter" };
	struct lexreader lr;
	struct lexline l;
	struct buf lc = { 0 };
	int i, k;

	lex_open(&lr, text, name);
	while (lex_next(&lr, &l)) {
		switch (kind) {
		case LEX_ENTITIES:
			load_entity(lx, &l, name, &lc);
			break;
		case LEX_GIVEN:
		case LEX_NOTNAMES:
		case LEX_COMMON:
			for (i = 0; i < l.ncol; i++) {
				if (l.len[i] == 0)
					continue;
				if (kind == LEX_COMMON) {
					ner_lower(&lc, l.col[i], l.len[i]);
					add_common(lx, lc.s, lc.len);
				} else
					strmap_put(kind == LEX_GIVEN ?
					    lx->given : lx->notnames,
					    l.col[i], l.len[i], INTMAP(1));
			}
			break;
		case LEX_TITLES:
			if (l.ncol < 2 || (k = kind_of(l.col[1], titlekinds,
			    3)) == 0)
				errx(1, "%s:%lu: want TITLE and person, mod "
				    "or suffix", name, l.lineno);
			strmap_put(lx->titles, l.col[0], l.len[0], INTMAP(k));
			/* Its first word, as a token (no ' ' or '-' inside). */
			for (i = 1; i < (int)l.len[0] && l.col[0][i] != ' ' &&
			    l.col[0][i] != '-'; i++)
				;
			if (i < (int)l.len[0])
				strmap_put(lx->titlefirst, l.col[0], (size_t)i,
				    INTMAP(1));
			note_abbr(lx, l.col[0], l.len[0]);
			break;
		case LEX_KEYWORDS:
			if (l.ncol < 2)
				errx(1, "%s:%lu: want WORD and TYPE", name,
				    l.lineno);
			if (strcmp(l.col[1], "ORG") == 0)
				k = KW_ORG;
			else if (strcmp(l.col[1], "LOC") == 0)
				k = KW_LOC;
			else if (strcmp(l.col[1], "CORP") == 0)
				k = KW_CORP;
			else if (strcmp(l.col[1], "DIR") == 0)
				k = KW_DIR;
			else
				errx(1, "%s:%lu: want ORG, LOC, CORP or DIR",
				    name, l.lineno);
			strmap_put(lx->keywords, l.col[0], l.len[0], INTMAP(k));
			note_abbr(lx, l.col[0], l.len[0]);
			break;
		case LEX_CUES:
			if (l.ncol < 2 || (k = kind_of(l.col[1], cuekinds,
			    7)) == 0)
				errx(1, "%s:%lu: want WORD and speech, place, "
				    "particle, connect, subject, placeof or "
				    "placeafter", name, l.lineno);
			strmap_put(lx->cues, l.col[0], l.len[0], INTMAP(k));
			break;
		}
	}
	buf_free(&lc);
}

void
nerlex_load_file(struct nerlex *lx, const char *path)
{
	struct buf b = { 0 };
	char chunk[8192];
	size_t n;
	FILE *fp;

	if ((fp = fopen(path, "r")) == NULL)
		err(1, "%s", path);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(fp))
		err(1, "%s", path);
	fclose(fp);
	buf_addc(&b, '\0');
	if (utf8_valid_prefix(b.s, b.len - 1) != b.len - 1)
		errx(1, "%s: not UTF-8 text", path);
	lx->files = erealloc(lx->files, (lx->nfiles + 1) * sizeof(char *));
	lx->files[lx->nfiles++] = b.s;
	nerlex_load(lx, b.s, path, LEX_ENTITIES);
}
