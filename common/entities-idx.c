/*
 * entities-idx.c: the indexes that keep the whole-document steps of the
 * tagger (entities-doc.c, entities-head.c) linear in the number of
 * candidates: surnames by their near spellings, candidates by text.
 *
 * Near spellings: two folded surnames name_close() accepts differ by an
 * edit distance (optimal string alignment) of 1, or 2 when both have 8 or
 * more letters.  Every edit, a transposition too, is undone by deleting at
 * most one letter from each side, so two such names share a string got by
 * deleting at most that many letters from each.  Each cluster's surname is
 * indexed under those deletions, a name looks its own deletions up, and
 * only the clusters found are compared with name_close().
 */
#include <stdlib.h>
#include <string.h>

#include "entities-int.h"

void
hidx_reset(struct hidx *x, size_t want)
{
	size_t cap = 64;

	while (cap < want * 2)
		cap *= 2;
	if (cap > x->alloc) {
		free(x->h);
		free(x->v);
		x->h = emalloc(cap * sizeof(*x->h));
		x->v = emalloc(cap * sizeof(*x->v));
		x->alloc = cap;
	}
	x->cap = cap;
	x->n = 0;
	memset(x->v, 0, cap * sizeof(*x->v));
}

/* Double x's slots (make its first ones). */
void
hidx_grow(struct hidx *x)
{
	uint64_t *oh;
	uint32_t *ov;
	size_t ocap = x->cap, i, j;

	if (ocap == 0) {
		hidx_reset(x, 32);
		return;
	}
	oh = emalloc(ocap * sizeof(*oh));
	ov = emalloc(ocap * sizeof(*ov));
	memcpy(oh, x->h, ocap * sizeof(*oh));
	memcpy(ov, x->v, ocap * sizeof(*ov));
	hidx_reset(x, ocap);
	for (i = 0; i < ocap; i++) {
		if (ov[i] == 0)
			continue;
		for (j = (size_t)oh[i] & (x->cap - 1); x->v[j] != 0;
		    j = (j + 1) & (x->cap - 1))
			;
		x->h[j] = oh[i];
		x->v[j] = ov[i];
		x->n++;
	}
	free(oh);
	free(ov);
}

void
hidx_free(struct hidx *x)
{
	free(x->h);
	free(x->v);
	memset(x, 0, sizeof(*x));
}

/* ---- surnames ---- */

/* Deletions a folded name of n letters is indexed and looked up under. */
static int
depth(size_t n)
{
	if (n < 5 || n > 32)
		return 0;	/* name_close() wants these equal */
	return n >= 8 ? 2 : 1;
}

#define CLSCAN	32	/* clusters of a chain compared one by one */
#define MAXVAR	(1 + 32 + 32 * 31 / 2)

/*
 * The hashes of s[0..n) and of every string got by deleting up to
 * depth(n) of its letters (some alike) into h; returns their count.
 *
 * A string's hash is its polynomial value in base VB (mod 2^64: exact
 * ring arithmetic, so it depends on the string alone, however it is
 * put together), mixed with its length.  From the prefixes' values
 * p[k] = value of s[0..k), a deletion's value is a sum of two or three
 * slices' values, each got in O(1): no copy and no rehash per variant.
 * Equal strings get equal hashes; different ones may collide, which
 * costs a comparison (the callers check every cluster found).
 */
#define VB	0x100000001b3ULL	/* odd: powers never vanish */

static uint64_t
vmix(uint64_t v, size_t n)
{
	v ^= (uint64_t)n * 0x9e3779b97f4a7c15ULL;
	v ^= v >> 33;
	v *= 0xff51afd7ed558ccdULL;
	v ^= v >> 33;
	v *= 0xc4ceb9fe1a85ec53ULL;
	return v ^ v >> 33;
}

