/*
 * entities-int.h: what the entities-*.c files share; not for filters
 * (they use entities.h).
 */
#ifndef ENTITIES_INT_H
#define ENTITIES_INT_H

#include <stddef.h>
#include <stdint.h>

#include "entities.h"
#include "lexicon.h"
#include "util.h"

/* The word maps a token's lookups are kept for (struct tok's memo). */
enum { M_CUE, M_KW, M_GIVEN, M_TITLE, M_NOTNAME, M_TFIRST, NMEMO };

/* Sub-kinds of gazetteer entries (TYPE:SUB in the lexicon). */
enum { SUB_NONE, SUB_COUNTRY, SUB_CITY, SUB_REGION, SUB_MEDIA };

/* A gazetteer entry: every spelling of it maps to the same one. */
struct gent {
	char		*canon;
	size_t		 canonlen;
	unsigned char	 type;
	unsigned char	 sub;
	unsigned char	 weak;	/* 1 a common word too; 2 only after a title */
};

/* Values of the word maps (stored as small integers). */
enum { TITLE_PERSON = 1, TITLE_MOD, TITLE_SUFFIX };
enum { KW_ORG = ENT_ORG, KW_LOC = ENT_LOC, KW_CORP = 8, KW_DIR };
enum { CUE_SPEECH = 1, CUE_PLACE, CUE_PARTICLE, CUE_CONNECT, CUE_SUBJECT,
    CUE_PLACEOF, CUE_PLACEAFTER };

/*
 * A one-hash Bloom filter over the gazetteer's spellings and their
 * prefixes as spelt (not lower-cased: only a word in capitals is looked
 * up in lower case) that do not start with a capital A-Z, from a word's
 * length and first, second and last bytes: most lower-case words of a
 * sentence (the, said) are ruled out without hashing them.  Such
 * spellings are few (al-, de, iPhone: some 40 bits set), so the filter is
 * small, to stay in the first-level cache: it is asked about every
 * lower-case word.  One multiply mixes the four bytes; the top bits are
 * the bit's number.
 */
#define GAZLOG		13
#define GAZBITS		(1u << GAZLOG)
static inline unsigned
gazbit(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t h;

	h = (uint32_t)u[0] | (uint32_t)(n > 1 ? u[1] : 0) << 8 |
	    (uint32_t)u[n - 1] << 16 | (uint32_t)(n & 0xff) << 24;
	return (unsigned)((h * 0x9e3779b1u) >> (32 - GAZLOG));
}
#define GAZMAYBE(lx, s, n)	((n) > 0 && \
	((lx)->gazbits[gazbit(s, n) >> 3] >> (gazbit(s, n) & 7) & 1))

/*
 * A Bloom filter over the keys of the fuzzy map and the gazetteer, by a
 * key's length, first three bytes and last two (k[0..5)): deleting one
 * letter of a word between its third and its last two leaves those as
 * they were, so one test rules out most of nerlex_fuzzy()'s lookups of a
 * word, and the other deletions get a test each.
 */
#define FZBITS		(1u << 18)
static inline unsigned
fzbit(const unsigned char k[5], size_t n)
{
	uint32_t h;

	h = (uint32_t)k[0] | (uint32_t)k[1] << 8 | (uint32_t)k[2] << 16 |
	    (uint32_t)k[3] << 24;
	h = (h ^ (uint32_t)k[4] * 0x9e37u ^ (uint32_t)n * 0x27d5u) * 0x2c1b3c6du;
	h ^= h >> 15;
	h *= 0x297a2d39u;
	return (h ^ h >> 15) & (FZBITS - 1);
}

/*
 * The Bloom filters below set two bits per key, the second in the same
 * 64 bits as the first (BLOOMBIT2 of the first and the hash h): an 8-byte
 * word of an array that starts 8-aligned is in one cache line, so a test
 * costs one miss, not two, for a few more false hits.
 */
