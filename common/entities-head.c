/*
 * entities-head.c: tag a headline (title case or all capitals), where a
 * capital proves nothing: only names the gazetteer knows, or that the
 * document's body has tagged, are taken.
 */
#include <stdlib.h>
#include <string.h>

#include "entities-int.h"

/*
 * Longest match at k among the body's candidates: the same words, or a
 * person's surname.  Returns the token count and the candidate.
 */
static size_t
bodymatch(struct nerdoc *d, size_t si, size_t k, int caps, size_t *ci)
{
	const char *base = SENT(d, si);
	size_t len, best = 0, c;

	for (len = 1; len <= 6 && k + len <= d->ntoks; len++) {
		if (len > 1 && !ner_adjacent(d, k + len - 1))
			break;
		ner_tokkey(d, base, k, k + len);
		if (caps) {
			ner_lower(&d->lc, d->key.s, d->key.len);
			c = ner_headlc(d, d->lc.s, d->lc.len, d->key.len);
		} else
			c = ner_headtext(d, d->key.s, d->key.len,
			    (uint32_t)strhash(d->key.s, d->key.len), len == 1);
		if (c != NONE_IDX) {
			best = len;
			*ci = c;
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
			if (m > 1 && !ner_adjacent(d, k + m - 1))
				break;
			ner_tokkey(d, base, k, k + m);
			if (caps) {
				ner_lower(&d->lc, d->key.s, d->key.len);
				g = strmap_get(d->lx->gazlc, d->lc.s, d->lc.len);
				if (g != NULL && ner_iscommon(d->lx, d->lc.s,
				    d->lc.len))
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
			ner_addcand(d, si, k, k + blen, d->cands[ci].type, EV_GAZ,
			    d->cands[ci].g, C_HEAD);
			c = &d->cands[d->ncands - 1];
			c->cluster = d->cands[ci].cluster;
			c->canon = d->cands[ci].canon;
			c->canonlen = d->cands[ci].canonlen;
			k += blen;
		} else {
			ner_addcand(d, si, k, k + len, bg->type, EV_GAZ, bg, C_HEAD);
			k += len;
		}
		d->cands[d->ncands - 1].f &= ~C_INIT;
	}
	(void)base;
}

