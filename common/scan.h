/*
 * scan.h: look at text eight bytes at a time (SWAR: SIMD within a
 * register), for the loops that skip plain bytes to the next one that
 * matters.  Each test says only whether SOME byte of the word qualifies
 * (the answers do not depend on byte order); callers then look at those
 * eight bytes one by one, or ask scan_lowbyte() where the machine allows.
 */
#ifndef SCAN_H
#define SCAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define SCAN_ONES	0x0101010101010101ULL
#define SCAN_HIGHS	0x8080808080808080ULL

/* The eight bytes at p, any alignment. */
static inline uint64_t
scan_load(const char *p)
{
	uint64_t w;

	memcpy(&w, p, sizeof(w));
	return w;
}

/* Non-zero when some byte of w is 0. */
static inline uint64_t
scan_zero(uint64_t w)
{
	return (w - SCAN_ONES) & ~w & SCAN_HIGHS;
}

/* Non-zero when some byte of w is c. */
static inline uint64_t
scan_byte(uint64_t w, unsigned char c)
{
	return scan_zero(w ^ (SCAN_ONES * c));
}

/* Non-zero when some byte of w is below c (c at most 128). */
static inline uint64_t
scan_below(uint64_t w, unsigned char c)
{
	return (w - SCAN_ONES * c) & ~w & SCAN_HIGHS;
}

/*
 * Where the machine allows it (little-endian, a count-trailing-zeros
 * builtin), SCAN_LOWBYTE is defined and scan_lowbyte(m) is the index
 * (0-7) in memory of the byte of m's lowest set bit (m non-zero).  A
 * caller's mask must make that bit exact (the tests above may flag bytes
 * falsely above a true one, never below it); elsewhere callers look at
 * the bytes one by one.
 */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SCAN_LOWBYTE	1
static inline size_t
scan_lowbyte(uint64_t m)
{
	return (size_t)__builtin_ctzll(m) >> 3;
}
#endif

/*
 * Bit k set when p[k], of the 64 bytes at p, is an ASCII letter or digit.
 * x86_64 always has SSE2: sixteen bytes a step, branch-free.  A byte v is
 * in [lo, lo + w] when v - lo (wrapping) is at most w, that is when the
 * unsigned saturating v - lo - w is 0; for letters v is the byte with
 * 0x20 set (capitals to small letters), which puts bytes of 0x80 and
 * above in [0xa0, 0xff], never a letter.  Elsewhere a byte at a time,
 * branch-free too.
 */
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>

static inline uint64_t
scan_alnum64(const char *p)
{
	const __m128i zero = _mm_setzero_si128();
	const __m128i case20 = _mm_set1_epi8(0x20), a = _mm_set1_epi8('a');
	const __m128i az = _mm_set1_epi8('z' - 'a'), d0 = _mm_set1_epi8('0');
	const __m128i d9 = _mm_set1_epi8(9);
	__m128i x, l, d;
	uint64_t m = 0;
	int k;

	for (k = 0; k < 64; k += 16) {
		x = _mm_loadu_si128((const __m128i *)(const void *)(p + k));
		l = _mm_subs_epu8(_mm_sub_epi8(_mm_or_si128(x, case20), a), az);
		d = _mm_subs_epu8(_mm_sub_epi8(x, d0), d9);
		m |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_cmpeq_epi8(l, zero), _mm_cmpeq_epi8(d, zero))) << k;
	}
	return m;
}
#else
static inline uint64_t
scan_alnum64(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;
	uint64_t m = 0;
	int k;

	for (k = 0; k < 64; k++)
		m |= (uint64_t)((unsigned)((u[k] | 0x20) - 'a') < 26 ||
		    (unsigned)(u[k] - '0') < 10) << k;
	return m;
}
#endif

/* The number of zero bits below the lowest set bit of x (x != 0). */
static inline int
scan_ctz64(uint64_t x)
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

/* Non-zero when some byte of w is 0x80 or above (not ASCII). */
static inline uint64_t
scan_high(uint64_t w)
{
	return w & SCAN_HIGHS;
}

#endif
