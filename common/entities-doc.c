/*
 * entities-doc.c: one document at a time, settle what the sentences'
 * candidates are (see entities.h).
 *
 * One sense per discourse: people named in full form clusters (spelling
 * variants and typos of the surname merged: entities-people.c); a
 * surname alone, or after Mr., joins its cluster and takes its canonical
 * name; a word left unresolved takes the reading the same word has
 * elsewhere in the document; a sentence's first word that nothing else
 * supports is dropped; "Full Name (ACRONYM)" gives the acronym the full
 * name.
 */
#include <stdlib.h>
#include <string.h>

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

/* Note a gazetteer spelling's first word in d->lowgaz (see nerdoc.starts). */
static void
lowgazput(const char *key, size_t len, void *val, void *arg)
{
	const unsigned char *u = (const unsigned char *)key;
	struct nerdoc *d = arg;
	unsigned b;

	(void)val;
	if (len == 0 || (u[0] >= 'A' && u[0] <= 'Z'))
		return;
	b = LOWGAZBIT(u[0], len < 2 || u[1] == ' ' || u[1] == '-' ? 0 : u[1]);
	d->lowgaz[b >> 3] |= (unsigned char)(1u << (b & 7));
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
	d->lowgaz = ecalloc(256 * 256 / 8, 1);
	strmap_each(lx->gaz, lowgazput, d);
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

/* ---- one sense per discourse ---- */

/* Is candidate c a common English word (Government, War)? */
static int
common(struct nerdoc *d, const struct cand *c)
{
	return (c->f & C_COMMON) || ner_common(d->lx, &d->lc, ner_ctext(d, c),
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
	const char *s = ner_ctext(d, c), *w;
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
	const char *s = ner_ctext(d, c), *t = ner_ctext(d, a);
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
			ner_cluster(d, &d->cands[i]);
	for (i = 0, firsts = 0; i < d->ncl; i++)
		if (d->cl[i].lastlen > 0)
			firsts |= FIRSTBIT(d->cl[i].last[0]);
	hidx_reset(&d->snidx, 0);
	for (i = 0; i < d->ncands; i++)
		ner_surname(d, &d->cands[i], firsts);
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
		m->text = ner_ctext(d, c);
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
