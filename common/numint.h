/*
 * numint.h: what the parts of the number finder share (numlex.c builds
 * the lexicons, numtok.c the tokens, numzone.c marks the tokens in URLs
 * and the like, numfind.c reads mentions off the tokens).
 * Not for filters: they use numbers.h.
 */
#ifndef NUMINT_H
#define NUMINT_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "lexicon.h"
#include "numbers.h"
#include "util.h"

/* Roles a word plays (num-words.tsv, num-context.tsv). */
enum {
	R_CARD = 1 << 0, R_SCALE = 1 << 1, R_ABBR = 1 << 2, R_VAGUE = 1 << 3,
	R_ORD = 1 << 4, R_DENOM = 1 << 5, R_MONTH = 1 << 6, R_WEEKDAY = 1 << 7,
	R_STOP = 1 << 8, R_PLURAL = 1 << 9, R_NAME = 1 << 10,
	R_STREET = 1 << 11, R_NOTONE = 1 << 12, R_YEARPREP = 1 << 13,
	R_SCORE = 1 << 14, R_CHANGE = 1 << 15
};

struct word {
	unsigned	 roles;
	int		 card;		/* R_CARD: 0-100, 12 for dozen */
	int		 scale;		/* R_SCALE, R_ABBR: power of ten */
	long long	 vague;		/* R_VAGUE */
	long long	 ord;		/* R_ORD */
	long long	 denom;		/* R_DENOM */
	int		 month;		/* R_MONTH, R_WEEKDAY */
};

struct currency {
	char	code[4];
	int	pre, post, glued;	/* where it may stand */
	int	minor;			/* 100 for cents and pence, else 1 */
	int	scale;			/* 6 for "MUSD", "MEUR": millions */
};

struct unit {
	char	*sing;
	int	 kind;			/* NK_QUANTITY or NK_DURATION */
	int	 glued;			/* only glued to digits: "5m", "20g" */
};

enum { TK_NUM, TK_WORD, TK_SYM };

/*
 * Laid out small: numlex_tokens() clears one per token.  The offsets
 * fit in 32 bits: extract-numbers hands the finder windows of at most
 * 1 MiB (its MAXWINDOW), and nf->low holds at most twice that.
 */
struct tok {
	uint32_t	 b, e;		/* bytes in the sentence */
	uint32_t	 cb, ce;	/* code points */
	uint32_t	 lo, lolen;	/* TK_WORD: lower case copy in nf->low */
	const struct word *w;		/* TK_WORD: lexicon entry or NULL */
	struct numval	 v;		/* TK_NUM */
	uint32_t	 cp;		/* TK_SYM: the code point */
	unsigned	 first;		/* F_ bits: may start such a key */
	unsigned	 roles;		/* TK_WORD: w->roles, 0 without w */
	int		 ndig;		/* TK_NUM: digits before the point */
	unsigned char	 type;		/* TK_NUM, TK_WORD or TK_SYM */
	unsigned char	 sp;		/* white space before it */
	unsigned char	 skip;		/* inside a URL, handle, clock time... */
	unsigned char	 cap;		/* TK_WORD: initial capital */
	unsigned char	 intg;		/* TK_NUM: no decimal point */
	unsigned char	 comma;		/* TK_NUM: thousands separators */
	unsigned char	 sci;		/* TK_NUM: scientific notation */
};

/*
 * Bit tables over a hash of lower-cased words (nf->wany, numscan.c's
 * nf->nkey): a clear bit says no word of the set has that hash, so most
 * words are never looked up.
 */
#define NF_HBITS	16
#define NF_HWORDS	((1 << NF_HBITS) / 64)

/*
 * The hash of the word tables, of the lower-cased word p[0..n), read
 * eight bytes at a time: the caller guarantees that 7 bytes after p[n)
 * may be read (numtok.c's nf->low has the room, numlex.c copies keys
 * into a padded buffer); their contents do not matter.  The bytes are
 * loaded in the machine's order, which both sides share.  It is made of
 * three steps so that numtok.c's scan_word() can mix each group of eight
 * bytes in while it copies them, instead of reading back what it just
 * stored (a load that spans earlier stores waits for them): NF_HSEED,
 * nf_hash_mix() per group (the last one's bytes past the word cleared),
 * nf_hash_end() with the length.
 */
#define NF_HSEED	0x9e3779b97f4a7c15ULL

