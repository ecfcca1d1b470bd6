/*
 * entities-tok.c: cut a sentence into tokens (words and single
 * punctuation marks) with their byte offsets, and tell a
 * headline (title case, all capitals) from body text.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "entities-int.h"
#include "scan.h"
#include "utf8.h"

void *
ner_grow(void *p, size_t *cap, size_t n, size_t sz)
{
	if (n <= *cap)
		return p;
	while (*cap < n)
		*cap = *cap ? *cap * 2 : 64;
	return erealloc(p, *cap * sz);
}

static inline int
isalnumcp(uint32_t cp, int *cat)
{
	if (cp < 0x80) {	/* the common case, without a table lookup */
		if (cp >= 'a' && cp <= 'z')
			*cat = UTF8PROC_CATEGORY_LL;
		else if (cp >= 'A' && cp <= 'Z')
			*cat = UTF8PROC_CATEGORY_LU;
		else if (cp >= '0' && cp <= '9')
			*cat = UTF8PROC_CATEGORY_ND;
		else
			*cat = UTF8PROC_CATEGORY_PO;
		return *cat != UTF8PROC_CATEGORY_PO;
	}
	*cat = utf8proc_category((utf8proc_int32_t)cp);
	return *cat >= UTF8PROC_CATEGORY_LU && *cat <= UTF8PROC_CATEGORY_NO;
}

static inline uint32_t
cpat(const char *s, size_t n, size_t i, int *len)
{
	uint32_t cp = 0;

	if (i >= n) {
		*len = 0;
		return 0;
	}
	if ((unsigned char)s[i] < 0x80) {	/* ASCII: no decoding */
		*len = 1;
		return (unsigned char)s[i];
	}
	if ((*len = utf8_decode(s + i, n - i, &cp)) == 0) {
		*len = 1;
		return 0xfffd;
	}
	return cp;
}