static size_t
variants(const char *s, size_t n, uint64_t h[MAXVAR])
{
	uint64_t p[48], pw[48], v;
	size_t i, j, nh = 0;
	int dep = depth(n);

	if (dep == 0) {
		for (v = 0, i = 0; i < n; i++)
			v = v * VB + (unsigned char)s[i] + 1;
		h[nh++] = vmix(v, n);
		return nh;
	}
	/* 5 <= n <= 32 here. */
	p[0] = 0;
	pw[0] = 1;
	for (i = 0; i < n; i++) {
		p[i + 1] = p[i] * VB + (unsigned char)s[i] + 1;
		pw[i + 1] = pw[i] * VB;
	}
/* The value of s[a..b). */
#define SLICE(a, b)	(p[b] - p[a] * pw[(b) - (a)])
	h[nh++] = vmix(p[n], n);
	for (i = 0; i < n; i++) {
		/* s[0..i) s[i+1..n) */
		h[nh++] = vmix(p[i] * pw[n - 1 - i] + SLICE(i + 1, n), n - 1);
		/* Less letters i and j too, i < j: s[0..i) s[i+1..j) s[j+1..n) */
		for (j = i + 1; dep >= 2 && j < n; j++)
			h[nh++] = vmix(p[i] * pw[n - 2 - i] +
			    SLICE(i + 1, j) * pw[n - 1 - j] + SLICE(j + 1, n),
			    n - 2);
	}
#undef SLICE
	return nh;
}

/* Index cluster ci's folded surname under itself and its near spellings. */
static void
clindex(struct nerdoc *d, size_t ci)
{
	const struct cluster *k = &d->cl[ci];
	uint64_t h[MAXVAR];
	size_t i, nh;

	nh = variants(k->last, k->lastlen, h);
	for (i = 0; i < nh; i++)
		hidx_put(&d->clidx, h[i], (uint32_t)ci);
}

/*
 * The chain of a folded name: by its first letter (a-z, 0-9; name_fold()
 * leaves no other), 0 for an empty one.  Names of different chains are
 * never close: name_close() wants equal first letters, and an empty name
 * is close only to an empty one.
 */
static size_t
chainof(const char *fold, size_t flen)
{
	unsigned char c = flen > 0 ? (unsigned char)fold[0] : 0;

	if (c >= 'a' && c <= 'z')
		return 1 + (size_t)(c - 'a');
	if (c >= '0' && c <= '9')
		return 27 + (size_t)(c - '0');
	return 0;
}

/*
 * A bit per letter of a folded name (by its low six bits: some letters
 * share one).  A letter one name has and the other lacks takes an edit
 * of its own (a substitution, insertion or deletion brings in or takes
 * out one letter, a transposition none), so names with more than two of
 * them, either way, are never close: most pairs are told so without
 * name_close()'s table.  Shared bits only make the test let more through.
 */
#define FOLDBIT(ch)	((uint64_t)1 << ((unsigned char)(ch) & 63))

static uint64_t
foldmask(const char *fold, size_t flen)
{
	uint64_t m = 0;
	size_t i;

	for (i = 0; i < flen; i++)
		m |= FOLDBIT(fold[i]);
	return m;
}

/* Has m more than two bits set? */
static inline int
over2(uint64_t m)
{
	m &= m - 1;
	m &= m - 1;
	return m != 0;
}

void
ner_clreset(struct nerdoc *d)
{
	size_t i;

	d->ncl = 0;
	if (d->nclidx > 0)	/* else it holds nothing (most documents) */
		hidx_reset(&d->clidx, 0);
	d->nclidx = 0;
	for (i = 0; i < NCLCHAIN; i++) {
		d->clchain[i].head = d->clchain[i].tail = -1;
		d->clchain[i].n = 0;
	}
}

struct cluster *
ner_cladd(struct nerdoc *d, const char *fold, size_t flen, const char *first,
    size_t firstlen)
{
	struct clchain *ch = &d->clchain[chainof(fold, flen)];
	struct cluster *k;
	long i;

	d->cl = ner_grow(d->cl, &d->capcl, d->ncl + 1, sizeof(*d->cl));
	i = (long)d->ncl++;
	k = &d->cl[i];
	memset(k, 0, sizeof(*k));
	memcpy(k->last, fold, flen);
	k->last[flen] = '\0';
	k->lastlen = flen;
	k->mask = foldmask(fold, flen);
	k->first = first;
	k->firstlen = firstlen;
	k->next = -1;
	if (ch->tail >= 0)
		d->cl[ch->tail].next = i;
	else
		ch->head = i;
	ch->tail = i;
	ch->n++;
	return k;
}

/*
 * A short chain (a news story's people, by one letter) is quicker
 * compared one by one, in the clusters' order.
 */
