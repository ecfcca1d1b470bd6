/*
 * numlex.c: the lexicons, tokens and skip zones of the number finder
 * (see numint.h).  Words, digit runs and single symbols become tokens;
 * a PCRE2 pattern, compiled once, marks the tokens that lie inside URLs,
 * e-mail addresses, handles, hashtags, clock times and phone numbers.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "numint.h"
#include "utf8.h"

#include "lex_num-context.h"
#include "lex_num-currencies.h"
#include "lex_num-qualifiers.h"
#include "lex_num-units.h"
#include "lex_num-words.h"

/* Alternatives tried left to right; "keep" protects ISO dates. */
static const char zone_pattern[] =
    "(?<keep>\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b)"
    "|(?:https?://|www\\.)\\S+"
    "|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"
    "|(?<![\\w@#])[@#]\\w+"
    "|(?<![\\w.-])[\\w-]+(?:\\.[\\w-]+)*\\.(?i:com|org|net|gov|edu|int|io|co|uk|ua"
	"|ru|eu|de|fr|info|html?|pdf|php|aspx?|xlsx?|docx?|jpe?g|png)\\b\\S*"
    "|\\b\\d{1,2}[:.]\\d{2}(?::\\d{2})?\\s?(?i:[ap]\\.?m\\b\\.?)"
    "|\\b\\d{1,2}:\\d{2}(?::\\d{2})?(?!\\d)"
    "|\\b\\d{1,2}\\s?(?i:[ap]\\.m\\.|[ap]m\\b|o'clock)"
    "|\\+\\d[\\d ()./-]{6,}\\d"
    "|\\(\\d{3}\\)\\s?\\d{3}-\\d{4}"
    "|\\b\\d{3}-\\d{3}-\\d{4}\\b"
    "|\\b\\d+(?:\\.\\d+){2,}\\b"
    "|\\b\\d+(?:-\\d+){2,}\\b"
    "|\\b24/7\\b";

/* ASCII \w, and bytes of characters not ASCII (maybe \w). */
#define ZW(c)	(((c) | 0x20) >= 'a' && ((c) | 0x20) <= 'z' ? 1 : \
		 (c) >= '0' && (c) <= '9' ? 1 : (c) == '_' || (c) >= 0x80)
/* Bytes of a domain run: [\w.-] and anything not ASCII. */
#define ZR(c)	(ZW(c) || (c) == '.' || (c) == '-')
#define ZD(c)	((c) >= '0' && (c) <= '9')

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

#define H0		NF_H0
#define HSTEP(h, c)	NF_HSTEP(h, c)

static uint32_t
lowhash(const char *s, size_t n)
{
	uint32_t h = H0;
	unsigned char c;
	size_t i;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		h = HSTEP(h, c < 0x80 && ((c | 0x20) >= 'a' &&
		    (c | 0x20) <= 'z') ? c | 0x20 : c);
	}
	return h;
}

static void
bit_set(uint64_t *set, uint32_t h)
{
	h >>= 32 - NF_HBITS;
	set[h / 64] |= (uint64_t)1 << (h % 64);
}

#define bit_get(set, h)	nf_bit_get(set, h)

