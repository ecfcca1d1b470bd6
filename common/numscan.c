/*
 * numscan.c: the quick look of the number finder at a sentence (see
 * numint.h): can numlex_tokens() find a number in it at all?  Most
 * sentences hold none, and this look is all the work they cost, so it
 * reads the text eight bytes at a time (SWAR) instead of a byte at a
 * time.
 *
 * numlex_tokens() says a sentence may hold a number when it has a
 * digit, a vulgar fraction character or a word with a number role.
 * Number words are ASCII (else nf->nwide), so a word token that is one is
 * a whole run of ASCII letters between bytes that are not: checking every
 * such run finds it, and more (a clear bit in nf->nkey rules a word out,
 * a set one may be another word).  The answer may be yes where there is
 * no number; never no where there is one.
 */
#include <stdint.h>
#include <string.h>

#include "numint.h"
#include "scan.h"


/*
 * The eight bytes at p as a number whose lowest byte is p[0], on any
 * machine, so that bit k of a mask below is byte k of the text.
 */
static inline uint64_t
load_le(const unsigned char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t x;

	memcpy(&x, p, sizeof(x));
	return x;
#else
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	    (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 |
	    (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
	    (uint64_t)p[7] << 56;
#endif
}

/* The first min(n, 8) bytes at p, as load_le() would give them, the
 * others 0. */
static uint64_t
load_short(const unsigned char *p, size_t n)
{
	uint64_t x = 0;
	size_t k;

	for (k = 0; k < n && k < 8; k++)
		x |= (uint64_t)p[k] << 8 * k;
	return x;
}

/*
 * The hash in nf->nkey of a word of len letters whose first eight (or
 * fewer) bytes are x, byte 0 lowest: those bytes lower-cased and the
 * length, multiplied by a large odd constant (Fibonacci hashing).  Its
 * top two 16-bit parts are two bits of a Bloom filter.  Cheaper than
 * hashing the word a byte at a time, and only ever compared with itself.
 */
static uint64_t
wordkey(uint64_t x, size_t len)
{
	uint64_t keep = len >= 8 ? ~(uint64_t)0 :
	    ((uint64_t)1 << 8 * len) - 1;

	x = (x | SCAN_ONES * 0x20) & keep;
	return (x + len) * 0x9e3779b97f4a7c15ULL;
}

#define KEYBIT1(h)	((uint32_t)((h) >> (64 - NF_HBITS)))
#define KEYBIT2(h)	((uint32_t)((h) >> (48 - NF_HBITS)) & ((1 << NF_HBITS) - 1))

/*
 * The slot in nf->nlen of a run of ASCII letters whose first two bytes
 * are c0 and c1: the low five bits of each, which are the same for a
 * letter in either case.  For a run of one letter c1 is the byte after
 * it, whatever it is: a word of one letter is entered under all 32 values
 * of c1 (only it sets the bit of length 1).
 */
#define NLEN_SLOT(c0, c1)	(((unsigned)(c0) & 31) << 5 | ((unsigned)(c1) & 31))
/* A length's bit in nf->nlen: 63 stands for 63 and more. */
#define NLEN_BIT(len)		((uint64_t)1 << ((len) < 63 ? (len) : 63))

void
numscan_add(struct numfinder *nf, const char *w, size_t n)
{
	uint64_t h = wordkey(load_short((const unsigned char *)w, n), n);
	unsigned c1;

	if (n >= 2)
		nf->nlen[NLEN_SLOT(w[0], w[1])] |= NLEN_BIT(n);
	else
		for (c1 = 0; c1 < 32; c1++)
			nf->nlen[NLEN_SLOT(w[0], c1)] |= NLEN_BIT(n);
	nf->nkey[KEYBIT1(h) / 64] |= (uint64_t)1 << KEYBIT1(h) % 64;
	nf->nkey[KEYBIT2(h) / 64] |= (uint64_t)1 << KEYBIT2(h) % 64;
}

/*
 * What numscan_maybe() needs of a block of 64 bytes, as 64-bit masks
 * whose bit k is byte k: its ASCII letters, its ASCII digits (only
 * whether there is one matters), and a superset of the bytes that may
 * begin a vulgar fraction character (0xc2, 0xe2).
 */
struct blockmask {
	uint64_t	letter, digit, lead;
};

#ifdef __SSE2__
/*
 * x86_64 always has SSE2: sixteen bytes per step.  A byte v is in
 * [lo, lo + w] when v - lo (wrapping) is at most w, that is when the
 * unsigned saturating v - lo - w is 0.  For letters v is the byte with
 * 0x20 set (capitals to small letters); bytes of 0x80 and above then lie
 * in [0xa0, 0xff], and v - 'a' in [0x3f, 0x9e], never a letter.
 */
#include <emmintrin.h>

static inline void
block_masks(const unsigned char *p, struct blockmask *bm)
{
	const __m128i zero = _mm_setzero_si128();
	const __m128i case20 = _mm_set1_epi8(0x20), a = _mm_set1_epi8('a');
	const __m128i az = _mm_set1_epi8('z' - 'a'), d0 = _mm_set1_epi8('0');
	const __m128i d9 = _mm_set1_epi8(9);
	const __m128i c2 = _mm_set1_epi8((char)0xc2);
	const __m128i e2 = _mm_set1_epi8((char)0xe2);
	__m128i x, l, d, anyd = _mm_set1_epi8(-1);
	uint64_t letter = 0, lead = 0;
	int k;

	for (k = 0; k < 64; k += 16) {
		x = _mm_loadu_si128((const __m128i *)(const void *)(p + k));
		l = _mm_subs_epu8(_mm_sub_epi8(_mm_or_si128(x, case20), a), az);
		letter |= (uint64_t)(unsigned)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(l, zero)) << k;
		d = _mm_subs_epu8(_mm_sub_epi8(x, d0), d9);
		anyd = _mm_min_epu8(anyd, d);	/* a 0 byte: a digit */
		lead |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_cmpeq_epi8(x, c2), _mm_cmpeq_epi8(x, e2))) << k;
	}
	bm->letter = letter;
	bm->digit = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(anyd, zero));
	bm->lead = lead;
}
#else
/*
 * Elsewhere eight bytes per step (SWAR).  INRANGE(x, t, lo, hi): the
 * high bit of each byte of x that is in [lo, hi] (ASCII, lo >= 1), t
 * being x with the high bits cleared (or some bits more set): t + 128 -
 * lo reaches 128 when t >= lo, 127 + hi + 1 - t when t <= hi; with t
 * below 128 neither carries into the next byte.  Bytes of 0x80 and above
 * are ruled out by ~x.
 */