#define BLOOMBIT2(b1, h)	(((b1) & ~63u) | ((unsigned)((h) >> 40) & 63u))

/*
 * A Bloom filter over the common words (ner_iscommon()): they are asked
 * about every unknown capitalised word and its singulars, and most are
 * none.
 */
#define COMMONBITS	(1u << 16)
#define COMMONBIT1(h)	((unsigned)(h) & (COMMONBITS - 1))
#define COMMONBIT2(h)	BLOOMBIT2(COMMONBIT1(h), h)

/*
 * A Bloom filter over the gazetteer's spellings and prefixes (gaz and
 * prefix keys, two bits of each one's strhash): a run of words that is
 * neither (most are) stops gazmemo()'s lookups before either map.
 */
#define GPBITS		(1u << 17)
#define GPBIT1(h)	((unsigned)(h) & (GPBITS - 1))
#define GPBIT2(h)	BLOOMBIT2(GPBIT1(h), h)
#define GPMAYBE(lx, h)	\
	(((lx)->gpbits[GPBIT1(h) >> 3] >> (GPBIT1(h) & 7) & 1) && \
	((lx)->gpbits[GPBIT2(h) >> 3] >> (GPBIT2(h) & 7) & 1))

struct nerlex {
	struct strmap	*gaz;		/* exact spelling -> struct gent */
	struct strmap	*gazlc;		/* lower-case spelling -> struct gent */
	struct strmap	*prefix;	/* first words of longer spellings */
	struct strmap	*fuzzy;		/* one-deletion variants -> struct gent */
	struct strmap	*given;		/* given names */
	struct strmap	*titles;	/* title words and phrases -> TITLE_* */
	struct strmap	*titlefirst;	/* first words of title phrases */
	struct strmap	*bymemo[NMEMO];	/* the maps above, by M_* */
	struct strmap	*keywords;	/* keyword -> KW_* */
	struct strmap	*common;	/* lower-case common words */
	struct strmap	*notnames;	/* capitalised words that are no names */
	struct strmap	*cues;		/* context words -> CUE_* */
	struct strmap	*abbr;		/* words that keep a following period */
	int		 maxtok;	/* most tokens in a gazetteer key */
	/* A bit per gaz and prefix key (GAZBIT): no bit, no match starts. */
	unsigned char	 gazbits[GAZBITS / 8];
	unsigned char	 fzbits[FZBITS / 8];	/* fzbit() of fuzzy, gaz keys */
	/* Two bits per common word (COMMONBIT1, 2 of its strhash). */
	unsigned char	 commonbits[COMMONBITS / 8];
	unsigned char	 gpbits[GPBITS / 8];	/* GPBIT1, 2 of gaz, prefix keys */
	char		**files;	/* run-time lexicon texts, kept */
	size_t		 nfiles;
	/*
	 * The entries and their names, carved out of blocks (lexalloc()):
	 * a few allocations for some 4,000 of each, freed with the lexicon.
	 */
	char		**blocks;
	size_t		 nblocks;
	char		*blocknext;	/* the free end of the last block */
	size_t		 blockleft;
};

/* A word or a word's ending, with its length, for tables of them. */
struct lit {
	const char	*s;
	size_t		 len;
};
#define LIT(s)	{ s, sizeof(s) - 1 }

/* Map value helpers. */
#define MAPINT(p)	((int)(uintptr_t)(p))
#define INTMAP(i)	((void *)(uintptr_t)(i))

/* Lower-case s[0..n) (UTF-8) into out (reset first). */
void	ner_lower(struct buf *out, const char *s, size_t n);
/* Set the fuzzy filter's bit of key s[0..n) (entities-fuzzy.c). */
void	ner_fzset(struct nerlex *, const char *s, size_t n);
/* Index every one-letter deletion (not of the first) of a long word. */
void	ner_addfuzzy(struct nerlex *, struct gent *g, const char *s, size_t n);
/* The gazetteer entry within one edit of the single word s, or NULL. */
const struct gent *nerlex_fuzzy(const struct nerlex *, const char *s, size_t n,
	    struct buf *tmp);

