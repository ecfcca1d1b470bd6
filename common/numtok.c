/*
 * numtok.c: the tokenizer of the number finder (see numint.h).  Words,
 * digit runs (with thousands groups, decimals and exponents) and single
 * symbols become tokens; words are looked up in the lexicons of numlex.c
 * as they are read.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "numint.h"
#include "scan.h"
#include "utf8.h"

/*
 * Whether the words a and b of len bytes are the same, compared eight
 * bytes at a time: both may be read 7 bytes past their ends (struct
 * wslot, nf->low).
 */
static inline int
same_word(const char *a, const char *b, size_t len)
{
	uint64_t x, y;
	size_t k;

	for (k = 0; k + 8 <= len; k += 8) {
		memcpy(&x, a + k, sizeof(x));
		memcpy(&y, b + k, sizeof(y));
		if (x != y)
			return 0;
	}
	if (k == len)
		return 1;
	memcpy(&x, a + k, sizeof(x));
	memcpy(&y, b + k, sizeof(y));
	x ^= y;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return (x & ~(~(uint64_t)0 >> 8 * (len - k))) == 0;
#else
	return (x & (((uint64_t)1 << 8 * (len - k)) - 1)) == 0;
#endif
}

/*
 * The slot of the word key[0..len) whose hash is h in nf->wtab (filled
 * by numlex.c), or NULL.
 */
static inline const struct wslot *
wtab_get(const struct numfinder *nf, uint32_t h, const char *key, size_t len)
{
	const struct wslot *sl;
	size_t i;

	for (i = NF_WSLOT(h) & (nf->wcap - 1); (sl = &nf->wtab[i])->len != 0;
	    i = (i + 1) & (nf->wcap - 1))
		if (sl->h == h && sl->len == len &&
		    same_word(WSLOT_KEY(sl), key, len))
			return sl;
	return NULL;
}

int
numlex_letter(uint32_t cp)
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

/*
 * A cleared token, copied over each new one: GCC clears a compound
 * literal of this size with "rep stos", whose start-up costs more than
 * the plain copy of 72 bytes.
 */
static const struct tok zerotok;

