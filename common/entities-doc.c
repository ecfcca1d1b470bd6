/*
 * entities-doc.c: one document at a time, settle what the sentences'
 * candidates are (see entities.h).
 *
 * One sense per discourse: people named in full form clusters (spelling
 * variants and typos of the surname merged); a surname alone, or after
 * Mr., joins its cluster and takes its canonical name; a word left
 * unresolved takes the reading the same word has elsewhere in the
 * document; a sentence's first word that nothing else supports is
 * dropped; "Full Name (ACRONYM)" gives the acronym the full name.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "entities-int.h"
#include "utf8.h"

/* What wordput() is adding: to d's word index, from map which. */
struct wordsrc {
	struct nerdoc	*d;
	int		 which;		/* M_*, or NMEMO + W_* for a flag */
};

static void
wordput(const char *key, size_t len, void *val, void *arg)
{
	const struct wordsrc *src = arg;
	struct nerdoc *d = src->d;
	struct winfo w;
	unsigned char *blob;
	size_t n = strmap_count(d->words);
	uint64_t h;

	if (memchr(key, ' ', len) != NULL || memchr(key, '-', len) != NULL)
		return;
	blob = strmap_blob(d->words, key, len);
	if (strmap_count(d->words) > n) {	/* a new word */
		h = strhash(key, len);
		d->wordbits[WORDBIT1(h) >> 3] |= 1u << (WORDBIT1(h) & 7);
		d->wordbits[WORDBIT2(h) >> 3] |= 1u << (WORDBIT2(h) & 7);
	}
	memcpy(&w, blob, sizeof(w));
	if (src->which < NMEMO)
		w.memo[src->which] = (signed char)MAPINT(val);
	else
		w.flags |= (unsigned char)(src->which - NMEMO);
	memcpy(blob, &w, sizeof(w));
}

/*
 * W_LOWTITLE for the word a lower-case token must be for ner_lowertitle()
 * to find a person's title when its first letter is capitalised: the
 * title with its A-Z first letter in lower case, or as it is when that
 * letter is no ASCII letter (a title starting a-z no token can reach).
 */
static void
lowtitleput(const char *key, size_t len, void *val, void *arg)
{
	struct wordsrc *src = arg;
	struct buf *tmp = &src->d->tmp;

	if (MAPINT(val) != TITLE_PERSON || len == 0 ||
	    (key[0] >= 'a' && key[0] <= 'z'))
		return;
	buf_reset(tmp);
	buf_add(tmp, key, len);
	if (key[0] >= 'A' && key[0] <= 'Z')
		tmp->s[0] += 'a' - 'A';
	src->which = NMEMO + W_LOWTITLE;
	wordput(tmp->s, tmp->len, NULL, src);
}

struct nerdoc *
nerdoc_new(const struct nerlex *lx)
{
	struct nerdoc *d = ecalloc(1, sizeof(*d));
	struct wordsrc src = { d, 0 };

	d->lx = lx;
	d->words = strmap_new();
	for (src.which = 0; src.which < NMEMO; src.which++)
		strmap_each(lx->bymemo[src.which], wordput, &src);
	src.which = NMEMO + W_GAZ;
	strmap_each(lx->gaz, wordput, &src);
	src.which = NMEMO + W_PREFIX;
	strmap_each(lx->prefix, wordput, &src);
	strmap_each(lx->titles, lowtitleput, &src);
	return d;
}

void
nerdoc_free(struct nerdoc *d)
{
	if (d == NULL)
		return;
	buf_free(&d->text);
	buf_free(&d->key);
	buf_free(&d->tmp);
	buf_free(&d->lc);
	hidx_free(&d->clidx);
	hidx_free(&d->grpidx);
	hidx_free(&d->lastidx);
	hidx_free(&d->lcidx);
	hidx_free(&d->snidx);
	free(d->grp);
	free(d->groups);
	free(d->gnext);
	free(d->sents);
	free(d->toks);
	free(d->starts);
	free(d->alnum);
	free(d->lowgaz);
	free(d->gzents);
	free(d->cands);
	free(d->cl);
	free(d->ments);
	free(d->mtmp);
	strmap_free(d->words);
	free(d);
}

