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

void
numscan_add(struct numfinder *nf, const char *w, size_t n)
{
	uint64_t h = wordkey(load_short((const unsigned char *)w, n), n);

	nf->nlen[(unsigned char)w[0] | 0x20] |= (uint32_t)1 << (n < 31 ? n : 31);

	nf->nkey[KEYBIT1(h) / 64] |= (uint64_t)1 << KEYBIT1(h) % 64;
	nf->nkey[KEYBIT2(h) / 64] |= (uint64_t)1 << KEYBIT2(h) % 64;
}

/*
 * The high bit of each byte of x that is in [lo, hi] (ASCII, lo >= 1),
 * t being x with the high bits cleared (or some bits more set):
 * t + 128 - lo reaches 128 when t >= lo, 127 + hi + 1 - t when t <= hi;
 * with t below 128 neither carries into the next byte.  Bytes of 0x80 and
 * above are ruled out by ~x.
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

/* The number of zero bits below the lowest set bit of x (x != 0). */
static inline int
ctz64(uint64_t x)
{
#ifdef __GNUC__
	return __builtin_ctzll(x);
#else
	int k = 0;

	for (; !(x & 1); x >>= 1)
		k++;
	return k;
#endif
}

/* A vulgar fraction character (U+00BC-00BE, U+2150-215E) at s[i]. */
static int
vulgar_at(const unsigned char *s, size_t n, size_t i)
{
	if (s[i] == 0xc2)
		return i + 1 < n && s[i + 1] >= 0xbc && s[i + 1] <= 0xbe;
	return s[i] == 0xe2 && i + 2 < n && s[i + 1] == 0x85 &&
	    s[i + 2] >= 0x90 && s[i + 2] <= 0x9e;
}

/* The run of ASCII letters s[b..e) of s[0..n) may be a number word. */
static inline int
numword(const struct numfinder *nf, const unsigned char *s, size_t n,
    size_t b, size_t e)
{
	uint64_t x, h;

	/* most words are ruled out by their first letter and length */
	if (!(nf->nlen[s[b] | 0x20] >> (e - b < 31 ? e - b : 31) & 1))
		return 0;
	x = b + 8 <= n ? load_le(s + b) : load_short(s + b, n - b);
	h = wordkey(x, e - b);

	return (int)(nf->nkey[KEYBIT1(h) / 64] >> KEYBIT1(h) % 64 &
	    nf->nkey[KEYBIT2(h) / 64] >> KEYBIT2(h) % 64 & 1);
}

/*
 * Blocks of 64 bytes become a 64-bit mask of their ASCII letters; the
 * runs of letters are then read off the mask (their starts are letters
 * after a non-letter, their ends non-letters after a letter), a run
 * that goes on past a block being closed in a later one.
 */
int
numscan_maybe(const struct numfinder *nf, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str, *p;
	unsigned char tail[64];
	uint64_t x, y, t, letter, digit, high, m, starts, ends, prev = 0;
	size_t base, k, rs = 0, e, i;
	int open = 0;

	if (nf->nwide)
		return 1;
	for (base = 0; base < n; base += 64) {
		p = s + base;
		if (n - base < 64) {
			/* NULs after the end: not letters, digits, or high */
			memset(tail, 0, sizeof(tail));
			memcpy(tail, p, n - base);
			p = tail;
		}
		/* the digits and high bytes of the block are looked at
		 * after it: one branch each instead of eight */
		m = 0;
		digit = high = 0;
		for (k = 0; k < 64; k += 8) {
			x = load_le(p + k);
			t = x & SCAN_ONES * 0x7f;
			digit |= INRANGE(x, t, '0', '9');
			y = t | SCAN_ONES * 0x20;	/* 'A'-'Z' to 'a'-'z' */
			letter = INRANGE(x, y, 'a', 'z');
			high |= x & SCAN_HIGHS;
			m |= (uint64_t)pack8(letter) << k;
		}
		if (digit)
			return 1;
		if (high)
			for (i = base; i < base + 64 && i < n; i++)
				if (s[i] >= 0xc2 && vulgar_at(s, n, i))
					return 1;
		starts = m & ~(m << 1 | prev);
		ends = ~m & (m << 1 | prev);
		prev = m >> 63;
		while (ends != 0) {
			e = base + (size_t)ctz64(ends);
			ends &= ends - 1;
			if (!open) {
				rs = base + (size_t)ctz64(starts);
				starts &= starts - 1;
			}
			open = 0;
			if (numword(nf, s, n, rs, e))
				return 1;
		}
		if (starts != 0) {
			rs = base + (size_t)ctz64(starts);
			open = 1;
		}
	}
	return open && numword(nf, s, n, rs, n);
}
