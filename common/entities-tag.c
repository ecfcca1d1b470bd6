/*
 * entities-tag.c: one body sentence at a time (see entities-tok.c for
 * its tokens), find candidate mentions.
 *
 * Runs of capitalised words (with "of", "de", "al-" ... inside where a
 * name allows them) are candidates; each run is cut at titles (President,
 * Mr.) and matched against the gazetteer, longest first; the pieces left
 * are typed from their evidence: organisation and place keywords, a title
 * before them, a given name first, the words around them.  A sentence's
 * first word proves nothing by its capital.  Headlines are tagged
 * later (entities-head.c); the evidence is read by entities-ev.c.
 */
#include <stdlib.h>
#include <string.h>

#include "entities-int.h"
#include "utf8.h"

/* ---- body sentences ---- */

enum { P_UNK, P_GAZ, P_TITLE, P_MOD, P_CONN };

struct piece {
	size_t		 k0, k1;	/* tokens */
	int		 kind;
	const struct gent *g;
};

/* Is token t one character (T, B; é)? */
static int
onechar(const char *base, const struct tok *t)
{
	size_t n = t->b1 - t->b0, i, cp = 0;

	if (n == 1)
		return 1;
	if (n > 4)
		return 0;
	/* utf8_cpcount() of a few bytes, without the call. */
	for (i = 0; i < n; i++)
		cp += UTF8_POINT(base[t->b0 + i]);
	return cp == 1;
}

