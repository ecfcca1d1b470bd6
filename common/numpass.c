/*
 * numpass.c: the passes of the number finder over one sentence's mentions
 * (see numbers.h): qualifiers from the words before a mention, ranges and
 * scores from two mentions joined by a dash, "to" or "between ... and",
 * and the noun each cardinal or ordinal counts.
 */
#include <string.h>

#include "numint.h"

static void
mulpow(struct numval *v, int e)
{
	nv_mul(v, *v, nv_pow10(e));
}

enum { MF_NONOUN = 1, MF_LOW = 2 };

void
nf_qualify(struct numfinder *nf)
{
	char key[64];
	void *q;
	int x, len, t0, k;

	for (x = 0; x < nf->nm; x++) {
		if (nf->m[x].kind == NK_DATE || nf->m[x].kind == NK_YEAR ||
		    nf->m[x].qual != NQ_EXACT)
			continue;
		t0 = nf->mt0[x];
		if (issym(nf, t0 - 1, '~')) {
			nf->m[x].qual = NQ_APPROX;
			continue;
		}
		for (len = 1; len <= 3 && t0 - len >= 0; len++) {
			for (k = t0 - len; k < t0; k++)
				if (nf->used[k] || TOK(k)->skip)
					break;
			if (k < t0)
				break;
			/* no qualifier starts so (when this key is too long
			 * to build, every longer one is too: no break lost) */
			if (!(TOK(t0 - len)->first & F_QUAL))
				continue;
			if (!numlex_key(nf, t0 - len, len, key, sizeof(key)))
				break;
			if ((q = strmap_get(nf->quals, key, strlen(key))) != NULL)
				nf->m[x].qual = (enum numqual)(size_t)q;
		}
		/* "over three days" is a time span unless it says how long */
		if (nf->m[x].kind == NK_DURATION && isw(nf, t0 - 1, "over") &&
		    !(isw(nf, t0 - 2, "for") || isw(nf, t0 - 2, "lasted") ||
		    isw(nf, t0 - 2, "lasting") || isw(nf, t0 - 2, "after") ||
		    isw(nf, t0 - 2, "spent") || isw(nf, t0 - 2, "took") ||
		    isw(nf, t0 - 2, "of") || isw(nf, t0 - 2, "within") ||
		    isw(nf, t0 - 2, "served") || isw(nf, t0 - 2, "is") ||
		    isw(nf, t0 - 2, "was") || isw(nf, t0 - 2, "been"))) {
			nf->m[x].qual = NQ_EXACT;
		}
	}
}

static int
plain(const struct mention *m)
{
	return m->kind == NK_CARDINAL || m->kind == NK_PERCENT ||
	    m->kind == NK_MONEY || m->kind == NK_QUANTITY ||
	    m->kind == NK_DURATION;
}

static int
is_score(struct numfinder *nf, int x)
{
	struct mention *a = &nf->m[x], *b = &nf->m[x + 1];
	int k, nb, ne, after = nf->mt1[x + 1];

	if (a->kind != NK_CARDINAL || b->kind != NK_CARDINAL ||
	    nv_whole(a->v) < 0 || nv_whole(b->v) < 0 || nf->mscale[x] || nf->mscale[x + 1] ||
	    a->nb != a->ne || b->nb != b->ne)
		return 0;
	for (k = nf->mt0[x] - 1; k >= 0 && k >= nf->mt0[x] - 3; k--)
		if (roles(nf, k) & R_SCORE)
			return 1;
	if (issym(nf, nf->mt0[x] - 1, '(') && issym(nf, after, ')'))
		return 1;
	if (roles(nf, after) & R_SCORE)
		return 1;
	return !nf_noun_run(nf, after, 1, &nb, &ne);
}

void
nf_ranges(struct numfinder *nf, int *flag)
{
	struct mention *a, *b;
	struct numval lo;
	int x, gap, s0, between, dash, to;

	for (x = 0; x + 1 < nf->nm; x++) {
		a = &nf->m[x];
		b = &nf->m[x + 1];
		gap = nf->mt1[x];
		if (nf->mt0[x + 1] != gap + 1 || !plain(a) || !plain(b))
			continue;
		between = isw(nf, nf->mt0[x] - 1, "between") && isw(nf, gap, "and");
		dash = isdash(nf, gap) || issym(nf, gap, 0x2014);
		to = isw(nf, gap, "to") && !isw(nf, nf->mt0[x] - 1, "from") &&
		    !isw(nf, nf->mt0[x] - 1, "by") &&
		    !(roles(nf, nf->mt0[x] - 1) & R_CHANGE) &&
		    !(roles(nf, nf->mt0[x] - 2) & R_CHANGE);
		if (!between && !dash && !to)
			continue;
		if (dash && is_score(nf, x)) {
			flag[x] |= MF_NONOUN;
			flag[x + 1] |= MF_NONOUN;
			x++;
			continue;
		}
		if (a->kind == NK_CARDINAL && b->kind != NK_CARDINAL) {
			a->kind = b->kind;
			a->unit = b->unit;
		} else if (b->kind == NK_CARDINAL && a->kind == NK_MONEY) {
			b->kind = a->kind;
			b->unit = a->unit;
		} else if (a->kind != b->kind)
			continue;
		s0 = nf->mscale[x + 1];
		if (nf->mscale[x] == 0 && s0 > 0) {
			lo = a->v;
			mulpow(&lo, s0);
			if (nv_cmp(lo, b->v) <= 0)
				a->v = lo;
		}
		a->qual = NQ_AT_LEAST;
		b->qual = NQ_AT_MOST;
		flag[x] |= MF_LOW;
		x++;
	}
}

static int
determiner(const struct numfinder *nf, int k)
{
	return isw(nf, k, "the") || isw(nf, k, "its") || isw(nf, k, "their") ||
	    isw(nf, k, "his") || isw(nf, k, "her") || isw(nf, k, "our") ||
	    isw(nf, k, "these") || isw(nf, k, "those") || isw(nf, k, "my") ||
	    isw(nf, k, "your");
}

void
nf_nouns(struct numfinder *nf, const int *flag)
{
	struct mention *m;
	int x, k, nb, ne, plural;

	for (x = nf->nm - 1; x >= 0; x--) {
		m = &nf->m[x];
		if ((m->kind != NK_CARDINAL && m->kind != NK_ORDINAL) ||
		    m->nb != m->ne || flag[x] & MF_NONOUN)
			continue;
		if (flag[x] & MF_LOW) {
			m->nb = nf->m[x + 1].nb;
			m->ne = nf->m[x + 1].ne;
			continue;
		}
		k = nf->mt1[x];
		if (isdash(nf, k) && glued(nf, k) && glued(nf, k + 1))
			k++;
		plural = m->kind == NK_CARDINAL && nv_cmp(m->v, nv_int(1)) != 0;
		if (nf_noun_run(nf, k, plural, &nb, &ne)) {
			nf_set_noun(nf, m, nb, ne);
			continue;
		}
		if (m->kind != NK_CARDINAL || !isw(nf, k, "of"))
			continue;
		k++;
		if (x + 1 < nf->nm && (nf->mt0[x + 1] == k ||
		    (determiner(nf, k) && nf->mt0[x + 1] == k + 1))) {
			m->nb = nf->m[x + 1].nb;
			m->ne = nf->m[x + 1].ne;
		} else if (determiner(nf, k) && nf_noun_run(nf, k + 1, 1, &nb, &ne))
			nf_set_noun(nf, m, nb, ne);
	}
}