#endif

/* ---- sentences and candidates (entities-tag.c, entities-doc.c) ---- */

/* Token flags. */
#define T_WORD	0x001	/* letters or digits (else one punctuation mark) */
#define T_CAP	0x002	/* starts with an upper-case letter */
#define T_UPPER	0x004	/* two or more letters, all upper case */
#define T_LOWER	0x008	/* starts with a lower-case letter */
#define T_DIGIT	0x010	/* starts with a digit */
#define T_HYPH	0x020	/* joined to the previous token by a hyphen */
#define T_POSS	0x040	/* a possessive 's or ' followed (not in b0..b1) */
#define T_SPACE	0x080	/* white space (or the sentence start) before */
#define T_INIT	0x100	/* first word of a sentence, quote or bracket */
#define T_DOTS	0x200	/* holds or ends in a period (U.S., Mr.) */

/*
 * What a token has looked up in the lexicons, kept on it the first time
 * (the tagger asks about the same word many times: as a run's word, as
 * the cue after a name, as a connector).  TM_WORD: tok.memo[M_*] and
 * tok.word hold the word's answers from nerdoc.words (one lookup for
 * them all); TM_GAZ and TM_UPPER: the gazetteer memos.
 */
#define TM_WORD	0x1u
#define TM_GAZ	0x2u
#define TM_UPPER 0x4u

/* What nerdoc.words knows of a word besides its memos (winfo.flags). */
#define W_GAZ	0x1	/* a gazetteer spelling (of any weakness) */
#define W_PREFIX 0x2	/* the first word of a longer spelling */
#define W_LOWTITLE 0x4	/* with its first letter capitalised, a person's
			   title (president: ner_lowertitle()) */

/*
 * nerdoc.wordbits: 64K bits (8 KB) for some 8,500 words, about 6% false
 * hits; a larger filter, with fewer, left the first- and second-level
 * caches between two words and cost more than the lookups it saved.
 */
#define WORDBITS	(1u << 16)
#define WORDBIT1(h)	((unsigned)(h) & (WORDBITS - 1))
#define WORDBIT2(h)	BLOOMBIT2(WORDBIT1(h), h)

/* A word's answers from the word maps, and its W_* flags. */
struct winfo {
	signed char	 memo[NMEMO];
	unsigned char	 flags;
};
/* It is kept as a strmap blob (fails to compile if it outgrows one). */
typedef char winfo_fits_blob[sizeof(struct winfo) <= STRMAP_BLOB ? 1 : -1];

/* The most words a gazetteer spelling may have: bits of tok.gzmask. */
#define NER_MAXTOK	64

struct tok {
	size_t		 b0, b1;	/* bytes in the sentence */
	unsigned	 f;
	unsigned	 have;		/* the memos below that are set */
	signed char	 memo[NMEMO];	/* word map values, by M_* */
	unsigned char	 word;		/* its W_* flags */
	/*
	 * Gazetteer matches starting here, whatever the limit: bit len-1
	 * set when the len words from here are a spelling (exact in gzmask,
	 * in lower case for a word in capitals in upmask); their entries
	 * are d->gzents[gz0...], [up0...], one per bit, shortest first.
	 */
	uint64_t	 gzmask, upmask;
	uint32_t	 gz0, up0;
};

/* Evidence for a candidate, weakest first. */
enum { EV_NONE, EV_WEAK, EV_STRONG, EV_GAZ };