void
nerdoc_reset(struct nerdoc *d)
{
	buf_reset(&d->text);
	d->nsents = d->ncands = d->ncl = d->nments = d->ntoks = 0;
}

void
nerdoc_add(struct nerdoc *d, const char *s, size_t len, int title)
{
	struct sent *st;

	d->sents = ner_grow(d->sents, &d->capsents, d->nsents + 1,
	    sizeof(*d->sents));
	st = &d->sents[d->nsents++];
	st->off = d->text.len;
	st->len = len;
	st->title = title;
	st->headline = 0;
	buf_add(&d->text, s, len);
	buf_addc(&d->text, '\0');
}

const char *
ent_typename(int type)
{
	static const char *const names[] = { "", "PERSON", "ORG", "LOC",
	    "NORP" };

	return type >= 0 && type <= ENT_NORP ? names[type] : "";
}

/* ---- spelling variants ---- */

/* Append folded letter c to out[0..*n): doubled letters single; iy to y. */
static inline void
foldput(char *out, size_t *n, char c)
{
	if (*n > 0 && out[*n - 1] == c)
		return;
	if (c == 'y' && *n > 0 && out[*n - 1] == 'i') {
		out[*n - 1] = 'y';
		return;
	}
	out[(*n)++] = c;
}

size_t
name_fold(const char *s, size_t len, char *out, size_t outsz)
{
	utf8proc_int32_t dec[8];
	utf8proc_ssize_t nd, k;
	uint32_t cp;
	size_t i, n = 0;
	int last = 0, l;

	for (i = 0; i < len && n + 1 < outsz; i += l) {
		unsigned char b = (unsigned char)s[i];

		if (b < 0x80) {
			/* ASCII: nothing to decompose or strip; fold case. */
			l = 1;
			if (b >= 'A' && b <= 'Z')
				foldput(out, &n, (char)(b + ('a' - 'A')));
			else if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9'))
				foldput(out, &n, (char)b);
			continue;
		}
		if ((l = utf8_decode(s + i, len - i, &cp)) == 0) {
			l = 1;
			continue;
		}
		nd = utf8proc_decompose_char((utf8proc_int32_t)cp, dec, 8,
		    UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD,
		    &last);
		for (k = 0; k < nd && k < 8 && n + 1 < outsz; k++)
			if ((dec[k] >= 'a' && dec[k] <= 'z') ||
			    (dec[k] >= '0' && dec[k] <= '9'))
				foldput(out, &n, (char)dec[k]);
	}
	out[n] = '\0';
	return n;
}

