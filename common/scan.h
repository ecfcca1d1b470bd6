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

/* Non-zero when some byte of w is 0x80 or above (not ASCII). */
static inline uint64_t
scan_high(uint64_t w)
{
	return w & SCAN_HIGHS;
}

#endif