/* Candidate flags. */
#define C_INIT	0x01	/* starts a sentence: its capital proves nothing */
#define C_HEAD	0x02	/* from a headline */
#define C_TITLED 0x04	/* after a person's title (President, Mr.) */
#define C_SPEECH 0x08	/* followed by said, told, ... */
#define C_PLACE	0x10	/* after in, near, from, ... */
#define C_DROP	0x20	/* not an entity after all */
#define C_ACRO	0x40	/* an acronym (NATO, U.N.) */
#define C_COMMON 0x80	/* a common word (Rice, Bush): only as a surname */
#define C_SUBJ	0x100	/* a subject: was, has, 's follows */
#define C_NOTNAME 0x200	/* May, Monday: a name only as a known surname */

struct cand {
	size_t		 sent;
	size_t		 b0, b1;	/* bytes in the sentence */
	size_t		 lb0;		/* start of the last word (surname) */
	uint32_t	 hash;		/* of the text, to compare quickly */
	int		 type;
	int		 ev;
	int		 ntok;		/* words, connectors not counted */
	unsigned	 f;
	const struct gent *g;
	long		 cluster;	/* person cluster, or -1 */
	const char	*canon;		/* set when resolved */
	size_t		 canonlen;
};

struct sent {
	size_t		 off, len;	/* in nerdoc.text */
	int		 headline;	/* 1 title case, 2 all capitals */
	int		 title;		/* the document's title */
};

struct cluster {
	const char	*first;		/* given name (in a sentence) or NULL */
	size_t		 firstlen;
	char		 last[48];	/* folded surname */
	size_t		 lastlen;
	uint64_t	 mask;		/* FOLDBIT() of each letter of last */
	long		 next;		/* next of its chain (CLCHAIN), or -1 */
	const char	*canon;
	size_t		 canonlen;
	int		 ntok;
	const struct gent *g;
};

/*
 * A multimap from 64-bit hashes to small integers (entities-idx.c), open
 * addressing; the callers check their keys.  It keeps the whole-document
 * matching linear in the number of candidates.
 */
struct hidx {
	uint64_t	*h;
	uint32_t	*v;		/* value + 1; 0 is an empty slot */
	size_t		 cap;		/* slots in use, a power of two */
	size_t		 alloc, n;
};

/*
 * Clusters by the first letter of their folded surname (a-z, 0-9, or
 * none: 37 chains), in the order they were made: only those of a name's
 * first letter can be close to it (entities-idx.c).
 */
#define NCLCHAIN	37
struct clchain {
	long		 head, tail;	/* clusters, or -1 */
	size_t		 n;
};

/* Candidates with the same text (hash and bytes) form a group. */
struct group {
	size_t		 rep;		/* its first candidate */
	size_t		 tail;		/* its last, for gnext */
	size_t		 first[4];	/* per EV_*: first that can lend its type */
	size_t		 head;		/* first a headline may take */
};
#define NONE_IDX	((size_t)-1)

/* The bit of nerdoc.lowgaz for a word's first two bytes a, b. */
#define LOWGAZBIT(a, b)	((unsigned)(a) << 8 | (unsigned)(b))

