/*
 * entities-head.c: tag a headline (title case or all capitals), where a
 * capital proves nothing: only names the gazetteer knows, or that the
 * document's body has tagged, are taken.
 */
#include <stdlib.h>
#include <string.h>

#include "entities-int.h"

/*
 * The longest matches at k: among the body's candidates (the same words,
 * or a person's surname; *blen tokens, candidate *ci) and in the
 * gazetteer (exact, or in lower case for a headline in capitals; *glen
 * tokens, entry *gp).  Both look up the same keys, made once.
 */
static void
matches(struct nerdoc *d, size_t si, size_t k, int caps, size_t *blen,
    size_t *ci, size_t *glen, const struct gent **gp)
{
	const char *base = SENT(d, si);
	const struct gent *g;
	size_t m, max = (size_t)d->lx->maxtok, c;
	uint64_t h;

	*blen = *glen = 0;
	if (max < 6)
		max = 6;
	for (m = 1; m <= max && k + m <= d->ntoks; m++) {
		if (m > 1 && !ner_adjacent(d, k + m - 1))
			break;
		ner_tokkey(d, base, k, k + m);
		/* The key looked up (lower-cased in capitals), hashed once. */
		if (caps) {
			ner_lower(&d->lc, d->key.s, d->key.len);
			h = strhash(d->lc.s, d->lc.len);
		} else
			h = strhash(d->key.s, d->key.len);
		if (m <= (size_t)d->lx->maxtok) {
			if (caps) {
				g = strmap_geth(d->lx->gazlc, d->lc.s,
				    d->lc.len, h);
				if (g != NULL && ner_iscommon(d->lx, d->lc.s,
				    d->lc.len))
					g = NULL;
			} else
				g = strmap_geth(d->lx->gaz, d->key.s,
				    d->key.len, h);
			if (g != NULL && !g->weak) {
				*glen = m;
				*gp = g;
			}
		}
		if (m > 6)
			continue;
		/* Last: ner_headlc() may use d->key as scratch. */
		if (caps)
			c = ner_headlc(d, d->lc.s, d->lc.len, h, d->key.len);
		else
			c = ner_headtext(d, d->key.s, d->key.len, h, m == 1);
		if (c != NONE_IDX) {
			*blen = m;
			*ci = c;
		}
	}
}

void
ner_headline(struct nerdoc *d, size_t si, int caps)
{
	const struct gent *bg = NULL;
	size_t k = 0, len, blen, ci = 0;
	struct cand *c;

	while (k < d->ntoks) {
		if (!(d->toks[k].f & T_WORD) || !(d->toks[k].f & T_CAP)) {
			k++;
			continue;
		}
		matches(d, si, k, caps, &blen, &ci, &len, &bg);
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
}

