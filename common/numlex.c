/*
 * numlex.c: the lexicons of the number finder (see numint.h), loaded once
 * at start-up: number and context words (nf->words, also by hash in
 * nf->wtab), currencies, units and qualifiers, with the bit sets that say
 * which tokens a key of each may start with.  The tokenizer is numtok.c,
 * the skip zones numzone.c.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "numint.h"
#include "utf8.h"

#include "lex_num-context.h"
#include "lex_num-currencies.h"
#include "lex_num-qualifiers.h"
#include "lex_num-units.h"
#include "lex_num-words.h"

/* Allocate a zeroed lexicon value that nf owns. */
static void *
owned(struct numfinder *nf, size_t size)
{
	if (nf->nown == nf->owncap) {
		nf->owncap = nf->owncap ? 2 * nf->owncap : 256;
		nf->own = erealloc(nf->own, nf->owncap * sizeof(*nf->own));
	}
	return nf->own[nf->nown++] = ecalloc(1, size);
}

/*
 * The text s[0..n) as numtok.c's scan_word() keeps a word: its ASCII
 * letters lower-cased, into low, which gets 8 zero bytes after it (the
 * room nf_hash() reads past the end).  Returns its hash.
 */
static uint32_t
lowcopy(const char *s, size_t n, char *low, size_t size)
{
	unsigned char c;
	size_t i;

	if (n > size - 8)
		errx(1, "lexicon key of %zu bytes: too long", n);
	memset(low, 0, n + 8);
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		low[i] = (char)(c < 0x80 && ((c | 0x20) >= 'a' &&
		    (c | 0x20) <= 'z') ? c | 0x20 : c);
	}
	return nf_hash(low, n);
}

static int
is_ascii(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* struct wslot keeps roles in 16 bits, flags in 8 */
typedef char wslot_fits[R_CHANGE <= 0xffff && (WF_START | F_CUR | F_UNIT |
    F_QUAL | F_CUR2) <= 0xff ? 1 : -1];

/* Put slot sl into nf->wtab, which has room. */
static void
wtab_insert(struct numfinder *nf, const struct wslot *sl)
{
	size_t i;

	for (i = NF_WSLOT(sl->h) & (nf->wcap - 1); nf->wtab[i].len != 0;
	    i = (i + 1) & (nf->wcap - 1))
		;
	nf->wtab[i] = *sl;
	nf->wcount++;
}

/*
 * The slot of the word key[0..len) (as a token reads it: ASCII letters
 * in lower case) in nf->wtab, kept at most half full; with add, a new
 * one (no word, no flags) when it is not there, else NULL then.
 */
static struct wslot *
wtab_slot(struct numfinder *nf, const char *key, size_t len, int add)
{
	struct wslot *old = nf->wtab, sl;
	size_t oldcap = nf->wcap, i;
	char low[256], *copy;
	uint32_t h = lowcopy(key, len, low, sizeof(low));

	if (len == 0)			/* len 0 marks an empty slot */
		errx(1, "empty lexicon key");
	for (i = nf->wcap ? NF_WSLOT(h) & (nf->wcap - 1) : 0; nf->wcap &&
	    nf->wtab[i].len != 0; i = (i + 1) & (nf->wcap - 1))
		if (nf->wtab[i].h == h && nf->wtab[i].len == len &&
		    memcmp(WSLOT_KEY(&nf->wtab[i]), low, len) == 0)
			return &nf->wtab[i];
	if (!add)
		return NULL;
	if (2 * (nf->wcount + 1) > nf->wcap) {
		nf->wcap = nf->wcap ? 2 * nf->wcap : 512;
		/* a slot never straddles two cache lines */
		if (posix_memalign((void **)&nf->wtab, 64,
		    nf->wcap * sizeof(*nf->wtab)) != 0)
			err(1, NULL);
		memset(nf->wtab, 0, nf->wcap * sizeof(*nf->wtab));
		nf->wcount = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i].len != 0)
				wtab_insert(nf, &old[i]);
		free(old);
	}
	memset(&sl, 0, sizeof(sl));		/* kin zero-padded */
	sl.len = (unsigned char)len;		/* lowcopy(): len <= 248 */
	sl.h = h;
	if (len <= sizeof(sl.u.kin))
		memcpy(sl.u.kin, low, len);
	else {
		copy = owned(nf, len + 8);	/* zeroed: see struct wslot */
		memcpy(copy, low, len);
		sl.u.key = copy;
	}
	wtab_insert(nf, &sl);
	return wtab_slot(nf, key, len, 0);
}

/* Whether key[0..len) has an ASCII capital: no token reads so. */
static int
has_capital(const char *key, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (key[i] >= 'A' && key[i] <= 'Z')
			return 1;
	return 0;
}

static struct word *
word_entry(struct numfinder *nf, const char *key, size_t len)
{
	struct word *w;

	if ((w = strmap_get(nf->words, key, len)) == NULL) {
		w = owned(nf, sizeof(*w));
		strmap_put(nf->words, key, len, w);
		/* a token's text is lower case: a key with capitals
		 * would never be its word */
		if (!has_capital(key, len))
			wtab_slot(nf, key, len, 1)->w = w;
	}
	return w;
}

