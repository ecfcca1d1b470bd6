/*
 * entities-tag.c: one sentence at a time, find candidate mentions.
 *
 * The sentence is cut into tokens (words and single punctuation marks).
 * Runs of capitalised words (with "of", "de", "al-" ... inside where a
 * name allows them) are candidates; each run is cut at titles (President,
 * Mr.) and matched against the gazetteer, longest first; the pieces left
 * are typed from their evidence: organisation and place keywords, a title
 * before them, a given name first, the words around them.  A sentence's
 * first word proves nothing by its capital.  Headlines (title case or all
 * capitals) are tagged after the body, from the gazetteer and the names
 * the body holds.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "entities-int.h"
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

static int
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

static uint32_t
cpat(const char *s, size_t n, size_t i, int *len)
{
	uint32_t cp = 0;

	if (i >= n) {
		*len = 0;
		return 0;
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

static struct tok *
newtok(struct nerdoc *d)
{
	d->toks = ner_grow(d->toks, &d->captoks, d->ntoks + 1, sizeof(*d->toks));
	memset(&d->toks[d->ntoks], 0, sizeof(*d->toks));
	return &d->toks[d->ntoks++];
}

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
scanword(struct nerdoc *d, const char *s, size_t n, size_t i, size_t *cpos,
    struct tok *t)
{
	uint32_t cp, nx;
	size_t j = i, c = *cpos;
	int len, nlen, cat, ncat, letters = 0, upper = 0, lower = 0;

	t->b0 = i;
	t->c0 = c;
	t->f |= T_WORD;
	for (;;) {
		cp = cpat(s, n, j, &len);
		if (len == 0)
			break;
		if (isalnumcp(cp, &cat)) {
			if (cat <= UTF8PROC_CATEGORY_LO) {
				letters++;
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
			c++;
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
			c++;
			continue;
		}
		if (cp == '.' && letters > 0 && ncat <= UTF8PROC_CATEGORY_LO &&
		    j - i <= 3) {
			t->f |= T_DOTS;
			j += len;
			c++;
			continue;
		}
		if (cp == '.' && (t->f & T_DIGIT))
			;	/* 3.5: digits go on */
		else
			break;
		j += len;
		c++;
	}
	t->b1 = j;
	t->c1 = c;
	if (letters >= 2 && lower == 0)
		t->f |= T_UPPER;
	/* Keep a period after U.S, initials and known abbreviations. */
	if (j < n && s[j] == '.' && letters > 0 &&
	    ((t->f & T_DOTS) || (letters == 1 && upper == 1 && j - i <= 2) ||
	    strmap_get(d->lx->abbr, s + i, j - i) != NULL)) {
		t->f |= T_DOTS;
		t->b1 = ++j;
		t->c1 = ++c;
	}
	if (t->f & T_POSS) {
		/* Skip the 's; the mention ends before it. */
		cpat(s, n, j, &len);
		j += len + 1;
		c += 2;
		if (possname(d, s + t->b0, j - t->b0)) {
			/* McDonald's, People's Republic: the 's is the name's */
			t->f &= ~T_POSS;
			t->b1 = j;
			t->c1 = c;
		}
	}
	*cpos = c;
	return j;
}

/* Words a title-case headline leaves in lower case (for, of, and, ...). */
static int
minor(const char *s, size_t n)
{
	static const char *const words[] = { "a", "an", "the", "and", "or",
	    "but", "nor", "for", "of", "in", "on", "at", "to", "by", "with",
	    "from", "as", "per", "via", "vs", "over", "into", "onto", "upon",
	    "amid", "off", "up", "out", "after", "than" };
	size_t i;

	if (n > 5)
		return 0;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (words[i][0] == s[0] && strlen(words[i]) == n &&
		    memcmp(words[i], s, n) == 0)
			return 1;
	return 0;
}

int
ner_tokenize(struct nerdoc *d, size_t si)
{
	const char *s = SENT(d, si);
	size_t n = d->sents[si].len, i = 0, c = 0, k;
	int len, cat, space = 1, hyph = 0, init = 1;
	int words = 0, caps = 0, lowers = 0, uppers = 0;
	uint32_t cp, prev = 0;
	struct tok *t;

	d->ntoks = 0;
	while (i < n) {
		cp = cpat(s, n, i, &len);
		if (cp == ' ' || cp == '\t' || cp == '\n') {
			space = 1;
			i += len;
			c++;
			continue;
		}
		if (isalnumcp(cp, &cat)) {
			t = newtok(d);
			t->f = (space ? T_SPACE : 0) | (hyph ? T_HYPH : 0) |
			    (init ? T_INIT : 0);
			i = scanword(d, s, n, i, &c, t);
			space = hyph = init = 0;
			continue;
		}
		if (ishyph(cp) && !space && i + len < n && d->ntoks > 0 &&
		    (d->toks[d->ntoks - 1].f & T_WORD) &&
		    d->toks[d->ntoks - 1].b1 == i) {
			hyph = 1;
			i += len;
			c++;
			continue;
		}
		t = newtok(d);
		t->b0 = i;
		t->c0 = c;
		t->b1 = i + len;
		t->c1 = c + 1;
		t->f = space ? T_SPACE : 0;
		/* An opening quote, bracket or colon starts a new "sentence". */
		init = isopen(cp) && (space || cp != '\'' || prev == 0);
		if (cp == '\'' || cp == 0x2019)
			init = space;
		space = hyph = 0;
		prev = cp;
		i += len;
		c++;
	}
	/* Title case or all capitals? */
	for (k = 0; k < d->ntoks; k++) {
		t = &d->toks[k];
		if (!(t->f & T_WORD) || (t->f & T_DIGIT) || t->b1 - t->b0 < 2)
			continue;
		words++;
		if (t->f & T_UPPER)
			uppers++;
		if (t->f & T_CAP)
			caps++;
		else if (!minor(s + t->b0, t->b1 - t->b0))
			lowers++;
	}
	if (words >= 3 && uppers * 5 >= words * 4)
		return 2;
	if (words >= 3 && lowers == 0 && caps * 4 >= words * 3 &&
	    (caps >= 4 || d->sents[si].title))
		return 1;
	return 0;
}