static inline uint64_t
nf_hash_mix(uint64_t h, uint64_t x)
{
	h = (h ^ x) * 0xff51afd7ed558ccdULL;
	return h ^ h >> 32;
}

static inline uint32_t
nf_hash_end(uint64_t h, size_t n)
{
	h ^= n;
	h = (h ^ h >> 29) * 0xc4ceb9fe1a85ec53ULL;
	return (uint32_t)(h >> 32);
}

/* The first n (1-7) bytes of the group x in memory, the others 0. */
static inline uint64_t
nf_hash_part(uint64_t x, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return x & ~(~(uint64_t)0 >> 8 * n);	/* the high bytes */
#else
	return x & (((uint64_t)1 << 8 * n) - 1);
#endif
}

static inline uint32_t
nf_hash(const char *p, size_t n)
{
	uint64_t h = NF_HSEED, x;
	size_t len = n;

	for (; n >= 8; n -= 8, p += 8) {
		memcpy(&x, p, sizeof(x));
		h = nf_hash_mix(h, x);
	}
	if (n > 0) {
		memcpy(&x, p, sizeof(x));
		h = nf_hash_mix(h, nf_hash_part(x, n));
	}
	return nf_hash_end(h, len);
}

/*
 * The flags of a word in nf->wtab (the F_ bits are below them):
 * WF_START marks the words a rule of num_find() may start at (the words
 * inert() in numrules.c does not rule out): those with a role of
 * WF_START_ROLES, and the words of numlex.c's start_words[].  A token
 * without it (and without F_CUR) is inert, so num_find() never looks at
 * it.
 */
#define WF_START	32
#define WF_START_ROLES	(R_CARD | R_SCALE | R_ABBR | R_VAGUE | R_ORD | \
			 R_DENOM | R_MONTH)

/*
 * A bit per value of the top NF_HBITS - 1 bits of a word's hash, set
 * when a key of nf->wtab has it: 4 KB that stay in the first level
 * cache; most words have a clear bit and are never looked up.
 */
#define NF_ANYBIT(h)	((h) >> (32 - NF_HBITS + 1))
#define NF_ANYWORDS	((1 << NF_HBITS) / 2 / 64)

/*
 * The high bit of each byte of x that is an ASCII letter, exactly: with
 * t the byte's low seven bits with 0x20 set (capitals to small letters),
 * t + 128 - 'a' reaches 128 when t >= 'a' and 127 + 'z' + 1 - t when
 * t <= 'z', neither carrying into the next byte; ~x rules out the bytes
 * of 0x80 and above.
 */
static inline uint64_t
nf_letters(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ULL;
	uint64_t t = (x & ones * 0x7f) | ones * 0x20;

	return (ones * (0x7f + 'z' + 1) - t) & (t + ones * (0x80 - 'a')) & ~x &
	    ones * 0x80;
}

enum { ZC_RUN = 1, ZC_LOOK = 2 };	/* numzone.c: zone_starts() */

/*
 * The tokens the keys of a lexicon (currencies, units, qualifiers) start
 * with; a token no key starts with need not be looked up with its
 * neighbours (struct tok's first).
 */
enum { F_CUR = 1, F_UNIT = 2, F_QUAL = 4, F_CUR2 = 8 };	/* F_CUR2: may be
					   the second token of a currency */
struct firsts {
	uint64_t	 sym[64];		/* symbols, cp % 4096 */
	int		 num;			/* a key starts with a digit */
};

/*
 * A slot of nf->wtab: the words of nf->words again, and the words the
 * keys of the other lexicons start with (their F_ bits), by the hash a
 * token's lower-case text gets when it is read (numtok.c), so looking a
 * token up costs no second hash and one cache line.  Filled by numlex.c.
 * 32 bytes, so that the table (2048 slots) fits the first level cache
 * better: a key of up to 16 bytes is in the slot (kin, zero-padded), a
 * longer one is pointed to (key, 7 readable zero bytes after its end),
 * so that either can be compared 8 bytes at a time (numtok.c's
 * same_word() reads no further than the next multiple of 8 bytes).
 * Keys have 1 to 248 bytes (numlex.c's lowcopy()): len 0 marks an empty
 * slot.
 */
