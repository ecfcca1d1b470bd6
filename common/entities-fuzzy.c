/*
 * entities-fuzzy.c: spelling slips (Zelenskiy for Zelensky, Merkl for
 * Merkel).  Every long spelling's one-letter deletions (not of its first
 * letter) are its keys, indexed at load.  A word matches the entry when
 * the word is one of its keys (a letter missing), or the word less one
 * of its letters (not the first) is the entry (a letter too many) or one
 * of its keys (a letter changed, two swapped).
 */
#include <string.h>

#include "entities-int.h"

void
ner_fzset(struct nerlex *lx, const char *s, size_t n)
{
	unsigned char k[5];
	unsigned b;

	if (n < 3)
		return;		/* nerlex_fuzzy() asks about 5 bytes or more */
	k[0] = (unsigned char)s[0];
	k[1] = (unsigned char)s[1];
	k[2] = (unsigned char)s[2];
	k[3] = (unsigned char)s[n - 2];
	k[4] = (unsigned char)s[n - 1];
	b = fzbit(k, n);
	lx->fzbits[b >> 3] |= 1u << (b & 7);
}

/*
 * May the key got by deleting byte i of u[0..n) (none if i >= n) be in
 * the fuzzy map or the gazetteer?
 */
static int
fzmaybe(const struct nerlex *lx, const unsigned char *u, size_t n, size_t i)
{
	unsigned char k[5];
	size_t m = i < n ? n - 1 : n;
	unsigned bit;

	/* Byte p of the key is the word's byte p before i, p + 1 after. */
#define KEYBYTE(p)	u[(p) < i ? (p) : (p) + 1]
	k[0] = KEYBYTE(0);
	k[1] = KEYBYTE(1);
	k[2] = KEYBYTE(2);
	k[3] = KEYBYTE(m - 2);
	k[4] = KEYBYTE(m - 1);
#undef KEYBYTE
	bit = fzbit(k, m);
	return lx->fzbits[bit >> 3] >> (bit & 7) & 1;
}

/* Two entries with one deletion key make it ambiguous (canon NULL). */
static void
fuzzy_put(struct nerlex *lx, const char *k, size_t n, struct gent *g)
{
	static struct gent ambiguous;
	struct strmap *m = lx->fuzzy;
	struct gent *old = strmap_putnew(m, k, n, g);

	ner_fzset(lx, k, n);
	if (old != NULL && old != g && (old->canonlen != g->canonlen ||
	    memcmp(old->canon, g->canon, g->canonlen) != 0))
		strmap_put(m, k, n, &ambiguous);
}

static int
fuzzy_word(const char *s, size_t n)
{
	size_t i;

	if (n < 6)
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80 || s[i] == ' ' ||
		    s[i] == '-' || s[i] == '.')
			return 0;
	return 1;
}

void
ner_addfuzzy(struct nerlex *lx, struct gent *g, const char *s, size_t n)
{
	char tmp[64];
	size_t i;

	if (!fuzzy_word(s, n) || n > sizeof(tmp) || g->weak)
		return;
	/* s without byte 1; then without byte i, putting back byte i - 1. */
	tmp[0] = s[0];
	memcpy(tmp + 1, s + 2, n - 2);
	for (i = 1; i < n; i++) {
		if (i > 1)
			tmp[i - 1] = s[i - 1];
		fuzzy_put(lx, tmp, n - 1, g);
	}
}

const struct gent *
nerlex_fuzzy(const struct nerlex *lx, const char *s, size_t n, struct buf *tmp)
{
	const unsigned char *u = (const unsigned char *)s;
	const struct gent *g;
	size_t i;
	int mid;

	if (!fuzzy_word(s, n) || n > 40)
		return NULL;
	/* The word misses a letter of the entry. */
	if (fzmaybe(lx, u, n, n) &&
	    (g = strmap_get(lx->fuzzy, s, n)) != NULL && g->canon != NULL)
		goto found;
	/*
	 * Deleting byte i, for 3 <= i < n - 2, leaves the key's first three
	 * and last two bytes as the word's: one filter test for all those.
	 */
	mid = fzmaybe(lx, u, n, 3);
	/*
	 * Delete byte i (the first letter must agree): tmp is s without
	 * byte 1, then without byte i once byte i - 1 is put back.
	 */
	buf_reset(tmp);
	buf_addc(tmp, s[0]);
	buf_add(tmp, s + 2, n - 2);
	for (i = 1; i < n; i++) {
		if (i > 1)
			tmp->s[i - 1] = s[i - 1];
		if (!(i >= 3 && i < n - 2 ? mid : fzmaybe(lx, u, n, i)))
			continue;
		/* The word has a letter too many. */
		if ((g = strmap_get(lx->gaz, tmp->s, n - 1)) != NULL)
			goto found;
		/* One letter differs or two are swapped. */
		if ((g = strmap_get(lx->fuzzy, tmp->s, n - 1)) != NULL &&
		    g->canon != NULL)
			goto found;
	}
	return NULL;
found:
	/* Spelling slips in people's and places' names, not in brands. */
	if (g->weak || g->type == ENT_ORG)
		return NULL;
	return g;
}