/* ---- body sentences ---- */

enum { P_UNK, P_GAZ, P_TITLE, P_MOD, P_CONN };

struct piece {
	size_t		 k0, k1;	/* tokens */
	int		 kind;
	const struct gent *g;
};

/* The key of tokens k0..k1 (spaces or hyphens between) into d->key. */
static const char *
tokkey(struct nerdoc *d, const char *s, size_t k0, size_t k1)
{
	size_t k;

	buf_reset(&d->key);
	for (k = k0; k < k1; k++) {
		if (k > k0)
			buf_addc(&d->key, (d->toks[k].f & T_HYPH) ? '-' : ' ');
		buf_add(&d->key, s + d->toks[k].b0, d->toks[k].b1 - d->toks[k].b0);
	}
	return d->key.s;
}

/* Are tokens k-1 and k parts of one name (nothing but a space between)? */
static int
adjacent(const struct nerdoc *d, size_t k)
{
	const struct tok *a = &d->toks[k - 1], *b = &d->toks[k];

	return (a->f & T_WORD) && (b->f & T_WORD) && !(a->f & T_POSS) &&
	    ((b->f & T_SPACE) || (b->f & T_HYPH));
}

/* Longest gazetteer match at k within [k, lim); 0 if none. */
static size_t
gazmatch(struct nerdoc *d, const char *base, size_t k, size_t lim,
    const struct gent **gp)
{
	size_t len, best = 0, max = (size_t)d->lx->maxtok;
	const struct gent *g;

	if (lim - k < max)
		max = lim - k;
	buf_reset(&d->key);
	for (len = 1; len <= max; len++) {
		const struct tok *t = &d->toks[k + len - 1];

		if (len > 1 && !adjacent(d, k + len - 1))
			break;
		if (len > 1)
			buf_addc(&d->key, (t->f & T_HYPH) ? '-' : ' ');
		buf_add(&d->key, base + t->b0, t->b1 - t->b0);
		if ((g = strmap_get(d->lx->gaz, d->key.s, d->key.len)) != NULL &&
		    g->weak != 2) {
			best = len;
			*gp = g;
		}
		if (strmap_get(d->lx->prefix, d->key.s, d->key.len) == NULL)
			break;
	}
	return best;
}

static int
cue(const struct nerdoc *d, const char *base, size_t k)
{
	const struct tok *t;

	if (k >= d->ntoks || !((t = &d->toks[k])->f & T_WORD))
		return 0;
	return MAPINT(strmap_get(d->lx->cues, base + t->b0, t->b1 - t->b0));
}

/* The keyword type of token k (KW_ORG, KW_LOC, KW_CORP), or 0. */
static int
keyword(const struct nerdoc *d, const char *base, size_t k)
{
	const struct tok *t = &d->toks[k];
	int v = MAPINT(strmap_get(d->lx->keywords, base + t->b0,
	    t->b1 - t->b0));

	return v == KW_DIR ? 0 : v;
}

static int
direction(const struct nerdoc *d, const char *base, size_t k)
{
	const struct tok *t = &d->toks[k];

	return MAPINT(strmap_get(d->lx->keywords, base + t->b0,
	    t->b1 - t->b0)) == KW_DIR;
}

/* Where the capitalised run starting at i ends. */
static size_t
runend(struct nerdoc *d, const char *base, size_t i)
{
	size_t j = i + 1, m;
	int kw = keyword(d, base, i) != 0, conn = 0, c;
	const struct gent *g;

	/* House of Commons: the gazetteer knows where it ends. */
	if ((m = gazmatch(d, base, i, d->ntoks, &g)) > 1)
		j = i + m;

	while (j < d->ntoks && adjacent(d, j)) {
		if (d->toks[j].f & T_CAP) {
			kw |= keyword(d, base, j) != 0;
			j++;
			continue;
		}
		c = cue(d, base, j);
		m = j + 1;
		if (c == CUE_CONNECT && m < d->ntoks && adjacent(d, m) &&
		    m - j == 1 && strncmp(base + d->toks[m].b0, "the ", 4) == 0)
			m++;
		if (m >= d->ntoks || !adjacent(d, m) || !(d->toks[m].f & T_CAP))
			break;
		if (c == CUE_PARTICLE)
			;
		else if (c == CUE_CONNECT && kw &&
		    (strncmp(base + d->toks[j].b0, "and", 3) != 0 || conn))
			conn = 1;
		else if (c == CUE_CONNECT && j == i + 1 && m == j + 1 &&
		    strncmp(base + d->toks[j].b0, "of ", 3) == 0 &&
		    strmap_get(d->lx->given, base + d->toks[i].b0,
		    d->toks[i].b1 - d->toks[i].b0) != NULL &&
		    gazmatch(d, base, m, d->ntoks, &g) > 0 &&
		    g->type == ENT_LOC)
			;	/* Isabella of France, John of Gaunt */
		else
			break;
		j = m + 1;
	}
	/* "&" between capitalised words: AT&T is one word, Johnson & Johnson not. */
	if (j + 1 < d->ntoks && base[d->toks[j].b0] == '&' &&
	    (d->toks[j + 1].f & T_CAP) && (d->toks[j].f & T_SPACE))
		return runend(d, base, j + 1);
	return j;
}