static long
clscan(struct nerdoc *d, const struct clchain *ch, const char *fold,
    size_t flen, const char *first, size_t firstlen, int exact)
{
	const struct cluster *k;
	uint64_t m = 0;
	long i, best = -1;

	for (i = ch->head; i >= 0; i = k->next) {
		k = &d->cl[i];
		if (first != NULL && k->first != NULL && !(k->firstlen ==
		    firstlen && memcmp(k->first, first, firstlen) == 0))
			continue;
		if (exact && k->lastlen == flen && memcmp(k->last, fold,
		    flen) == 0)
			return i;
		if (best >= 0)
			continue;
		if (m == 0)	/* made when first needed (0 again if empty) */
			m = foldmask(fold, flen);
		if (!over2(k->mask & ~m) && !over2(m & ~k->mask) &&
		    name_close(k->last, k->lastlen, fold, flen)) {
			best = i;
			if (!exact)
				break;
		}
	}
	return best;
}

long
ner_clfind(struct nerdoc *d, const char *fold, size_t flen, const char *first,
    size_t firstlen, int exact)
{
	const struct cluster *k;
	uint64_t h[MAXVAR];
	size_t nh, j, i, ci;
	const struct clchain *ch = &d->clchain[chainof(fold, flen)];
	long close = -1, same = -1;

	if (ch->n <= CLSCAN)
		return clscan(d, ch, fold, flen, first, firstlen, exact);
	while (d->nclidx < d->ncl)
		clindex(d, d->nclidx++);
	nh = variants(fold, flen, h);
	for (j = 0; j < nh; j++)
		for (i = hidx_find(&d->clidx, h[j], h[j]); i != NONE_IDX;
		    i = hidx_find(&d->clidx, h[j], i + 1)) {
			ci = d->clidx.v[i] - 1;
			k = &d->cl[ci];
			if (first != NULL && k->first != NULL &&
			    !(k->firstlen == firstlen && memcmp(k->first,
			    first, firstlen) == 0))
				continue;
			if (k->lastlen == flen && memcmp(k->last, fold,
			    flen) == 0) {
				if (same < 0 || (long)ci < same)
					same = (long)ci;
			} else if ((close >= 0 && (long)ci >= close) ||
			    !name_close(k->last, k->lastlen, fold, flen))
				continue;
			if (close < 0 || (long)ci < close)
				close = (long)ci;
		}
	return exact && same >= 0 ? same : close;
}

/* ---- candidates by text ---- */

void
ner_groups(struct nerdoc *d)
{
	struct hidx *x = &d->grpidx;
	const struct cand *c, *r;
	struct group *gr;
	size_t i, j, g, n, e;

	/*
	 * Room for every candidate at half load: a new group's key goes in
	 * the empty slot its lookup stopped at, where hidx_put() would put
	 * it, without a second walk.
	 */
	hidx_reset(x, d->ncands);
	d->grp = ner_grow(d->grp, &d->capgrp, d->ncands, sizeof(*d->grp));
	d->gnext = ner_grow(d->gnext, &d->capgnext, d->ncands,
	    sizeof(*d->gnext));
	/* At most a group per candidate. */
	d->groups = ner_grow(d->groups, &d->capgroups, d->ncands,
	    sizeof(*d->groups));
	d->ngroups = 0;
	for (i = 0; i < d->ncands; i++) {
		c = &d->cands[i];
		n = c->b1 - c->b0;
		for (j = c->hash & (x->cap - 1); x->v[j] != 0;
		    j = (j + 1) & (x->cap - 1)) {
			if (x->h[j] != c->hash)
				continue;
			r = &d->cands[d->groups[x->v[j] - 1].rep];
			if (r->b1 - r->b0 == n && memcmp(ner_ctext(d, r),
			    ner_ctext(d, c), n) == 0)
				break;
		}
		if (x->v[j] == 0) {
			g = d->ngroups++;
			gr = &d->groups[g];
			gr->rep = gr->tail = i;
			for (e = 0; e < 4; e++)
				gr->first[e] = NONE_IDX;
			gr->head = NONE_IDX;
			x->h[j] = c->hash;
			x->v[j] = (uint32_t)g + 1;
			x->n++;
		} else {
			g = x->v[j] - 1;
			gr = &d->groups[g];
			d->gnext[gr->tail] = i;
			gr->tail = i;
		}
		d->grp[i] = g;
		d->gnext[i] = NONE_IDX;
		if (!(c->f & (C_DROP | C_INIT)) && c->type != ENT_NONE &&
		    gr->first[c->ev] == NONE_IDX)
			gr->first[c->ev] = i;
	}
}