/* Room for at least one token more than the nt there are. */
static void
moretoks(struct numfinder *nf, int nt)
{
	if ((size_t)nt < nf->tcap)
		return;
	nf->tcap = nf->tcap ? nf->tcap * 2 : 64;
	nf->t = erealloc(nf->t, nf->tcap * sizeof(*nf->t));
	nf->live = erealloc(nf->live, nf->tcap * sizeof(*nf->live));
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

/*
 * Read the word at s[i]; returns its end.  Its lower-case copy goes to
 * low, which has room for 8 bytes past it (numlex_tokens()); *cp counts
 * its code points.  Sets *live when a rule may start at it (WF_START,
 * F_CUR).  What the loop needs is kept in locals: the byte stores to
 * low may alias anything, so fields read through a pointer would be
 * read again after each.
 */
static inline size_t
scan_word(const struct numfinder *nf, struct tok *t, const char *s, size_t n,
    size_t i, char *low, size_t *cp, int *live)
{
	size_t j = i, o = 0, a, k, ncp = *cp;
	const struct wslot *sl;
	uint64_t x, stop, hh = NF_HSEED;
	uint32_t c, h;
	int len, mixed = 1;
	unsigned f;

	for (;;) {
		/*
		 * A run of ASCII letters, by far the most common, eight
		 * bytes at a time: all eight are stored lower-cased (the
		 * bytes past the run are overwritten or ignored later).
		 * While the word is one such run read here, each group of
		 * eight goes into its hash as well (numint.h); mixed says so.
		 */
		a = j;
		while (n - j >= 8) {
			x = scan_load(s + j);
			stop = ~nf_letters(x) & SCAN_HIGHS;
			x |= SCAN_ONES * 0x20;
			memcpy(low + o, &x, sizeof(x));
			if (stop != 0) {
#ifdef SCAN_LOWBYTE
				k = scan_lowbyte(stop);
#else
				for (k = 0; AL(s[j + k]); k++)
					;
#endif
				if (k > 0)
					hh = nf_hash_mix(hh, nf_hash_part(x, k));
				j += k;
				o += k;
				goto run_end;
			}
			hh = nf_hash_mix(hh, x);
			j += 8;
			o += 8;
		}
		mixed = 0;
		for (; j < n && AL(s[j]); j++)
			low[o++] = (char)(s[j] | 0x20);
run_end:
		ncp += j - a;
		if (j >= n || (unsigned char)s[j] < 0x80)
			break;
		if ((len = utf8_decode(s + j, n - j, &c)) == 0 ||
		    !numlex_letter(c))
			break;
		memcpy(low + o, s + j, (size_t)len);
		mixed = 0;
		o += (size_t)len;
		j += (size_t)len;
		ncp++;
	}
	low[o] = '\0';
	*cp = ncp;
	t->type = TK_WORD;
	t->cap = s[i] >= 'A' && s[i] <= 'Z';
	t->lolen = (uint32_t)o;
	h = mixed ? nf_hash_end(hh, o) : nf_hash(low, o);
	f = nf->fall;
	if (nf->wany[NF_ANYBIT(h) / 64] >> NF_ANYBIT(h) % 64 & 1 &&
	    (sl = wtab_get(nf, h, low, o)) != NULL) {
		t->w = sl->w;		/* else NULL, as zerotok has it */
		t->roles = sl->roles;
		f |= sl->flags;
	}
	t->first = f & (F_CUR | F_UNIT | F_QUAL | F_CUR2);
	*live = (f & (WF_START | F_CUR)) != 0;
	return j;
}

#define SYMBIT(f, c)	((f).sym[(c) % 4096 / 64] >> ((c) % 64) & 1)

/*
 * The token counts, the token and live arrays and the end of nf->low
 * are kept in locals while the sentence is read and stored in nf at the
 * end (see scan_word()).
 */
int
numlex_tokens(struct numfinder *nf, const char *s, size_t n)
{
	struct tok *t, *toks;
	int *lives;
	char *low;
	size_t i = 0, j, cp = 0, k, mend, lolen = 0, tcap;
	uint32_t c;
	int len, sp = 1, maybe = 0, exp, live, at = 0;
	int nt = 0, nlive = 0;
	unsigned rall = 0;

	nf->s = s;
	nf->n = n;
	nf->nt = 0;
	nf->nlive = 0;
	if (!numscan_maybe(nf, s, n))
		return 0;
	/* Room for all the lower-cased words: the buffer does not move. */
	buf_reset(&nf->low);
	buf_grow(&nf->low, 2 * n + 16);
	low = nf->low.s;
	toks = nf->t;
	lives = nf->live;
	tcap = nf->tcap;
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
		if ((size_t)nt == tcap) {
			moretoks(nf, nt);
			toks = nf->t;
			lives = nf->live;
			tcap = nf->tcap;
		}
		t = &toks[nt++];
		*t = zerotok;
		t->sp = (unsigned char)sp;
		t->b = (uint32_t)i;
		t->cb = (uint32_t)cp;
		if ((c >= '0' && c <= '9') || (c == '.' && i + 1 < n &&
		    s[i + 1] >= '0' && s[i + 1] <= '9' && sp)) {
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
			live = 1;
			for (k = i; k < j; k++)
				cp += UTF8_POINT(s[k]);
		} else if (numlex_letter(c)) {
			t->lo = (uint32_t)lolen;
			j = scan_word(nf, t, s, n, i, low + lolen, &cp, &live);
			lolen += t->lolen + 1;
			rall |= t->roles;	/* maybe: see the end */
		} else {
			t->type = TK_SYM;
			t->cp = c;
			at |= c == '@';
			t->first = c == 0xfffd ? F_CUR | F_UNIT | F_QUAL | F_CUR2 :
			    (SYMBIT(nf->fcur, c) ? F_CUR : 0) |
			    (SYMBIT(nf->funit, c) ? F_UNIT : 0) |
			    (SYMBIT(nf->fqual, c) ? F_QUAL : 0) |
			    (SYMBIT(nf->fcur2, c) ? F_CUR2 : 0);
			j = i + (size_t)len;
			if (c == 0xbd || c == 0xbc || c == 0xbe ||
			    (c >= 0x2150 && c <= 0x215e))
				maybe = 1;
			live = !numlex_inert_sym(t);
			cp++;
		}
		t->e = (uint32_t)j;
		t->ce = (uint32_t)cp;
		if (live)
			lives[nlive++] = nt - 1;
		sp = 0;
		i = j;
	}
	nf->low.len = lolen;
	nf->nt = nt;
	nf->nlive = nlive;
	nf->at = at;
	nf->rall = rall;
	/* a number word makes a number possible */
	return maybe || (rall & (R_CARD | R_SCALE | R_VAGUE | R_ORD |
	    R_DENOM)) != 0;
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