/* Does a verb (enrolled, dismisses) or a comma follow at k? */
static int
verbnext(const struct nerdoc *d, const char *base, size_t k)
{
	const struct tok *t;
	size_t n;

	if (k >= d->ntoks)
		return 0;
	t = &d->toks[k];
	if (!(t->f & T_WORD))
		return base[t->b0] == ',';
	n = t->b1 - t->b0;
	if (!(t->f & T_LOWER) || n < 4)
		return 0;
	return memcmp(base + t->b1 - 2, "ed", 2) == 0 ||
	    (base[t->b1 - 1] == 's' && base[t->b1 - 2] != 's');
}

static void
addcand(struct nerdoc *d, size_t si, size_t k0, size_t k1, int type, int ev,
    const struct gent *g, unsigned f)
{
	const char *base = SENT(d, si);
	struct cand *c;
	size_t k;
	int n = 0;

	/* A leading "The" is not part of a name (but The Hague is). */
	if (g == NULL && k1 - k0 > 1 && strncmp(base + d->toks[k0].b0, "The ",
	    4) == 0)
		k0++;
	/* Nor a leading or trailing connector. */
	while (k0 < k1 && !(d->toks[k0].f & (T_CAP | T_UPPER | T_DIGIT)))
		k0++;
	while (k1 > k0 && !(d->toks[k1 - 1].f & (T_CAP | T_UPPER | T_DIGIT)))
		k1--;
	if (k1 <= k0)
		return;
	for (k = k0; k < k1; k++)
		n += (d->toks[k].f & T_CAP) != 0;
	d->cands = ner_grow(d->cands, &d->capcands, d->ncands + 1,
	    sizeof(*d->cands));
	c = &d->cands[d->ncands++];
	memset(c, 0, sizeof(*c));
	c->sent = si;
	c->b0 = d->toks[k0].b0;
	c->c0 = d->toks[k0].c0;
	c->b1 = d->toks[k1 - 1].b1;
	c->c1 = d->toks[k1 - 1].c1;
	c->lb0 = d->toks[k1 - 1].b0;
	c->hash = (uint32_t)hash64(base + c->b0, c->b1 - c->b0);
	c->type = type;
	c->ev = ev;
	c->g = g;
	c->ntok = n ? n : 1;
	c->cluster = -1;
	c->f = f;
	if (k1 - k0 == 1 && (d->toks[k0].f & (T_UPPER | T_DOTS)) &&
	    !(d->toks[k0].f & T_LOWER))
		c->f |= C_ACRO;
	if ((d->toks[k0].f & T_INIT) && g == NULL)
		c->f |= C_INIT;
	if (cue(d, base, k1) == CUE_SPEECH ||
	    (k1 + 1 < d->ntoks && base[d->toks[k1].b0] == ',' &&
	    (strncmp(base + d->toks[k1 + 1].b0, "who ", 4) == 0 ||
	    cue(d, base, k1 + 1) == CUE_SPEECH)))
		c->f |= C_SPEECH;
	if (k0 > 0 && cue(d, base, k0 - 1) == CUE_PLACE)
		c->f |= C_PLACE;
	if ((d->toks[k1 - 1].f & T_POSS) || cue(d, base, k1) == CUE_SUBJECT ||
	    verbnext(d, base, k1))
		c->f |= C_SUBJ;
}

/* Is the word before k a lower-case person title (president Biden)? */
static int
lowertitle(struct nerdoc *d, const char *base, size_t k)
{
	const struct tok *t;
	int v;

	if (k == 0 || !((t = &d->toks[k - 1])->f & T_LOWER))
		return 0;
	buf_reset(&d->tmp);
	buf_add(&d->tmp, base + t->b0, t->b1 - t->b0);
	if (d->tmp.len > 0 && d->tmp.s[0] >= 'a' && d->tmp.s[0] <= 'z')
		d->tmp.s[0] -= 'a' - 'A';
	v = MAPINT(strmap_get(d->lx->titles, d->tmp.s, d->tmp.len));
	return v == TITLE_PERSON;
}

/* Is the name before token k followed by ", Country" or ", State"? */
static int
placenext(struct nerdoc *d, const char *base, size_t k)
{
	const struct gent *g;

	if (k + 1 >= d->ntoks || base[d->toks[k].b0] != ',' ||
	    !(d->toks[k + 1].f & T_CAP))
		return 0;
	return gazmatch(d, base, k + 1, d->ntoks, &g) > 0 &&
	    g->type == ENT_LOC && g->sub != SUB_CITY;
}

/*
 * The shape of a word: 1 for a plural acronym (MPs, GIFs), 2 for inner
 * capitals (SaskTel, eMicro), else 0.
 */
static int
shape(const char *s, size_t n)
{
	size_t i, up = 0;

	for (i = 0; i < n && s[i] >= 'A' && s[i] <= 'Z'; i++)
		up++;
	if (up >= 2 && i == n - 1 && s[i] == 's')
		return 1;
	/* McCarthy, MacArthur, LaBeouf, DeSantis, DiCaprio: surnames. */
	if (n > 3 && (memcmp(s, "Mc", 2) == 0 || memcmp(s, "Mac", 3) == 0 ||
	    memcmp(s, "La", 2) == 0 || memcmp(s, "Le", 2) == 0 ||
	    memcmp(s, "De", 2) == 0 || memcmp(s, "Di", 2) == 0 ||
	    memcmp(s, "Du", 2) == 0 || memcmp(s, "Van", 3) == 0 ||
	    memcmp(s, "Fitz", 4) == 0))
		return 0;
	for (i = 1; i + 1 < n; i++)
		if (s[i] >= 'a' && s[i] <= 'z' && s[i + 1] >= 'A' &&
		    s[i + 1] <= 'Z')
			return 2;
	return 0;
}

static int
commonword(struct nerdoc *d, const char *base, size_t k)
{
	return ner_common(d->lx, &d->lc, base + d->toks[k].b0,
	    d->toks[k].b1 - d->toks[k].b0);
}