#define INRANGE(x, t, lo, hi) \
	((SCAN_ONES * (0x7f + (hi) + 1) - (t)) & \
	 ((t) + SCAN_ONES * (0x80 - (lo))) & ~(x) & SCAN_HIGHS)

/* The high bits of the bytes of a mask as 8 bits, byte k as bit k. */
static inline unsigned
pack8(uint64_t m)
{
	/* bit 8k times 2^(56 - 7k) lands on bit 56 + k; the other
	 * products are distinct bits above 63 or below 56: no carries */
	return (unsigned)(((m >> 7) * 0x0102040810204080ULL) >> 56);
}

static inline void
block_masks(const unsigned char *p, struct blockmask *bm)
{
	uint64_t x, t, y, letter = 0, digit = 0, high = 0;
	int k;

	for (k = 0; k < 64; k += 8) {
		x = load_le(p + k);
		t = x & SCAN_ONES * 0x7f;
		digit |= INRANGE(x, t, '0', '9');
		y = t | SCAN_ONES * 0x20;	/* 'A'-'Z' to 'a'-'z' */
		letter |= (uint64_t)pack8(INRANGE(x, y, 'a', 'z')) << k;
		high |= (uint64_t)pack8(x & SCAN_HIGHS) << k;
	}
	bm->letter = letter;
	bm->digit = digit;
	bm->lead = high;	/* every byte not ASCII */
}
#endif

