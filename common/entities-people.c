/*
 * entities-people.c: the people of a document.  A person named in full
 * (or known to the gazetteer) starts or joins a cluster, keyed by the
 * folded surname: spelling variants and typos of a surname (Zelensky,
 * Zelenskyy) fold to names name_close() accepts, and join the same
 * cluster; a surname alone later takes the cluster's canonical name.
 */
#include <string.h>

#include <utf8proc.h>

#include "entities-int.h"
#include "utf8.h"

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

/*
 * Put person candidate c (a full name, or the gazetteer's) in a cluster.
 */
void
ner_cluster(struct nerdoc *d, struct cand *c)
{
	const char *s = ner_ctext(d, c), *first, *last, *sp;
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
		    memcmp(ner_ctext(d, x), s, n) == 0)
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
		k->canon = ner_ctext(d, c);
		k->canonlen = c->b1 - c->b0;
		k->ntok = c->ntok;
	}
}

/*
 * A single word that is a known person's surname joins the person.
 * firsts: FIRSTBIT() of every cluster's surname's first letter.
 */
void
ner_surname(struct nerdoc *d, struct cand *c, uint64_t firsts)
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
	if ((c->f & C_COMMON) && ((c->f & C_PLACE) || (ner_ctext(d, c)[c->b1 -
	    c->b0] == ' ' && ner_ctext(d, c)[c->b1 - c->b0 + 1] >= '0' &&
	    ner_ctext(d, c)[c->b1 - c->b0 + 1] <= '9')))
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
	b0 = (unsigned char)ner_ctext(d, c)[0];
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
		if (x->b1 - x->b0 == n && memcmp(ner_ctext(d, x), ner_ctext(d, c),
		    n) == 0)
			break;
	}
	if (j != NONE_IDX)
		best = x->cluster;
	else {
		flen = name_fold(ner_ctext(d, c), n, fold, sizeof(fold));
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