static int
endswith(const char *s, size_t n, const char *suf)
{
	size_t m = strlen(suf);

	return n > m + 2 && memcmp(s + n - m, suf, m) == 0;
}

/*
 * The likely type of a single unknown word from its ending: -ians and
 * -ic name groups (NORP), -ia, -stan, -burg places; else none yet.
 */
static int
guess(struct nerdoc *d, const char *s, size_t n)
{
	static const char *const groups[] = { "ians", "eans", "ans", "ites",
	    "ic", "ism", "ian", "ean", "ite", "nid" };
	static const char *const places[] = { "ia", "land", "stan", "burg",
	    "bourg", "shire", "ville", "polis", "grad", "ium", "abad",
	    "pur", "sk" };
	size_t i;

	if (strmap_get(d->lx->given, s, n) != NULL)
		return ENT_NONE;
	for (i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
		if (endswith(s, n, groups[i]))
			return ENT_NORP;
	for (i = 0; i < sizeof(places) / sizeof(places[0]); i++)
		if (endswith(s, n, places[i]))
			return ENT_LOC;
	return ENT_NONE;
}

/*
 * What the words around unknown words k0..k1 say: ENT_LOC after "in",
 * "at", "the", "town of", before "region"; ENT_PERSON before "said" or
 * ", who"; else ENT_NONE.
 */
static int
context(struct nerdoc *d, const char *base, size_t k0, size_t k1)
{
	const struct tok *p = k0 > 0 ? &d->toks[k0 - 1] : NULL;
	int loc = 0, per = 0;

	if (p != NULL && (p->f & T_WORD)) {
		if (cue(d, base, k0 - 1) == CUE_PLACE)
			loc += 2;
		else if (p->b1 - p->b0 == 3 && memcmp(base + p->b0, "the",
		    3) == 0)
			loc += 2;
		else if (p->b1 - p->b0 == 2 && memcmp(base + p->b0, "of",
		    2) == 0 && k0 >= 2 && cue(d, base, k0 - 2) == CUE_PLACEOF)
			loc += 3;
		else if (p->b1 - p->b0 == 2 && memcmp(base + p->b0, "by",
		    2) == 0)
			per += 1;
	}
	if (cue(d, base, k1) == CUE_PLACEAFTER)
		loc += 3;
	if (cue(d, base, k1) == CUE_SPEECH || (k1 + 1 < d->ntoks &&
	    base[d->toks[k1].b0] == ',' && strncmp(base + d->toks[k1 + 1].b0,
	    "who ", 4) == 0))
		per += 3;
	if (loc > per)
		return ENT_LOC;
	if (per > loc)
		return ENT_PERSON;
	return ENT_NONE;
}

static int
given(const struct nerdoc *d, const char *base, size_t k)
{
	const struct tok *t = &d->toks[k];

	return strmap_get(d->lx->given, base + t->b0, t->b1 - t->b0) != NULL;
}

/* Type a run of unknown words k0..k1 from its evidence. */
static void
unknown(struct nerdoc *d, size_t si, size_t k0, size_t k1, unsigned f)
{
	const char *base = SENT(d, si);
	const struct gent *g;
	size_t k, head = k1 - 1, words = 0;
	int kw = 0, hk, type = ENT_NONE, ev = EV_NONE;
	const struct tok *t0 = &d->toks[k0];

	for (k = k0; k < k1; k++) {
		if (d->toks[k].f & T_CAP)
			words++;
		if (cue(d, base, k) == CUE_CONNECT && head == k1 - 1 && k > k0)
			head = k - 1;
	}
	hk = keyword(d, base, head);
	for (k = k0; k < k1 && !kw; k++)
		kw = keyword(d, base, k);
	if (hk == 0)
		hk = kw;
	/* 200 Stinger missiles: a name after a number is a product's. */
	if (words == 1 && k1 - k0 == 1 && k0 > 0 &&
	    (d->toks[k0 - 1].f & T_DIGIT) && (d->toks[k0].f & T_SPACE))
		return;
	/* T, B: letters; Jr., III alone; Government, Interior: common words. */
	if (words == 1 && k1 - k0 == 1 && (t0->c1 - t0->c0 == 1 ||
	    MAPINT(strmap_get(d->lx->titles, base + t0->b0, t0->b1 - t0->b0)) ==
	    TITLE_SUFFIX))
		return;
	if (words == 1 && k1 - k0 == 1 && !(f & C_TITLED) &&
	    commonword(d, base, k0)) {
		addcand(d, si, k0, k1, ENT_NONE, EV_NONE, NULL, f | C_COMMON);
		return;
	}
	/* May, as in Theresa May, only as a surname the document knows. */
	if (words == 1 && k1 - k0 == 1 && strmap_get(d->lx->notnames,
	    base + t0->b0, t0->b1 - t0->b0) != NULL) {
		addcand(d, si, k0, k1, ENT_NONE, EV_NONE, NULL,
		    f | C_COMMON | C_NOTNAME);
		return;
	}
	/* Monday; the Olympic Games, World War, Nobel Prize: no names. */
	if ((strmap_get(d->lx->notnames, base + d->toks[k1 - 1].b0,
	    d->toks[k1 - 1].b1 - d->toks[k1 - 1].b0) != NULL &&
	    MAPINT(strmap_get(d->lx->titles, base + d->toks[k1 - 1].b0,
	    d->toks[k1 - 1].b1 - d->toks[k1 - 1].b0)) != TITLE_SUFFIX) ||
	    strmap_get(d->lx->notnames, base + t0->b0, t0->b1 - t0->b0) != NULL)
		return;
	if (hk == KW_LOC && words >= 2 && !keyword(d, base, k1 - 1) &&
	    strmap_get(d->lx->given, base + t0->b0, t0->b1 - t0->b0) != NULL)
		hk = 0;		/* Yves Saint Laurent */
	if (hk == 0 && words >= 2 && direction(d, base, k0))
		hk = KW_LOC;	/* North Kesteven, Southern Cameroons */
	if (hk != 0 && !(words == 1 && k1 - k0 == 1 && hk != KW_CORP)) {
		type = hk == KW_CORP ? ENT_ORG : hk;
		ev = EV_STRONG;
	} else if (f & C_TITLED) {
		type = ENT_PERSON;
		ev = EV_STRONG;
	} else if (placenext(d, base, k1)) {
		/* Abbotsford, B.C.; Chapel Hill, North Carolina */
		type = ENT_LOC;
		ev = EV_STRONG;
	} else if (words >= 2 && strmap_get(d->lx->given, base + t0->b0,
	    t0->b1 - t0->b0) != NULL) {
		type = ENT_PERSON;
		ev = EV_STRONG;
	} else if (words == 1 && !given(d, base, k0) &&
	    (g = nerlex_fuzzy(d->lx, base + t0->b0,
	    t0->b1 - t0->b0, &d->tmp)) != NULL) {
		addcand(d, si, k0, k1, g->type, EV_STRONG, g, f);
		d->cands[d->ncands - 1].f &= ~C_INIT;
		return;
	} else if (words == 1 && k1 - k0 == 1 && (k = shape(base + t0->b0,
	    t0->b1 - t0->b0)) != 0) {
		/* HFCs, MPs: plural acronyms; SaskTel, NoMa: brands. */
		if (k == 1)
			return;
		type = ENT_ORG;
		ev = EV_WEAK;
	} else if (words == 1 && (t0->f & (T_UPPER | T_DOTS)) &&
	    t0->b1 - t0->b0 <= 8) {
		type = ENT_ORG;
		ev = EV_WEAK;
	} else if (words >= 2 && !commonword(d, base, k1 - 1)) {
		type = context(d, base, k0, k1) == ENT_LOC ? ENT_LOC :
		    ENT_PERSON;
		ev = EV_WEAK;
	} else if (words == 1 && k1 - k0 == 1 &&
	    (type = guess(d, base + t0->b0, t0->b1 - t0->b0)) != ENT_NONE)
		ev = EV_WEAK;
	else if (words == 1 && k1 - k0 == 1 &&
	    (type = context(d, base, k0, k1)) != ENT_NONE)
		ev = EV_WEAK;
	addcand(d, si, k0, k1, type, ev, NULL, f);
	if (d->ncands > 0 && type == ENT_NONE) {
		struct cand *c = &d->cands[d->ncands - 1];

		if (c->f & C_SPEECH)
			c->type = ENT_PERSON, c->ev = EV_WEAK;
		else if (c->f & C_PLACE)
			c->type = ENT_LOC, c->ev = EV_WEAK;
	}
}


/* Does the gazetteer entry's canonical name start with word k? */
static int
samefirst(const struct nerdoc *d, const char *base, size_t k,
    const struct gent *g)
{
	const struct tok *t = &d->toks[k];
	size_t n = t->b1 - t->b0;

	return g->canonlen > n && memcmp(g->canon, base + t->b0, n) == 0 &&
	    g->canon[n] == ' ';
}

/*
 * Does a lower-cased first word look like an English adverb or an
 * agent or abstract noun (Thematically, Conservationists, Happiness)?
 */
static int
lookscommon(const char *s, size_t n)
{
	static const char *const ends[] = { "ly", "ists", "ness", "ments",
	    "tions" };
	size_t i, m;

	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		m = strlen(ends[i]);
		if (n >= m + 4 && memcmp(s + n - m, ends[i], m) == 0)
			return 1;
	}
	return 0;
}

