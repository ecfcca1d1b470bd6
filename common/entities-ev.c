/*
 * entities-ev.c: the evidence the tagger reads in and around a run of
 * capitalised words: gazetteer matches, keywords, titles, cue words
 * before and after, the shape and ending of a word.
 */
#include <stdlib.h>
#include <string.h>

#include "entities-int.h"

/* The key of tokens k0..k1 (spaces or hyphens between) into d->key. */
const char *
ner_tokkey(struct nerdoc *d, const char *s, size_t k0, size_t k1)
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

/*
 * The memos below write to d->toks through a const struct nerdoc *: they
 * are caches, invisible to the callers, as the const promises.
 */

/* Fill token t's memos from the word index, past its Bloom filter. */
void
ner_wordmemo(const struct nerdoc *d, const char *base, struct tok *t)
{
	const char *s = base + t->b0;
	size_t n = t->b1 - t->b0;
	uint64_t h = strhash(s, n);
	const unsigned char *blob = NULL;
	struct winfo w;

	if ((d->wordbits[WORDBIT1(h) >> 3] >> (WORDBIT1(h) & 7) & 1) &&
	    (d->wordbits[WORDBIT2(h) >> 3] >> (WORDBIT2(h) & 7) & 1))
		blob = strmap_blobh(d->words, s, n, h);
	if (blob == NULL)
		memset(&w, 0, sizeof(w));
	else
		memcpy(&w, blob, sizeof(w));
	memcpy(t->memo, w.memo, sizeof(t->memo));
	t->word = w.flags;
	t->have |= TM_WORD;
}

/* Record a gazetteer match of len words from t with entry g. */
static void
gzpush(struct nerdoc *d, uint64_t *mask, size_t len, const struct gent *g)
{
	d->gzents = ner_grow(d->gzents, &d->capgzents, d->ngzents + 1,
	    sizeof(*d->gzents));
	d->gzents[d->ngzents++] = g;
	*mask |= (uint64_t)1 << (len - 1);
}

/*
 * The longest match in mask of at most max words, its entry from ents
 * (one per bit, shortest first) in *gp; 0 if none.
 */
static size_t
gzbest(const struct nerdoc *d, uint64_t mask, uint32_t first, size_t max,
    const struct gent **gp)
{
	uint64_t below;
	size_t len, i = 0;

	/* Only matches of at most max words (max <= NER_MAXTOK = 64). */
	if (max < 64)
		mask &= ((uint64_t)1 << max) - 1;
	if (mask == 0)
		return 0;	/* the usual answer: no match here */
	/* The longest: its top bit, counted up to (matches are short). */
	for (len = 1; len < 64 && mask >> len != 0; len++)
		;
	/* Its entry: after one per shorter match, a bit each below it. */
	for (below = mask & (mask - 1); below != 0; below &= below - 1)
		i++;
	*gp = d->gzents[first + i];
	return len;
}

/*
 * Every exact gazetteer match from token k, of up to maxtok words (the
 * lookup stops as soon as no longer spelling starts with the words so far).
 */
static void
gazmemo(struct nerdoc *d, const char *base, size_t k)
{
	struct tok *t0 = &d->toks[k];
	size_t len, max = (size_t)d->lx->maxtok;
	const struct gent *g;
	uint64_t h;

	t0->have |= TM_GAZ;
	t0->gzmask = 0;
	t0->gz0 = (uint32_t)d->ngzents;
	if (d->ntoks - k < max)
		max = d->ntoks - k;
	/* One word: the word index says whether to look further. */
	if (!(t0->have & TM_WORD))
		ner_wordmemo(d, base, t0);
	if ((t0->word & W_GAZ) && (g = strmap_get(d->lx->gaz, base + t0->b0,
	    t0->b1 - t0->b0)) != NULL && g->weak != 2)
		gzpush(d, &t0->gzmask, 1, g);
	if (!(t0->word & W_PREFIX))
		return;
	buf_reset(&d->key);
	buf_add(&d->key, base + t0->b0, t0->b1 - t0->b0);
	for (len = 2; len <= max; len++) {
		const struct tok *t = &d->toks[k + len - 1];

		if (!ner_adjacent(d, k + len - 1))
			break;
		buf_addc(&d->key, (t->f & T_HYPH) ? '-' : ' ');
		buf_add(&d->key, base + t->b0, t->b1 - t->b0);
		/* Neither a spelling nor the start of one: most stop here. */
		h = strhash(d->key.s, d->key.len);
		if (!GPMAYBE(d->lx, h))
			break;
		if ((g = strmap_geth(d->lx->gaz, d->key.s, d->key.len,
		    h)) != NULL && g->weak != 2)
			gzpush(d, &t0->gzmask, len, g);
		if (strmap_geth(d->lx->prefix, d->key.s, d->key.len, h) == NULL)
			break;
	}
}