struct nerdoc {
	const struct nerlex *lx;
	/*
	 * Every single word of the word maps, the gazetteer and its
	 * prefixes -> its struct winfo: one lookup answers all a token may
	 * be asked (words with a space or hyphen are no token's).
	 */
	struct strmap	*words;		/* blobs: struct winfo */
	/*
	 * A Bloom filter over the words' hashes (two bits each, WORDBIT):
	 * most capitalised words are in no map, and the filter, small
	 * enough to stay in cache, says so without the map's cache miss.
	 */
	unsigned char	 wordbits[WORDBITS / 8];
	struct buf	 text;		/* the sentences, one after another */
	struct sent	*sents;
	size_t		 nsents, capsents;
	struct tok	*toks;		/* the sentence being tagged */
	size_t		 ntoks, captoks;
	/*
	 * The tokens a run of a name may start at (ner_body()), in order:
	 * every word but the lower-case ones no gazetteer spelling starts
	 * with, told by lowgaz: a bit per first two bytes of the spellings'
	 * first words that do not start with a capital A-Z (al-Qaeda, eBay),
	 * the second 0 for a word of one byte (LOWGAZBIT).  Built by
	 * nerdoc_new().
	 */
	size_t		*starts;
	size_t		 nstarts, capstarts;
	/* Bit k of alnum[k / 64]: byte k of the sentence an ASCII letter or digit. */
	uint64_t	*alnum;
	size_t		 capalnum;
	unsigned char	*lowgaz;	/* 256 * 256 bits */
	const struct gent **gzents;	/* entries of the tokens' gaz memos */
	size_t		 ngzents, capgzents;
	struct cand	*cands;
	size_t		 ncands, capcands;
	struct cluster	*cl;
	size_t		 ncl, capcl;
	struct mention	*ments;
	size_t		 nments, capments;
	struct mention	*mtmp;		/* scratch for sorting them */
	size_t		 capmtmp;
	struct buf	 key, tmp, lc;	/* scratch */
	struct hidx	 clidx;		/* folded surnames and their variants */
	size_t		 nclidx;	/* clusters in clidx */
	struct clchain	 clchain[NCLCHAIN];
	struct hidx	 grpidx;	/* candidate text -> group */
	struct hidx	 lastidx;	/* a person's last word -> candidate */
	struct hidx	 lcidx;		/* lower-cased text -> candidate */
	struct hidx	 snidx;		/* text -> candidate cluster(), surname() took */
	size_t		*grp;		/* group of each candidate */
	size_t		*gnext;		/* next candidate of its group */
	size_t		 capgrp, capgnext;
	struct group	*groups;
	size_t		 ngroups, capgroups;
	int		 lcready;	/* lcidx built for this document */
};

/* ---- per-document indexes (entities-idx.c) ---- */

void	hidx_reset(struct hidx *, size_t want);
void	hidx_grow(struct hidx *);
void	hidx_free(struct hidx *);

/* Add h -> v.  Inline: the indexes take a key per candidate. */
static inline void
hidx_put(struct hidx *x, uint64_t h, uint32_t v)
{
	size_t i;

	if ((x->n + 1) * 2 > x->cap)
		hidx_grow(x);
	for (i = (size_t)h & (x->cap - 1); x->v[i] != 0;
	    i = (i + 1) & (x->cap - 1))
		;
	x->h[i] = h;
	x->v[i] = v + 1;
	x->n++;
}
/*
 * The first slot from slot i on (wrapping) that holds hash h, or NONE_IDX
 * at an empty slot.  Walk: for (i = hidx_find(x, h, h); i != NONE_IDX;
 * i = hidx_find(x, h, i + 1)) ... x->v[i] - 1 ...
 */
static inline size_t
hidx_find(const struct hidx *x, uint64_t h, size_t i)
{
	if (x->cap == 0)
		return NONE_IDX;
	for (i &= x->cap - 1; x->v[i] != 0; i = (i + 1) & (x->cap - 1))
		if (x->h[i] == h)
			return i;
	return NONE_IDX;
}

/* Forget the document's clusters. */
void	ner_clreset(struct nerdoc *d);
/* Add a cluster for the folded surname fold (given name first or NULL). */
struct cluster *ner_cladd(struct nerdoc *d, const char *fold, size_t flen,
	    const char *first, size_t firstlen);
/*
 * The first cluster whose surname is close (name_close()) to the folded
 * fold and, when first is given, has no other given name; with exact, an
 * equal surname first, then a close one.  -1 if none.
 */
long	ner_clfind(struct nerdoc *d, const char *fold, size_t flen,
	    const char *first, size_t firstlen, int exact);
/* entities-people.c: */
/* Put person candidate c (a full name, or the gazetteer's) in a cluster. */
void	ner_cluster(struct nerdoc *d, struct cand *c);
/*
 * A bit per first letter of the clusters' folded surnames (a-z, 0-9 by
 * their low six bits: some share one, which only lets more through).
 */