/*
 * Is the nationality word k0..k1 a language here ("appealed in English",
 * "speaks Russian.")?  After "in", "speaks" and the like, and not before a
 * noun it qualifies.
 */
static int
language(struct nerdoc *d, const char *base, size_t k0, size_t k1)
{
	static const char *const before[] = { "in", "speak", "speaks",
	    "spoke", "speaking", "learn", "learned", "learning", "into",
	    "from" };
	static const char *const after[] = { "and", "or", "to", "for", "as",
	    "but", "on", "at", "with", "by", "when", "while", "that" };
	const struct tok *t;
	size_t i, n;

	if (k0 == 0 || !((t = &d->toks[k0 - 1])->f & T_WORD))
		return 0;
	for (i = 0; i < sizeof(before) / sizeof(before[0]); i++)
		if (t->b1 - t->b0 == strlen(before[i]) &&
		    memcmp(base + t->b0, before[i], t->b1 - t->b0) == 0)
			break;
	if (i == sizeof(before) / sizeof(before[0]))
		return 0;
	if (k1 >= d->ntoks || !((t = &d->toks[k1])->f & T_WORD))
		return 1;
	if (!(t->f & T_LOWER))
		return 0;
	n = t->b1 - t->b0;
	for (i = 0; i < sizeof(after) / sizeof(after[0]); i++)
		if (n == strlen(after[i]) && memcmp(base + t->b0, after[i], n) == 0)
			return 1;
	return 0;
}

/*
 * After title piece a-1, is "Title Name" a person the gazetteer knows
 * only with the title (Pope Francis, King Charles)?  Then tag the name
 * with that canonical; returns the piece after it, or a.
 */
static size_t
titledname(struct nerdoc *d, size_t si, const struct piece *p, size_t a,
    size_t np)
{
	const char *base = SENT(d, si);
	const struct gent *g;
	size_t b;

	for (b = a; b < np && p[b].kind == P_UNK; b++) {
		tokkey(d, base, p[a - 1].k0, p[b].k1);
		g = strmap_get(d->lx->gaz, d->key.s, d->key.len);
		if (g != NULL && g->weak == 2 && g->type == ENT_PERSON) {
			addcand(d, si, p[a].k0, p[b].k1, ENT_PERSON, EV_GAZ, g,
			    C_TITLED);
			return b + 1;
		}
	}
	return a;
}