/*
 * WASHINGTON (AP), NEW YORK: every match of words in capitals from k the
 * gazetteer knows in lower case, when that is not also a common word.
 */
static void
uppermemo(struct nerdoc *d, const char *base, size_t k)
{
	struct tok *t0 = &d->toks[k];
	size_t len, max = (size_t)d->lx->maxtok;
	const struct gent *g;

	t0->have |= TM_UPPER;
	t0->upmask = 0;
	t0->up0 = (uint32_t)d->ngzents;
	if (t0->b1 - t0->b0 < 4)
		return;
	if (d->ntoks - k < max)
		max = d->ntoks - k;
	buf_reset(&d->key);
	for (len = 1; len <= max; len++) {
		const struct tok *t = &d->toks[k + len - 1];

		if (len > 1 && (!ner_adjacent(d, k + len - 1) ||
		    !(t->f & T_UPPER)))
			break;
		if (len > 1)
			buf_addc(&d->key, (t->f & T_HYPH) ? '-' : ' ');
		buf_add(&d->key, base + t->b0, t->b1 - t->b0);
		ner_lower(&d->lc, d->key.s, d->key.len);
		if ((g = strmap_get(d->lx->gazlc, d->lc.s, d->lc.len)) != NULL &&
		    g->weak == 0 && !ner_iscommon(d->lx, d->lc.s, d->lc.len))
			gzpush(d, &t0->upmask, len, g);
		if (strmap_get(d->lx->prefix, d->lc.s, d->lc.len) == NULL)
			break;
	}
}

/*
 * Longest gazetteer match at k within [k, lim); 0 if none.  Every match
 * from k is looked up once (the memos); a limit only picks among them.
 */
size_t
ner_gazmatch_memo(struct nerdoc *d, const char *base, size_t k, size_t lim,
    const struct gent **gp)
{
	struct tok *t = &d->toks[k];
	size_t best, max = (size_t)d->lx->maxtok;

	if (lim - k < max)
		max = lim - k;
	if (!(t->have & TM_GAZ))
		gazmemo(d, base, k);
	if ((best = gzbest(d, t->gzmask, t->gz0, max, gp)) > 0 ||
	    !(t->f & T_UPPER))
		return best;
	if (!(t->have & TM_UPPER))
		uppermemo(d, base, k);
	return gzbest(d, t->upmask, t->up0, max, gp);
}

/* Does a verb (enrolled, dismisses) or a comma follow at k? */
int
ner_verbnext(const struct nerdoc *d, const char *base, size_t k)
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

/* Is the word before k a lower-case person title (president Biden)? */
int
ner_lowertitle(struct nerdoc *d, const char *base, size_t k)
{
	struct tok *t;

	if (k == 0 || !((t = &d->toks[k - 1])->f & T_LOWER))
		return 0;
	/* The word index knows (W_LOWTITLE, from the titles map). */
	if (!(t->have & TM_WORD))
		ner_wordmemo(d, base, t);
	return (t->word & W_LOWTITLE) != 0;
}

/* Is the name before token k followed by ", Country" or ", State"? */
int
ner_placenext(struct nerdoc *d, const char *base, size_t k)
{
	const struct gent *g;

	if (k + 1 >= d->ntoks || base[d->toks[k].b0] != ',' ||
	    !(d->toks[k + 1].f & T_CAP))
		return 0;
	return ner_gazmatch(d, base, k + 1, d->ntoks, &g) > 0 &&
	    g->type == ENT_LOC && g->sub != SUB_CITY;
}

/*
 * The shape of a word: 1 for a plural acronym (MPs, GIFs), 2 for inner
 * capitals (SaskTel, eMicro), else 0.
 */
int
ner_shape(const char *s, size_t n)
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

int
ner_commonword(struct nerdoc *d, const char *base, size_t k)
{
	return ner_common(d->lx, &d->lc, base + d->toks[k].b0,
	    d->toks[k].b1 - d->toks[k].b0);
}

/*
 * Does s[0..n) end with e, with at least min bytes before it?  The last
 * bytes first: most endings asked are not the word's, and that rules
 * them out without a call.
 */
static int
endswith(const char *s, size_t n, const struct lit *e, size_t min)
{
	return n >= e->len + min && s[n - 1] == e->s[e->len - 1] &&
	    memcmp(s + n - e->len, e->s, e->len) == 0;
}

/*
 * The likely type of a single unknown word from its ending: -ians and
 * -ic name groups (NORP), -ia, -stan, -burg places; else none yet.
 */