int
name_close(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t d[3][33], i, j, min = alen < blen ? alen : blen, v;

	if (alen == blen && memcmp(a, b, alen) == 0)
		return 1;
	if (alen == 0 || blen == 0 || a[0] != b[0] || min < 5 || alen > 32 ||
	    blen > 32 || (alen > blen ? alen - blen : blen - alen) > 2)
		return 0;
	/* Optimal string alignment distance, three rows kept. */
	for (j = 0; j <= blen; j++)
		d[0][j] = j;
	for (i = 1; i <= alen; i++) {
		size_t *r = d[i % 3], *p = d[(i - 1) % 3], *pp = d[(i + 1) % 3];

		r[0] = i;
		for (j = 1; j <= blen; j++) {
			v = p[j - 1] + (a[i - 1] != b[j - 1]);
			if (p[j] + 1 < v)
				v = p[j] + 1;
			if (r[j - 1] + 1 < v)
				v = r[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			r[j] = v;
		}
	}
	v = d[alen % 3][blen];
	return v <= 1 || (v <= 2 && min >= 8);
}

/* ---- people ---- */

static const char *
ctext(const struct nerdoc *d, const struct cand *c)
{
	return SENT(d, c->sent) + c->b0;
}

static void
cluster(struct nerdoc *d, struct cand *c)
{
	const char *s = ctext(d, c), *first, *last, *sp;
	size_t firstlen, lastlen, n = c->b1 - c->b0, j;
	const struct cand *x = NULL;
	struct cluster *k;
	char fold[48];
	size_t flen;
	long i;

	/*
	 * The same text with the same entry and words as a candidate before
	 * joins the same cluster: clusters are only added, never changed in
	 * what they match, so the first that matches it then matches now.
	 */
	for (j = hidx_find(&d->snidx, c->hash, c->hash); j != NONE_IDX;
	    j = hidx_find(&d->snidx, c->hash, j + 1)) {
		x = &d->cands[d->snidx.v[j] - 1];
		if (x->g == c->g && x->ntok == c->ntok && x->b1 - x->b0 == n &&
		    memcmp(ctext(d, x), s, n) == 0)
			break;
	}
	if (j != NONE_IDX) {
		if ((i = x->cluster) < 0)
			return;		/* a one-word name, as it was */
		goto join;
	}
	hidx_put(&d->snidx, c->hash, (uint32_t)(c - d->cands));
	if (c->g != NULL && c->ntok == 1) {
		/* Zelenskyy: the gazetteer's full name stands for it. */
		s = c->g->canon;
		n = c->g->canonlen;
		if ((sp = memchr(s, ' ', n)) == NULL)
			return;
	}
	sp = memchr(s, ' ', n);
	first = s;
	firstlen = sp ? (size_t)(sp - s) : n;
	for (last = s + n; last > s && last[-1] != ' '; last--)
		;
	lastlen = (size_t)(s + n - last);
	flen = name_fold(last, lastlen, fold, sizeof(fold));
	if ((i = ner_clfind(d, fold, flen, first, firstlen, 0)) < 0) {
		ner_cladd(d, fold, flen, first, firstlen);
		i = (long)d->ncl - 1;
	}
join:
	k = &d->cl[i];
	c->cluster = i;
	/* The gazetteer's name wins, else the fullest form. */
	if (c->g != NULL && k->g == NULL) {
		k->g = c->g;
		k->canon = c->g->canon;
		k->canonlen = c->g->canonlen;
	} else if (k->g == NULL && c->ntok > k->ntok) {
		k->canon = ctext(d, c);
		k->canonlen = c->b1 - c->b0;
		k->ntok = c->ntok;
	}
}

/*
 * A bit per first letter of the clusters' folded surnames (a-z, 0-9 by
 * their low six bits: some share one, which only lets more through).
 */
#define FIRSTBIT(ch)	((uint64_t)1 << ((unsigned char)(ch) & 63))

/*
 * A single word that is a known person's surname joins the person.
 * firsts: FIRSTBIT() of every cluster's surname's first letter.
 */
static void
surname(struct nerdoc *d, struct cand *c, uint64_t firsts)
{
	unsigned char b0;
	const struct cand *x = NULL;
	char fold[48];
	size_t flen, n, j;
	long best;

	if (c->ntok != 1 || c->cluster >= 0 || c->type == ENT_NORP ||
	    (c->f & C_ACRO))
		return;
	/* in May, May 5: the month */
	if ((c->f & C_COMMON) && ((c->f & C_PLACE) || (ctext(d, c)[c->b1 -
	    c->b0] == ' ' && ctext(d, c)[c->b1 - c->b0 + 1] >= '0' &&
	    ctext(d, c)[c->b1 - c->b0 + 1] <= '9')))
		return;
	if (c->ev == EV_GAZ && !((c->f & (C_TITLED | C_SPEECH)) &&
	    !(c->f & C_PLACE)) && c->type != ENT_PERSON)
		return;
	/*
	 * No cluster's surname starts with its first letter: none is the
	 * same or close (name_close() wants the first letters equal; an
	 * empty one matches nothing that is not).  An ASCII letter or digit
	 * first is its fold's first, but for an i (Iyambo folds to yambo);
	 * anything else is folded to see.
	 */
	b0 = (unsigned char)ctext(d, c)[0];
	if (b0 >= 'A' && b0 <= 'Z')
		b0 += 'a' - 'A';
	if (((b0 >= 'a' && b0 <= 'z' && b0 != 'i') || (b0 >= '0' &&
	    b0 <= '9')) && !(firsts & FIRSTBIT(b0)))
		return;
	/*
	 * The same text looked up before gives the same answer (the
	 * clusters do not change while surnames are looked up), and that
	 * candidate's cluster holds it: it had none before the lookup.
	 */
	n = c->b1 - c->b0;
	for (j = hidx_find(&d->snidx, c->hash, c->hash); j != NONE_IDX;
	    j = hidx_find(&d->snidx, c->hash, j + 1)) {
		x = &d->cands[d->snidx.v[j] - 1];
		if (x->b1 - x->b0 == n && memcmp(ctext(d, x), ctext(d, c),
		    n) == 0)
			break;
	}
	if (j != NONE_IDX)
		best = x->cluster;
	else {
		flen = name_fold(ctext(d, c), n, fold, sizeof(fold));
		/* The first cluster of that surname, else of a near one. */
		best = flen > 0 && !(firsts & FIRSTBIT(fold[0])) ? -1 :
		    ner_clfind(d, fold, flen, NULL, 0, 1);
		hidx_put(&d->snidx, c->hash, (uint32_t)(c - d->cands));
	}
	if (best < 0)
		return;
	c->cluster = best;
	c->type = ENT_PERSON;
	if (c->ev < EV_STRONG)
		c->ev = EV_STRONG;
	c->f &= ~C_INIT;
}

/* ---- one sense per discourse ---- */

/* Is candidate c a common English word (Government, War)? */
static int
common(struct nerdoc *d, const struct cand *c)
{
	return (c->f & C_COMMON) || ner_common(d->lx, &d->lc, ctext(d, c),
	    c->b1 - c->b0);
}

static void
consistency(struct nerdoc *d)
{
	struct cand *c, *best;
	struct group *gr;
	size_t i;
	int ev;

	/*
	 * The same text elsewhere with stronger evidence, the strongest
	 * first (ner_groups() found the first of each strength).  A word
	 * that takes another's reading becomes strong evidence itself.
	 */
	ner_groups(d);
	for (i = 0; i < d->ncands; i++) {
		c = &d->cands[i];
		if (c->ev >= EV_STRONG || (c->f & (C_DROP | C_COMMON)))
			continue;
		gr = &d->groups[d->grp[i]];
		best = NULL;
		for (ev = EV_GAZ; ev > c->ev && best == NULL; ev--)
			if (gr->first[ev] != NONE_IDX)
				best = &d->cands[gr->first[ev]];
		if (best != NULL) {
			c->type = best->type;
			c->g = best->g;
			c->cluster = best->cluster;
			c->ev = EV_STRONG;
			c->f &= ~C_INIT;
			/* A weak one it was is never asked for again. */
			if (gr->first[EV_STRONG] == NONE_IDX ||
			    gr->first[EV_STRONG] > i)
				gr->first[EV_STRONG] = i;
		}
	}
	for (i = 0; i < d->ncands; i++) {
		c = &d->cands[i];
		if (c->type == ENT_NONE && c->ntok == 1 && !(c->f & C_NOTNAME) &&
		    (!(c->f & C_INIT) ||
		    (c->f & (C_SPEECH | C_SUBJ))) && (!common(d, c) ||
		    ((c->f & C_SPEECH) && !(c->f & C_INIT)))) {
			/* A capitalised word mid-sentence, nothing else known. */
			c->type = ENT_PERSON;
			c->ev = EV_WEAK;
		}
		if (c->type == ENT_NONE || ((c->f & C_INIT) &&
		    c->ev < EV_STRONG && c->ntok < 2 &&
		    !(c->f & (C_SPEECH | C_SUBJ))))
			c->f |= C_DROP;
	}
}

/* conjoined() for a and b 1 to 6 bytes apart in one sentence. */
static int
joined(const struct nerdoc *d, const struct cand *a, const struct cand *b)
{
	static const struct lit joins[] = { LIT(" and "), LIT(", and "),
	    LIT(" or "), LIT(", or "), LIT(" & "), LIT(", ") };
	const char *s = SENT(d, a->sent) + a->b1, *e;
	size_t i, n = b->b0 - a->b1;

	/* Every join starts with a space or comma. */
	if (s[0] != ' ' && s[0] != ',')
		return 0;
	for (i = 0; i < sizeof(joins) / sizeof(joins[0]); i++)
		if (joins[i].len == n && memcmp(s, joins[i].s, n) == 0)
			break;
	if (i == sizeof(joins) / sizeof(joins[0]))
		return 0;
	if (i < sizeof(joins) / sizeof(joins[0]) - 1)
		return 1;
	/* A bare comma only inside a list: b goes on with ", " or " and ". */
	e = SENT(d, b->sent) + b->b1;
	return strncmp(e, ", ", 2) == 0 || strncmp(e, " and ", 5) == 0;
}

/*
 * Is the text between candidates a and b (a before b) ", ", " and "?
 * Most neighbours are further apart than any join (none is longer than
 * 6 bytes): that is told inline, without a call.
 */
static inline int
conjoined(const struct nerdoc *d, const struct cand *a, const struct cand *b)
{
	if (a->sent != b->sent || b->b0 <= a->b1 || b->b0 - a->b1 > 6)
		return 0;
	return joined(d, a, b);
}

/*
 * Puerto Rico, Guam and the Philippines: a name of unsure type in a list
 * takes the type of a sure neighbour.
 *
 * One pass is enough: a candidate changed here had weak evidence and
 * keeps it (EV_WEAK), so which neighbours are sure, and their types, do
 * not change, and a second pass would change nothing a first did not.
 */
static void
conjuncts(struct nerdoc *d)
{
	struct cand *c, *x;
	size_t i;

	for (i = 0; i < d->ncands; i++) {
		c = &d->cands[i];
		if (c->ev >= EV_STRONG || (c->f & C_DROP))
			continue;
		x = NULL;
		if (i > 0 && conjoined(d, &d->cands[i - 1], c))
			x = &d->cands[i - 1];
		if ((x == NULL || x->ev < EV_STRONG) && i + 1 < d->ncands &&
		    conjoined(d, c, &d->cands[i + 1]))
			x = &d->cands[i + 1];
		if (x == NULL || x->ev < EV_STRONG || x->type != ENT_LOC ||
		    (c->type == ENT_NONE && common(d, c)))
			continue;
		c->type = x->type;
		c->ev = EV_WEAK;
		c->f &= ~C_INIT;
	}
}

/* Canonical name of a candidate not in the gazetteer or a cluster. */
static void
owncanon(struct nerdoc *d, struct cand *c)
{
	const char *s = ctext(d, c), *w;
	size_t n = c->b1 - c->b0;

	c->canon = s;
	c->canonlen = n;
	if (c->type != ENT_ORG || c->ntok < 2)
		return;
	/* Nvidia Corp. -> Nvidia */
	for (w = s + n; w > s && w[-1] != ' '; w--)
		;
	if (w > s && MAPINT(strmap_get(d->lx->keywords, w, (size_t)(s + n -
	    w))) == KW_CORP) {
		n = (size_t)(w - s);
		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ','))
			n--;
		c->canonlen = n;
	}
}