struct wslot {
	union {
		const char *key;	/* len > sizeof(kin) */
		char	 kin[16];	/* len <= sizeof(kin) */
	} u;
	const struct word *w;		/* NULL: not in nf->words */
	uint32_t	 h;
	unsigned char	 len;		/* 0: empty slot */
	unsigned char	 flags;		/* WF_START, F_ bits */
	uint16_t	 roles;		/* w->roles (0 without w) */
};

/* The bytes of slot sl's key to compare. */
#define WSLOT_KEY(sl)	((sl)->len <= sizeof((sl)->u.kin) ? (sl)->u.kin : \
			 (sl)->u.key)

/* The home slot of hash h in nf->wtab. */
#define NF_WSLOT(h)	((h) ^ (h) >> 15)

struct numfinder {
	struct strmap	*words, *cur, *units, *quals;
	struct wslot	*wtab;		/* open addressing, linear probing */
	size_t		 wcap, wcount;	/* wcap a power of two */
	uint64_t	 wany[NF_ANYWORDS];	/* NF_ANYBIT of the keys of
					   nf->wtab */
	unsigned	 fall;		/* F_ bits every word gets */
	uint64_t	 nkey[NF_HWORDS];	/* number words by numscan.c's
					   key (may hold one) */
	struct firsts	 fcur, funit, fqual;	/* of the keys of nf->cur... */
	struct firsts	 fcur2;		/* second tokens of nf->cur's keys */
	int		 nwide;		/* a number word is not ASCII */
	uint64_t	 nlen[1024];	/* bit per length (63: longer) of the
					   number words by numscan.c's
					   NLEN_SLOT of their first letters */
	pcre2_code	*zone;		/* NULL until a sentence has an '@' */
	pcre2_code	*zonea;		/* the same, anchored at the start */
	int		 zonejit, zoneajit;	/* JIT-compiled: numzone.c */
	pcre2_match_data *md;
	pcre2_match_context *mc;	/* work limits, JIT stack */
	pcre2_jit_stack	*jit;
	int		 keep;		/* zone's group number of "keep" */
	unsigned char	 zcls[256];	/* per byte value: ZC_ bits */
	unsigned char	*zc;		/* per byte: a zone may start here */
	size_t		 zccap;
	const char	*s;		/* the sentence */
	size_t		 n;
	struct tok	*t;
	int		 nt;
	size_t		 tcap;
	int		*live;		/* the tokens a rule may start at
					   (not inert()), in order */
	int		 nlive;
	int		 at;		/* the sentence has an '@' (each is
					   a symbol token) */
	unsigned	 rall;		/* the roles of all its words
					   together */
	struct buf	 low;		/* lower-cased words */
	struct mention	*m;
	int		 nm;
	size_t		 mcap;
	int		*mt0, *mt1, *mscale;	/* per mention: tokens, scale */
	unsigned char	*used;		/* per token: inside a mention */
	size_t		 ucap;
	int		*flag;		/* per mention: range and score marks */
	size_t		 fcap;
	void		**own;		/* lexicon values, freed by num_close */
	size_t		 nown, owncap;
};

/* numlex.c */
/* Load the lexicons and set up the zones (numlex_zone_init()) once. */
void	numlex_init(struct numfinder *nf);
/* Free what numlex_init() set up. */
void	numlex_free(struct numfinder *nf);
/* numscan.c: whether numlex_tokens() may find a number in s[0..n). */
int	numscan_maybe(const struct numfinder *nf, const char *s, size_t n);
/* Note the number word w[0..n) (ASCII) for numscan_maybe(). */
void	numscan_add(struct numfinder *nf, const char *w, size_t n);
/* numzone.c */
/* Fill nf->zcls, compile the zone pattern, make its match context. */
void	numlex_zone_init(struct numfinder *nf);
/* Free what numlex_zone_init() set up, and nf->zc. */
void	numlex_zone_free(struct numfinder *nf);
/* Mark the tokens inside URLs, handles, clock times, phone numbers. */
void	numlex_zones(struct numfinder *nf);
/* numtok.c */
/* Tokenize the sentence; returns 1 when it may hold a number. */
int	numlex_tokens(struct numfinder *nf, const char *s, size_t n);
/* Whether cp goes in a word token: a letter or a nonspacing mark. */
int	numlex_letter(uint32_t cp);
/*
 * The lower-case key of tokens [i, i + k): words joined by one space when
 * there was white space between them, anything else joined as written.
 * Returns its length, or 0 when it does not fit or runs off the end.
 */