int
ner_guess(struct nerdoc *d, const char *base, size_t k)
{
	static const struct lit groups[] = { LIT("ians"),
	    LIT("eans"), LIT("ans"), LIT("ites"), LIT("ic"),
	    LIT("ism"), LIT("ian"), LIT("ean"), LIT("ite"),
	    LIT("nid") };
	static const struct lit places[] = { LIT("ia"), LIT("land"),
	    LIT("stan"), LIT("burg"), LIT("bourg"), LIT("shire"),
	    LIT("ville"), LIT("polis"), LIT("grad"), LIT("ium"),
	    LIT("abad"), LIT("pur"), LIT("sk") };
	const char *s = base + d->toks[k].b0;
	size_t i, n = d->toks[k].b1 - d->toks[k].b0;

	if (ner_given(d, base, k))
		return ENT_NONE;
	for (i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
		if (endswith(s, n, &groups[i], 3))
			return ENT_NORP;
	for (i = 0; i < sizeof(places) / sizeof(places[0]); i++)
		if (endswith(s, n, &places[i], 3))
			return ENT_LOC;
	return ENT_NONE;
}

/*
 * What the words around unknown words k0..k1 say: ENT_LOC after "in",
 * "at", "the", "town of", before "region"; ENT_PERSON before "said" or
 * ", who"; else ENT_NONE.
 */
int
ner_context(struct nerdoc *d, const char *base, size_t k0, size_t k1)
{
	const struct tok *p = k0 > 0 ? &d->toks[k0 - 1] : NULL;
	int loc = 0, per = 0;

	if (p != NULL && (p->f & T_WORD)) {
		if (ner_cue(d, base, k0 - 1) == CUE_PLACE)
			loc += 2;
		else if (p->b1 - p->b0 == 3 && memcmp(base + p->b0, "the",
		    3) == 0)
			loc += 2;
		else if (p->b1 - p->b0 == 2 && memcmp(base + p->b0, "of",
		    2) == 0 && k0 >= 2 && ner_cue(d, base, k0 - 2) == CUE_PLACEOF)
			loc += 3;
		else if (p->b1 - p->b0 == 2 && memcmp(base + p->b0, "by",
		    2) == 0)
			per += 1;
		else if (ner_cue(d, base, k0 - 1) == CUE_SPEECH)
			per += 2;	/* "...," said Smithers */
	}
	if (ner_cue(d, base, k1) == CUE_PLACEAFTER)
		loc += 3;
	if (ner_cue(d, base, k1) == CUE_SPEECH || (k1 + 1 < d->ntoks &&
	    base[d->toks[k1].b0] == ',' && strncmp(base + d->toks[k1 + 1].b0,
	    "who ", 4) == 0))
		per += 3;
	if (loc > per)
		return ENT_LOC;
	if (per > loc)
		return ENT_PERSON;
	return ENT_NONE;
}

/*
 * Does a lower-cased first word look like an English adverb or an
 * agent or abstract noun (Thematically, Conservationists, Happiness)?
 */
int
ner_lookscommon(const char *s, size_t n)
{
	static const struct lit ends[] = { LIT("ly"), LIT("ists"),
	    LIT("ness"), LIT("ments"), LIT("tions") };
	size_t i;

	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++)
		if (endswith(s, n, &ends[i], 4))
			return 1;
	return 0;
}

/*
 * Is the nationality word k0..k1 a language here ("appealed in English",
 * "speaks Russian.")?  After "in", "speaks" and the like, and not before a
 * noun it qualifies.
 */
int
ner_language(struct nerdoc *d, const char *base, size_t k0, size_t k1)
{
	static const struct lit before[] = { LIT("in"), LIT("speak"),
	    LIT("speaks"), LIT("spoke"), LIT("speaking"), LIT("learn"),
	    LIT("learned"), LIT("learning"), LIT("into"), LIT("from") };
	static const struct lit after[] = { LIT("and"), LIT("or"), LIT("to"),
	    LIT("for"), LIT("as"), LIT("but"), LIT("on"), LIT("at"),
	    LIT("with"), LIT("by"), LIT("when"), LIT("while"), LIT("that") };
	const struct tok *t;
	size_t i, n;

	if (k0 == 0 || !((t = &d->toks[k0 - 1])->f & T_WORD))
		return 0;
	for (i = 0; i < sizeof(before) / sizeof(before[0]); i++)
		if (t->b1 - t->b0 == before[i].len &&
		    memcmp(base + t->b0, before[i].s, before[i].len) == 0)
			break;
	if (i == sizeof(before) / sizeof(before[0]))
		return 0;
	if (k1 >= d->ntoks || !((t = &d->toks[k1])->f & T_WORD))
		return 1;
	if (!(t->f & T_LOWER))
		return 0;
	n = t->b1 - t->b0;
	for (i = 0; i < sizeof(after) / sizeof(after[0]); i++)
		if (n == after[i].len && memcmp(base + t->b0, after[i].s, n) == 0)
			return 1;
	return 0;
}