static int
is_ascii(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* The home slot of hash h: FNV-1a's low bits alone cluster. */
#define WSLOT(h)	((h) ^ (h) >> 15)

/* The word key[0..len) whose hash (lowhash) is h in nf->wtab, or NULL. */
static inline const struct word *
wtab_get(const struct numfinder *nf, uint32_t h, const char *key, size_t len)
{
	const struct wslot *sl;
	size_t i;

	for (i = WSLOT(h) & (nf->wcap - 1); (sl = &nf->wtab[i])->key != NULL;
	    i = (i + 1) & (nf->wcap - 1))
		if (sl->h == h && sl->len == len &&
		    memcmp(sl->key, key, len) == 0)
			return sl->w;
	return NULL;
}

/* Put a new word (key owned by nf) into nf->wtab, kept at most half full. */
static void
wtab_put(struct numfinder *nf, uint32_t h, const char *key, size_t len,
    const struct word *w)
{
	struct wslot *old = nf->wtab;
	size_t oldcap = nf->wcap, i;

	if (2 * (nf->wcount + 1) > nf->wcap) {
		nf->wcap = nf->wcap ? 2 * nf->wcap : 512;
		nf->wtab = ecalloc(nf->wcap, sizeof(*nf->wtab));
		nf->wcount = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i].key != NULL)
				wtab_put(nf, old[i].h, old[i].key, old[i].len,
				    old[i].w);
		free(old);
	}
	for (i = WSLOT(h) & (nf->wcap - 1); nf->wtab[i].key != NULL;
	    i = (i + 1) & (nf->wcap - 1))
		;
	nf->wtab[i].key = key;
	nf->wtab[i].len = len;
	nf->wtab[i].h = h;
	nf->wtab[i].w = w;
	nf->wcount++;
}