/* Add candidate i under h unless one before it has the same key. */
static void
putfirst(struct nerdoc *d, struct hidx *x, uint64_t h, size_t i,
    int (*same)(struct nerdoc *, size_t, size_t))
{
	size_t j;

	for (j = hidx_find(x, h, h); j != NONE_IDX; j = hidx_find(x, h, j + 1))
		if (same(d, x->v[j] - 1, i))
			return;
	hidx_put(x, h, (uint32_t)i);
}

static int
samelast(struct nerdoc *d, size_t a, size_t b)
{
	const struct cand *x = &d->cands[a], *y = &d->cands[b];

	return x->b1 - x->lb0 == y->b1 - y->lb0 && memcmp(SENT(d, x->sent) +
	    x->lb0, SENT(d, y->sent) + y->lb0, x->b1 - x->lb0) == 0;
}

void
ner_headindex(struct nerdoc *d)
{
	const struct cand *c;
	struct group *gr;
	size_t i;

	hidx_reset(&d->lastidx, 0);
	d->lcready = 0;
	for (i = 0; i < d->ncands; i++) {
		c = &d->cands[i];
		if (!HEADOK(c))
			continue;
		gr = &d->groups[d->grp[i]];
		if (gr->head == NONE_IDX)
			gr->head = i;
		if (c->type == ENT_PERSON && c->ntok > 1)
			putfirst(d, &d->lastidx, strhash(SENT(d, c->sent) +
			    c->lb0, c->b1 - c->lb0), i, samelast);
	}
}

size_t
ner_headtext(struct nerdoc *d, const char *key, size_t n, uint64_t h,
    int last)
{
	const struct cand *r, *c;
	size_t j, best = NONE_IDX, ci;
	uint32_t gh = (uint32_t)h;	/* as the candidates keep it */

	for (j = hidx_find(&d->grpidx, gh, gh); j != NONE_IDX;
	    j = hidx_find(&d->grpidx, gh, j + 1)) {
		r = &d->cands[d->groups[d->grpidx.v[j] - 1].rep];
		if (r->b1 - r->b0 == n && memcmp(ner_ctext(d, r), key, n) == 0) {
			best = d->groups[d->grpidx.v[j] - 1].head;
			break;
		}
	}
	if (!last)
		return best;
	for (j = hidx_find(&d->lastidx, h, h); j != NONE_IDX;
	    j = hidx_find(&d->lastidx, h, j + 1)) {
		ci = d->lastidx.v[j] - 1;
		c = &d->cands[ci];
		if (c->b1 - c->lb0 == n && memcmp(SENT(d, c->sent) + c->lb0,
		    key, n) == 0) {
			if (best == NONE_IDX || ci < best)
				best = ci;
			break;
		}
	}
	return best;
}

/* Same lower-cased text and byte length? (d->tmp, d->key as scratch) */
static int
samelc(struct nerdoc *d, size_t a, size_t b)
{
	const struct cand *x = &d->cands[a], *y = &d->cands[b];

	if (x->b1 - x->b0 != y->b1 - y->b0)
		return 0;
	ner_lower(&d->tmp, ner_ctext(d, x), x->b1 - x->b0);
	ner_lower(&d->key, ner_ctext(d, y), y->b1 - y->b0);
	return d->tmp.len == d->key.len && memcmp(d->tmp.s, d->key.s,
	    d->key.len) == 0;
}

size_t
ner_headlc(struct nerdoc *d, const char *lc, size_t lclen, uint64_t h,
    size_t n)
{
	const struct cand *c;
	size_t i, j;

	if (!d->lcready) {
		/* Only documents with a headline in capitals need it. */
		hidx_reset(&d->lcidx, 0);
		for (i = 0; i < d->ncands; i++) {
			c = &d->cands[i];
			if (!HEADOK(c))
				continue;
			ner_lower(&d->tmp, ner_ctext(d, c), c->b1 - c->b0);
			putfirst(d, &d->lcidx, strhash(d->tmp.s, d->tmp.len), i,
			    samelc);
		}
		d->lcready = 1;
	}
	for (j = hidx_find(&d->lcidx, h, h); j != NONE_IDX;
	    j = hidx_find(&d->lcidx, h, j + 1)) {
		c = &d->cands[d->lcidx.v[j] - 1];
		if (c->b1 - c->b0 != n)
			continue;
		ner_lower(&d->tmp, ner_ctext(d, c), n);
		if (d->tmp.len == lclen && memcmp(d->tmp.s, lc, lclen) == 0)
			return d->lcidx.v[j] - 1;
	}
	return NONE_IDX;
}