static void
load_words(struct numfinder *nf, const char *text, const char *name)
{
	static const struct { const char *name; unsigned role; } roles[] = {
		{ "card", R_CARD }, { "scale", R_SCALE }, { "abbr", R_ABBR },
		{ "vague", R_VAGUE }, { "ord", R_ORD }, { "denom", R_DENOM },
		{ "month", R_MONTH }, { "weekday", R_WEEKDAY },
		{ "stop", R_STOP }, { "plural", R_PLURAL }, { "name", R_NAME },
		{ "street", R_STREET }, { "notone", R_NOTONE },
		{ "yearprep", R_YEARPREP }, { "score", R_SCORE },
		{ "change", R_CHANGE },
	};
	struct lexreader lr;
	struct lexline l;
	struct word *w;
	struct wslot *sl;
	long long v;
	size_t i;

	lex_open(&lr, text, name);
	while (lex_next(&lr, &l)) {
		if (l.ncol < 2)
			errx(1, "%s:%lu: needs a word and a role", name, l.lineno);
		for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
			if (strcmp(l.col[1], roles[i].name) == 0)
				break;
		if (i == sizeof(roles) / sizeof(roles[0]))
			errx(1, "%s:%lu: unknown role %s", name, l.lineno,
			    l.col[1]);
		w = word_entry(nf, l.col[0], l.len[0]);
		w->roles |= roles[i].role;
		if (roles[i].role & WF_START_ROLES &&
		    (sl = wtab_slot(nf, l.col[0], l.len[0], 0)) != NULL)
			sl->flags |= WF_START;
		if (roles[i].role & (R_CARD | R_SCALE | R_VAGUE | R_ORD |
		    R_DENOM)) {
			if (!is_ascii(l.col[0], l.len[0]) || l.len[0] == 0)
				nf->nwide = 1;
			else
				numscan_add(nf, l.col[0], l.len[0]);
		}
		v = l.ncol > 2 ? strtoll(l.col[2], NULL, 10) : 0;
		switch (roles[i].role) {
		case R_CARD: w->card = (int)v; break;
		case R_SCALE: case R_ABBR: w->scale = (int)v; break;
		case R_VAGUE: w->vague = v; break;
		case R_ORD: w->ord = v; break;
		case R_DENOM: w->denom = v; break;
		case R_MONTH: case R_WEEKDAY: w->month = (int)v; break;
		}
	}
}

/*
 * Let every token through f (whose bit in a word's flags is fbit): the
 * safe answer for a key not understood.
 */
static void
firsts_all(struct numfinder *nf, struct firsts *f, unsigned fbit)
{
	f->num = 1;
	memset(f->sym, 0xff, sizeof(f->sym));
	nf->fall |= fbit;
}

/* Bytes of the run of letters that key[0..len) starts with. */
static size_t
letter_run(const char *key, size_t len)
{
	uint32_t c;
	size_t j = 0;
	int l;

	while (j < len && (l = utf8_decode(key + j, len - j, &c)) &&
	    numlex_letter(c))
		j += (size_t)l;
	return j;
}

/*
 * Note in f the token a key starts with, as numlex_tokens() would cut
 * it: a run of letters, a number, or one other character.
 */
static void
key_first(struct numfinder *nf, struct firsts *f, unsigned fbit,
    const char *key, size_t len)
{
	uint32_t c;

	if (len == 0)
		return;
	if (utf8_decode(key, len, &c) == 0) {
		firsts_all(nf, f, fbit);	/* not expected */
		return;
	}
	if ((c >= '0' && c <= '9') || c == '.')
		f->num = 1;
	if (numlex_letter(c))
		wtab_slot(nf, key, letter_run(key, len), 1)->flags |= fbit;
	else if (!(c >= '0' && c <= '9'))
		f->sym[c % 4096 / 64] |= (uint64_t)1 << (c % 64);
}

/*
 * Note in f the token after the first of a key (see key_first()), when
 * it has one: "a$" and "us dollars" are looked up only before "$" and
 * "dollars", and "a" and "us" are common words.
 */
static void
key_second(struct numfinder *nf, struct firsts *f, unsigned fbit,
    const char *key, size_t len)
{
	uint32_t c;
	size_t j;
	int l;

	if (len == 0)
		return;
	if ((l = utf8_decode(key, len, &c)) == 0 || (c >= '0' && c <= '9') ||
	    c == '.') {
		firsts_all(nf, f, fbit);	/* a number, or not expected */
		return;
	}
	j = numlex_letter(c) ? letter_run(key, len) : (size_t)l;
	if (j < len && key[j] == ' ')
		j++;
	if (j < len)
		key_first(nf, f, fbit, key + j, len - j);
}