size_t	numlex_key(const struct numfinder *nf, int i, int k, char *key,
	    size_t size);
/*
 * A symbol no rule can start at.  Of the rules tried at a token (num_find())
 * nf_try_date() starts only at a number or a word; nf_try_money() at a
 * token a currency's key starts with (F_CUR); nf_try_words() at a word or
 * a vulgar fraction character (its vulgar()); try_number() at what
 * nf_numeral() reads, and the only symbol that reads is a dash
 * (isdash()) before a negative number.
 */
static inline int
numlex_inert_sym(const struct tok *t)
{
	return !(t->first & F_CUR) && t->cp != '-' && t->cp != 0x2013 &&
	    t->cp != 0x2212 && !(t->cp >= 0xbc && t->cp <= 0xbe) &&
	    !(t->cp >= 0x2150 && t->cp <= 0x215e);
}

/* The lower-case text of word token i. */
static inline const char *
numlex_low(const struct numfinder *nf, int i)
{
	return nf->low.s + nf->t[i].lo;
}

#define TOK(i)	(&nf->t[(i)])

/* ====== Token tests (shared by numfind.c and numrules.c) ====== */

/*
 * Whether i is a token of the sentence.  One unsigned comparison: a
 * negative i becomes at least 2^31, above any count nt (an int).
 */
static inline int
in(const struct numfinder *nf, int i)
{
	return (unsigned)i < (unsigned)nf->nt;
}

static inline int
isfree(const struct numfinder *nf, int i)
{
	return in(nf, i) && !nf->t[i].skip && !nf->used[i];
}

/* Word token i is w (lower case; the length folds for a literal). */
static inline int
isw(const struct numfinder *nf, int i, const char *w)
{
	size_t n = strlen(w);

	return in(nf, i) && nf->t[i].type == TK_WORD &&
	    nf->t[i].lolen == n && memcmp(numlex_low(nf, i), w, n) == 0;
}

static inline int
issym(const struct numfinder *nf, int i, uint32_t cp)
{
	return in(nf, i) && nf->t[i].type == TK_SYM && nf->t[i].cp == cp;
}

static inline int
isdash(const struct numfinder *nf, int i)
{
	return issym(nf, i, '-') || issym(nf, i, 0x2013) ||
	    issym(nf, i, 0x2212);
}

static inline int
isnum(const struct numfinder *nf, int i)
{
	return in(nf, i) && nf->t[i].type == TK_NUM;
}

static inline int
glued(const struct numfinder *nf, int i)
{
	return in(nf, i) && !nf->t[i].sp;
}

static inline unsigned
roles(const struct numfinder *nf, int i)
{
	return in(nf, i) ? nf->t[i].roles : 0;	/* 0 but for words */
}

static inline long long
ival(const struct numfinder *nf, int i)
{
	const struct tok *t = TOK(i);

	if (t->type != TK_NUM || !t->intg || t->v.e < 0 || t->ndig > 12)
		return -1;
	return nf->t[i].v.m * (t->v.e == 0 ? 1 : t->v.e == 1 ? 10 :
	    t->v.e == 2 ? 100 : t->v.e == 3 ? 1000 : t->v.e == 4 ? 10000 :
	    100000);
}

/* Only quotes, brackets and dashes before token i: it starts the sentence. */
static inline int
initial(const struct numfinder *nf, int i)
{
	int k;

	for (k = 0; k < i; k++)
		if (nf->t[k].type != TK_SYM)
			return 0;
	return 1;
}

/*
 * Most words of over three letters capitalised: a headline.  Counted
 * here, when a rule asks (few sentences get so far), rather than for
 * every word by the tokenizer.
 */
static inline int
headline(const struct numfinder *nf)
{
	const struct tok *t;
	int words = 0, caps = 0, k;

	for (k = 0; k < nf->nt; k++) {
		t = &nf->t[k];
		if (t->type == TK_WORD && t->lolen > 3) {
			words++;
			caps += t->cap;
		}
	}
	return words >= 3 && caps * 10 >= words * 7;
}

/* A capitalised word inside a sentence that is not a headline. */
static inline int
midcap(const struct numfinder *nf, int i)
{
	return in(nf, i) && nf->t[i].type == TK_WORD && nf->t[i].cap &&
	    !initial(nf, i) && !headline(nf) &&
	    !(in(nf, i - 1) && nf->t[i - 1].type == TK_SYM &&
	    nf->t[i - 1].cp != ',' && nf->t[i - 1].cp != '-');
}