static int
isapos(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

static int
ishyph(uint32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static int
isopen(uint32_t cp)
{
	return cp == '"' || cp == 0x201c || cp == 0x2018 || cp == '(' ||
	    cp == '[' || cp == '\'' || cp == ':' || cp == 0x2014 ||
	    cp == 0x2013 || cp == 0x2022;
}

/*
 * A new token at toks[(*nt)++]; ner_tokenize() made room for one per
 * byte, and keeps the count in a local (stores through d would make the
 * compiler reload it after every store to a token).  Its offsets are set
 * by the caller, its memos only when first asked for (have).
 */
static inline struct tok *
newtok(struct tok *toks, size_t *nt, unsigned f)
{
	struct tok *t = &toks[(*nt)++];

	t->f = f;
	t->have = 0;
	return t;
}

/* ASCII classes, for the bulk of the text: no decoding, one load. */
enum { A_LOWER = 1, A_UPPER = 2, A_DIGIT = 4, A_SPACE = 8 };
#define A_ALNUM	(A_LOWER | A_UPPER | A_DIGIT)

static const unsigned char aclass[256] = {
	['\t'] = A_SPACE, ['\n'] = A_SPACE, [' '] = A_SPACE,
	['0'] = A_DIGIT, ['1'] = A_DIGIT, ['2'] = A_DIGIT, ['3'] = A_DIGIT,
	['4'] = A_DIGIT, ['5'] = A_DIGIT, ['6'] = A_DIGIT, ['7'] = A_DIGIT,
	['8'] = A_DIGIT, ['9'] = A_DIGIT,
	['A'] = A_UPPER, ['B'] = A_UPPER, ['C'] = A_UPPER, ['D'] = A_UPPER,
	['E'] = A_UPPER, ['F'] = A_UPPER, ['G'] = A_UPPER, ['H'] = A_UPPER,
	['I'] = A_UPPER, ['J'] = A_UPPER, ['K'] = A_UPPER, ['L'] = A_UPPER,
	['M'] = A_UPPER, ['N'] = A_UPPER, ['O'] = A_UPPER, ['P'] = A_UPPER,
	['Q'] = A_UPPER, ['R'] = A_UPPER, ['S'] = A_UPPER, ['T'] = A_UPPER,
	['U'] = A_UPPER, ['V'] = A_UPPER, ['W'] = A_UPPER, ['X'] = A_UPPER,
	['Y'] = A_UPPER, ['Z'] = A_UPPER,
	['a'] = A_LOWER, ['b'] = A_LOWER, ['c'] = A_LOWER, ['d'] = A_LOWER,
	['e'] = A_LOWER, ['f'] = A_LOWER, ['g'] = A_LOWER, ['h'] = A_LOWER,
	['i'] = A_LOWER, ['j'] = A_LOWER, ['k'] = A_LOWER, ['l'] = A_LOWER,
	['m'] = A_LOWER, ['n'] = A_LOWER, ['o'] = A_LOWER, ['p'] = A_LOWER,
	['q'] = A_LOWER, ['r'] = A_LOWER, ['s'] = A_LOWER, ['t'] = A_LOWER,
	['u'] = A_LOWER, ['v'] = A_LOWER, ['w'] = A_LOWER, ['x'] = A_LOWER,
	['y'] = A_LOWER, ['z'] = A_LOWER,
};

/*
 * Is s[0..n), a word with its 's, a gazetteer spelling or the start of
 * one?  The apostrophe may be curly; spellings use a straight one.
 */
static int
possname(struct nerdoc *d, const char *s, size_t n)
{
	buf_reset(&d->tmp);
	if (n >= 4 && (unsigned char)s[n - 4] == 0xe2) {	/* ’s */
		buf_add(&d->tmp, s, n - 4);
		buf_adds(&d->tmp, "'s");
	} else
		buf_add(&d->tmp, s, n);
	return strmap_get(d->lx->gaz, d->tmp.s, d->tmp.len) != NULL ||
	    strmap_get(d->lx->prefix, d->tmp.s, d->tmp.len) != NULL;
}

/* Scan one word at s[i..]; fill t; return the byte after it. */
static size_t
scanword(struct nerdoc *d, const char *s, size_t n, size_t i, struct tok *t)
{
	static const unsigned firstflag[A_ALNUM + 1] = {
		[A_LOWER] = T_LOWER, [A_UPPER] = T_CAP, [A_DIGIT] = T_DIGIT
	};
	uint32_t cp, nx;
	size_t j = i;
	int len, nlen, cat, ncat, letters, upper = 0, lower = 0;

	t->b0 = i;
	t->f |= T_WORD | firstflag[aclass[(unsigned char)s[i]] & A_ALNUM];
	/*
	 * Once a word has a lower-case letter the counts decide nothing more
	 * (it is not in capitals, and has letters): most words start so,
	 * and are only scanned to their end.
	 */
	if (aclass[(unsigned char)s[i]] & A_LOWER) {
		lower = 1;
		j = i + 1;
	}
	for (;;) {
		/* ASCII letters and digits, the bulk of a word, quickly. */
		if (lower > 0)
			while (j < n && (aclass[(unsigned char)s[j]] & A_ALNUM))
				j++;
		else
			for (; j < n; j++) {
				unsigned a = aclass[(unsigned char)s[j]];

				if (!(a & A_ALNUM))
					break;
				lower += a & A_LOWER;
				upper += (a & A_UPPER) >> 1;
			}
		/*
		 * An ASCII byte other than an apostrophe or a period ends the
		 * word (letters and digits were taken above): the usual case,
		 * a space or comma, decided without decoding.
		 */
		if (j >= n || ((unsigned char)s[j] < 0x80 && s[j] != '\'' &&
		    s[j] != '.'))
			break;
		cp = cpat(s, n, j, &len);
		if (isalnumcp(cp, &cat)) {
			if (cat <= UTF8PROC_CATEGORY_LO) {
				if (cat == UTF8PROC_CATEGORY_LU ||
				    cat == UTF8PROC_CATEGORY_LT)
					upper++;
				else
					lower++;
				if (j == i)
					t->f |= (cat == UTF8PROC_CATEGORY_LU ||
					    cat == UTF8PROC_CATEGORY_LT) ?
					    T_CAP : T_LOWER;
			} else if (j == i && cat >= UTF8PROC_CATEGORY_ND)
				t->f |= T_DIGIT;
			j += len;
			continue;
		}
		nx = cpat(s, n, j + len, &nlen);
		if (nlen == 0 || !isalnumcp(nx, &ncat))
			break;
		if (isapos(cp)) {
			/* A possessive 's ends the word; O'Brien does not. */
			uint32_t after, a2;
			int alen, acat, a2len;

			after = cpat(s, n, j + len + nlen, &alen);
			if ((nx == 's' || nx == 'S') && (alen == 0 ||
			    !isalnumcp(after, &acat))) {
				t->f |= T_POSS;
				break;
			}
			/* He'd, I'm, they'll, we're, I've: contractions. */
			a2 = alen ? cpat(s, n, j + len + nlen + alen, &a2len) : 0;
			if (((nx == 'd' || nx == 'm') && (alen == 0 ||
			    !isalnumcp(after, &acat))) || (((nx == 'l' &&
			    after == 'l') || (nx == 'r' && after == 'e') ||
			    (nx == 'v' && after == 'e')) && (a2len == 0 ||
			    !isalnumcp(a2, &acat))))
				break;
			j += len;
			continue;
		}
		if (cp == '.' && upper + lower > 0 &&
		    ncat <= UTF8PROC_CATEGORY_LO &&
		    j - i <= 3) {
			t->f |= T_DOTS;
			j += len;
			continue;
		}
		if (cp == '.' && (t->f & T_DIGIT))
			;	/* 3.5: digits go on */
		else
			break;
		j += len;
	}
	t->b1 = j;
	letters = upper + lower;	/* every letter is one or the other */
	if (letters >= 2 && lower == 0)
		t->f |= T_UPPER;
	/* Keep a period after U.S, initials and known abbreviations. */
	if (j < n && s[j] == '.' && letters > 0 &&
	    ((t->f & T_DOTS) || (letters == 1 && upper == 1 && j - i <= 2) ||
	    strmap_get(d->lx->abbr, s + i, j - i) != NULL)) {
		t->f |= T_DOTS;
		t->b1 = ++j;
	}
	if (t->f & T_POSS) {
		/* Skip the 's; the mention ends before it. */
		cpat(s, n, j, &len);
		j += len + 1;
		if (possname(d, s + t->b0, j - t->b0)) {
			/* McDonald's, People's Republic: the 's is the name's */
			t->f &= ~T_POSS;
			t->b1 = j;
		}
	}
	return j;
}

/*
 * Words a title-case headline leaves in lower case (for, of, and, ...),
 * by length: byn[n] is where those of n bytes start in words[].
 */
static int
minor(const char *s, size_t n)
{
	static const struct lit words[] = {
		LIT("a"),
		LIT("an"), LIT("or"), LIT("of"), LIT("in"), LIT("on"),
		LIT("at"), LIT("to"), LIT("by"), LIT("as"), LIT("vs"),
		LIT("up"),
		LIT("the"), LIT("and"), LIT("but"), LIT("nor"), LIT("for"),
		LIT("per"), LIT("via"), LIT("off"), LIT("out"),
		LIT("with"), LIT("from"), LIT("over"), LIT("into"),
		LIT("onto"), LIT("upon"), LIT("amid"), LIT("than"),
		LIT("after")
	};
	static const unsigned char byn[] = { 0, 0, 1, 12, 21, 29, 30 };
	size_t i;

	if (n == 0 || n > 5)
		return 0;
	for (i = byn[n]; i < byn[n + 1]; i++)
		if (words[i].s[0] == s[0] && memcmp(words[i].s, s, n) == 0)
			return 1;
	return 0;
}

/*
 * Mark the sentence's ASCII letters and digits in d->alnum, up to and
 * with the NUL at s[n] (not one of them): word ends are then found
 * without a branch per byte, whose exit, at a word's unpredictable
 * length, costs more than the bytes.
 */
static void
alnummask(struct nerdoc *d, const char *s, size_t n)
{
	size_t b, nb = n / 64 + 1;
	char last[64];

	d->alnum = ner_grow(d->alnum, &d->capalnum, nb, sizeof(*d->alnum));
	for (b = 0; b + 1 < nb; b++)
		d->alnum[b] = scan_alnum64(s + 64 * b);
	memset(last, 0, sizeof(last));
	memcpy(last, s + 64 * b, n + 1 - 64 * b);
	d->alnum[b] = scan_alnum64(last);
}

/* The first byte from j on that is no ASCII letter or digit. */
static inline size_t
alnumend(const uint64_t *alnum, size_t j)
{
	uint64_t m;

	while ((m = ~alnum[j / 64] >> (j % 64)) == 0)
		j = (j | 63) + 1;
	return j + (size_t)scan_ctz64(m);
}

/*
 * The common case of a word, without scanword(): ASCII letters and
 * digits from s[i] (a letter, of class a) ended by a space or a plain
 * mark, or by a period with no letter after it, kept after an initial or
 * a known abbreviation as scanword() keeps it.  Returns the end (its
 * flags in *fp), or 0 for a word scanword() must see.  s[n] is the NUL
 * nerdoc_add() put after the sentence, which is in no class, so the
 * scan stops there without a bounds test.
 */
static inline size_t
plainword(const struct nerdoc *d, const char *s, size_t i, unsigned a,
    unsigned *fp)
{
	size_t j = i + 1;
	unsigned up = 0, low = 0, b;
	int dots = 0;

	*fp = a & A_LOWER ? T_WORD | T_LOWER : T_WORD | T_CAP;
	if (a & A_LOWER)
		j = alnumend(d->alnum, j);
	else if (aclass[(unsigned char)s[j]] & A_LOWER) {
		/* Biden: a small letter second, so not in capitals. */
		up = low = 1;
		j = alnumend(d->alnum, j);
	} else {
		for (up = 1; (b = aclass[(unsigned char)s[j]] & A_ALNUM) != 0;
		    j++) {
			low += b & A_LOWER;
			up += (b & A_UPPER) >> 1;
		}
		if (up + low >= 2 && low == 0)
			*fp |= T_UPPER;
	}
	b = (unsigned char)s[j];
	if (b == '.' && (unsigned char)s[j + 1] < 0x80 &&
	    !(aclass[(unsigned char)s[j + 1]] & A_ALNUM))
		dots = (up == 1 && low == 0 && j - i <= 2) ||
		    strmap_get(d->lx->abbr, s + i, j - i) != NULL;
	else if (b >= 0x80 || b == '\'' || b == '.')
		return 0;
	if (dots)
		*fp |= T_DOTS;
	return j + dots;
}

/* May a lower-case word s[0..n), n >= 1, start a gazetteer spelling? */
static inline int
lowgaz(const struct nerdoc *d, const char *s, size_t n)
{
	unsigned b = LOWGAZBIT((unsigned char)s[0],
	    n < 2 ? 0 : (unsigned char)s[1]);

	return d->lowgaz[b >> 3] >> (b & 7) & 1;
}

/*
 * What tells a headline: counts over its words of two letters or more.
 * Most sentences are body text, and soon known to be: once a lower-case
 * word has ruled out title case and the words left could not bring the
 * words in capitals up to four in five, counting stops (done).
 */
struct hlcount {
	int	 words, caps, uppers;
	int	 lowers;	/* only whether there is one counts */
	int	 done;
};

/*
 * Count token t, left bytes before the sentence's end.  Every word
 * counted after it takes at least three of them: a space, a mark or a
 * hyphen between, and two letters.
 */
static inline void
hlcount(struct hlcount *h, const char *s, const struct tok *t, size_t left)
{
	if (h->done || !(t->f & T_WORD) || (t->f & T_DIGIT) ||
	    t->b1 - t->b0 < 2)
		return;
	h->words++;
	if (t->f & T_UPPER)
		h->uppers++;
	if (t->f & T_CAP)
		h->caps++;
	else if (h->lowers == 0 && !minor(s + t->b0, t->b1 - t->b0))
		h->lowers++;
	if (h->lowers > 0 && 4 * h->words - 5 * h->uppers > 0 &&
	    (size_t)(4 * h->words - 5 * h->uppers) * 3 > left)
		h->done = 1;
}

int
ner_tokenize(struct nerdoc *d, size_t si)
{
	const char *s = SENT(d, si);
	size_t n = d->sents[si].len, i = 0, j, nt = 0, ns = 0, *starts;
	unsigned f;
	int len, cat, hyph = 0;
	/* T_SPACE, T_INIT: what the next token gets (the start has both). */
	unsigned pend = T_SPACE | T_INIT;
	struct hlcount h = { 0, 0, 0, 0, 0 };
	uint32_t cp, prev = 0;
	struct tok *t, *toks;

	d->ngzents = 0;
	d->toks = toks = ner_grow(d->toks, &d->captoks, n + 1,
	    sizeof(*d->toks));
	d->starts = starts = ner_grow(d->starts, &d->capstarts, n + 1,
	    sizeof(*d->starts));
	alnummask(d, s, n);
	while (i < n) {
		unsigned a = aclass[(unsigned char)s[i]];

		if (a & A_SPACE) {
			pend |= T_SPACE;
			i++;
			continue;
		}
		if ((a & (A_LOWER | A_UPPER)) &&
		    (j = plainword(d, s, i, a, &f)) != 0) {
			t = newtok(toks, &nt, f | pend | (hyph ? T_HYPH : 0));
			t->b0 = i;
			t->b1 = j;
			if (!(a & A_LOWER) || lowgaz(d, s + i, j - i))
				starts[ns++] = nt - 1;
			hlcount(&h, s, t, n - j);
			hyph = 0;
			/* The one space after most words, without a turn. */
			if (s[j] == ' ') {
				pend = T_SPACE;
				i = j + 1;
			} else {
				pend = 0;
				i = j;
			}
			continue;
		}
		/* a != 0: an ASCII letter or digit; anything else is decoded */
		cp = a != 0 ? 0 : cpat(s, n, i, &len);
		if (a != 0 || (cp >= 0x80 && isalnumcp(cp, &cat))) {
			t = newtok(toks, &nt, pend | (hyph ? T_HYPH : 0));
			i = scanword(d, s, n, i, t);
			starts[ns++] = nt - 1;
			hlcount(&h, s, t, n - t->b1);
			pend = 0;
			hyph = 0;
			continue;
		}
		if (ishyph(cp) && !(pend & T_SPACE) && i + len < n && nt > 0 &&
		    (toks[nt - 1].f & T_WORD) && toks[nt - 1].b1 == i) {
			hyph = 1;
			i += len;
			continue;
		}
		t = newtok(toks, &nt, pend & T_SPACE);
		t->b0 = i;
		t->b1 = i + len;
		/* An opening quote, bracket or colon starts a new "sentence". */
		pend = isopen(cp) && ((pend & T_SPACE) || cp != '\'' ||
		    prev == 0) ? T_INIT : 0;
		if (cp == '\'' || cp == 0x2019)
			pend = (t->f & T_SPACE) ? T_INIT : 0;
		hyph = 0;
		prev = cp;
		i += len;
	}
	d->ntoks = nt;
	d->nstarts = ns;
	/* Title case or all capitals? */
	if (h.done)
		return 0;
	if (h.words >= 3 && h.uppers * 5 >= h.words * 4)
		return 2;
	if (h.words >= 3 && h.lowers == 0 && h.caps * 4 >= h.words * 3 &&
	    (h.caps >= 4 || d->sents[si].title))
		return 1;
	return 0;
}