/* Cut run i..j into pieces and add its candidates. */
static void
run(struct nerdoc *d, size_t si, size_t i, size_t j)
{
	struct piece p[64];
	const char *base = SENT(d, si);
	const struct gent *g = NULL, *g2;
	size_t np = 0, k, len, a, b, q;
	unsigned f;
	int c, t, titled;

	/* The first word of a sentence: a capital proves nothing. */
	if ((d->toks[i].f & T_INIT) && !(d->toks[i].f & T_UPPER) &&
	    gazmatch(d, base, i, j, &g) <= 1) {
		ner_lower(&d->lc, base + d->toks[i].b0,
		    d->toks[i].b1 - d->toks[i].b0);
		if ((j > i + 1 || gazmatch(d, base, i, j, &g) == 1 ||
		    lookscommon(d->lc.s, d->lc.len)) &&
		    (strmap_get(d->lx->common, d->lc.s, d->lc.len) != NULL ||
		    (lookscommon(d->lc.s, d->lc.len) && !given(d, base, i))) &&
		    !(given(d, base, i) && j > i + 1 &&
		    gazmatch(d, base, i + 1, j, &g) == 0) &&
		    !(j > i + 1 && keyword(d, base, j - 1) != 0 &&
		    keyword(d, base, j - 1) != KW_CORP &&
		    !(d->toks[i + 1].f & T_CAP) == 0 && keyword(d, base, i) == 0))
			i++;
	}
	/* Historian David Crouch: an unknown first word before a given name. */
	if ((d->toks[i].f & T_INIT) && i + 2 < j + 1 && i + 1 < j &&
	    gazmatch(d, base, i, j, &g) == 0 && !given(d, base, i) &&
	    given(d, base, i + 1) && (d->toks[i + 1].f & T_CAP))
		i++;
	/* A leading The is not part of the name (The Hague is, as a whole). */
	if (i + 1 < j && gazmatch(d, base, i, j, &g) < 2 &&
	    d->toks[i].b1 - d->toks[i].b0 == 3 &&
	    memcmp(base + d->toks[i].b0, "The", 3) == 0)
		i++;
	k = i;
	while (k < j && np < sizeof(p) / sizeof(p[0])) {
		p[np].k0 = k;
		p[np].g = NULL;
		c = cue(d, base, k);
		if (!(d->toks[k].f & T_CAP) && (c == CUE_CONNECT ||
		    c == CUE_PARTICLE || base[d->toks[k].b0] == '&')) {
			p[np].kind = P_CONN;
			len = 1;
		} else if ((len = gazmatch(d, base, k, j, &g)) > 1) {
			p[np].kind = P_GAZ;
			p[np].g = g;
		} else {
			size_t l1 = len;

			for (len = 4; len > 0; len--) {
				if (k + len > j || (len > 1 &&
				    !adjacent(d, k + len - 1)))
					continue;
				tokkey(d, base, k, k + len);
				if ((t = MAPINT(strmap_get(d->lx->titles,
				    d->key.s, d->key.len))) != 0)
					break;
			}
			if (len > 0 && t == TITLE_SUFFIX)
				p[np].kind = P_UNK;
			else if (len == 1 && np > 0 && p[np - 1].kind == P_UNK &&
			    given(d, base, p[np - 1].k0))
				p[np].kind = P_UNK;	/* Jeffrey Dean Morgan */
			else if (len > 0) {
				p[np].kind = t == TITLE_MOD ? P_MOD : P_TITLE;
				if (t == TITLE_MOD && len == 1 && l1 == 1)
					p[np].g = g;	/* Senate */
			}
			else if (l1 == 1 && !((g->type == ENT_LOC ||
			    g->type == ENT_NORP) &&
			    given(d, base, k) && k + 1 < j &&
			    (d->toks[k + 1].f & T_CAP) &&
			    gazmatch(d, base, k + 1, j, &g2) == 0)) {
				p[np].kind = P_GAZ;
				p[np].g = g;
				len = 1;
			} else {
				p[np].kind = P_UNK;
				len = 1;
			}
		}
		p[np].k1 = k + len;
		k += len;
		np++;
	}
	/* Modifiers before a title belong to it (Deputy Prime Minister). */
	for (q = np; q-- > 0;)
		if (p[q].kind == P_MOD)
			p[q].kind = q + 1 < np && p[q + 1].kind == P_TITLE ?
			    P_TITLE : p[q].g != NULL ? P_GAZ : P_UNK;
	titled = lowertitle(d, base, i);
	for (a = 0; a < np; a = b) {
		f = titled ? C_TITLED : 0;
		if (titled && a > 0 && p[a - 1].kind == P_TITLE &&
		    p[a].kind == P_UNK && (b = titledname(d, si, p, a, np)) > a)
			continue;	/* Pope Francis */
		if (p[a].kind == P_TITLE) {
			/* Unknown words before a title name a body, not a person. */
			titled = MAPINT(strmap_get(d->lx->titles, base +
			    d->toks[p[a].k0].b0, d->toks[p[a].k1 - 1].b1 -
			    d->toks[p[a].k0].b0)) != TITLE_SUFFIX;
			b = a + 1;
			continue;
		}
		titled = 0;
		if (p[a].kind == P_CONN) {
			b = a + 1;
			continue;
		}
		/* The longest stretch of unknown words and connectors. */
		for (b = a; b < np && (p[b].kind == P_UNK ||
		    (p[b].kind == P_CONN && b > a)); b++)
			;
		if (b > a) {
			/* Unknown words before a gazetteer entry? */
			if (b < np && p[b].kind == P_GAZ) {
				g = p[b].g;
				if (g->type == ENT_PERSON && given(d, base,
				    p[a].k0) && b - a == 1) {
					addcand(d, si, p[a].k0, p[b].k1,
					    ENT_PERSON, EV_GAZ, samefirst(d,
					    base, p[a].k0, g) ? g : NULL, f);
					b++;
					continue;
				}
				if (g->type != ENT_NORP && b - a == 1 &&
				    p[b].k1 - p[b].k0 == 1 &&
				    given(d, base, p[a].k0) &&
				    !(d->toks[p[a].k0].f & T_UPPER)) {
					/* Christopher Columbus, Jack London */
					addcand(d, si, p[a].k0, p[b].k1,
					    ENT_PERSON, EV_STRONG, NULL, f);
					b++;
					continue;
				}
				if (g->type == ENT_LOC && b - a == 1 &&
				    (direction(d, base, p[a].k0) ||
				    keyword(d, base, p[a].k0) == KW_LOC)) {
					addcand(d, si, p[a].k0, p[b].k1,
					    ENT_LOC, EV_STRONG, NULL, f);
					b++;
					continue;
				}
				if (g->type == ENT_ORG && p[b].k1 - p[b].k0 ==
				    1 && keyword(d, base, p[b].k0) == KW_ORG) {
					/* Lower House, State Council */
					unknown(d, si, p[a].k0, p[b].k1, f);
					b++;
					continue;
				}
				if (g->type != ENT_PERSON && b - a >= 2 &&
				    p[b - 1].kind == P_CONN) {
					/* University of Kyiv */
					unknown(d, si, p[a].k0, p[b].k1, f);
					b++;
					continue;
				}
			}
			if (p[b - 1].kind == P_CONN)
				b--;
			if (b < np && p[b].kind == P_TITLE && !(f & C_TITLED)) {
				/* Land Forces Commander: keep it only if typed */
				size_t n0 = d->ncands;

				unknown(d, si, p[a].k0, p[b - 1].k1, f);
				if (d->ncands > n0 && d->cands[n0].ev < EV_STRONG)
					d->ncands = n0;
			} else
				unknown(d, si, p[a].k0, p[b - 1].k1, f);
			continue;
		}
		/* A gazetteer entry, perhaps with unknown words after it. */
		g = p[a].g;
		b = a + 1;
		if ((f & C_TITLED) && p[a].k1 - p[a].k0 == 1 &&
		    (g->type == ENT_LOC || g->type == ENT_ORG) &&
		    !(d->toks[p[a].k0].f & T_UPPER)) {
			/* Lord Halifax, Mr. Jordan */
			addcand(d, si, p[a].k0, p[a].k1, ENT_PERSON, EV_STRONG,
			    NULL, f);
			continue;
		}
		if (b < np && p[b].kind == P_UNK) {
			size_t e = b, kw = 0;

			for (e = b; e < np && (p[e].kind == P_UNK ||
			    (p[e].kind == P_CONN && e + 1 < np &&
			    p[e + 1].kind != P_TITLE)); e++)
				kw |= keyword(d, base, p[e].k0);
			if (g->type == ENT_LOC && g->sub != SUB_COUNTRY &&
			    kw != KW_LOC) {
				/* Boston Globe, Kyiv School of Economics */
				addcand(d, si, p[a].k0, p[e - 1].k1, ENT_ORG,
				    kw ? EV_STRONG : EV_WEAK, NULL, f);
				b = e;
				continue;
			}
			if (kw != 0 && g->type != ENT_PERSON) {
				addcand(d, si, p[a].k0, p[e - 1].k1,
				    kw == KW_LOC ? ENT_LOC : ENT_ORG,
				    EV_STRONG, NULL, f);
				b = e;
				continue;
			}
		}
		if (g->type == ENT_NORP && language(d, base, p[a].k0, p[a].k1))
			continue;
		addcand(d, si, p[a].k0, p[a].k1, g->type, EV_GAZ, g, f);
	}
}

