/*
 * scan.h: look at text eight bytes at a time (SWAR: SIMD within a
 * register), for the loops that skip plain bytes to the next one that
 * matters.  Each test says only whether SOME byte of the word qualifies,
 * never which; callers then look at those eight bytes one by one.  The
 * answers do not depend on byte order.
 */
#ifndef SCAN_H
#define SCAN_H

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

/* Non-zero when some byte of w is 0x80 or above (not ASCII). */
static inline uint64_t
scan_high(uint64_t w)
{
	return w & SCAN_HIGHS;
}

#endif
