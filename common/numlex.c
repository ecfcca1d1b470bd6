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

static struct word *
word_entry(struct numfinder *nf, const char *key, size_t len)
{
	struct word *w;

	if ((w = strmap_get(nf->words, key, len)) == NULL) {
		w = owned(nf, sizeof(*w));
		strmap_put(nf->words, key, len, w);
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
	}
}

static void
load_quals(struct strmap *m)
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
		strmap_put(m, l.col[0], l.len[0], (void *)q);
	}
}

void
numlex_init(struct numfinder *nf)
{
	PCRE2_SIZE eoff;
	int ecode;
	char msg[256];

	nf->words = strmap_new();
	nf->cur = strmap_new();
	nf->units = strmap_new();
	nf->quals = strmap_new();
	load_words(nf, lex_num_words, "num-words.tsv");
	load_words(nf, lex_num_context, "num-context.tsv");
	load_currencies(nf);
	load_units(nf);
	load_quals(nf->quals);
	nf->zone = pcre2_compile((PCRE2_SPTR)zone_pattern,
	    PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP, &ecode, &eoff, NULL);
	if (nf->zone == NULL) {
		pcre2_get_error_message(ecode, (PCRE2_UCHAR *)msg, sizeof(msg));
		errx(1, "zone pattern at %zu: %s", (size_t)eoff, msg);
	}
	pcre2_jit_compile(nf->zone, PCRE2_JIT_COMPLETE);
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
	pcre2_match_data_free(nf->md);
	pcre2_match_context_free(nf->mc);
	pcre2_jit_stack_free(nf->jit);
	pcre2_code_free(nf->zone);
}

const char *
numlex_low(const struct numfinder *nf, int i)
{
	return nf->low.s + nf->t[i].lo;
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

int
numlex_tokens(struct numfinder *nf, const char *s, size_t n)
{
	struct tok *t;
	size_t i = 0, j, cp = 0, k, mend;
	uint32_t c;
	int len, sp = 1, maybe = 0, upper, exp;

	nf->s = s;
	nf->n = n;
	nf->nt = 0;
	buf_reset(&nf->low);
	while (i < n) {
		if ((len = utf8_decode(s + i, n - i, &c)) == 0)
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
		} else if (is_letter(c)) {
			t->type = TK_WORD;
			t->lo = nf->low.len;
			t->allcap = 1;
			j = i;
			upper = 0;
			while (j < n && (len = utf8_decode(s + j, n - j, &c)) &&
			    is_letter(c)) {
				if (c < 0x80) {
					buf_addc(&nf->low, (int)(c | 0x20));
					upper += c < 'a';
					if (c >= 'a')
						t->allcap = 0;
				} else
					buf_add(&nf->low, s + j, (size_t)len);
				j += (size_t)len;
			}
			t->cap = s[i] >= 'A' && s[i] <= 'Z';
			if (!t->cap || j - i < 2)
				t->allcap = 0;
			t->lolen = nf->low.len - t->lo;
			buf_addc(&nf->low, '\0');
		} else {
			t->type = TK_SYM;
			t->cp = c;
			j = i + (size_t)len;
			if (c == 0xbd || c == 0xbc || c == 0xbe ||
			    (c >= 0x2150 && c <= 0x215e))
				maybe = 1;
		}
		for (k = i; k < j; k++)
			cp += UTF8_POINT(s[k]);
		t->e = j;
		t->ce = cp;
		i = j;
	}
	/* Look words up once the buffer has stopped moving. */
	for (k = 0; k < (size_t)nf->nt; k++) {
		t = &nf->t[k];
		if (t->type != TK_WORD)
			continue;
		t->w = strmap_get(nf->words, nf->low.s + t->lo, t->lolen);
		if (t->w && (t->w->roles & (R_CARD | R_SCALE | R_VAGUE |
		    R_ORD | R_DENOM)))
			maybe = 1;
	}
	return maybe;
}

void
numlex_zones(struct numfinder *nf)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(nf->md);
	size_t start = 0, b, e;
	int rc, i = 0, keep = pcre2_substring_number_from_name(nf->zone,
	    (PCRE2_SPTR)"keep");

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
		if (rc > keep && ov[2 * keep] != PCRE2_UNSET)
			continue;
		while (i > 0 && nf->t[i - 1].e > b)
			i--;
		for (; i < nf->nt && nf->t[i].b < e; i++)
			if (nf->t[i].e > b)
				nf->t[i].skip = 1;
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