/*
 * Denver, Colorado: a place and its state are one mention.  If the last
 * candidate (added since n0) ends the run at j and ", State" follows,
 * extend it; returns the tokens taken.
 */
static size_t
cityplace(struct nerdoc *d, size_t si, size_t n0, size_t j)
{
	const char *base = SENT(d, si);
	const struct gent *g;
	struct cand *c;
	size_t len;

	if (d->ncands == n0 || j + 1 >= d->ntoks || base[d->toks[j].b0] != ',')
		return 0;
	c = &d->cands[d->ncands - 1];
	if (c->b1 != d->toks[j - 1].b1 || !(c->type == ENT_LOC ||
	    c->ev < EV_STRONG) || (c->g != NULL && c->g->sub != SUB_CITY) ||
	    !(d->toks[j + 1].f & T_CAP))
		return 0;
	len = gazmatch(d, base, j + 1, d->ntoks, &g);
	if (len == 0 || g->type != ENT_LOC || g->sub != SUB_REGION ||
	    (j + 1 + len < d->ntoks && adjacent(d, j + 1 + len) &&
	    (d->toks[j + 1 + len].f & T_CAP)))
		return 0;
	c->b1 = d->toks[j + len].b1;
	c->c1 = d->toks[j + len].c1;
	c->type = ENT_LOC;
	c->ev = EV_STRONG;
	c->g = NULL;
	c->cluster = -1;
	return len + 1;
}

/* Martin Luther King, Jr.: a suffix after a comma belongs to the name. */
static size_t
suffix(struct nerdoc *d, size_t si, size_t n0, size_t j)
{
	const char *base = SENT(d, si);
	struct cand *c;

	if (d->ncands == n0 || j + 1 >= d->ntoks || base[d->toks[j].b0] != ',')
		return 0;
	c = &d->cands[d->ncands - 1];
	if (c->b1 != d->toks[j - 1].b1 || c->type != ENT_PERSON ||
	    d->toks[j + 1].c1 - d->toks[j + 1].c0 < 2 ||
	    MAPINT(strmap_get(d->lx->titles, base + d->toks[j + 1].b0,
	    d->toks[j + 1].b1 - d->toks[j + 1].b0)) != TITLE_SUFFIX)
		return 0;
	c->b1 = d->toks[j + 1].b1;
	c->c1 = d->toks[j + 1].c1;
	return 2;
}