#define FIRSTBIT(ch)	((uint64_t)1 << ((unsigned char)(ch) & 63))
/*
 * A single word that is a known person's surname joins the person.
 * firsts: FIRSTBIT() of every cluster's surname's first letter.
 */
void	ner_surname(struct nerdoc *d, struct cand *c, uint64_t firsts);

/* Group the candidates by text (d->grp, d->groups). */
void	ner_groups(struct nerdoc *d);
/* Can a headline take candidate c's reading (entities-head.c)? */
#define HEADOK(c)	(!((c)->f & (C_HEAD | C_DROP)) && (c)->type != ENT_NONE)
/* Index what a headline may match: whole texts and people's surnames. */
void	ner_headindex(struct nerdoc *d);
/*
 * The first candidate a headline may take with text key[0..n) (h its
 * strhash()), or with that last word of a person's full name (last);
 * NONE_IDX if none.
 */
size_t	ner_headtext(struct nerdoc *d, const char *key, size_t n, uint64_t h,
	    int last);
/*
 * The first it may take whose lower-cased text is lc (h its strhash()),
 * n bytes before.
 */
size_t	ner_headlc(struct nerdoc *d, const char *lc, size_t lclen, uint64_t h,
	    size_t n);

/* Tokenize sentence si into d->toks; returns the headline mode (0-2). */
int	ner_tokenize(struct nerdoc *d, size_t si);
/* Tag sentence si (tokenized) as body text, adding candidates. */
void	ner_body(struct nerdoc *d, size_t si);
/* Tag headline sentence si (tokenized) from the lexicons and the body. */
void	ner_headline(struct nerdoc *d, size_t si, int caps);
/* The text of sentence si. */
#define SENT(d, si)	((d)->text.s + (d)->sents[si].off)

/* The text of candidate c. */
static inline const char *
ner_ctext(const struct nerdoc *d, const struct cand *c)
{
	return SENT(d, c->sent) + c->b0;
}

/* Is the lower-case s[0..n) in the common words (no plurals tried)? */
int	ner_iscommon(const struct nerlex *, const char *s, size_t n);
/* Is s[0..n) a common English word, or the plural of one? */
int	ner_common(const struct nerlex *, struct buf *tmp, const char *s, size_t n);

/* Add a candidate for tokens k0..k1 of sentence si (entities-tag.c). */
void	ner_addcand(struct nerdoc *d, size_t si, size_t k0, size_t k1,
	    int type, int ev, const struct gent *g, unsigned f);

/*
 * Evidence (entities-ev.c).  base is the sentence text, k a token index.
 */
/* The key of tokens k0..k1 (a space or a hyphen between) into d->key. */
const char *ner_tokkey(struct nerdoc *d, const char *base, size_t k0,
	    size_t k1);
/*
 * Token k's answers from the word maps (entities-ev.c).  The first
 * question fills all of them with one lookup (ner_wordmemo()); they are
 * written to d->toks through a const struct nerdoc *: caches, invisible
 * to the callers, as the const promises.  Inline: the tagger asks them
 * of every word of a run and of the words around it.
 */
void	ner_wordmemo(const struct nerdoc *d, const char *base, struct tok *t);

static inline int
ner_memo(const struct nerdoc *d, const char *base, size_t k, int which)
{
	struct tok *t = &d->toks[k];

	if (!(t->have & TM_WORD))
		ner_wordmemo(d, base, t);
	return t->memo[which];
}

/* The CUE_* kind of token k (0 for a mark or past the end). */
static inline int
ner_cue(const struct nerdoc *d, const char *base, size_t k)
{
	if (k >= d->ntoks || !(d->toks[k].f & T_WORD))
		return 0;
	return ner_memo(d, base, k, M_CUE);
}