static struct word *
word_entry(struct numfinder *nf, const char *key, size_t len)
{
	struct word *w;
	char *copy;

	if ((w = strmap_get(nf->words, key, len)) == NULL) {
		w = owned(nf, sizeof(*w));
		strmap_put(nf->words, key, len, w);
		bit_set(nf->wbits, lowhash(key, len));
		copy = owned(nf, len + 1);
		memcpy(copy, key, len);
		wtab_put(nf, lowhash(key, len), copy, len, w);
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

static int is_letter(uint32_t cp);

/*
 * Note in f the token a key starts with, as numlex_tokens() would cut
 * it: a run of letters, a number, or one other character.
 */
static void
key_first(struct firsts *f, const char *key, size_t len)
{
	uint32_t c;
	size_t j = 0;
	int l;

	if (len == 0)
		return;
	if ((l = utf8_decode(key, len, &c)) == 0) {
		f->num = 1;		/* not expected: stay on the safe side */
		memset(f->sym, 0xff, sizeof(f->sym));
		memset(f->words, 0xff, sizeof(f->words));
		return;
	}
	if ((c >= '0' && c <= '9') || c == '.')
		f->num = 1;
	if (is_letter(c)) {
		while (j < len && (l = utf8_decode(key + j, len - j, &c)) &&
		    is_letter(c))
			j += (size_t)l;
		bit_set(f->words, lowhash(key, j));
	} else if (!(c >= '0' && c <= '9'))
		f->sym[c % 4096 / 64] |= (uint64_t)1 << (c % 64);
}

/*
 * Note in f the token after the first of a key (see key_first()), when
 * it has one: "a$" and "us dollars" are looked up only before "$" and
 * "dollars", and "a" and "us" are common words.
 */
static void
key_second(struct firsts *f, const char *key, size_t len)
{
	uint32_t c;
	size_t j = 0;
	int l;

	if (len == 0)
		return;
	if ((l = utf8_decode(key, len, &c)) == 0 || (c >= '0' && c <= '9') ||
	    c == '.') {
		/* a number (or not expected): stay on the safe side */
		f->num = 1;
		memset(f->sym, 0xff, sizeof(f->sym));
		memset(f->words, 0xff, sizeof(f->words));
		return;
	}
	if (is_letter(c))
		while (j < len && (l = utf8_decode(key + j, len - j, &c)) &&
		    is_letter(c))
			j += (size_t)l;
	else
		j = (size_t)l;
	if (j < len && key[j] == ' ')
		j++;
	if (j < len)
		key_first(f, key + j, len - j);
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
		key_first(&nf->fcur, l.col[0], l.len[0]);
		key_second(&nf->fcur2, l.col[0], l.len[0]);
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
			key_first(&nf->fcur, key, 4);
			key_second(&nf->fcur2, key, 4);
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
		key_first(&nf->funit, l.col[0], l.len[0]);
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
		key_first(&nf->fqual, l.col[0], l.len[0]);
	}
}

static pcre2_code *
zone_compile(uint32_t anchored)
{
	pcre2_code *re;
	PCRE2_SIZE eoff;
	int ecode;
	char msg[256];

	re = pcre2_compile((PCRE2_SPTR)zone_pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | anchored, &ecode, &eoff, NULL);
	if (re == NULL) {
		pcre2_get_error_message(ecode, (PCRE2_UCHAR *)msg, sizeof(msg));
		errx(1, "zone pattern at %zu: %s", (size_t)eoff, msg);
	}
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

void
numlex_init(struct numfinder *nf)
{
	int c;


	nf->words = strmap_new();
	nf->cur = strmap_new();
	nf->units = strmap_new();
	nf->quals = strmap_new();
	load_words(nf, lex_num_words, "num-words.tsv");
	load_words(nf, lex_num_context, "num-context.tsv");
	load_currencies(nf);
	load_units(nf);
	load_quals(nf);
	for (c = 0; c < 256; c++) {
		if (ZR(c))
			nf->zcls[c] |= ZC_RUN;
		if (ZD(c) || c >= 0xc0 || (c != 0 && strchr("#+(hw.", c) != NULL))
			nf->zcls[c] |= ZC_LOOK;
	}
	nf->zone = zone_compile(0);
	nf->zonea = zone_compile(PCRE2_ANCHORED);
	nf->md = pcre2_match_data_create_from_pattern(nf->zone, NULL);
	/*
	 * The zone pattern runs over whole sentences (windows of up to
	 * 1 MiB).  Each call is bounded: 10 million steps, a nesting depth of
	 * 10000 when JIT is not there, and a JIT stack of up to 1 MiB (the
	 * default 32 KiB runs out on a run of 2000 "a." and stops the
	 * scan).  A sentence that hits a limit is zoned up to that point.
	 */
	if ((nf->mc = pcre2_match_context_create(NULL)) == NULL ||
	    (nf->jit = pcre2_jit_stack_create(32 * 1024, 1024 * 1024,
	    NULL)) == NULL)
		errx(1, "out of memory");
	pcre2_set_match_limit(nf->mc, 10000000);
	pcre2_set_depth_limit(nf->mc, 10000);
	pcre2_jit_stack_assign(nf->mc, NULL, nf->jit);
	nf->keep = pcre2_substring_number_from_name(nf->zone,
	    (PCRE2_SPTR)"keep");
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
	pcre2_match_data_free(nf->md);
	pcre2_match_context_free(nf->mc);
	pcre2_jit_stack_free(nf->jit);
	pcre2_code_free(nf->zone);
	pcre2_code_free(nf->zonea);
	free(nf->zc);
}

static int
is_letter(uint32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	c = utf8proc_category((utf8proc_int32_t)cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	    c == UTF8PROC_CATEGORY_MN;
}

static int
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == 0xa0 || (cp >= 0x2000 && cp <= 0x200b) || cp == 0x202f ||
	    cp == 0x3000;
}

static struct tok *
newtok(struct numfinder *nf)
{
	struct tok *t;

	if ((size_t)nf->nt == nf->tcap) {
		nf->tcap = nf->tcap ? nf->tcap * 2 : 64;
		nf->t = erealloc(nf->t, nf->tcap * sizeof(*nf->t));
	}
	t = &nf->t[nf->nt++];
	memset(t, 0, sizeof(*t));
	return t;
}

#define D(x) ((x) >= '0' && (x) <= '9')

/* A thin or narrow no-break space (U+2009, U+202F) at s[j]: its length. */
static size_t
thinsp(const char *s, size_t n, size_t j)
{
	return j + 2 < n && (unsigned char)s[j] == 0xe2 &&
	    (unsigned char)s[j + 1] == 0x80 && ((unsigned char)s[j + 2] == 0x89 ||
	    (unsigned char)s[j + 2] == 0xaf) ? 3 : 0;
}

/* Exactly three digits at s[j], no fourth after them. */
static int
group3(const char *s, size_t n, size_t j)
{
	return j + 2 < n && D(s[j]) && D(s[j + 1]) && D(s[j + 2]) &&
	    !(j + 3 < n && D(s[j + 3]));
}

/*
 * Thousands groups after the leading digits s[i..j): "1,234,567",
 * Indian "12,34,567", or SI style "1 234 567" (a space, thin space or
 * narrow no-break space, never mixed); returns the end, counts digits.
 */
static size_t
scan_groups(const char *s, size_t n, size_t i, size_t j, struct tok *t)
{
	size_t k, sl;

	if (j - i <= 3)
		while (j + 3 < n && s[j] == ',' && group3(s, n, j + 1)) {
			j += 4;
			t->comma = 1;
			t->ndig += 3;
		}
	if (!t->comma && j - i <= 2) {		/* 12,34,567 */
		for (k = j; k + 3 < n && s[k] == ',' && D(s[k + 1]) &&
		    D(s[k + 2]) && s[k + 3] == ','; k += 3)
			;
		if (k > j && k + 3 < n && group3(s, n, k + 1)) {
			t->ndig += (int)(k - j) / 3 * 2 + 3;
			t->comma = 1;
			return k + 4;
		}
	}
	if (!t->comma && j - i <= 3 && s[i] != '0') {
		sl = j < n && s[j] == ' ' ? 1 : thinsp(s, n, j);
		while (sl > 0 && (j < n && s[j] == ' ' ? 1 :
		    thinsp(s, n, j)) == sl &&
		    group3(s, n, j + sl)) {
			j += sl + 3;
			t->comma = 1;
			t->ndig += 3;
		}
	}
	return j;
}

/*
 * Scientific notation after a mantissa ending at s[j]: "e10", "E-4",
 * "x10^6", "×10^-4".  Returns the end and sets *exp, or returns j.
 */
static size_t
scan_exp(const char *s, size_t n, size_t j, int *exp)
{
	size_t k = j;
	int neg = 0, e = 0;

	if (k < n && (s[k] == 'e' || s[k] == 'E'))
		k++;
	else if (k + 3 < n && (s[k] == 'x' || (k + 4 < n &&
	    (unsigned char)s[k] == 0xc3 && (unsigned char)s[k + 1] == 0x97)) &&
	    s[k + (s[k] == 'x' ? 1 : 2)] == '1') {
		k += s[k] == 'x' ? 1 : 2;
		if (k + 3 >= n || s[k + 1] != '0' || s[k + 2] != '^')
			return j;
		k += 3;
	} else
		return j;
	if (k < n && (s[k] == '+' || s[k] == '-'))
		neg = s[k++] == '-';
	if (k >= n || !D(s[k]))
		return j;
	while (k < n && D(s[k]) && e < 100)
		e = e * 10 + (s[k++] - '0');
	if (k < n && (D(s[k]) || ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z')))
		return j;
	*exp = neg ? -e : e;
	return k;
}

/* Digits with optional thousands groups and decimals; returns the end. */
static size_t
scan_digits(const char *s, size_t n, size_t i, struct tok *t, int *exp,
    size_t *mend)
{
	size_t j = i;

	while (j < n && D(s[j]))
		j++;
	t->ndig = (int)(j - i);
	j = scan_groups(s, n, i, j, t);
	t->intg = 1;
	if (j + 1 < n && s[j] == '.' && D(s[j + 1])) {
		j++;
		while (j < n && D(s[j]))
			j++;
		t->intg = 0;
	}
	*exp = 0;
	*mend = j;
	return scan_exp(s, n, j, exp);
}
#undef D

#define AL(c)	(((c) | 0x20) >= 'a' && ((c) | 0x20) <= 'z')

/* Read the word at s[i]; returns its end. */
static size_t
scan_word(struct numfinder *nf, struct tok *t, const char *s, size_t n,
    size_t i, size_t *cp)
{
	char *low = nf->low.s + nf->low.len;
	size_t j = i, o = 0, a;
	uint32_t c, h = H0;
	unsigned lc = 0;	/* OR of the ASCII letters: 0x20 clear when
				   all are capitals */
	int len, k;
	unsigned char b;

	t->type = TK_WORD;
	t->lo = nf->low.len;
	for (;;) {
		/* a run of ASCII letters, by far the most common */
		for (a = j; j < n; j++) {
			b = (unsigned char)s[j];
			if (!AL(b))
				break;
			low[o++] = (char)(b | 0x20);
			h = HSTEP(h, b | 0x20);
			lc |= b;
		}
		*cp += j - a;
		if (j >= n || (unsigned char)s[j] < 0x80)
			break;
		if ((len = utf8_decode(s + j, n - j, &c)) == 0 || !is_letter(c))
			break;
		for (k = 0; k < len; k++) {
			low[o++] = s[j + k];
			h = HSTEP(h, s[j + k]);
		}
		j += (size_t)len;
		(*cp)++;
	}
	low[o] = '\0';
	t->cap = s[i] >= 'A' && s[i] <= 'Z';
	t->allcap = t->cap && j - i >= 2 && !(lc & 0x20);
	t->lolen = o;
	nf->low.len += o + 1;
	t->w = bit_get(nf->wbits, h) ? wtab_get(nf, h, low, o) : NULL;
	t->first = (bit_get(nf->fcur.words, h) ? F_CUR : 0) |
	    (bit_get(nf->funit.words, h) ? F_UNIT : 0) |
	    (bit_get(nf->fqual.words, h) ? F_QUAL : 0) |
	    (bit_get(nf->fcur2.words, h) ? F_CUR2 : 0);
	return j;
}

#define SYMBIT(f, c)	((f).sym[(c) % 4096 / 64] >> ((c) % 64) & 1)

int
numlex_tokens(struct numfinder *nf, const char *s, size_t n)
{
	struct tok *t;
	size_t i = 0, j, cp = 0, k, mend;
	uint32_t c;
	int len, sp = 1, maybe = 0, exp;

	nf->s = s;
	nf->n = n;
	nf->nt = 0;
	if (!numscan_maybe(nf, s, n))
		return 0;
	/* Room for all the lower-cased words: the buffer does not move. */
	buf_reset(&nf->low);
	buf_grow(&nf->low, 2 * n + 1);
	while (i < n) {
		c = (unsigned char)s[i];
		if (c == ' ') {		/* the most common byte */
			sp = 1;
			i++;
			cp++;
			continue;
		}
		len = 1;
		if (c >= 0x80 && (len = utf8_decode(s + i, n - i, &c)) == 0)
			len = 1, c = 0xfffd;
		if (is_space(c)) {
			sp = 1;
			i += (size_t)len;
			cp++;
			continue;
		}
		t = newtok(nf);
		t->sp = sp;
		sp = 0;
		t->b = i;
		t->cb = cp;
		if ((c >= '0' && c <= '9') || (c == '.' && i + 1 < n &&
		    s[i + 1] >= '0' && s[i + 1] <= '9' && t->sp)) {
			t->type = TK_NUM;
			t->first = (nf->fcur.num ? F_CUR : 0) |
			    (nf->funit.num ? F_UNIT : 0) |
			    (nf->fqual.num ? F_QUAL : 0) |
			    (nf->fcur2.num ? F_CUR2 : 0);
			j = scan_digits(s, n, c == '.' ? i + 1 : i, t, &exp,
			    &mend);
			if (c == '.')
				t->intg = 0, t->ndig = 0;
			nv_parse(&t->v, s + i, mend - i);
			if (exp != 0) {
				nv_mul(&t->v, t->v, nv_pow10(exp));
				t->intg = t->v.e >= 0;
				t->sci = 1;
			}
			maybe = 1;
			for (k = i; k < j; k++)
				cp += UTF8_POINT(s[k]);
		} else if (is_letter(c)) {
			j = scan_word(nf, t, s, n, i, &cp);
			if (t->w && (t->w->roles & (R_CARD | R_SCALE | R_VAGUE |
			    R_ORD | R_DENOM)))
				maybe = 1;
		} else {
			t->type = TK_SYM;
			t->cp = c;
			t->first = c == 0xfffd ? F_CUR | F_UNIT | F_QUAL | F_CUR2 :
			    (SYMBIT(nf->fcur, c) ? F_CUR : 0) |
			    (SYMBIT(nf->funit, c) ? F_UNIT : 0) |
			    (SYMBIT(nf->fqual, c) ? F_QUAL : 0) |
			    (SYMBIT(nf->fcur2, c) ? F_CUR2 : 0);
			j = i + (size_t)len;
			if (c == 0xbd || c == 0xbc || c == 0xbe ||
			    (c >= 0x2150 && c <= 0x215e))
				maybe = 1;
			cp++;
		}
		t->e = j;
		t->ce = cp;
		i = j;
	}
	return maybe;
}

/* Mark the tokens that overlap the zone s[b..e). */
static void
zone_mark(struct numfinder *nf, size_t b, size_t e, int *i)
{
	while (*i > 0 && nf->t[*i - 1].e > b)
		(*i)--;
	for (; *i < nf->nt && nf->t[*i].b < e; (*i)++)
		if (nf->t[*i].e > b)
			nf->t[*i].skip = 1;
}

/* The zones found by trying the pattern at every position (any text). */
static void
zones_slow(struct numfinder *nf)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(nf->md);
	size_t start = 0, b, e;
	int rc, i = 0;

	while (start <= nf->n) {
		rc = pcre2_match(nf->zone, (PCRE2_SPTR)nf->s, nf->n, start,
		    PCRE2_NO_UTF_CHECK, nf->md, nf->mc);
		if (rc < 0)
			break;		/* no more, or a limit was hit */
		b = ov[0];
		e = ov[1];
		start = e > b ? e : e + 1;
		while (start < nf->n && !UTF8_POINT(nf->s[start]))
			start++;
		if (rc > nf->keep && ov[2 * nf->keep] != PCRE2_UNSET)
			continue;
		zone_mark(nf, b, e, &i);
	}
}


/* The first letters of the top-level domains of zone_pattern. */
static int
tld_first(unsigned char c)
{
	return c < 0x80 && strchr("conrgeiudfhpaxjCONRGEIUDFHPAXJ", c) &&
	    c != '\0';
}

/*
 * Whether a zone that starts with a digit may start at the digit s[p]:
 * after its ASCII digits comes one of "-:./" (a date, clock time, phone
 * number, version, 24/7), an 'a', 'p' or 'o' (5pm, 5 o'clock), maybe
 * after one space, or a byte not ASCII (a digit or space of Unicode).
 */
static int
digit_zone(const unsigned char *s, size_t n, size_t p)
{
	while (p < n && ZD(s[p]))
		p++;
	if (p < n && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' ||
	    s[p] == '\v' || s[p] == '\f' || s[p] == '\r'))
		p++;
	if (p >= n)
		return 0;
	return s[p] >= 0x80 || s[p] == '-' || s[p] == ':' || s[p] == '.' ||
	    s[p] == '/' || (s[p] | 0x20) == 'a' || (s[p] | 0x20) == 'p' ||
	    (s[p] | 0x20) == 'o';
}

/*
 * Where a zone may start in a sentence without '@': every match of
 * zone_pattern there starts at a digit (ASCII, or any character not
 * ASCII) not preceded by an ASCII word character, "+" or "(" before a
 * digit, '#', "http", "www.", or inside a run of [\w.-] bytes that
 * holds a '.' before a letter a top-level domain starts with (then at a
 * possible word boundary).  Sets nf->zc and returns how many.
 */
static size_t
zone_starts(struct numfinder *nf)
{
	const unsigned char *s = (const unsigned char *)nf->s;
	size_t n = nf->n, p, q, run, done = 0, count = 0;
	unsigned char c, prev;
	uint32_t cp;
	int k;

	if (n > nf->zccap) {
		nf->zccap = n > 256 ? n : 256;
		free(nf->zc);
		nf->zc = emalloc(nf->zccap);
	}
	memset(nf->zc, 0, n);
	for (p = 0; p < n; p++) {
		/* most bytes (letters, spaces) are not worth a look */
		while (!(nf->zcls[s[p]] & ZC_LOOK))
			if (++p == n)
				return count;
		c = s[p];
		prev = p > 0 ? s[p - 1] : ' ';
		if (c >= 0x80) {
			/* a digit not ASCII */
			if (utf8_decode((const char *)s + p, n - p, &cp) > 0 &&
			    (k = utf8proc_category((utf8proc_int32_t)cp)) >=
			    UTF8PROC_CATEGORY_ND && k <= UTF8PROC_CATEGORY_NO)
				count += nf->zc[p] = 1;
		} else if ((ZD(c) && (prev >= 0x80 || !ZW(prev)) &&
		    digit_zone(s, n, p)) || c == '#' ||
		    ((c == '+' || c == '(') && p + 1 < n &&
		    (ZD(s[p + 1]) || s[p + 1] >= 0x80)) ||
		    (c == 'h' && p + 3 < n && memcmp(s + p, "http", 4) == 0) ||
		    (c == 'w' && p + 3 < n && memcmp(s + p, "www.", 4) == 0))
			count += nf->zc[p] = 1;
		else if (c == '.' && p + 1 < n && tld_first(s[p + 1])) {
			/* the start of the run of [\w.-] bytes the '.' is in,
			 * or done when that is later */
			for (run = p; run > done &&
			    (nf->zcls[s[run - 1]] & ZC_RUN); run--)
				;
			for (q = run; q < p; q++)
				if (!nf->zc[q] && UTF8_POINT(s[q]) && (q == 0 ||
				    !(ZW(s[q]) && ZW(s[q - 1])) ||
				    s[q] >= 0x80 || s[q - 1] >= 0x80))
					count += nf->zc[q] = 1;
			done = p;
		}
	}
	return count;
}

void
numlex_zones(struct numfinder *nf)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(nf->md);
	size_t p, b, e;
	int rc, i = 0;

	if (memchr(nf->s, '@', nf->n) != NULL) {
		zones_slow(nf);		/* e-mail addresses, handles */
		return;
	}
	if (zone_starts(nf) == 0)
		return;
	for (p = 0; p < nf->n; ) {
		if (!nf->zc[p]) {
			p++;
			continue;
		}
		rc = pcre2_match(nf->zonea, (PCRE2_SPTR)nf->s, nf->n, p,
		    PCRE2_NO_UTF_CHECK, nf->md, nf->mc);
		if (rc == PCRE2_ERROR_NOMATCH) {
			p++;
			continue;
		}
		if (rc < 0)
			break;
		b = ov[0];
		e = ov[1];
		p = e > b ? e : e + 1;
		while (p < nf->n && !UTF8_POINT(nf->s[p]))
			p++;
		if (rc > nf->keep && ov[2 * nf->keep] != PCRE2_UNSET)
			continue;
		zone_mark(nf, b, e, &i);
	}
}

size_t
numlex_key(const struct numfinder *nf, int i, int k, char *key, size_t size)
{
	const struct tok *t;
	size_t len = 0, l;
	int j;

	if (i < 0 || i + k > nf->nt)
		return 0;
	for (j = i; j < i + k; j++) {
		t = &nf->t[j];
		if (j > i && t->sp && t->type == TK_WORD &&
		    nf->t[j - 1].type == TK_WORD) {
			if (len + 1 >= size)
				return 0;
			key[len++] = ' ';
		}
		if (t->type == TK_WORD) {
			l = t->lolen;
			if (len + l >= size)
				return 0;
			memcpy(key + len, nf->low.s + t->lo, l);
		} else {
			l = t->e - t->b;
			if (len + l >= size)
				return 0;
			memcpy(key + len, nf->s + t->b, l);
			if (l == 1 && key[len] >= 'A' && key[len] <= 'Z')
				key[len] |= 0x20;
		}
		len += l;
	}
	key[len] = '\0';
	return len;
}