/*
 * Does a gazetteer entry end the run i..j (Theresa May), or an
 * organisation start it (NATO Summit)?
 */
static int
gazend(struct nerdoc *d, const char *base, size_t i, size_t j)
{
	const struct gent *g;
	size_t k;

	if (gazmatch(d, base, i, j, &g) > 0 && g->type == ENT_ORG)
		return 1;
	for (k = i; k < j; k++)
		if (gazmatch(d, base, k, j, &g) == j - k)
			return 1;
	return 0;
}

void
ner_body(struct nerdoc *d, size_t si)
{
	const char *base = SENT(d, si);
	size_t i = 0, j, n0, h;
	const struct gent *g;

	while (i < d->ntoks) {
		if (!(d->toks[i].f & T_WORD) || !((d->toks[i].f & T_CAP) ||
		    gazmatch(d, base, i, d->ntoks, &g) > 0)) {
			i++;
			continue;
		}
		j = runend(d, base, i);
		for (h = j - 1; h > i && MAPINT(strmap_get(d->lx->titles,
		    base + d->toks[h].b0, d->toks[h].b1 - d->toks[h].b0)) ==
		    TITLE_SUFFIX; h--)
			;	/* World War II: the head is War */
		if (h > i && strmap_get(d->lx->notnames, base +
		    d->toks[h].b0, d->toks[h].b1 - d->toks[h].b0) != NULL &&
		    !gazend(d, base, i, j)) {
			/* The Paris Agreement, the Rugby Championship */
			i = j;
			continue;
		}
		n0 = d->ncands;
		run(d, si, i, j);
		i = j + cityplace(d, si, n0, j) + suffix(d, si, n0, j);
	}
}

/* ---- headlines ---- */

/*
 * Longest match at k among the body's candidates: the same words, or a
 * person's surname.  Returns the token count and the candidate.
 */
static size_t
bodymatch(struct nerdoc *d, size_t si, size_t k, int caps, size_t *ci)
{
	const char *base = SENT(d, si), *t;
	size_t len, best = 0, c, n;
	const struct cand *x;
	uint32_t h;

	for (len = 1; len <= 6 && k + len <= d->ntoks; len++) {
		if (len > 1 && !adjacent(d, k + len - 1))
			break;
		tokkey(d, base, k, k + len);
		h = (uint32_t)hash64(d->key.s, d->key.len);
		if (caps)
			ner_lower(&d->lc, d->key.s, d->key.len);
		for (c = 0; c < d->ncands; c++) {
			x = &d->cands[c];
			if (x->f & (C_HEAD | C_DROP) || x->type == ENT_NONE)
				continue;
			n = x->b1 - x->b0;
			t = SENT(d, x->sent) + x->b0;
			if (caps) {
				if (n != d->key.len)
					continue;
				ner_lower(&d->tmp, t, n);
				if (d->tmp.len != d->lc.len || memcmp(d->tmp.s,
				    d->lc.s, d->lc.len) != 0)
					continue;
			} else if (!(x->hash == h && n == d->key.len &&
			    memcmp(t, d->key.s, n) == 0) && !(len == 1 &&
			    x->type == ENT_PERSON && x->ntok > 1 &&
			    x->b1 - x->lb0 == d->key.len && memcmp(SENT(d,
			    x->sent) + x->lb0, d->key.s, d->key.len) == 0))
				continue;
			best = len;
			*ci = c;
			break;
		}
	}
	return best;
}

void
ner_headline(struct nerdoc *d, size_t si, int caps)
{
	const char *base = SENT(d, si);
	const struct gent *g, *bg;
	size_t k = 0, len, blen, ci = 0, m, max;
	struct cand *c;

	while (k < d->ntoks) {
		if (!(d->toks[k].f & T_WORD) || !(d->toks[k].f & T_CAP)) {
			k++;
			continue;
		}
		blen = bodymatch(d, si, k, caps, &ci);
		/* The gazetteer, exact or (all capitals) in lower case. */
		bg = NULL;
		len = 0;
		max = (size_t)d->lx->maxtok;
		for (m = 1; m <= max && k + m <= d->ntoks; m++) {
			if (m > 1 && !adjacent(d, k + m - 1))
				break;
			tokkey(d, base, k, k + m);
			if (caps) {
				ner_lower(&d->lc, d->key.s, d->key.len);
				g = strmap_get(d->lx->gazlc, d->lc.s, d->lc.len);
				if (g != NULL && strmap_get(d->lx->common,
				    d->lc.s, d->lc.len) != NULL)
					g = NULL;
			} else
				g = strmap_get(d->lx->gaz, d->key.s, d->key.len);
			if (g != NULL && !g->weak) {
				len = m;
				bg = g;
			}
		}
		if (blen == 0 && len == 0) {
			k++;
			continue;
		}
		if (blen >= len) {
			addcand(d, si, k, k + blen, d->cands[ci].type, EV_GAZ,
			    d->cands[ci].g, C_HEAD);
			c = &d->cands[d->ncands - 1];
			c->cluster = d->cands[ci].cluster;
			c->canon = d->cands[ci].canon;
			c->canonlen = d->cands[ci].canonlen;
			k += blen;
		} else {
			addcand(d, si, k, k + len, bg->type, EV_GAZ, bg, C_HEAD);
			k += len;
		}
		d->cands[d->ncands - 1].f &= ~C_INIT;
	}
	(void)base;
}