static void
canon(struct nerdoc *d, struct cand *c)
{
	const struct cluster *k;

	if (c->cluster >= 0) {
		k = &d->cl[c->cluster];
		c->canon = k->canon;
		c->canonlen = k->canonlen;
	} else if (c->g != NULL) {
		c->canon = c->g->canon;
		c->canonlen = c->g->canonlen;
	} else
		owncanon(d, c);
}

/* Do the capitals of c's words spell the acronym a? */
static int
spells(const struct nerdoc *d, const struct cand *c, const struct cand *a)
{
	const char *s = ctext(d, c), *t = ctext(d, a);
	size_t i, j = 0, n = c->b1 - c->b0, m = a->b1 - a->b0;

	for (i = 0; i < n; i++) {
		if (!(i == 0 || s[i - 1] == ' ' || s[i - 1] == '-') ||
		    !(s[i] >= 'A' && s[i] <= 'Z'))
			continue;
		while (j < m && t[j] == '.')
			j++;
		if (j >= m || t[j] != s[i])
			return 0;
		j++;
	}
	while (j < m && t[j] == '.')
		j++;
	return j == m && m >= 2;
}

/* "European Central Bank (ECB)": every ECB takes the full name. */
static void
acronyms(struct nerdoc *d)
{
	struct cand *a, *c, *x;
	const char *s;
	size_t i, j;

	for (i = 1; i < d->ncands; i++) {
		a = &d->cands[i];
		c = &d->cands[i - 1];
		s = SENT(d, a->sent);
		if (!(a->f & C_ACRO) || c->sent != a->sent || a->g != NULL ||
		    a->b0 != c->b1 + 2 || s[c->b1] != ' ' || s[c->b1 + 1] != '(' ||
		    s[a->b1] != ')' || c->ntok < 2 || !spells(d, c, a))
			continue;
		if (c->canon == NULL)
			canon(d, c);
		for (j = d->groups[d->grp[i]].rep; j != NONE_IDX;
		    j = d->gnext[j]) {
			x = &d->cands[j];
			x->type = c->type;
			x->canon = c->canon;
			x->canonlen = c->canonlen;
			x->f &= ~C_DROP;
		}
	}
}