static void
load_currencies(struct numfinder *nf)
{
	struct lexreader lr;
	struct lexline l;
	struct currency *c;

	lex_open(&lr, lex_num_currencies, "num-currencies.tsv");
	while (lex_next(&lr, &l)) {
		if (l.ncol < 4 || l.len[1] != 3)
			errx(1, "num-currencies.tsv:%lu: bad entry", l.lineno);
		c = owned(nf, sizeof(*c));
		memcpy(c->code, l.col[1], 3);
		c->pre = strcmp(l.col[2], "post") != 0 &&
		    strcmp(l.col[2], "glued") != 0;
		c->post = strcmp(l.col[2], "pre") != 0;
		c->glued = strcmp(l.col[2], "glued") == 0;
		c->minor = atoi(l.col[3]);
		strmap_put(nf->cur, l.col[0], l.len[0], c);
		key_first(nf, &nf->fcur, F_CUR, l.col[0], l.len[0]);
		key_second(nf, &nf->fcur2, F_CUR2, l.col[0], l.len[0]);
		if (l.len[0] == 3 && (l.col[0][0] | 0x20) == (c->code[0] | 0x20) &&
		    (l.col[0][2] | 0x20) == (c->code[2] | 0x20)) {
			/* an ISO code: "MUSD 20", "120 MEUR" in millions */
			struct currency *mc = owned(nf, sizeof(*mc) + 5);
			char *key = (char *)(mc + 1);

			*mc = *c;
			mc->scale = 6;
			key[0] = 'm';
			memcpy(key + 1, l.col[0], 4);
			strmap_put(nf->cur, key, 4, mc);
			key_first(nf, &nf->fcur, F_CUR, key, 4);
			key_second(nf, &nf->fcur2, F_CUR2, key, 4);
		}
	}
}

static void
load_units(struct numfinder *nf)
{
	struct lexreader lr;
	struct lexline l;
	struct unit *u;

	lex_open(&lr, lex_num_units, "num-units.tsv");
	while (lex_next(&lr, &l)) {
		if (l.ncol < 3)
			errx(1, "num-units.tsv:%lu: bad entry", l.lineno);
		u = owned(nf, sizeof(*u) + l.len[1] + 1);
		u->sing = (char *)(u + 1);
		memcpy(u->sing, l.col[1], l.len[1] + 1);
		u->kind = strcmp(l.col[2], "duration") == 0 ? NK_DURATION :
		    NK_QUANTITY;
		u->glued = strcmp(l.col[2], "glued") == 0;
		strmap_put(nf->units, l.col[0], l.len[0], u);
		key_first(nf, &nf->funit, F_UNIT, l.col[0], l.len[0]);
	}
}

static void
load_quals(struct numfinder *nf)
{
	static const char *names[] = { "exact", "approx", "over",
	    "at_least", "under", "at_most" };
	struct lexreader lr;
	struct lexline l;
	size_t q;

	lex_open(&lr, lex_num_qualifiers, "num-qualifiers.tsv");
	while (lex_next(&lr, &l)) {
		for (q = 1; q < 6 && (l.ncol < 2 ||
		    strcmp(l.col[1], names[q]) != 0); q++)
			;
		if (q == 6)
			errx(1, "num-qualifiers.tsv:%lu: bad qualifier",
			    l.lineno);
		strmap_put(nf->quals, l.col[0], l.len[0], (void *)q);
		key_first(nf, &nf->fqual, F_QUAL, l.col[0], l.len[0]);
	}
}

/*
 * The words inert() in numrules.c lets through by their text: "a" and
 * "an" before a scale, "no" (No. 5), "half", "minus", "quarter",
 * "percent", "percents", "negative", "magnitude".  Keep the two lists
 * the same.
 */
static const char *const start_words[] = { "a", "an", "no", "half", "minus",
    "quarter", "percent", "percents", "negative", "magnitude" };

/*
 * WF_START for start_words[]; then each slot of nf->wtab takes its
 * word's roles (all loaded now), and its hash goes into nf->wany.
 */
static void
start_flags(struct numfinder *nf)
{
	struct wslot *sl;
	size_t i;

	for (i = 0; i < sizeof(start_words) / sizeof(start_words[0]); i++)
		wtab_slot(nf, start_words[i], strlen(start_words[i]),
		    1)->flags |= WF_START;
	for (i = 0; i < nf->wcap; i++) {
		if ((sl = &nf->wtab[i])->len == 0)
			continue;
		sl->roles = sl->w != NULL ? sl->w->roles : 0;
		nf->wany[NF_ANYBIT(sl->h) / 64] |=
		    (uint64_t)1 << NF_ANYBIT(sl->h) % 64;
	}
}

void
numlex_init(struct numfinder *nf)
{
	nf->words = strmap_new();
	nf->cur = strmap_new();
	nf->units = strmap_new();
	nf->quals = strmap_new();
	load_words(nf, lex_num_words, "num-words.tsv");
	load_words(nf, lex_num_context, "num-context.tsv");
	load_currencies(nf);
	load_units(nf);
	load_quals(nf);
	start_flags(nf);
	numlex_zone_init(nf);
}

void
numlex_free(struct numfinder *nf)
{
	size_t i;

	for (i = 0; i < nf->nown; i++)
		free(nf->own[i]);
	free(nf->own);
	strmap_free(nf->words);
	strmap_free(nf->cur);
	strmap_free(nf->units);
	strmap_free(nf->quals);
	free(nf->wtab);
	numlex_zone_free(nf);
}