/* The keyword type of token k (KW_ORG, KW_LOC, KW_CORP), or 0. */
static inline int
ner_keyword(const struct nerdoc *d, const char *base, size_t k)
{
	int v = ner_memo(d, base, k, M_KW);

	return v == KW_DIR ? 0 : v;
}

/* Is token k a direction word (North, Southern)? */
static inline int
ner_direction(const struct nerdoc *d, const char *base, size_t k)
{
	return ner_memo(d, base, k, M_KW) == KW_DIR;
}

/* Is token k a given name? */
static inline int
ner_given(const struct nerdoc *d, const char *base, size_t k)
{
	return ner_memo(d, base, k, M_GIVEN);
}

/* Token k's TITLE_* value as a one-word title, or 0. */
static inline int
ner_title(const struct nerdoc *d, const char *base, size_t k)
{
	return ner_memo(d, base, k, M_TITLE);
}

/* Does a title phrase start with token k (Prime of Prime Minister)? */
static inline int
ner_titlefirst(const struct nerdoc *d, const char *base, size_t k)
{
	return ner_memo(d, base, k, M_TFIRST);
}

/* Is token k a capitalised word that is no name (May, Monday)? */
static inline int
ner_notname(const struct nerdoc *d, const char *base, size_t k)
{
	return ner_memo(d, base, k, M_NOTNAME);
}

/* Are tokens k-1 and k parts of one name (only a space or hyphen between)? */
static inline int
ner_adjacent(const struct nerdoc *d, size_t k)
{
	const struct tok *a = &d->toks[k - 1], *b = &d->toks[k];

	return (a->f & T_WORD) && (b->f & T_WORD) && !(a->f & T_POSS) &&
	    ((b->f & T_SPACE) || (b->f & T_HYPH));
}

/* ner_gazmatch() when the memos may not answer at once (entities-ev.c). */
size_t	ner_gazmatch_memo(struct nerdoc *d, const char *base, size_t k,
	    size_t lim, const struct gent **gp);
/*
 * Tokens in the longest gazetteer match at k within [k, lim), its entry
 * in *gp; 0 if none.  Inline: most words asked are known already to
 * start no match.
 */
static inline size_t
ner_gazmatch(struct nerdoc *d, const char *base, size_t k, size_t lim,
    const struct gent **gp)
{
	const struct tok *t = &d->toks[k];

	if ((t->have & TM_GAZ) && t->gzmask == 0 && !(t->f & T_UPPER))
		return 0;
	return ner_gazmatch_memo(d, base, k, lim, gp);
}

/* A verb (enrolled, dismisses) or a comma at k? */
int	ner_verbnext(const struct nerdoc *d, const char *base, size_t k);
/* Is the word before k a lower-case person's title (president Biden)? */
int	ner_lowertitle(struct nerdoc *d, const char *base, size_t k);
/* Does ", Country" or ", State" follow at k? */
int	ner_placenext(struct nerdoc *d, const char *base, size_t k);
/* 1 for a plural acronym (MPs), 2 for inner capitals (SaskTel), else 0. */
int	ner_shape(const char *s, size_t n);
/* Is token k a common English word (or its plural)? */
int	ner_commonword(struct nerdoc *d, const char *base, size_t k);
/* Type of unknown word k from its ending (-ians NORP, -stan LOC). */
int	ner_guess(struct nerdoc *d, const char *base, size_t k);
/* Type the words around k0..k1 suggest (in X, the X region, X said). */
int	ner_context(struct nerdoc *d, const char *base, size_t k0, size_t k1);
/* Does a lower-cased word look like an adverb or agent noun (-ly, -ists)? */
int	ner_lookscommon(const char *s, size_t n);
/* Is the nationality word k0..k1 a language here (in English)? */
int	ner_language(struct nerdoc *d, const char *base, size_t k0, size_t k1);

/* Grow an array p of *cap elements of size sz to hold n. */
void	*ner_grow(void *p, size_t *cap, size_t n, size_t sz);