static int
bypos(const void *a, const void *b)
{
	const struct mention *x = a, *y = b;

	if (x->sent != y->sent)
		return x->sent < y->sent ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? 1 : x->end > y->end ? -1 : 0;
}

/*
 * Sort the mentions by position, stably (equal ones keep the order they
 * were found in, whatever the C library's qsort does): a natural merge
 * sort, since they come in order but for the headlines' mentions, found
 * last, so there are a few sorted runs to merge and usually one.
 */
static void
sortments(struct nerdoc *d)
{
	struct mention *a = d->ments, *b, *t;
	size_t n = d->nments, lo, mid, hi, i, j, k;

	d->mtmp = ner_grow(d->mtmp, &d->capmtmp, n, sizeof(*d->mtmp));
	b = d->mtmp;
	for (;;) {
		for (mid = 1; mid < n && bypos(&a[mid - 1], &a[mid]) <= 0; mid++)
			;
		if (mid >= n)
			break;		/* one run: sorted */
		for (lo = 0; lo < n; lo = hi) {
			for (mid = lo + 1; mid < n && bypos(&a[mid - 1],
			    &a[mid]) <= 0; mid++)
				;
			for (hi = mid; hi < n && (hi == mid || bypos(&a[hi - 1],
			    &a[hi]) <= 0); hi++)
				;
			/* Merge a[lo..mid) and a[mid..hi) into b[lo..hi). */
			for (i = lo, j = mid, k = lo; i < mid && j < hi; k++)
				b[k] = bypos(&a[j], &a[i]) < 0 ? a[j++] : a[i++];
			memcpy(b + k, a + i, (mid - i) * sizeof(*a));
			k += mid - i;
			memcpy(b + k, a + j, (hi - j) * sizeof(*a));
		}
		t = a, a = b, b = t;
	}
	if (a != d->ments)
		memcpy(d->ments, a, n * sizeof(*a));
}