/* Where the capitalised run starting at i ends. */
static size_t
runend(struct nerdoc *d, const char *base, size_t i)
{
	size_t j = i + 1, m;
	int kw = ner_keyword(d, base, i) != 0, conn = 0, c;
	const struct gent *g;

	/* House of Commons: the gazetteer knows where it ends. */
	if ((m = ner_gazmatch(d, base, i, d->ntoks, &g)) > 1)
		j = i + m;

	while (j < d->ntoks && ner_adjacent(d, j)) {
		if (d->toks[j].f & T_CAP) {
			kw |= ner_keyword(d, base, j) != 0;
			j++;
			continue;
		}
		c = ner_cue(d, base, j);
		m = j + 1;
		if (c == CUE_CONNECT && m < d->ntoks && ner_adjacent(d, m) &&
		    m - j == 1 && base[d->toks[m].b0] == 't' &&
		    strncmp(base + d->toks[m].b0, "the ", 4) == 0)
			m++;
		if (m >= d->ntoks || !ner_adjacent(d, m) || !(d->toks[m].f & T_CAP))
			break;
		if (c == CUE_PARTICLE)
			;
		else if (c == CUE_CONNECT && kw &&
		    (strncmp(base + d->toks[j].b0, "and", 3) != 0 || conn))
			conn = 1;
		else if (c == CUE_CONNECT && j == i + 1 && m == j + 1 &&
		    strncmp(base + d->toks[j].b0, "of ", 3) == 0 &&
		    ner_given(d, base, i) &&
		    ner_gazmatch(d, base, m, d->ntoks, &g) > 0 &&
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

void
ner_addcand(struct nerdoc *d, size_t si, size_t k0, size_t k1, int type, int ev,
    const struct gent *g, unsigned f)
{
	const char *base = SENT(d, si);
	struct cand *c;
	size_t k;
	int n = 0, cue;

	/* A leading "The" is not part of a name (but The Hague is). */
	if (g == NULL && k1 - k0 > 1 && base[d->toks[k0].b0] == 'T' &&
	    strncmp(base + d->toks[k0].b0, "The ", 4) == 0)
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
	/* ner_grow() returns cands as they are while there is room. */
	if (d->ncands + 1 > d->capcands)
		d->cands = ner_grow(d->cands, &d->capcands, d->ncands + 1,
		    sizeof(*d->cands));
	c = &d->cands[d->ncands++];
	memset(c, 0, sizeof(*c));
	c->sent = si;
	c->b0 = d->toks[k0].b0;
	c->b1 = d->toks[k1 - 1].b1;
	c->lb0 = d->toks[k1 - 1].b0;
	c->hash = (uint32_t)strhash(base + c->b0, c->b1 - c->b0);
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
	cue = ner_cue(d, base, k1);
	if (cue == CUE_SPEECH ||
	    (k1 + 1 < d->ntoks && base[d->toks[k1].b0] == ',' &&
	    ((base[d->toks[k1 + 1].b0] == 'w' &&
	    strncmp(base + d->toks[k1 + 1].b0, "who ", 4) == 0) ||
	    ner_cue(d, base, k1 + 1) == CUE_SPEECH)))
		c->f |= C_SPEECH;
	if (k0 > 0 && ner_cue(d, base, k0 - 1) == CUE_PLACE)
		c->f |= C_PLACE;
	if ((d->toks[k1 - 1].f & T_POSS) || cue == CUE_SUBJECT ||
	    ner_verbnext(d, base, k1))
		c->f |= C_SUBJ;
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

	/* One pass: the words, the head (before the first connector), kw
	   the first word's keyword that has one. */
	for (k = k0; k < k1; k++) {
		if (d->toks[k].f & T_CAP)
			words++;
		if (ner_cue(d, base, k) == CUE_CONNECT && head == k1 - 1 && k > k0)
			head = k - 1;
		if (kw == 0)
			kw = ner_keyword(d, base, k);
	}
	hk = ner_keyword(d, base, head);
	if (hk == 0)
		hk = kw;
	/* 200 Stinger missiles: a name after a number is a product's. */
	if (words == 1 && k1 - k0 == 1 && k0 > 0 &&
	    (d->toks[k0 - 1].f & T_DIGIT) && (d->toks[k0].f & T_SPACE))
		return;
	/* T, B: letters; Jr., III alone; Government, Interior: common words. */
	if (words == 1 && k1 - k0 == 1 && (onechar(base, t0) ||
	    ner_title(d, base, k0) == TITLE_SUFFIX))
		return;
	if (words == 1 && k1 - k0 == 1 && !(f & C_TITLED) &&
	    ner_commonword(d, base, k0)) {
		ner_addcand(d, si, k0, k1, ENT_NONE, EV_NONE, NULL, f | C_COMMON);
		return;
	}
	/* May, as in Theresa May, only as a surname the document knows. */
	if (words == 1 && k1 - k0 == 1 && ner_notname(d, base, k0)) {
		ner_addcand(d, si, k0, k1, ENT_NONE, EV_NONE, NULL,
		    f | C_COMMON | C_NOTNAME);
		return;
	}
	/* Monday; the Olympic Games, World War, Nobel Prize: no names. */
	if ((ner_notname(d, base, k1 - 1) &&
	    ner_title(d, base, k1 - 1) != TITLE_SUFFIX) ||
	    ner_notname(d, base, k0))
		return;
	if (hk == KW_LOC && words >= 2 && !ner_keyword(d, base, k1 - 1) &&
	    ner_given(d, base, k0))
		hk = 0;		/* Yves Saint Laurent */
	if (hk == 0 && words >= 2 && ner_direction(d, base, k0))
		hk = KW_LOC;	/* North Kesteven, Southern Cameroons */
	if (hk != 0 && !(words == 1 && k1 - k0 == 1 && hk != KW_CORP)) {
		type = hk == KW_CORP ? ENT_ORG : hk;
		ev = EV_STRONG;
	} else if (f & C_TITLED) {
		type = ENT_PERSON;
		ev = EV_STRONG;
	} else if (ner_placenext(d, base, k1)) {
		/* Abbotsford, B.C.; Chapel Hill, North Carolina */
		type = ENT_LOC;
		ev = EV_STRONG;
	} else if (words >= 2 && ner_given(d, base, k0)) {
		type = ENT_PERSON;
		ev = EV_STRONG;
	} else if (words == 1 && !ner_given(d, base, k0) &&
	    (g = nerlex_fuzzy(d->lx, base + t0->b0,
	    t0->b1 - t0->b0, &d->tmp)) != NULL) {
		ner_addcand(d, si, k0, k1, g->type, EV_STRONG, g, f);
		d->cands[d->ncands - 1].f &= ~C_INIT;
		return;
	} else if (words == 1 && k1 - k0 == 1 && (k = ner_shape(base + t0->b0,
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
	} else if (words >= 2 && !ner_commonword(d, base, k1 - 1)) {
		type = ner_context(d, base, k0, k1) == ENT_LOC ? ENT_LOC :
		    ENT_PERSON;
		ev = EV_WEAK;
	} else if (words == 1 && k1 - k0 == 1 &&
	    (type = ner_guess(d, base, k0)) != ENT_NONE)
		ev = EV_WEAK;
	else if (words == 1 && k1 - k0 == 1 &&
	    (type = ner_context(d, base, k0, k1)) != ENT_NONE)
		ev = EV_WEAK;
	ner_addcand(d, si, k0, k1, type, ev, NULL, f);
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
		ner_tokkey(d, base, p[a - 1].k0, p[b].k1);
		g = strmap_get(d->lx->gaz, d->key.s, d->key.len);
		if (g != NULL && g->weak == 2 && g->type == ENT_PERSON) {
			ner_addcand(d, si, p[a].k0, p[b].k1, ENT_PERSON, EV_GAZ, g,
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
	size_t np = 0, nmod = 0, k, len, a, b, q, gm;
	unsigned f;
	int c, t = 0, titled;

	/*
	 * The first word of a sentence: a capital proves nothing.  The
	 * tests on the memos come before the ones on the lower-cased word:
	 * all are pure (memo filling aside; g is set again before any use),
	 * so their order in the && chain cannot change its value, and a
	 * name's first word (John Smith) is not lower-cased for nothing.
	 */
	if ((d->toks[i].f & T_INIT) && !(d->toks[i].f & T_UPPER) &&
	    (gm = ner_gazmatch(d, base, i, j, &g)) <= 1 &&
	    !(ner_given(d, base, i) && j > i + 1 &&
	    ner_gazmatch(d, base, i + 1, j, &g) == 0) &&
	    !(j > i + 1 && ner_keyword(d, base, j - 1) != 0 &&
	    ner_keyword(d, base, j - 1) != KW_CORP &&
	    (d->toks[i + 1].f & T_CAP) && ner_keyword(d, base, i) == 0)) {
		ner_lower(&d->lc, base + d->toks[i].b0,
		    d->toks[i].b1 - d->toks[i].b0);
		if ((j > i + 1 || gm == 1 ||
		    ner_lookscommon(d->lc.s, d->lc.len)) &&
		    (ner_iscommon(d->lx, d->lc.s, d->lc.len) ||
		    (ner_lookscommon(d->lc.s, d->lc.len) && !ner_given(d, base, i))))
			i++;
	}
	/* Historian David Crouch: an unknown first word before a given name. */
	if ((d->toks[i].f & T_INIT) && i + 2 < j + 1 && i + 1 < j &&
	    ner_gazmatch(d, base, i, j, &g) == 0 && !ner_given(d, base, i) &&
	    ner_given(d, base, i + 1) && (d->toks[i + 1].f & T_CAP))
		i++;
	/* A leading The is not part of the name (The Hague is, as a whole). */
	if (i + 1 < j && ner_gazmatch(d, base, i, j, &g) < 2 &&
	    d->toks[i].b1 - d->toks[i].b0 == 3 &&
	    memcmp(base + d->toks[i].b0, "The", 3) == 0)
		i++;
	k = i;
	while (k < j && np < sizeof(p) / sizeof(p[0])) {
		p[np].k0 = k;
		p[np].g = NULL;
		c = ner_cue(d, base, k);
		if (!(d->toks[k].f & T_CAP) && (c == CUE_CONNECT ||
		    c == CUE_PARTICLE || base[d->toks[k].b0] == '&' ||
		    (np > 0 && p[np - 1].kind == P_CONN &&
		    d->toks[k].b1 - d->toks[k].b0 == 3 &&
		    memcmp(base + d->toks[k].b0, "the", 3) == 0))) {
			p[np].kind = P_CONN;
			len = 1;
		} else if ((len = ner_gazmatch(d, base, k, j, &g)) > 1) {
			p[np].kind = P_GAZ;
			p[np].g = g;
		} else {
			size_t l1 = len;

			/*
			 * The longest title phrase from k, of 4 words at most
			 * within the run; only a word that starts one
			 * (titlefirst) can start more than a one-word title,
			 * so without it only len 1 is tried (as the test
			 * per len did, asked once here).
			 */
			len = j - k < 4 ? j - k : 4;
			if (len > 1 && !ner_titlefirst(d, base, k))
				len = 1;
			for (; len > 0; len--) {
				if (len > 1 && !ner_adjacent(d, k + len - 1))
					continue;
				if (len == 1)
					t = ner_title(d, base, k);
				else {
					ner_tokkey(d, base, k, k + len);
					t = MAPINT(strmap_get(d->lx->titles,
					    d->key.s, d->key.len));
				}
				if (t != 0)
					break;
			}
			if (len > 0 && t == TITLE_SUFFIX)
				p[np].kind = P_UNK;
			else if (len == 1 && np > 0 && p[np - 1].kind == P_UNK &&
			    ner_given(d, base, p[np - 1].k0))
				p[np].kind = P_UNK;	/* Jeffrey Dean Morgan */
			else if (len > 0) {
				p[np].kind = t == TITLE_MOD ? P_MOD : P_TITLE;
				nmod += t == TITLE_MOD;
				if (t == TITLE_MOD && len == 1 && l1 == 1)
					p[np].g = g;	/* Senate */
			}
			else if (l1 == 1 && !((g->type == ENT_LOC ||
			    g->type == ENT_NORP) &&
			    ner_given(d, base, k) && k + 1 < j &&
			    (d->toks[k + 1].f & T_CAP) &&
			    ner_gazmatch(d, base, k + 1, j, &g2) == 0)) {
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
	for (q = nmod > 0 ? np : 0; q-- > 0;)
		if (p[q].kind == P_MOD)
			p[q].kind = q + 1 < np && p[q + 1].kind == P_TITLE ?
			    P_TITLE : p[q].g != NULL ? P_GAZ : P_UNK;
	/* ner_lowertitle() is 0 unless a lower-case word precedes: ask it then. */
	titled = i > 0 && (d->toks[i - 1].f & T_LOWER) &&
	    ner_lowertitle(d, base, i);
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
				if (g->type == ENT_PERSON && ner_given(d, base,
				    p[a].k0) && b - a == 1) {
					ner_addcand(d, si, p[a].k0, p[b].k1,
					    ENT_PERSON, EV_GAZ, samefirst(d,
					    base, p[a].k0, g) ? g : NULL, f);
					b++;
					continue;
				}
				if (g->type != ENT_NORP && b - a == 1 &&
				    p[b].k1 - p[b].k0 == 1 &&
				    ner_given(d, base, p[a].k0) &&
				    !(d->toks[p[a].k0].f & T_UPPER)) {
					/* Christopher Columbus, Jack London */
					ner_addcand(d, si, p[a].k0, p[b].k1,
					    ENT_PERSON, EV_STRONG, NULL, f);
					b++;
					continue;
				}
				if (g->type == ENT_LOC && b - a == 1 &&
				    (ner_direction(d, base, p[a].k0) ||
				    ner_keyword(d, base, p[a].k0) == KW_LOC)) {
					ner_addcand(d, si, p[a].k0, p[b].k1,
					    ENT_LOC, EV_STRONG, NULL, f);
					b++;
					continue;
				}
				if (g->type == ENT_ORG && p[b].k1 - p[b].k0 ==
				    1 && ner_keyword(d, base, p[b].k0) == KW_ORG) {
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
			ner_addcand(d, si, p[a].k0, p[a].k1, ENT_PERSON, EV_STRONG,
			    NULL, f);
			continue;
		}
		if (b < np && p[b].kind == P_UNK) {
			size_t e = b, kw = 0;

			for (e = b; e < np && (p[e].kind == P_UNK ||
			    (p[e].kind == P_CONN && e + 1 < np &&
			    p[e + 1].kind != P_TITLE)); e++)
				kw |= ner_keyword(d, base, p[e].k0);
			if (g->type == ENT_LOC && g->sub != SUB_COUNTRY &&
			    kw != KW_LOC) {
				/* Boston Globe, Kyiv School of Economics */
				ner_addcand(d, si, p[a].k0, p[e - 1].k1, ENT_ORG,
				    kw ? EV_STRONG : EV_WEAK, NULL, f);
				b = e;
				continue;
			}
			if (kw != 0 && g->type != ENT_PERSON) {
				ner_addcand(d, si, p[a].k0, p[e - 1].k1,
				    kw == KW_LOC ? ENT_LOC : ENT_ORG,
				    EV_STRONG, NULL, f);
				b = e;
				continue;
			}
		}
		if (g->type == ENT_NORP && ner_language(d, base, p[a].k0, p[a].k1))
			continue;
		ner_addcand(d, si, p[a].k0, p[a].k1, g->type, EV_GAZ, g, f);
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
	len = ner_gazmatch(d, base, j + 1, d->ntoks, &g);
	if (len == 0 || g->type != ENT_LOC || g->sub != SUB_REGION ||
	    (j + 1 + len < d->ntoks && ner_adjacent(d, j + 1 + len) &&
	    (d->toks[j + 1 + len].f & T_CAP)))
		return 0;
	c->b1 = d->toks[j + len].b1;
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
	    onechar(base, &d->toks[j + 1]) ||
	    ner_title(d, base, j + 1) != TITLE_SUFFIX)
		return 0;
	c->b1 = d->toks[j + 1].b1;
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

	if (ner_gazmatch(d, base, i, j, &g) > 0 && g->type == ENT_ORG)
		return 1;
	for (k = i; k < j; k++)
		if (ner_gazmatch(d, base, k, j, &g) == j - k)
			return 1;
	return 0;
}

void
ner_body(struct nerdoc *d, size_t si)
{
	const char *base = SENT(d, si);
	size_t i, j, n0, h, x, next = 0;
	const struct gent *g;
	const struct tok *t;

	/* Only the words ner_tokenize() listed can start a run. */
	for (x = 0; x < d->nstarts; x++) {
		if ((i = d->starts[x]) < next)
			continue;	/* taken by the last run */
		t = &d->toks[i];
		if (!(t->f & T_WORD) || !((t->f & T_CAP) || (((t->f & T_UPPER) ||
		    GAZMAYBE(d->lx, base + t->b0, t->b1 - t->b0)) &&
		    ner_gazmatch(d, base, i, d->ntoks, &g) > 0)))
			continue;
		j = runend(d, base, i);
		for (h = j - 1; h > i && ner_title(d, base, h) == TITLE_SUFFIX;
		    h--)
			;	/* World War II: the head is War */
		if (h > i && ner_notname(d, base, h) && !gazend(d, base, i, j)) {
			/* The Paris Agreement, the Rugby Championship */
			next = j;
			continue;
		}
		n0 = d->ncands;
		run(d, si, i, j);
		next = j;
		/* Both take only a new candidate followed by a comma. */
		if (d->ncands > n0 && j + 1 < d->ntoks &&
		    base[d->toks[j].b0] == ',')
			next += cityplace(d, si, n0, j) + suffix(d, si, n0, j);
	}
}

/* ---- headlines ---- */