/* A vulgar fraction character (U+00BC-00BE, U+2150-215E) at s[i]. */
static int
vulgar_at(const unsigned char *s, size_t n, size_t i)
{
	if (s[i] == 0xc2)
		return i + 1 < n && s[i + 1] >= 0xbc && s[i + 1] <= 0xbe;
	return s[i] == 0xe2 && i + 2 < n && s[i + 1] == 0x85 &&
	    s[i + 2] >= 0x90 && s[i + 2] <= 0x9e;
}

/*
 * The run of ASCII letters s[b..b + len) of s[0..n), whose first two
 * bytes (or its letter and the byte after it) are c0 and c1, may be a
 * number word.  Most runs are ruled out by c0, c1 and the length
 * (nf->nlen); the rest by the Bloom filter nf->nkey.
 */
static inline int
numword(const struct numfinder *nf, const unsigned char *s, size_t n,
    size_t b, size_t len, unsigned c0, unsigned c1)
{
	uint64_t x, h;

	if (!(nf->nlen[NLEN_SLOT(c0, c1)] & NLEN_BIT(len)))
		return 0;
	x = b + 8 <= n ? load_le(s + b) : load_short(s + b, n - b);
	h = wordkey(x, len);

	return (int)(nf->nkey[KEYBIT1(h) / 64] >> KEYBIT1(h) % 64 &
	    nf->nkey[KEYBIT2(h) / 64] >> KEYBIT2(h) % 64 & 1);
}

/*
 * Blocks of 64 bytes become a 64-bit mask of their ASCII letters
 * (block_masks()); each run of letters that starts in a block is then
 * read off its mask: a start is a letter after a non-letter, its length
 * the count of set bits from there.  A run that goes on past its block
 * is finished in the next one (or at the end of the text).
 */
int
numscan_maybe(const struct numfinder *nf, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str, *p;
	unsigned char tail[65];
	struct blockmask bm;
	uint64_t m, starts, lead, r, prev = 0;
	size_t base, rs = 0, st, len;
	int open = 0;

	if (nf->nwide)
		return 1;
	for (base = 0; base < n; base += 64) {
		p = s + base;
		if (n - base <= 64) {
			/*
			 * NULs after the end: not letters, digits, or
			 * leads.  p[64], the byte after a run that ends the
			 * block, is then readable too.
			 */
			memset(tail, 0, sizeof(tail));
			memcpy(tail, p, n - base);
			p = tail;
		}
		block_masks(p, &bm);
		if (bm.digit)
			return 1;
		for (lead = bm.lead; lead != 0; lead &= lead - 1)
			if (vulgar_at(s, n, base + (size_t)scan_ctz64(lead)))
				return 1;
		m = bm.letter;
		if (open) {
			/* the run from rs goes on over the block's first
			 * letters (none when the block starts with another
			 * byte) */
			r = ~m;
			if (r == 0)
				continue;	/* and over the whole block */
			open = 0;
			if (numword(nf, s, n, rs, base + (size_t)scan_ctz64(r) - rs,
			    s[rs], s[rs + 1]))
				return 1;
		}
		starts = m & ~(m << 1 | prev);
		prev = m >> 63;
		for (; starts != 0; starts &= starts - 1) {
			st = (size_t)scan_ctz64(starts);
			/* the letters from st on: ~m >> st has its lowest
			 * set bit at the run's end, none when the run
			 * reaches the end of the block */
			if ((r = ~m >> st) == 0) {
				rs = base + st;
				open = 1;
				break;
			}
			len = (size_t)scan_ctz64(r);
			if (numword(nf, s, n, base + st, len, p[st], p[st + 1]))
				return 1;
		}
	}
	/* a run still open ends the text */
	return open && numword(nf, s, n, rs, n - rs, s[rs],
	    rs + 1 < n ? s[rs + 1] : 0);
}