/*
 * Turn the mentions' byte offsets into code points, counting each
 * sentence's text once however many mentions it has (they are sorted).
 * The text from the last mention's end to this one's is counted in one
 * go: when it has as many code points as bytes (most text is ASCII),
 * none of its bytes goes on a character, and the part before the mention
 * has as many as bytes too; else that part is counted on its own.
 */
static void
cpoffsets(struct nerdoc *d)
{
	struct mention *m;
	const char *s = NULL;
	size_t i, sent = NONE_IDX, b = 0, c = 0, start, n;

	for (i = 0; i < d->nments; i++) {
		m = &d->ments[i];
		if (m->sent != sent) {
			sent = m->sent;
			s = SENT(d, sent);
			b = c = 0;
		}
		/* Mentions do not overlap any more: start >= b. */
		n = utf8_cpcount(s + b, m->end - b);
		if (n == m->end - b)
			start = c + (m->start - b);
		else
			start = c + utf8_cpcount(s + b, m->start - b);
		c += n;
		b = m->end;
		m->start = start;
		m->end = c;
	}
}

size_t
nerdoc_resolve(struct nerdoc *d)
{
	struct cand *c;
	struct mention *m;
	size_t si, i, n;
	uint64_t firsts;

	for (si = 0; si < d->nsents; si++) {
		d->sents[si].headline = ner_tokenize(d, si);
		if (!d->sents[si].headline)
			ner_body(d, si);
	}
	ner_clreset(d);
	hidx_reset(&d->snidx, 0);
	for (i = 0; i < d->ncands; i++)
		if (d->cands[i].type == ENT_PERSON && (d->cands[i].ntok > 1 ||
		    d->cands[i].g != NULL))
			cluster(d, &d->cands[i]);
	for (i = 0, firsts = 0; i < d->ncl; i++)
		if (d->cl[i].lastlen > 0)
			firsts |= FIRSTBIT(d->cl[i].last[0]);
	hidx_reset(&d->snidx, 0);
	for (i = 0; i < d->ncands; i++)
		surname(d, &d->cands[i], firsts);
	conjuncts(d);
	consistency(d);
	/*
	 * The canonical names of what is kept so far, for the headlines to
	 * take; acronyms() makes those it needs of the others, and the
	 * mentions' loop below those of the rest (nothing they depend on
	 * changes in between).
	 */
	for (i = 0; i < d->ncands; i++)
		if (!(d->cands[i].f & C_DROP) && d->cands[i].type != ENT_NONE)
			canon(d, &d->cands[i]);
	acronyms(d);
	for (si = 0; si < d->nsents && !d->sents[si].headline; si++)
		;
	if (si < d->nsents)	/* what headlines may match, if any has one */
		ner_headindex(d);
	for (; si < d->nsents; si++)
		if (d->sents[si].headline) {
			ner_tokenize(d, si);
			ner_headline(d, si, d->sents[si].headline == 2);
		}
	/* At most a mention per candidate. */
	d->ments = ner_grow(d->ments, &d->capments, d->ncands,
	    sizeof(*d->ments));
	d->nments = 0;
	for (i = 0; i < d->ncands; i++) {
		c = &d->cands[i];
		if ((c->f & C_DROP) || c->type == ENT_NONE)
			continue;
		if (c->canon == NULL)
			canon(d, c);
		m = &d->ments[d->nments++];
		m->sent = c->sent;
		m->start = c->b0;	/* bytes until cpoffsets() */
		m->end = c->b1;
		m->text = ctext(d, c);
		m->len = c->b1 - c->b0;
		m->type = c->type;
		m->canon = c->canon;
		m->canonlen = c->canonlen;
	}
	if (d->nments > 1)
		sortments(d);
	/* Overlaps keep the first, longest mention. */
	for (i = n = 0; i < d->nments; i++)
		if (n == 0 || d->ments[n - 1].sent != d->ments[i].sent ||
		    d->ments[n - 1].end <= d->ments[i].start) {
			if (n != i)
				d->ments[n] = d->ments[i];
			n++;
		}
	d->nments = n;
	cpoffsets(d);
	return n;
}

const struct mention *
nerdoc_mention(const struct nerdoc *d, size_t i)
{
	return &d->ments[i];
}