static inline int
ord_suffix(const char *s)
{
	return strcmp(s, "st") == 0 || strcmp(s, "nd") == 0 ||
	    strcmp(s, "rd") == 0 || strcmp(s, "th") == 0;
}

static inline int
plural_looking(const struct numfinder *nf, int i)
{
	const char *s = numlex_low(nf, i);
	size_t n = nf->t[i].lolen;

	if (roles(nf, i) & R_PLURAL)
		return 1;
	return n >= 3 && s[n - 1] == 's' && s[n - 2] != 's' &&
	    s[n - 2] != 'u' && s[n - 2] != 'i' && strcmp(s, "news") != 0;
}

static inline int
verb_looking(const struct numfinder *nf, int i)
{
	const char *s = numlex_low(nf, i);
	size_t n = nf->t[i].lolen;

	return n > 4 && (strcmp(s + n - 3, "ing") == 0 ||
	    strcmp(s + n - 2, "ed") == 0 || strcmp(s + n - 2, "ly") == 0);
}


/* The value as an integer, or -1 when it is not a whole number >= 0. */
static inline long long
nv_whole(struct numval v)
{
	long long m = v.m;
	int e = v.e;

	if (m < 0 || e < 0 || e > 12)
		return -1;
	while (e-- > 0) {
		if (m > LLONG_MAX / 10)
			return -1;	/* too big to be a whole count */
		m *= 10;
	}
	return m;
}

/* A numeral: digits, number words and scales ("1.5 million", "twenty-one"). */
struct numeral {
	int		t0, t1;
	struct numval	v;
	int		ord;		/* ends in an ordinal */
	int		scale;		/* power of ten of its scale word */
	int		words;		/* holds a number word */
	int		digit;		/* index of its digit token, or -1 */
};

/* numfind.c */
struct mention *nf_add(struct numfinder *nf, int t0, int t1, enum numkind kind,
	    struct numval v, const char *unit, int scale);
void	nf_consume(struct numfinder *nf, int t0, int t1);
/* Read a numeral at token i (money: a currency came before it). */
int	nf_numeral(struct numfinder *nf, int i, int money, struct numeral *nu);
/* The end of the (hyphenated) word at token k. */
int	nf_compound(const struct numfinder *nf, int k);
/* The head noun of the words from token k (see numfind.c). */
int	nf_noun_run(struct numfinder *nf, int k, int plural, int *nb, int *ne);
void	nf_set_noun(struct numfinder *nf, struct mention *m, int nb, int ne);

/* numpass.c: qualifiers, then ranges and scores, then nouns. */
void	nf_qualify(struct numfinder *nf);
void	nf_ranges(struct numfinder *nf, int *flag);
void	nf_nouns(struct numfinder *nf, const int *flag);

/* nummoney.c */
const struct currency *nf_currency_at(const struct numfinder *nf, int i,
	    int len, int post);
/* A currency after the amount at token k; *end past it. */
const struct currency *nf_currency_after(const struct numfinder *nf, int k,
	    int *end);
/* Add a money mention, minor units (cents, pence) in major units. */
void	nf_money(struct numfinder *nf, int t0, int t1, const struct currency *c,
	    struct numval v, int scale);
/* An amount with its currency in front at token i: add it, return 1. */
int	nf_try_money(struct numfinder *nf, int i);

/* numwords.c */
/* A mention that starts with a word ("half", "a third") at token i. */
int	nf_try_words(struct numfinder *nf, int i);
/*
 * The denominator of a fraction at token k ("fifths", "tenth",
 * "twenty-fifths"), or 0; *end is set past it.
 */
long long nf_fraction_den(const struct numfinder *nf, int k, int *end);
/*
 * A proper fraction at token k ("a half", "three quarters", "fifty-four
 * hundredths"): sets *v and *end and returns 1, else returns 0.
 */
int	nf_proper_fraction(const struct numfinder *nf, int k, struct numval *v,
	    int *end);

/* numdate.c */
/* A four-digit year 1000-2999 at token k, or 0. */
int	nf_year_at(const struct numfinder *nf, int k);
/* A date starting at token i: add it and return 1, or return 0. */
int	nf_try_date(struct numfinder *nf, struct numdoc *doc, int i);

#endif
